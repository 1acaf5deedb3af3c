from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..lib.staff_rating import QUESTIONS


class PartyStaffRatingPortal(CustomerPortal):
    """/my/branch-rating: the open staff rating round of the employee's
    company, the form to rate their own branch once, and "you have rated"
    afterwards. The page lays out what
    :meth:`party.staff.rating.round._portal_values` returns; the model
    checks every rating (:meth:`party.staff.rating.round.action_rate`)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "branch_rating_count" in counters:
            state = request.env["party.staff.rating.round"]._portal_values(
                request.env.user
            )
            values["branch_rating_count"] = int(
                bool(
                    state["rating_round"] and state["branch"] and not state["has_rated"]
                )
            )
        return values

    def _render_rating(self, error=None, sent=None):
        values = self._prepare_portal_layout_values()
        values.update(
            request.env["party.staff.rating.round"]._portal_values(request.env.user)
        )
        Response = request.env["party.staff.rating.response"]
        values.update(
            questions=[
                (name, Response._fields[name]._description_string(request.env))
                for name in QUESTIONS
            ],
            error=error,
            sent=sent,
            page_name="branch_rating",
        )
        return request.render("party_points.portal_my_branch_rating", values)

    @http.route(["/my/branch-rating"], type="http", auth="user", website=True)
    def portal_my_branch_rating(self, sent=None, **kw):
        if not request.env.user._party_employee():
            return request.redirect("/my")
        return self._render_rating(sent=sent)

    @http.route(
        ["/my/branch-rating/<int:round_id>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_branch_rating_post(self, round_id, branch_id=None, comment=None, **kw):
        if not request.env.user._party_employee():
            return request.redirect("/my")
        rating_round = request.env["party.staff.rating.round"].sudo().browse(round_id)
        try:
            if not rating_round.exists():
                raise UserError(_("This rating round does not exist."))
            scores = {name: kw.get(name) for name in QUESTIONS}
            # the model checks who rates, which branch, once, and the scores
            rating_round.with_user(request.env.user).action_rate(
                branch_id, scores, comment
            )
        except UserError as error:
            return self._render_rating(error=error.args[0])
        return request.redirect("/my/branch-rating?sent=1")
