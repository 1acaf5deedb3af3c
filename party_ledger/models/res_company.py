from datetime import timezone

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.party_points.lib import validation

from ..lib import ledger_rules
from .party_suggestion import CHANNELS

# The channels that may carry an answer clock of their own (the selection of
# party.suggestion's channel).
CHANNEL_CLOCKS = tuple(channel for channel, _label in CHANNELS)
URGENCY_CLOCKS = ("immediate", "urgent", "normal")
# The answer-clock settings besides the urgency hours: whether each urgency
# clock counts working hours, and each channel's hours and whether they are
# working hours (the settings and the committee's settings form edit them).
ANSWER_CLOCK_FIELDS = tuple(
    f"party_response_working_{urgency}" for urgency in URGENCY_CLOCKS
) + tuple(
    name
    for channel in CHANNEL_CLOCKS
    for name in (f"party_channel_hours_{channel}", f"party_channel_working_{channel}")
)

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
    **{f"party_channel_hours_{channel}": 366 * 24 for channel in CHANNEL_CLOCKS},
}


def channel_hours_field(label, channel):
    """The answer clock of a channel, in hours."""
    return fields.Integer(
        string=f"Answer Hours ({label})",
        default=ledger_rules.DEFAULT_CHANNEL_HOURS.get(channel, 0),
        help="Hours allowed for the first response to an item of this "
        "channel; when the item's urgency allows less, the shorter clock "
        "applies. 0: the urgency's clock alone.",
    )


def working_hours_field(label):
    """Whether a clock counts working hours."""
    return fields.Boolean(
        string=f"Working Hours ({label})",
        help="Count this clock in working hours of the company's working "
        "time (weekends and the calendar's public holidays and closures "
        "left out) instead of hours around the clock.",
    )


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

    def _party_answer_clocks(self, urgency, channel):
        """The ``(hours, working)`` clocks that apply to the first response
        to an item of ``urgency`` that came in through ``channel``: the
        urgency's, and the channel's when it has one."""
        self.ensure_one()
        clocks = [
            (
                self[f"party_response_hours_{urgency}"],
                self[f"party_response_working_{urgency}"],
            )
        ]
        if channel in CHANNEL_CLOCKS and self[f"party_channel_hours_{channel}"]:
            clocks.append(
                (
                    self[f"party_channel_hours_{channel}"],
                    self[f"party_channel_working_{channel}"],
                )
            )
        return clocks

    def _party_working_intervals(self, start, stop):
        """The working time of the company's calendar between ``start`` and
        ``stop`` (naive UTC datetimes, as the ORM keeps them): sorted
        ``(begin, end)`` pairs in naive UTC, weekends and the calendar's
        public holidays and closures left out. Without a calendar every
        hour is working time."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return [(start, stop)]
        intervals = calendar._work_intervals_batch(
            start.replace(tzinfo=timezone.utc), stop.replace(tzinfo=timezone.utc)
        )[False]
        return [
            (
                begin.astimezone(timezone.utc).replace(tzinfo=None),
                end.astimezone(timezone.utc).replace(tzinfo=None),
            )
            for begin, end, _records in intervals
        ]

    def _party_completion_days(self):
        self.ensure_one()
        return {
            "immediate": self.party_completion_days_immediate,
            "urgent": self.party_completion_days_urgent,
            "normal": self.party_completion_days_normal,
        }
