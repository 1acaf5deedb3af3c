from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.party_points import compat

from ..models.party_suggestion import SATISFACTIONS

MODES = [
    ("reply", "Reply"),
    ("reply_close", "Reply and Close"),
    ("verify", "Verify"),
    ("feedback", "Feedback"),
    ("cancel", "Cancel"),
    ("lift_anonymity", "Lift Anonymity"),
]


class PartySuggestionWizard(models.TransientModel):
    """The ledger actions that need a text: a reply, a verification note,
    the employee's feedback or a cancel reason."""

    _name = "party.suggestion.wizard"
    _inherit = ["party.input.mixin"] + compat.HR_MIXIN
    _description = "Suggestion Ledger Action"

    suggestion_id = fields.Many2one("party.suggestion", ondelete="cascade")
    project_id = fields.Many2one("party.practical.project", ondelete="cascade")
    mode = fields.Selection(MODES, required=True, default="reply")
    text = fields.Text()
    verifier_ids = fields.Many2many("hr.employee", string="Verified By")
    satisfaction = fields.Selection(SATISFACTIONS)
    company_id = fields.Many2one("res.company", compute="_compute_company_id")

    @api.depends("suggestion_id", "project_id")
    def _compute_company_id(self):
        for wizard in self:
            target = wizard.suggestion_id or wizard.project_id
            wizard.company_id = target.company_id or self.env.company

    @api.constrains("suggestion_id", "project_id")
    def _check_target(self):
        for wizard in self:
            if bool(wizard.suggestion_id) == bool(wizard.project_id):
                raise ValidationError(_("Choose one suggestion or one key project."))

    def action_confirm(self):
        self.ensure_one()
        target = self.suggestion_id or self.project_id
        if self.mode in ("reply", "reply_close"):
            if not self.suggestion_id:
                raise UserError(_("Only suggestions are answered with a reply."))
            self.suggestion_id.action_reply(self.text, close=self.mode == "reply_close")
        elif self.mode == "verify":
            target.action_verify(self.text, verifier_ids=self.verifier_ids.ids)
        elif self.mode == "feedback":
            if not self.suggestion_id:
                raise UserError(_("Feedback is given on a suggestion."))
            self.suggestion_id.action_feedback(self.satisfaction, self.text)
        elif self.mode == "lift_anonymity":
            if not self.suggestion_id:
                raise UserError(_("Anonymity is lifted on a suggestion."))
            self.suggestion_id.action_lift_anonymity(self.text)
        else:
            target.action_cancel(self.text)
        return {"type": "ir.actions.act_window_close"}
