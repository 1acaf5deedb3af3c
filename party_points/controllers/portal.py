import base64

from odoo import SUPERUSER_ID, Command, _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .. import compat
from ..lib import validation

# Evidence a member may upload: photos and PDF documents, 5 MB each.
EVIDENCE_MIMETYPES = frozenset(validation.UPLOAD_EXTENSIONS)
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
ENTRY_SORTINGS = {
    "date": "date desc, id desc",
    "date_asc": "date asc, id asc",
}


class PartyPortal(CustomerPortal):
    """The member's pages: /my/points and /my/points/claim. The employee and
    the member behind the logged-in user are the user's to say
    (:meth:`res.users._party_employee`, :meth:`res.users._party_member`),
    for every Party portal page (the suggestion ledger's too)."""

    _items_per_page = 20

    # -- access -------------------------------------------------------------

    @staticmethod
    def _party_can_read(model_name):
        return compat.has_access_rights(request.env[model_name], "read")

    # -- evidence -----------------------------------------------------------

    @staticmethod
    def _portal_input_error(error, label=None):
        """A UserError with the sentence for a refused posted value."""
        return UserError(
            request.env["party.input.mixin"]._party_input_message(error, label=label)
        )

    @classmethod
    def _portal_read_uploads(cls, field_name):
        """``[(filename, data, mimetype)]`` of the files posted under
        ``field_name``, or a UserError naming the first file of the wrong
        type or size. The type is the one sniffed from the content, and the
        name's ending must agree with it (a name without one gets it).
        Nothing is stored here: callers create records only once every file
        has passed. Every Party portal form that takes files uses this."""
        uploads = []
        for upload in request.httprequest.files.getlist(field_name):
            if not upload.filename:
                continue
            data = upload.read()
            if len(data) > EVIDENCE_MAX_BYTES:
                raise UserError(
                    _(
                        "%(file)s is larger than %(size)s MB: send a smaller "
                        "photo or document.",
                        file=upload.filename,
                        size=EVIDENCE_MAX_BYTES // (1024 * 1024),
                    )
                )
            mimetype = guess_mimetype(data)
            try:
                name = validation.upload_name(upload.filename, mimetype)
            except validation.InputError as error:
                raise cls._portal_input_error(error) from error
            uploads.append((name, data, mimetype))
        return uploads

    @staticmethod
    def _portal_attach(uploads, record):
        """Store checked uploads as attachments of ``record``, with the type
        sniffed from their content (never the one their name suggests);
        created as superuser so that an anonymous submitter is not their
        author."""
        return (
            request.env["ir.attachment"]
            .with_user(SUPERUSER_ID)
            .create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(data),
                        "mimetype": mimetype,
                        "res_model": record._name,
                        "res_id": record.id,
                    }
                    for name, data, mimetype in uploads
                ]
            )
        )

    # -- home ---------------------------------------------------------------

    @http.route()
    def home(self, **kw):
        """/my, with the Party cards that apply to the user."""
        response = super().home(**kw)
        user = request.env.user
        response.qcontext.update(
            party_employee=bool(user._party_employee()),
            party_member=bool(user._party_member()),
        )
        return response

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        wanted = {"points_entry_count", "points_claim_count"}.intersection(counters)
        if wanted:
            member = request.env.user._party_member()
            can_read = bool(member) and self._party_can_read("party.points.entry")
            Entry = request.env["party.points.entry"]
            if "points_entry_count" in counters:
                values["points_entry_count"] = (
                    Entry.search_count([("member_id", "=", member.id)])
                    if can_read
                    else 0
                )
            if "points_claim_count" in counters:
                # every entry of his still waiting, his claims and those his
                # branch recorded for him alike
                values["points_claim_count"] = (
                    Entry.search_count(
                        [
                            ("member_id", "=", member.id),
                            ("state", "in", ("draft", "submitted")),
                        ]
                    )
                    if can_read
                    else 0
                )
        return values

    # -- points -------------------------------------------------------------

    @http.route(
        ["/my/points", "/my/points/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_points(self, page=1, sortby="date", **kw):
        member = request.env.user._party_member()
        if not member or not self._party_can_read("party.points.entry"):
            return request.redirect("/my")
        if sortby not in ENTRY_SORTINGS:
            sortby = "date"
        Entry = request.env["party.points.entry"]
        domain = [("member_id", "=", member.id)]
        pager = portal_pager(
            url="/my/points",
            url_args={"sortby": sortby},
            total=Entry.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        period = request.env["party.points.period"]._open_for_member(member)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "member": member,
                "period": period,
                "running": period and period._running_result(member),
                "entries": Entry.search(
                    domain,
                    order=ENTRY_SORTINGS[sortby],
                    limit=self._items_per_page,
                    offset=pager["offset"],
                ),
                "results": request.env["party.points.result"].search(
                    [("member_id", "=", member.id)]
                ),
                "pager": pager,
                "sortby": sortby,
                "searchbar_sortings": {
                    "date": {"label": _("Newest first")},
                    "date_asc": {"label": _("Oldest first")},
                },
                "page_name": "points",
                "default_url": "/my/points",
                "branch_pending": Entry.search(
                    [
                        ("member_id", "=", member.id),
                        ("origin", "!=", "claim"),
                        ("state", "in", ("draft", "submitted")),
                    ],
                    order="date desc, id desc",
                ),
            }
        )
        return request.render("party_points.portal_my_points", values)

    @http.route(
        ["/my/points/claims", "/my/points/claims/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_claims(self, page=1, **kw):
        """The member's claims, newest first, with the way to a new one."""
        member = request.env.user._party_member()
        if not member or not self._party_can_read("party.points.entry"):
            return request.redirect("/my")
        Entry = request.env["party.points.entry"]
        domain = [("member_id", "=", member.id), ("origin", "=", "claim")]
        pager = portal_pager(
            url="/my/points/claims",
            total=Entry.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "member": member,
                "entries": Entry.search(
                    domain,
                    order=ENTRY_SORTINGS["date"],
                    limit=self._items_per_page,
                    offset=pager["offset"],
                ),
                "pager": pager,
                "page_name": "points_claims",
                "default_url": "/my/points/claims",
            }
        )
        return request.render("party_points.portal_my_claims", values)

    def _portal_own_entry(self, entry_id):
        """The member's own entry, or None (also for another member's id)."""
        member = request.env.user._party_member()
        try:
            entry = self._document_check_access("party.points.entry", entry_id)
        except (AccessError, MissingError):
            return None
        if not member or entry.member_id != member:
            return None
        return entry

    @http.route(
        ["/my/points/entries/<int:entry_id>"], type="http", auth="user", website=True
    )
    def portal_my_points_entry(self, entry_id, **kw):
        entry = self._portal_own_entry(entry_id)
        if entry is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"entry": entry, "page_name": "points_entry"})
        return request.render("party_points.portal_my_points_entry", values)

    @http.route(
        ["/my/points/entries/<int:entry_id>/evidence/<int:attachment_id>"],
        type="http",
        auth="user",
    )
    def portal_my_points_evidence(self, entry_id, attachment_id, download=None, **kw):
        """A file of the member's own entry, shown in the browser (images and
        PDF) or downloaded; the same 404 for anyone else's."""
        entry = self._portal_own_entry(entry_id)
        if entry is None:
            return request.not_found()
        attachment = entry.sudo().attachment_ids.filtered(
            lambda record: record.id == attachment_id
        )
        if not attachment:
            return request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment)
            .get_response(as_attachment=bool(download))
        )

    # -- claims -------------------------------------------------------------

    @staticmethod
    def _claimable_rules(period):
        return period.ruleset_id.rule_ids.filtered(
            lambda rule: rule.member_claimable and not rule.is_veto
        )

    def _render_claim_form(self, member, period, error=None, post=None):
        values = self._prepare_portal_layout_values()
        today = fields.Date.context_today(member)
        default_date = period and min(max(today, period.date_start), period.date_end)
        values.update(
            {
                "member": member,
                "period": period,
                "rules": period and self._claimable_rules(period),
                "default_date": default_date,
                "max_mb": EVIDENCE_MAX_BYTES // (1024 * 1024),
                "error": error,
                "post": post or {},
                "page_name": "points_claim",
            }
        )
        return request.render("party_points.portal_points_claim", values)

    @http.route(
        ["/my/points/claim"], type="http", auth="user", methods=["GET"], website=True
    )
    def portal_points_claim(self, **kw):
        member = request.env.user._party_member()
        if not member or not self._party_can_read("party.points.entry"):
            return request.redirect("/my")
        return self._render_claim_form(
            member, request.env["party.points.period"]._open_for_member(member)
        )

    def _check_claim(self, member, period, post):
        """The values of a claim posted by ``member``, or a UserError with
        what is wrong; nothing is written here."""
        if not period:
            raise UserError(
                _("No points period is open for your branch: nothing can be claimed.")
            )
        if post.get("member_id") and post["member_id"] != str(member.id):
            raise UserError(_("You can only claim points for yourself."))
        Entry = request.env["party.points.entry"]
        try:
            rule_id = validation.check_integer(post.get("rule_id") or 0)
        except validation.InputError as error:
            raise UserError(_("Check the item, the quantity and the date.")) from error
        try:
            quantity = validation.to_number(post.get("quantity") or 1)
        except validation.InputError as error:
            raise self._portal_input_error(
                error, Entry._fields["quantity"]._description_string(request.env)
            ) from error
        try:
            day = validation.parse_date(post.get("date") or "")
        except validation.InputError as error:
            raise self._portal_input_error(
                error, Entry._fields["date"]._description_string(request.env)
            ) from error
        try:
            description = validation.check_text(post.get("description"))
        except validation.InputError as error:
            raise self._portal_input_error(
                error,
                Entry._fields["description"]._description_string(request.env),
            ) from error
        rule = self._claimable_rules(period).filtered(lambda r: r.id == rule_id)
        if not rule:
            raise UserError(
                _(
                    "This item cannot be claimed by members in %(period)s: "
                    "choose one from the list.",
                    period=period.name,
                )
            )
        if quantity <= 0:
            raise UserError(_("The quantity must be above 0."))
        if quantity > validation.MAX_QUANTITY:
            raise UserError(
                _(
                    "The quantity can be at most %(limit)s: check what you typed.",
                    limit=validation.MAX_QUANTITY,
                )
            )
        if not day or not period.date_start <= day <= period.date_end:
            raise UserError(
                _(
                    "The date must fall within %(period)s (%(start)s to %(end)s).",
                    period=period.name,
                    start=period.date_start,
                    end=period.date_end,
                )
            )
        return {
            "member_id": member.id,
            "rule_id": rule.id,
            "quantity": quantity,
            "date": day,
            "description": description or False,
            "origin": "claim",
        }

    @http.route(
        ["/my/points/claim"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_points_claim_submit(self, **post):
        member = request.env.user._party_member()
        if not member or not self._party_can_read("party.points.entry"):
            return request.redirect("/my")
        period = request.env["party.points.period"]._open_for_member(member)
        try:
            vals = self._check_claim(member, period, post)
            uploads = self._portal_read_uploads("evidence")
            with request.env.cr.savepoint():
                entry = request.env["party.points.entry"].create(vals)
                if uploads:
                    attachments = self._portal_attach(uploads, entry)
                    # as superuser, like the files themselves: since 19.0 a
                    # member may not link attachments they cannot list
                    entry.sudo().write(
                        {"attachment_ids": [Command.set(attachments.ids)]}
                    )
                entry.action_submit()
        except (AccessError, UserError) as error:
            return self._render_claim_form(member, period, error.args[0], post)
        return request.redirect(f"/my/points/entries/{entry.id}")
