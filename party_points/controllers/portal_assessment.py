from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..lib.assessment import REVIEW_CHOICES


class PartyAssessmentPortal(CustomerPortal):
    """/my/assessment: the member's published assessment lines (composite,
    its parts, vetoes, grade) with an objection form while the notice is
    open, and the 民主评议 votes to cast on the fellow members of their
    branch. The page reads as superuser only the member's own lines and
    branch; the models check every vote and objection
    (:meth:`party.points.assessment.action_cast_votes`, the objection's
    ``create``)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "assessment_count" in counters:
            member = request.env.user._party_member()
            # the member's published lines
            values["assessment_count"] = (
                request.env["party.points.assessment.line"]
                .sudo()
                .search_count(
                    [
                        ("member_id", "=", member.id),
                        ("assessment_id.state", "in", ("notice", "final")),
                    ]
                )
                if member
                else 0
            )
        return values

    @staticmethod
    def _assessment_values(member, error=None, sent=None):
        Line = request.env["party.points.assessment.line"].sudo()
        mine = Line.search(
            [
                ("member_id", "=", member.id),
                ("assessment_id.state", "in", ("notice", "final")),
            ]
        )
        voting = (
            request.env["party.points.assessment"]
            .sudo()
            .search(
                [("state", "=", "computed"), ("company_id", "=", member.company_id.id)]
            )
        )
        voted = {
            (ballot.assessment_id.id, ballot.member_id.id)
            for ballot in request.env["party.points.assessment.ballot"]
            .sudo()
            .search([("voter_id", "=", member.id), ("assessment_id", "in", voting.ids)])
        }
        to_vote = Line.search(
            [
                ("assessment_id", "in", voting.ids),
                ("branch_id", "=", member.branch_id.id),
                ("member_id", "!=", member.id),
                ("category", "!=", "exempt"),
            ],
            order="assessment_id, member_id",
        ).filtered(lambda line: (line.assessment_id.id, line.member_id.id) not in voted)
        # the lines the member writes a self-assessment on
        writing = Line.search(
            [
                ("member_id", "=", member.id),
                ("assessment_id.state", "in", ("computed", "notice")),
            ]
        )
        labels = dict(Line._fields["final_grade"]._description_selection(request.env))
        return {
            "member": member,
            "my_lines": mine,
            "open_ids": {line.id for line in mine if line.assessment_id._notice_open()},
            "self_lines": writing,
            "to_vote": to_vote,
            "choices": [(choice, labels[choice]) for choice in REVIEW_CHOICES],
            "error": error,
            "sent": sent,
            "page_name": "assessment",
        }

    def _render(self, member, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._assessment_values(member, **kw))
        return request.render("party_points.portal_my_assessment", values)

    @http.route(["/my/assessment"], type="http", auth="user", website=True)
    def portal_my_assessment(self, sent=None, **kw):
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        return self._render(member, sent=sent)

    @http.route(
        ["/my/assessment/<int:assessment_id>/vote"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_assessment_vote(self, assessment_id, **kw):
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        choices = {
            key.removeprefix("vote_"): value
            for key, value in kw.items()
            if key.startswith("vote_") and value
        }
        assessment = request.env["party.points.assessment"].sudo().browse(assessment_id)
        try:
            if not assessment.exists():
                raise UserError(_("This assessment does not exist."))
            if not choices:
                raise UserError(_("Choose a vote for at least one member."))
            try:
                choices = {int(key): value for key, value in choices.items()}
            except ValueError:
                raise UserError(_("This vote names no member.")) from None
            assessment.action_cast_votes(choices)
        except UserError as error:
            return self._render(member, error=error.args[0])
        return request.redirect("/my/assessment?sent=vote")

    def _line_post(self, line_id, method, *args, sent):
        """Call ``method`` of the user's line ``line_id`` (the method checks
        that the line is theirs and the moment) and show the page again."""
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        line = request.env["party.points.assessment.line"].sudo().browse(line_id)
        try:
            if not line.exists():
                raise UserError(_("This assessment line does not exist."))
            getattr(line, method)(*args)
        except (UserError, AccessError) as error:
            return self._render(member, error=error.args[0])
        return request.redirect(f"/my/assessment?sent={sent}")

    @http.route(
        ["/my/assessment/line/<int:line_id>/self"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_assessment_self(self, line_id, self_assessment=None, **kw):
        return self._line_post(
            line_id, "action_save_self_assessment", self_assessment, sent="self"
        )

    @http.route(
        ["/my/assessment/line/<int:line_id>/confirm"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_assessment_confirm(self, line_id, **kw):
        return self._line_post(line_id, "action_confirm_grade", sent="confirm")

    @http.route(
        ["/my/assessment/line/<int:line_id>/objection"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_assessment_objection(self, line_id, reason=None, **kw):
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        try:
            if not (reason or "").strip():
                raise UserError(_("Give the reasons for the objection."))
            # the objection checks who files it, on which line and when
            request.env["party.points.assessment.objection"].sudo().create(
                {"line_id": line_id, "reason": reason}
            )
        except UserError as error:
            return self._render(member, error=error.args[0])
        return request.redirect("/my/assessment?sent=objection")
