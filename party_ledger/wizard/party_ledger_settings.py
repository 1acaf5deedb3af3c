from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..models.res_company import (
    ANSWER_CLOCK_FIELDS,
    channel_hours_field,
    working_hours_field,
)

# The company fields this form edits (see models/res_company.py).
CLOCK_FIELDS = (
    "party_response_hours_immediate",
    "party_response_hours_urgent",
    "party_response_hours_normal",
    "party_completion_days_immediate",
    "party_completion_days_urgent",
    "party_completion_days_normal",
    "party_explanation_days",
    "party_reminder_hours",
)
SETTING_FIELDS = (*CLOCK_FIELDS, *ANSWER_CLOCK_FIELDS, "party_basic_counts_satisfied")


class PartyLedgerSettings(models.TransientModel):
    """The suggestion ledger's clocks and rate setting of one company, for
    the Party committee: Odoo's general settings need administrator rights,
    the committee sets the response and completion times of its own ledger."""

    _name = "party.ledger.settings"
    _description = "Suggestion Ledger Settings"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    party_response_hours_immediate = fields.Integer(string="Response Hours (Immediate)")
    party_response_hours_urgent = fields.Integer(string="Response Hours (Urgent)")
    party_response_hours_normal = fields.Integer(string="Response Hours (Normal)")
    party_response_working_immediate = working_hours_field("Immediate")
    party_response_working_urgent = working_hours_field("Urgent")
    party_response_working_normal = working_hours_field("Normal")
    party_channel_hours_dual_link = channel_hours_field("Dual Link", "dual_link")
    party_channel_working_dual_link = working_hours_field("Dual Link")
    party_channel_hours_life_meeting = channel_hours_field(
        "Branch Life Meeting", "life_meeting"
    )
    party_channel_working_life_meeting = working_hours_field("Branch Life Meeting")
    party_channel_hours_team_meeting = channel_hours_field(
        "Team Meeting", "team_meeting"
    )
    party_channel_working_team_meeting = working_hours_field("Team Meeting")
    party_channel_hours_mailbox = channel_hours_field("Mailbox", "mailbox")
    party_channel_working_mailbox = working_hours_field("Mailbox")
    party_channel_hours_talk_session = channel_hours_field(
        "Talk Session", "talk_session"
    )
    party_channel_working_talk_session = working_hours_field("Talk Session")
    party_channel_hours_online_group = channel_hours_field(
        "Online Group", "online_group"
    )
    party_channel_working_online_group = working_hours_field("Online Group")
    party_channel_hours_portal = channel_hours_field("Portal", "portal")
    party_channel_working_portal = working_hours_field("Portal")
    party_channel_hours_survey = channel_hours_field("Survey", "survey")
    party_channel_working_survey = working_hours_field("Survey")
    party_channel_hours_other = channel_hours_field("Other", "other")
    party_channel_working_other = working_hours_field("Other")
    party_completion_days_immediate = fields.Integer(
        string="Completion Days (Immediate)"
    )
    party_completion_days_urgent = fields.Integer(string="Completion Days (Urgent)")
    party_completion_days_normal = fields.Integer(string="Completion Days (Normal)")
    party_explanation_days = fields.Integer(string="Explanation Days")
    party_reminder_hours = fields.Integer(string="Reminder Hours")
    party_basic_counts_satisfied = fields.Boolean(
        string="Basically Satisfied Counts as Satisfied",
        help="Count 基本满意 feedback as satisfied in the satisfaction rate.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env.company
        values.update(
            {name: company[name] for name in SETTING_FIELDS if name in fields_list}
        )
        return values

    @api.constrains(*CLOCK_FIELDS)
    def _check_positive(self):
        for settings in self:
            if any(settings[name] <= 0 for name in CLOCK_FIELDS):
                raise ValidationError(
                    _(
                        "Every response time, completion time and reminder must be "
                        "above 0."
                    )
                )

    def action_save(self):
        """Write the clocks to the company: as superuser, since committee
        members do not write companies; their right is checked here."""
        self.ensure_one()
        if not self.env.user.has_group("party_points.group_party_manager"):
            raise AccessError(
                _("Only the Party committee changes the suggestion ledger's settings.")
            )
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                _(
                    "You do not work for %(company)s: its settings are not yours "
                    "to change.",
                    company=self.company_id.name,
                )
            )
        self.company_id.sudo().write({name: self[name] for name in SETTING_FIELDS})
        return {"type": "ir.actions.client", "tag": "soft_reload"}
