from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

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
SETTING_FIELDS = (*CLOCK_FIELDS, "party_basic_counts_satisfied")


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
