from odoo import fields, models

from ..lib import ledger_rules


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
