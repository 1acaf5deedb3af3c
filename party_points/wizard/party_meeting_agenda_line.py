from odoo import fields, models


class PartyMeetingAgendaLine(models.TransientModel):
    """One item of a committee meeting's agenda pack, as it stood when the
    pack was opened."""

    _name = "party.meeting.agenda.line"
    _description = "Agenda Pack Item"
    _order = "sequence, id"

    meeting_id = fields.Many2one("party.meeting", required=True, ondelete="cascade")
    sequence = fields.Integer()
    name = fields.Char(string="Item", required=True)
    count = fields.Integer()
    item_action = fields.Json()

    def action_open(self):
        self.ensure_one()
        return self.item_action
