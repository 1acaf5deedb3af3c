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
    party_response_working_immediate = fields.Boolean(
        related="company_id.party_response_working_immediate", readonly=False
    )
    party_response_working_urgent = fields.Boolean(
        related="company_id.party_response_working_urgent", readonly=False
    )
    party_response_working_normal = fields.Boolean(
        related="company_id.party_response_working_normal", readonly=False
    )
    party_channel_hours_dual_link = fields.Integer(
        related="company_id.party_channel_hours_dual_link", readonly=False
    )
    party_channel_working_dual_link = fields.Boolean(
        related="company_id.party_channel_working_dual_link", readonly=False
    )
    party_channel_hours_life_meeting = fields.Integer(
        related="company_id.party_channel_hours_life_meeting", readonly=False
    )
    party_channel_working_life_meeting = fields.Boolean(
        related="company_id.party_channel_working_life_meeting", readonly=False
    )
    party_channel_hours_team_meeting = fields.Integer(
        related="company_id.party_channel_hours_team_meeting", readonly=False
    )
    party_channel_working_team_meeting = fields.Boolean(
        related="company_id.party_channel_working_team_meeting", readonly=False
    )
    party_channel_hours_mailbox = fields.Integer(
        related="company_id.party_channel_hours_mailbox", readonly=False
    )
    party_channel_working_mailbox = fields.Boolean(
        related="company_id.party_channel_working_mailbox", readonly=False
    )
    party_channel_hours_talk_session = fields.Integer(
        related="company_id.party_channel_hours_talk_session", readonly=False
    )
    party_channel_working_talk_session = fields.Boolean(
        related="company_id.party_channel_working_talk_session", readonly=False
    )
    party_channel_hours_online_group = fields.Integer(
        related="company_id.party_channel_hours_online_group", readonly=False
    )
    party_channel_working_online_group = fields.Boolean(
        related="company_id.party_channel_working_online_group", readonly=False
    )
    party_channel_hours_portal = fields.Integer(
        related="company_id.party_channel_hours_portal", readonly=False
    )
    party_channel_working_portal = fields.Boolean(
        related="company_id.party_channel_working_portal", readonly=False
    )
    party_channel_hours_survey = fields.Integer(
        related="company_id.party_channel_hours_survey", readonly=False
    )
    party_channel_working_survey = fields.Boolean(
        related="company_id.party_channel_working_survey", readonly=False
    )
    party_channel_hours_other = fields.Integer(
        related="company_id.party_channel_hours_other", readonly=False
    )
    party_channel_working_other = fields.Boolean(
        related="company_id.party_channel_working_other", readonly=False
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
