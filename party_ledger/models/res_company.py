from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.party_points.lib import validation

from ..lib import ledger_rules

# The deadline clocks a company may set: up to a year of hours, ten years
# of days.
CLOCK_LIMITS = {
    "party_response_hours_immediate": 366 * 24,
    "party_response_hours_urgent": 366 * 24,
    "party_response_hours_normal": 366 * 24,
    "party_completion_days_immediate": 3660,
    "party_completion_days_urgent": 3660,
    "party_completion_days_normal": 3660,
    "party_explanation_days": 3660,
    "party_reminder_hours": 366 * 24,
}


class ResCompany(models.Model):
    _inherit = "res.company"

    party_response_hours_immediate = fields.Integer(
        string="Response Hours (Immediate)",
        default=ledger_rules.DEFAULT_RESPONSE_HOURS["immediate"],
    )
    party_response_hours_urgent = fields.Integer(
        string="Response Hours (Urgent)",
        default=ledger_rules.DEFAULT_RESPONSE_HOURS["urgent"],
    )
    party_response_hours_normal = fields.Integer(
        string="Response Hours (Normal)",
        default=ledger_rules.DEFAULT_RESPONSE_HOURS["normal"],
    )
    party_completion_days_immediate = fields.Integer(
        string="Completion Days (Immediate)",
        default=ledger_rules.DEFAULT_COMPLETION_DAYS["immediate"],
    )
    party_completion_days_urgent = fields.Integer(
        string="Completion Days (Urgent)",
        default=ledger_rules.DEFAULT_COMPLETION_DAYS["urgent"],
    )
    party_completion_days_normal = fields.Integer(
        string="Completion Days (Normal)",
        default=ledger_rules.DEFAULT_COMPLETION_DAYS["normal"],
    )
    party_explanation_days = fields.Integer(
        string="Explanation Days",
        default=ledger_rules.DEFAULT_EXPLANATION_DAYS,
    )
    party_basic_counts_satisfied = fields.Boolean(
        string="Basically Satisfied Counts as Satisfied",
        help="In the satisfaction rate, count items rated basically satisfied "
        "as satisfied. Off: only satisfied and very satisfied count.",
    )
    party_reminder_hours = fields.Integer(
        string="Reminder Hours",
        default=ledger_rules.DEFAULT_REMINDER_HOURS,
    )

    @api.constrains(*CLOCK_LIMITS)
    def _check_party_clocks(self):
        for company in self:
            for name, limit in CLOCK_LIMITS.items():
                try:
                    validation.check_integer(company[name], 0, limit)
                except validation.InputError as error:
                    raise ValidationError(
                        self.env["party.input.mixin"]._party_input_message(
                            error, self._fields[name]
                        )
                    ) from error

    def _party_response_hours(self):
        self.ensure_one()
        return {
            "immediate": self.party_response_hours_immediate,
            "urgent": self.party_response_hours_urgent,
            "normal": self.party_response_hours_normal,
        }

    def _party_completion_days(self):
        self.ensure_one()
        return {
            "immediate": self.party_completion_days_immediate,
            "urgent": self.party_completion_days_urgent,
            "normal": self.party_completion_days_normal,
        }
