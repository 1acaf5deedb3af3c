from odoo import fields, models

from ..models.party_suggestion import SATISFACTIONS


class PartyWishWizard(models.TransientModel):
    """The steps of a wish that need a few words: declining (the reason)
    and recording the employee's confirmation (how satisfied they are)."""

    _name = "party.wish.wizard"
    _description = "Wish Review Step"

    wish_id = fields.Many2one("party.wish", required=True, ondelete="cascade")
    mode = fields.Selection(
        [("decline", "Decline"), ("confirm", "Confirm Fulfilment")], required=True
    )
    reason = fields.Text(string="Reason for Declining")
    satisfaction = fields.Selection(SATISFACTIONS)
    comment = fields.Text()

    def action_apply(self):
        self.ensure_one()
        if self.mode == "decline":
            self.wish_id.action_decline(self.reason)
        else:
            self.wish_id.action_confirm(self.satisfaction, self.comment)
        return {"type": "ir.actions.act_window_close"}
