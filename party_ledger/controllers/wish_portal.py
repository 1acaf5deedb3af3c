from urllib.parse import urlencode

from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.party_points import compat
from odoo.addons.party_points.controllers.portal import EVIDENCE_MAX_BYTES
from odoo.addons.party_points.lib import validation

from .portal import SuggestionPortal


class WishPortal(SuggestionPortal):
    """Wish lists on the portal: /my/wishes (the employee's own wishes and
    the form to raise one), a campaign's published wishes with a claim
    button for the branch's members, and a wish's page with the claimant's
    progress form and the employee's confirmation. Everything is read as
    the user: the record rules decide what they see, and the wisher is
    shown only by ``wisher_name`` (Anonymous where the campaign says so)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "wish_count" in counters:
            values["wish_count"] = (
                request.env["party.wish"].search_count([("is_mine", "=", True)])
                if self._party_can_read("party.wish")
                and request.env.user._party_employee()
                else 0
            )
        return values

    def _wish_portal_allowed(self):
        return self._party_can_read("party.wish") and request.env.user._party_employee()

    def _open_campaigns(self):
        return request.env["party.wish.campaign"].search([("state", "=", "open")])

    def _render_my_wishes(self, error=None, post=None):
        Wish = request.env["party.wish"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "wishes": Wish.search([("is_mine", "=", True)]),
                "campaigns": self._open_campaigns(),
                "default_branch": request.env.user._party_member().branch_id,
                "page_name": "wish",
                "error": error,
                "post": post or {},
            }
        )
        return request.render("party_ledger.portal_my_wishes", values)

    @http.route(["/my/wishes"], type="http", auth="user", website=True)
    def portal_my_wishes(self, **kw):
        if not self._wish_portal_allowed():
            return request.redirect("/my")
        return self._render_my_wishes()

    @http.route(
        ["/my/wishes/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_wish_submit(self, **post):
        if not self._wish_portal_allowed():
            return request.redirect("/my")
        try:
            if not (post.get("name") or "").strip():
                raise UserError(_("Say what you wish for."))
            campaign = request.env["party.wish.campaign"].browse(
                validation.check_integer(post.get("campaign_id") or 0, 1)
            )
            branch = request.env["party.branch"].browse(
                validation.check_integer(post.get("branch_id") or 0, 1)
            )
            if not campaign.exists() or not branch.exists():
                raise UserError(_("Choose the wish campaign and your branch."))
            with request.env.cr.savepoint():
                wish = request.env["party.wish"].create(
                    {
                        "name": post["name"].strip(),
                        "description": post.get("description") or False,
                        "campaign_id": campaign.id,
                        "branch_id": branch.id,
                    }
                )
        except (AccessError, UserError, ValueError) as error:
            message = (
                error.args[0]
                if isinstance(error, UserError | AccessError)
                else _("Choose the wish campaign and your branch.")
            )
            return self._render_my_wishes(message, post)
        return request.redirect(f"/my/wishes/{wish.id}")

    @http.route(
        ["/my/wishes/campaign/<int:campaign_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_wish_campaign(self, campaign_id, **kw):
        """The campaign's published wishes the user may see: those of their
        branch for a member."""
        if not self._wish_portal_allowed():
            return request.redirect("/my")
        campaign = request.env["party.wish.campaign"].browse(campaign_id)
        if not self._readable(campaign):
            return request.not_found()
        member = request.env.user._party_member()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "campaign": campaign,
                "wishes": request.env["party.wish"].search(
                    [
                        ("campaign_id", "=", campaign.id),
                        ("state", "in", ("accepted", "claimed", "fulfilled")),
                    ]
                ),
                "can_claim": bool(member) and campaign.state == "open",
                "member_branch": member.branch_id,
                "led_groups": self._led_groups(member),
                "page_name": "wish",
                "error": kw.get("error"),
            }
        )
        return request.render("party_ledger.portal_wish_campaign", values)

    @staticmethod
    def _led_groups(member):
        """The Party groups of their branch ``member`` leads (their names
        only are shown, read as superuser)."""
        if not member:
            return request.env["party.group"]
        return (
            request.env["party.group"]
            .sudo()
            .search(
                [
                    ("leader_id", "=", member.id),
                    ("branch_id", "=", member.branch_id.id),
                ]
            )
        )

    @staticmethod
    def _readable(record):
        """Whether the user may read ``record`` (an existing one)."""
        if not record.exists():
            return False
        try:
            compat.check_access(record, "read")
        except AccessError:
            return False
        return True

    def _portal_wish(self, wish_id):
        """The wish as the user, when they may read it, else None."""
        wish = request.env["party.wish"].browse(wish_id)
        return wish if self._readable(wish) else None

    def _wish_back(self, wish, error=None, campaign=False):
        url = (
            f"/my/wishes/campaign/{wish.campaign_id.id}"
            if campaign
            else f"/my/wishes/{wish.id}"
        )
        if error:
            url += "?" + urlencode({"error": error})
        return request.redirect(url)

    @http.route(
        ["/my/wishes/<int:wish_id>/claim"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_wish_claim(self, wish_id, **kw):
        wish = self._portal_wish(wish_id)
        if wish is None:
            return request.not_found()
        try:
            group_id = validation.check_integer(kw.get("group_id") or 0, 0)
            wish.action_claim(group_id=group_id or None)
        except ValueError:
            return self._wish_back(
                wish, _("Choose the Party group that claims the wish."), campaign=True
            )
        except (AccessError, UserError) as error:
            return self._wish_back(wish, error.args[0], campaign=True)
        return self._wish_back(wish)

    @staticmethod
    def _wish_progress(wish):
        """The progress reports of a wish (its messages with a body posted
        by people, newest first), read as superuser: the wish was read as
        the user."""
        return (
            request.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", wish._name),
                    ("res_id", "=", wish.id),
                    ("message_type", "=", "comment"),
                ]
            )
        )

    @http.route(["/my/wishes/<int:wish_id>"], type="http", auth="user", website=True)
    def portal_my_wish(self, wish_id, **kw):
        wish = self._portal_wish(wish_id)
        if wish is None:
            return request.not_found()
        member = request.env.user._party_member()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "wish": wish,
                "messages": self._wish_progress(wish),
                "is_claimant": wish._is_claimant(member),
                "can_confirm": wish.state == "claimed" and wish.is_mine,
                "satisfactions": wish._fields["satisfaction"]._description_selection(
                    request.env
                ),
                "max_mb": EVIDENCE_MAX_BYTES // (1024 * 1024),
                "page_name": "wish",
                "error": kw.get("error"),
            }
        )
        return request.render("party_ledger.portal_my_wish", values)

    @http.route(
        ["/my/wishes/<int:wish_id>/photos/<int:attachment_id>"],
        type="http",
        auth="user",
    )
    def portal_wish_photo(self, wish_id, attachment_id, **kw):
        wish = self._portal_wish(wish_id)
        if wish is None:
            return request.not_found()
        attachment = self._wish_progress(wish).attachment_ids.filtered(
            lambda record: record.id == attachment_id
        )
        if not attachment:
            return request.not_found()
        return request.env["ir.binary"]._get_stream_from(attachment).get_response()

    @http.route(
        ["/my/wishes/<int:wish_id>/progress"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_wish_progress(self, wish_id, **post):
        wish = self._portal_wish(wish_id)
        if wish is None:
            return request.not_found()
        try:
            uploads = self._portal_read_uploads("photos")
            with request.env.cr.savepoint():
                wish._check_claimant()
                photos = self._portal_attach(uploads, wish) if uploads else None
                wish.action_report_progress(
                    post.get("note"), photos.ids if photos else ()
                )
        except (AccessError, UserError) as error:
            return self._wish_back(wish, error.args[0])
        return self._wish_back(wish)

    @http.route(
        ["/my/wishes/<int:wish_id>/confirm"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_wish_confirm(self, wish_id, satisfaction=None, **kw):
        wish = self._portal_wish(wish_id)
        if wish is None or not wish.is_mine:
            return request.not_found()
        try:
            wish.action_confirm(satisfaction, kw.get("comment"))
        except (AccessError, UserError) as error:
            return self._wish_back(wish, error.args[0])
        return self._wish_back(wish)
