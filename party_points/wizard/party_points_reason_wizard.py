from odoo import api, fields, models

OPERATIONS = {
    "reject": ("party.points.entry", "action_reject"),
    "reverse": ("party.points.entry", "action_reverse"),
    "reopen": ("party.points.period", "action_reopen"),
    "refuse_evidence": ("party.branch.rating.line", "action_refuse"),
}


class PartyPointsReasonWizard(models.TransientModel):
    """Asks the reason for rejecting or reversing entries, reopening a
    period or refusing a branch's star-rating evidence, and hands it to the
    workflow method."""

    _name = "party.points.reason.wizard"
    _inherit = ["party.input.mixin"]
    _description = "Reason for a Points Decision"

    operation = fields.Selection(
        [
            ("reject", "Reject Entries"),
            ("reverse", "Reverse Entries"),
            ("reopen", "Reopen Period"),
            ("refuse_evidence", "Refuse Evidence"),
        ],
        required=True,
    )
    reason = fields.Text(required=True)
    record_count = fields.Integer(compute="_compute_record_count")

    @api.depends("operation")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = len(wizard._records())

    def _records(self):
        model, _method = OPERATIONS[self.operation]
        if self.env.context.get("active_model") != model:
            return self.env[model]
        return self.env[model].browse(self.env.context.get("active_ids", []))

    def action_confirm(self):
        self.ensure_one()
        _model, method = OPERATIONS[self.operation]
        getattr(self._records(), method)(self.reason)
        return {"type": "ir.actions.act_window_close"}
