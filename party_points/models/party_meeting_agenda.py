"""The agenda pack of a branch committee meeting (支委会): what waits for
the committee this month, each with its count and the list behind it
(issue 14). ``_agenda_items`` is the hook other addons extend."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

COMMITTEE_TYPE = "party_points.meeting_type_committee"


class PartyMeetingAgenda(models.Model):
    _inherit = "party.meeting"

    is_committee_meeting = fields.Boolean(compute="_compute_is_committee_meeting")

    @api.depends("type_id")
    def _compute_is_committee_meeting(self):
        committee = self.env.ref(COMMITTEE_TYPE, raise_if_not_found=False)
        for meeting in self:
            meeting.is_committee_meeting = bool(committee) and (
                meeting.type_id == committee
            )

    def _agenda_items(self):
        """``[(title, count, action)]``: what the committee of this
        meeting's branch has to see this month, as the current user reads
        it; ``action``: the window action listing the items. Extend it to
        add items (append to the list ``super()`` returns)."""
        self.ensure_one()
        domain = [
            ("state", "=", "submitted"),
            ("branch_id", "child_of", self.branch_id.ids),
        ]
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_points_entry_action_to_approve"
        )
        action.update(domain=domain, context={})
        return [
            (
                _("Entries waiting for approval"),
                self.env["party.points.entry"].search_count(domain),
                action,
            )
        ]

    def action_agenda_pack(self):
        """Open the agenda pack of this committee meeting: one line per
        item of :meth:`_agenda_items`."""
        self.ensure_one()
        if not self.is_committee_meeting:
            raise UserError(
                _("The agenda pack belongs to the meetings of the branch committee.")
            )
        self._check_officer()
        lines = self.env["party.meeting.agenda.line"].create(
            [
                {
                    "meeting_id": self.id,
                    "sequence": sequence,
                    "name": title,
                    "count": count,
                    "item_action": action,
                }
                for sequence, (title, count, action) in enumerate(self._agenda_items())
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Agenda Pack: %(meeting)s", meeting=self.name),
            "res_model": "party.meeting.agenda.line",
            "view_mode": "list",
            "domain": [("id", "in", lines.ids)],
            "target": "new",
        }


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
