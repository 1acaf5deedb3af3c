from odoo import fields, models

from ..models.party_points_result import GRADES


class PartyPointsAssessmentLineWizard(models.TransientModel):
    """On an assessment line in the back office: the branch committee's
    opinion (民主评议), or the committee's grade on a tie or an unqualified
    proposal the branch meeting has not carried. The line's workflow
    methods check who may do it and when."""

    _name = "party.points.assessment.line.wizard"
    _inherit = ["party.input.mixin"]
    _description = "Assessment Line Decision"

    line_id = fields.Many2one("party.points.assessment.line", required=True)
    member_id = fields.Many2one(related="line_id.member_id")
    composite = fields.Float(related="line_id.composite")
    proposed_grade = fields.Selection(related="line_id.proposed_grade")
    mode = fields.Selection(
        [("opinion", "Branch Opinion"), ("decide", "Decide Grade")],
        required=True,
        default="opinion",
    )
    grade = fields.Selection([grade for grade in GRADES if grade[0] != "exempt"])
    opinion = fields.Text(string="Branch Committee's Opinion")
    reason = fields.Text(string="Committee's Reason")

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "opinion":
            self.line_id.action_set_branch_opinion(self.opinion)
        else:
            self.line_id.action_decide_grade(self.grade, self.reason)
        return {"type": "ir.actions.act_window_close"}
