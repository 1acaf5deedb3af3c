from odoo import fields, models


class PartyPointsGradeWizard(models.TransientModel):
    """An officer's grade decision on a result tied across the quota line."""

    _name = "party.points.grade.wizard"
    _inherit = ["party.input.mixin"]
    _description = "Grade Decision"

    result_id = fields.Many2one("party.points.result", required=True)
    member_id = fields.Many2one(related="result_id.member_id")
    score = fields.Float(related="result_id.score")
    grade = fields.Selection(
        [("excellent", "Excellent"), ("qualified", "Qualified")],
        required=True,
        default="qualified",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.result_id.action_set_grade(self.grade, self.reason)
        return {"type": "ir.actions.act_window_close"}
