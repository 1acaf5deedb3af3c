from urllib.parse import urlencode

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.party_suggestion import SATISFACTIONS


class SuggestionPortal(CustomerPortal):
    """Employees raise suggestions, follow them and give their feedback on
    /my/suggestions. Everything is read as the employee: the record rules
    decide what they see, and the real submitter of an anonymous item is
    never rendered."""

    _items_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "suggestion_count" in counters:
            Suggestion = request.env["party.suggestion"]
            values["suggestion_count"] = (
                Suggestion.search_count([("is_mine", "=", True)])
                if Suggestion.check_access_rights("read", raise_exception=False)
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
        if not Suggestion.check_access_rights("read", raise_exception=False):
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
        item = request.env["party.suggestion"].browse(suggestion_id)
        try:
            item.check_access_rights("read")
            item.check_access_rule("read")
            if not item.exists():
                raise MissingError(_("This suggestion does not exist."))
        except (AccessError, MissingError):
            return None
        return item

    @http.route(
        ["/my/suggestions/<int:suggestion_id>"], type="http", auth="user", website=True
    )
    def portal_my_suggestion(self, suggestion_id, **kw):
        item = self._portal_suggestion(suggestion_id)
        if item is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "suggestion": item,
                "page_name": "suggestion",
                "satisfactions": SATISFACTIONS,
                "can_rate": item.state == "done"
                and item.satisfaction in (False, "unsatisfied")
                and item.is_mine,
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
        if item is None:
            return request.redirect("/my")
        try:
            item.action_feedback(satisfaction, kw.get("comment"))
        except (AccessError, UserError) as error:
            query = urlencode({"error": error.args[0]})
            return request.redirect(f"/my/suggestions/{item.id}?{query}")
        return request.redirect(f"/my/suggestions/{item.id}")

    @http.route(["/my/suggestions/new"], type="http", auth="user", website=True)
    def portal_suggestion_new(self, **kw):
        employee = request.env.user.employee_id
        if not employee:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "suggestion",
                "branches": request.env["party.branch"].search([]),
                "error": kw.get("error"),
            }
        )
        return request.render("party_ledger.portal_suggestion_new", values)

    @http.route(
        ["/my/suggestions/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_suggestion_submit(
        self, title=None, description=None, branch_id=None, **kw
    ):
        employee = request.env.user.employee_id
        if not employee or not title or not branch_id:
            query = urlencode({"error": _("Give a title and choose your branch.")})
            return request.redirect(f"/my/suggestions/new?{query}")
        item = request.env["party.suggestion"].create(
            {
                "title": title,
                "description": description,
                "branch_id": int(branch_id),
                "employee_id": employee.id,
                "is_anonymous": bool(kw.get("is_anonymous")),
                "channel": "portal",
            }
        )
        return request.redirect(f"/my/suggestions/{item.id}")
