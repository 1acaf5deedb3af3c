from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PartyAssessmentNoticePortal(CustomerPortal):
    """/my/assessment/notice: the 公示 of the member's own branch while its
    window is open (names and grades, ranks only where ranking is on), each
    line with the objection form; nothing of other branches, nothing
    outside the window (:meth:`party.points.assessment._branch_notice`)."""

    @http.route(["/my/assessment/notice"], type="http", auth="user", website=True)
    def portal_assessment_notice(self, **kw):
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            member=member,
            notices=request.env["party.points.assessment"]._branch_notice(member),
            page_name="assessment_notice",
        )
        return request.render("party_points.portal_assessment_notice", values)
