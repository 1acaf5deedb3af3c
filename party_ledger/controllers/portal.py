from urllib.parse import urlencode

from odoo import Command, _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.party_points.controllers.portal import (
    EVIDENCE_MAX_BYTES,
    PartyPortal,
)
from odoo.addons.party_points.lib import validation
from odoo.addons.portal.controllers.portal import pager as portal_pager


class SuggestionPortal(PartyPortal):
    """Employees, internal or portal users, raise suggestions, follow them
    and give their feedback on /my/suggestions. Everything is read as the
    employee: the record rules decide what they see, and the real submitter
    of an anonymous item is never rendered."""

    _items_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "suggestion_count" in counters:
            Suggestion = request.env["party.suggestion"]
            values["suggestion_count"] = (
                Suggestion.search_count([("is_mine", "=", True)])
                if self._party_can_read("party.suggestion")
                and request.env.user._party_employee()
                else 0
            )
        return values

    @http.route(
        ["/my/suggestions", "/my/suggestions/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_suggestions(self, page=1, **kw):
        Suggestion = request.env["party.suggestion"]
        if (
            not self._party_can_read("party.suggestion")
            or not request.env.user._party_employee()
        ):
            return request.redirect("/my")
        domain = [("is_mine", "=", True)]
        pager = portal_pager(
            url="/my/suggestions",
            total=Suggestion.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "suggestions": Suggestion.search(
                    domain, limit=self._items_per_page, offset=pager["offset"]
                ),
                "pager": pager,
                "page_name": "suggestion",
                "default_url": "/my/suggestions",
            }
        )
        return request.render("party_ledger.portal_my_suggestions", values)

    def _portal_suggestion(self, suggestion_id):
        """The item as the current user, when it is one of theirs, else None
        (another employee's item reads as missing)."""
        if not request.env.user._party_employee():
            return None
        try:
            self._document_check_access("party.suggestion", suggestion_id)
        except (AccessError, MissingError):
            return None
        item = request.env["party.suggestion"].browse(suggestion_id)
        return item if item.is_mine else None

    def _is_submitter(self, item):
        """Whether the logged-in user raised ``item`` (anonymously or not)."""
        return item.sudo().submitter_id == request.env.user._party_employee()

    @staticmethod
    def _suggestion_documents(item):
        """The files meant for the submitter: those they sent with the item,
        and those staff published in a message to them (not internal
        notes); never every file staff attached in the back office."""
        published = (
            request.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", item._name),
                    ("res_id", "=", item.id),
                    ("attachment_ids", "!=", False),
                    ("message_type", "in", ("comment", "email")),
                    ("is_internal", "=", False),
                    ("subtype_id.internal", "=", False),
                ]
            )
            .attachment_ids
        )
        return (item.sudo().submitter_attachment_ids | published).sorted("id")

    @http.route(
        ["/my/suggestions/<int:suggestion_id>/attachments/<int:attachment_id>"],
        type="http",
        auth="user",
    )
    def portal_my_suggestion_attachment(
        self, suggestion_id, attachment_id, download=None, **kw
    ):
        """A document of a suggestion the user may see (those listed on its
        page), shown in the browser or downloaded; 404 otherwise."""
        item = self._portal_suggestion(suggestion_id)
        if item is None:
            return request.not_found()
        attachment = self._suggestion_documents(item).filtered(
            lambda record: record.id == attachment_id
        )
        if not attachment:
            return request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment.sudo())
            .get_response(as_attachment=bool(download))
        )

    @http.route(
        ["/my/suggestions/<int:suggestion_id>"], type="http", auth="user", website=True
    )
    def portal_my_suggestion(self, suggestion_id, **kw):
        item = self._portal_suggestion(suggestion_id)
        if item is None:
            return request.not_found()
        values = self._get_page_view_values(
            item,
            None,
            self._prepare_portal_layout_values(),
            "my_suggestions_history",
            False,
        )
        is_submitter = self._is_submitter(item)
        values.update(
            {
                "suggestion": item,
                "is_submitter": is_submitter,
                "attachments": self._suggestion_documents(item),
                "page_name": "suggestion",
                "satisfactions": item._fields["satisfaction"]._description_selection(
                    request.env
                ),
                "can_rate": item.state == "done"
                and item.satisfaction in (False, "unsatisfied")
                and is_submitter,
                "error": kw.get("error"),
            }
        )
        return request.render("party_ledger.portal_my_suggestion", values)

    @http.route(
        ["/my/suggestions/<int:suggestion_id>/feedback"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_suggestion_feedback(self, suggestion_id, satisfaction=None, **kw):
        item = self._portal_suggestion(suggestion_id)
        if item is None or not self._is_submitter(item):
            return request.not_found()
        try:
            item.action_feedback(satisfaction, kw.get("comment"))
        except (AccessError, UserError) as error:
            query = urlencode({"error": error.args[0]})
            return request.redirect(f"/my/suggestions/{item.id}?{query}")
        return request.redirect(f"/my/suggestions/{item.id}")

    def _render_suggestion_form(self, error=None, post=None):
        member = request.env.user._party_member()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "suggestion",
                "branches": request.env["party.branch"].search([]),
                "default_branch": member.branch_id,
                "max_mb": EVIDENCE_MAX_BYTES // (1024 * 1024),
                "error": error,
                "post": post or {},
            }
        )
        return request.render("party_ledger.portal_suggestion_new", values)

    @http.route(["/my/suggestions/new"], type="http", auth="user", website=True)
    def portal_suggestion_new(self, **kw):
        employee = request.env.user._party_employee()
        if not employee or not self._party_can_read("party.suggestion"):
            return request.redirect("/my")
        return self._render_suggestion_form()

    @http.route(
        ["/my/suggestions/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_suggestion_submit(self, **post):
        employee = request.env.user._party_employee()
        if not employee or not self._party_can_read("party.suggestion"):
            return request.redirect("/my")
        try:
            if not (post.get("title") or "").strip() or not post.get("branch_id"):
                raise UserError(_("Give a title and choose your branch."))
            branch = request.env["party.branch"].browse(
                validation.check_integer(post["branch_id"], 1)
            )
            if not branch.exists():
                raise UserError(_("Choose your branch from the list."))
            uploads = self._portal_read_uploads("attachments")
            with request.env.cr.savepoint():
                item = request.env["party.suggestion"].create(
                    {
                        "title": post["title"].strip(),
                        "description": post.get("description") or False,
                        "branch_id": branch.id,
                        "employee_id": employee.id,
                        "is_anonymous": bool(post.get("is_anonymous")),
                        "channel": "portal",
                    }
                )
                if uploads:
                    attachments = self._portal_attach(uploads, item)
                    item.sudo().write(
                        {"submitter_attachment_ids": [Command.set(attachments.ids)]}
                    )
        except (AccessError, UserError, ValueError) as error:
            message = (
                error.args[0]
                if isinstance(error, UserError | AccessError)
                else _("Choose your branch from the list.")
            )
            return self._render_suggestion_form(message, post)
        return request.redirect(f"/my/suggestions/{item.id}")
