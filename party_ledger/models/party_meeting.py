from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.party_points.models.party_board import window

from ..lib import ledger_rules
from .party_suggestion import CHANNELS, OPEN_STATES


class PartyMeetingType(models.Model):
    """The channel of the suggestions raised at a type of meeting, and the
    talk-session figures of each type: sessions held, suggestions
    collected, solved, satisfaction."""

    _inherit = "party.meeting.type"

    suggestion_channel = fields.Selection(
        CHANNELS,
        help="The channel of the suggestions recorded at meetings of this type.",
    )
    # (for the officers, who read the ledger's rates)
    session_count = fields.Integer(
        string="Sessions Held",
        compute="_compute_talk_figures",
        groups="party_points.group_party_officer",
    )
    suggestion_count = fields.Integer(
        string="Suggestions Collected",
        compute="_compute_talk_figures",
        groups="party_points.group_party_officer",
    )
    solved_count = fields.Integer(
        string="Suggestions Solved",
        compute="_compute_talk_figures",
        groups="party_points.group_party_officer",
        help="Suggestions raised at these meetings and closed (done).",
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        digits=(16, 1),
        compute="_compute_talk_figures",
        groups="party_points.group_party_officer",
        help="Items rated satisfied or very satisfied among the rated items "
        "raised at these meetings, as in the ledger's rates.",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_talk_figures(self):
        held = dict(
            self.env["party.meeting"]._read_group(
                [("type_id", "in", self.ids), ("state", "in", ("held", "confirmed"))],
                ["type_id"],
                ["__count"],
            )
        )
        collected, solved = defaultdict(int), defaultdict(int)
        for meeting, state, count in self.env["party.suggestion"]._read_group(
            [("meeting_id.type_id", "in", self.ids)],
            ["meeting_id", "state"],
            ["__count"],
        ):
            meeting_type = meeting.sudo().type_id
            collected[meeting_type] += count
            if state == "done":
                solved[meeting_type] += count
        Report = self.env["party.suggestion.report"]
        for meeting_type in self:
            meeting_type.session_count = held.get(meeting_type, 0)
            meeting_type.suggestion_count = collected[meeting_type]
            meeting_type.solved_count = solved[meeting_type]
            rate = 0.0
            if collected[meeting_type]:
                [(rate,)] = Report._read_group(
                    [("suggestion_id.meeting_id.type_id", "=", meeting_type.id)],
                    [],
                    ["satisfaction_rate:avg"],
                )
            meeting_type.satisfaction_rate = rate or 0.0


class PartyMeeting(models.Model):
    """The suggestions raised at a meeting, and recording one from it."""

    _inherit = "party.meeting"

    suggestion_ids = fields.One2many(
        "party.suggestion", "meeting_id", string="Suggestions"
    )
    suggestion_count = fields.Integer(compute="_compute_suggestion_count")

    @api.depends_context("uid")
    def _compute_suggestion_count(self):
        counts = dict(
            self.env["party.suggestion"]._read_group(
                [("meeting_id", "in", self.ids)], ["meeting_id"], ["__count"]
            )
        )
        for meeting in self:
            meeting.suggestion_count = counts.get(meeting, 0)

    def _suggestion_defaults(self):
        self.ensure_one()
        return {
            "default_meeting_id": self.id,
            "default_branch_id": self.branch_id.id,
            "default_channel": self.type_id.suggestion_channel or "other",
            "default_date_received": fields.Datetime.to_string(self.date_start),
        }

    def action_record_suggestion(self):
        """A new suggestion, raised at this meeting."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record a Suggestion"),
            "res_model": "party.suggestion",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": self._suggestion_defaults(),
        }

    def _agenda_items(self):
        """The ledger's items of the committee's agenda pack: this month's
        key-project tasks across the projects of the branch and below,
        overdue suggestions, and items waiting for classification, each
        counted as the user reads it."""
        items = super()._agenda_items()
        branches = [("branch_id", "child_of", self.branch_id.ids)]
        # (as a string: the pack keeps its actions as JSON)
        month = fields.Date.to_string(
            ledger_rules.first_of_month(fields.Date.context_today(self))
        )
        finished = ("done", "cancelled")
        milestones = [
            ("project_id.branch_id", "child_of", self.branch_id.ids),
            ("project_id.state", "not in", finished),
            ("month", "=", month),
        ]
        projects = [
            *branches,
            ("state", "not in", finished),
            ("milestone_ids.month", "=", month),
        ]
        overdue = [*branches, ("state", "in", OPEN_STATES), ("is_overdue", "=", True)]
        to_classify = [*branches, ("state", "=", "new")]
        Suggestion = self.env["party.suggestion"]
        overdue_title = _("Overdue suggestions")
        classify_title = _("Items waiting for classification")
        milestone_title = _("Key-project tasks of this month")
        return items + [
            (
                milestone_title,
                self.env["party.practical.milestone"].search_count(milestones),
                window(milestone_title, "party.practical.project", projects),
            ),
            (
                overdue_title,
                Suggestion.search_count(overdue),
                window(overdue_title, "party.suggestion", overdue),
            ),
            (
                classify_title,
                Suggestion.search_count(to_classify),
                window(classify_title, "party.suggestion", to_classify),
            ),
        ]

    def action_view_suggestions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_suggestion_action"
        )
        action.update(
            domain=[("meeting_id", "=", self.id)],
            context=self._suggestion_defaults(),
        )
        return action


class PartySuggestion(models.Model):
    """A suggestion raised at a meeting of its branch."""

    _inherit = "party.suggestion"

    meeting_id = fields.Many2one(
        "party.meeting",
        string="Raised at Meeting",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
        domain="[('branch_id', '=', branch_id)]",
        help="The meeting (talk session, organisational life meeting...) "
        "where the suggestion was raised.",
    )

    @api.onchange("meeting_id")
    def _onchange_meeting_id(self):
        if self.meeting_id:
            self.branch_id = self.meeting_id.branch_id
            if self.meeting_id.type_id.suggestion_channel:
                self.channel = self.meeting_id.type_id.suggestion_channel

    @api.model_create_multi
    def create(self, vals_list):
        # the channel and branch follow the meeting unless given
        Meeting = self.env["party.meeting"].sudo()
        for vals in vals_list:
            if vals.get("meeting_id"):
                meeting = Meeting.browse(vals["meeting_id"])
                vals.setdefault("branch_id", meeting.branch_id.id)
                if meeting.type_id.suggestion_channel:
                    vals.setdefault("channel", meeting.type_id.suggestion_channel)
        return super().create(vals_list)

    @api.constrains("meeting_id", "branch_id")
    def _check_meeting_branch(self):
        for item in self.sudo():
            if item.meeting_id and item.meeting_id.branch_id != item.branch_id:
                raise ValidationError(
                    _(
                        "Meeting %(meeting)s was held by %(branch)s: a suggestion "
                        "raised there is recorded in the ledger of that branch, "
                        "not of %(item_branch)s.",
                        meeting=item.meeting_id.name,
                        branch=item.meeting_id.branch_id.display_name,
                        item_branch=item.branch_id.display_name,
                    )
                )
