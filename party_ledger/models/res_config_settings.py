from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    party_response_hours_immediate = fields.Integer(
        related="company_id.party_response_hours_immediate", readonly=False
    )
    party_response_hours_urgent = fields.Integer(
        related="company_id.party_response_hours_urgent", readonly=False
    )
    party_response_hours_normal = fields.Integer(
        related="company_id.party_response_hours_normal", readonly=False
    )
    party_completion_days_immediate = fields.Integer(
        related="company_id.party_completion_days_immediate", readonly=False
    )
    party_completion_days_urgent = fields.Integer(
        related="company_id.party_completion_days_urgent", readonly=False
    )
    party_completion_days_normal = fields.Integer(
        related="company_id.party_completion_days_normal", readonly=False
    )
    party_explanation_days = fields.Integer(
        related="company_id.party_explanation_days", readonly=False
    )
    party_reminder_hours = fields.Integer(
        related="company_id.party_reminder_hours", readonly=False
    )
    party_basic_counts_satisfied = fields.Boolean(
        related="company_id.party_basic_counts_satisfied", readonly=False
    )
