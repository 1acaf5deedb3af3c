from collections import defaultdict
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from .. import compat
from ..lib import meetings

FREQUENCIES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("yearly", "Yearly"),
    ("none", "As Needed"),
]
AUDIENCES = [
    ("branch", "All Members of the Branch"),
    ("committee", "Branch Committee Members"),
    ("group", "Members of the Party Group"),
    ("one_to_one", "One-to-One"),
    ("employees", "Employees and Families"),
]
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("confirmed", "Confirmed"),
    ("cancelled", "Cancelled"),
]
ATTENDANCE_STATUSES = [
    ("present", "Present"),
    ("late", "Late"),
    ("excused", "Excused"),
    ("absent", "Absent"),
]
LEAVE_STATES = [
    ("requested", "Leave Requested"),
    ("granted", "Leave Granted"),
    ("refused", "Leave Refused"),
]
# What decides the points of a meeting: no longer changed once it is
# confirmed or cancelled (a confirmed meeting is corrected, see
# action_correct).
MEETING_LOCKED_FIELDS = frozenset(
    {"type_id", "branch_id", "group_id", "date_start", "attendance_ids"}
)
# Days after a meeting when its recorder is reminded of missing minutes.
MINUTES_DAYS = 2


class PartyMeetingType(models.Model):
    """A kind of meeting of organisational life (三会一课, 主题党日...): the
    committee's data, with the rules its attendance earns."""

    _name = "party.meeting.type"
    _description = "Meeting Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    attendance_rule_id = fields.Many2one(
        "party.points.rule",
        domain=[("list_type", "=", "positive"), ("is_veto", "=", False)],
        ondelete="restrict",
        help="The rule of the rule book a member earns by attending (on time "
        "or late). Empty: attending earns no points.",
    )
    absence_rule_id = fields.Many2one(
        "party.points.rule",
        string="Unexcused Absence Rule",
        domain=[("list_type", "=", "negative"), ("is_veto", "=", False)],
        ondelete="restrict",
        help="The rule of the rule book an unexcused absence costs. Empty: "
        "an absence costs no points.",
    )
    frequency = fields.Selection(
        FREQUENCIES,
        string="Required Frequency",
        required=True,
        default="monthly",
    )
    audience = fields.Selection(
        AUDIENCES,
        string="Expected Attendees",
        required=True,
        default="branch",
        help="Who is listed on a new meeting of this type: every member of "
        "the branch, the branch committee, the members of the Party group, "
        "nobody (a one-to-one talk: add the member), or the branch's "
        "members with employees and family members as guests.",
    )
    attendees_only = fields.Boolean(
        string="Only Attendees See It",
        help="Members of the branch who are not on the attendance list do not "
        "see these meetings or their minutes (the branch committee, "
        "one-to-one talks); the branch's officers and the Party committee do.",
    )

    @api.constrains("attendance_rule_id", "absence_rule_id")
    def _check_rules(self):
        for meeting_type in self:
            if meeting_type.attendance_rule_id.list_type == "negative":
                raise ValidationError(
                    _(
                        "The attendance rule of %(type)s must be on the positive list.",
                        type=meeting_type.name,
                    )
                )
            if meeting_type.absence_rule_id.list_type == "positive":
                raise ValidationError(
                    _(
                        "The absence rule of %(type)s must be on the negative list.",
                        type=meeting_type.name,
                    )
                )


class PartyGroup(models.Model):
    """A Party group (党小组) of a branch."""

    _name = "party.group"
    _description = "Party Group"
    _inherit = ["mail.thread"]
    _order = "branch_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    leader_id = fields.Many2one(
        "party.member",
        string="Group Leader",
        tracking=True,
        check_company=True,
        domain="[('branch_id', '=', branch_id)]",
    )
    member_ids = fields.Many2many(
        "party.member",
        "party_group_member_rel",
        "group_id",
        "member_id",
        string="Members",
        check_company=True,
        domain="[('branch_id', '=', branch_id)]",
    )
    company_id = fields.Many2one(related="branch_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)

    @api.constrains("branch_id", "leader_id", "member_ids")
    def _check_members_in_branch(self):
        for group in self:
            outside = (group.leader_id | group.member_ids).filtered(
                lambda member, group=group: member.branch_id != group.branch_id
            )
            if outside:
                raise ValidationError(
                    _(
                        "%(members)s are not members of %(branch)s: a Party group "
                        "holds members of its own branch.",
                        members=", ".join(outside.mapped("name")),
                        branch=group.branch_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["party.branch"].browse(
            {vals["branch_id"] for vals in vals_list if vals.get("branch_id")}
        )._check_user_works_here()
        return super().create(vals_list)

    def write(self, vals):
        self.sudo().branch_id.with_env(self.env)._check_user_works_here()
        if vals.get("branch_id"):
            self.env["party.branch"].browse(vals["branch_id"])._check_user_works_here()
        return super().write(vals)


class PartyMeeting(models.Model):
    """A meeting of organisational life: who was expected, who came, and the
    points their attendance earns once an officer confirms it."""

    _name = "party.meeting"
    _description = "Party Meeting"
    _inherit = [
        "party.workflow.seal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.input.mixin",
    ] + compat.HR_MIXIN
    _order = "date_start desc, id desc"
    _sealed_fields = frozenset(
        {"state", "confirmed_by_id", "confirmed_date", "minutes_reminded"}
    )
    _locked_fields = MEETING_LOCKED_FIELDS
    _locked_states = ("confirmed", "cancelled")
    _check_company_auto = True

    name = fields.Char(string="Topic", required=True, tracking=True)
    type_id = fields.Many2one(
        "party.meeting.type",
        string="Meeting Type",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    audience = fields.Selection(related="type_id.audience")
    attendees_only = fields.Boolean(
        related="type_id.attendees_only", store=True, index=True
    )
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        default=lambda self: self.env["party.branch"]._default_for_user(),
    )
    group_id = fields.Many2one(
        "party.group",
        string="Party Group",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        domain="[('branch_id', '=', branch_id)]",
    )
    date_start = fields.Datetime(
        string="Start",
        required=True,
        index=True,
        tracking=True,
        default=fields.Datetime.now,
    )
    date_end = fields.Datetime(string="End")
    place = fields.Char()
    host_id = fields.Many2one("hr.employee", check_company=True)
    recorder_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        help="Who writes the minutes: reminded by an activity when they are "
        "still missing two days after the meeting.",
    )
    minutes = fields.Html(sanitize_style=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "party_meeting_attachment_rel",
        "meeting_id",
        "attachment_id",
        string="Photos and Files",
    )
    attendance_ids = fields.One2many(
        "party.meeting.attendance",
        "meeting_id",
        compute="_compute_attendance_ids",
        store=True,
        readonly=False,
        precompute=True,
        help="Every expected attendee, present unless marked otherwise.",
    )
    guest_employee_ids = fields.Many2many(
        "hr.employee",
        "party_meeting_guest_rel",
        "meeting_id",
        "employee_id",
        string="Guest Employees",
        check_company=True,
        help="Employees who are not Party members (they earn no points).",
    )
    guest_names = fields.Text(
        string="Family Members and Other Guests",
        help="One name per line.",
    )
    state = fields.Selection(
        MEETING_STATES,
        default="planned",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)
    minutes_reminded = fields.Boolean(readonly=True, copy=False)
    entry_ids = fields.One2many(
        "party.points.entry", "meeting_id", string="Points Entries"
    )
    entry_count = fields.Integer(compute="_compute_entry_count")
    attendance_count = fields.Integer(compute="_compute_attendance_counts")
    present_count = fields.Integer(compute="_compute_attendance_counts")
    company_id = fields.Many2one(related="branch_id.company_id", store=True, index=True)

    def _creation_message(self):
        return _("Meeting planned")

    def _seal_refusal(self, fnames, creating=False):
        if creating:
            return _(
                "A new meeting starts planned: it is held, confirmed, corrected "
                "or cancelled with its buttons."
            )
        return _(
            "The state of a meeting changes only through its buttons: Mark as "
            "Held, Confirm Attendance, Correct Attendance, Cancel."
        )

    def _lock_refusal(self, records):
        return _(
            "Meeting %(meeting)s is confirmed or cancelled: its type, branch, "
            "date and attendance no longer change. To correct the attendance "
            "of a confirmed meeting, use Correct Attendance.",
            meeting=records[:1].name,
        )

    # -- computes -------------------------------------------------------------

    def _expected_members(self):
        """The members a meeting of this type expects (sudo)."""
        self.ensure_one()
        branch = self.sudo().branch_id
        audience = self.type_id.audience
        if not branch or not audience or audience == "one_to_one":
            return self.env["party.member"].sudo()
        if audience == "group" or (self.group_id and audience != "committee"):
            return self.sudo().group_id.member_ids
        members = branch.member_ids
        if audience == "committee":
            officers = branch.secretary_id | branch.committee_member_ids
            members = members.filtered(lambda member: member.employee_id in officers)
        return members

    @api.depends("type_id", "branch_id", "group_id")
    def _compute_attendance_ids(self):
        # A planned meeting lists whom its type expects; the lines of members
        # still expected are kept with what was marked on them.
        for meeting in self:
            if meeting.state != "planned":
                continue
            expected = meeting._expected_members()
            dropped = meeting.attendance_ids.filtered(
                lambda line, expected=expected: line.member_id not in expected
            )
            missing = expected - meeting.attendance_ids.member_id
            commands = [Command.unlink(line.id) for line in dropped] + [
                Command.create({"member_id": member.id}) for member in missing
            ]
            if commands:
                meeting.attendance_ids = commands

    def _compute_entry_count(self):
        counts = dict(
            self.env["party.points.entry"]._read_group(
                [("meeting_id", "in", self.ids)], ["meeting_id"], ["__count"]
            )
        )
        for meeting in self:
            meeting.entry_count = counts.get(meeting, 0)

    @api.depends("attendance_ids.status")
    def _compute_attendance_counts(self):
        for meeting in self:
            meeting.attendance_count = len(meeting.attendance_ids)
            meeting.present_count = len(
                meeting.attendance_ids.filtered(
                    lambda line: line.status in meetings.ATTENDED
                )
            )

    # -- checks ---------------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for meeting in self:
            if meeting.date_end and meeting.date_end < meeting.date_start:
                raise ValidationError(
                    _(
                        "Meeting %(meeting)s cannot end before it starts.",
                        meeting=meeting.name,
                    )
                )

    @api.constrains("group_id", "branch_id")
    def _check_group_branch(self):
        for meeting in self:
            if meeting.group_id and meeting.group_id.branch_id != meeting.branch_id:
                raise ValidationError(
                    _(
                        "Party group %(group)s belongs to another branch than "
                        "meeting %(meeting)s.",
                        group=meeting.group_id.name,
                        meeting=meeting.name,
                    )
                )

    def _meeting_date(self):
        """The day of the meeting (in the user's time zone): the date of
        the points entries it posts."""
        self.ensure_one()
        return fields.Date.context_today(self, self.date_start)

    def _periods(self):
        """``{meeting: period}`` of the points periods covering each meeting
        (sudo; an empty period where none does)."""
        Period = self.env["party.points.period"].sudo()
        found = Period._for_dates(
            {(meeting._meeting_date(), meeting.branch_id.id) for meeting in self}
        )
        return {
            meeting: found.get((meeting._meeting_date(), meeting.branch_id.id), Period)
            for meeting in self
        }

    def _check_not_closed(self):
        """Raise if a meeting of ``self`` falls in a closed points period:
        its attendance and points are final."""
        for meeting, period in self.sudo()._periods().items():
            if period.state == "closed":
                raise UserError(
                    _(
                        "Meeting %(meeting)s falls in the closed points period "
                        "%(period)s: it can no longer be confirmed or changed.",
                        meeting=meeting.name,
                        period=period.name,
                    )
                )

    def _check_officer(self):
        """Raise unless the current user is an officer of the branches of
        ``self`` (or the Party committee)."""
        if self.env.su:
            return
        if not self.env.user.has_group("party_points.group_party_officer"):
            raise AccessError(
                _("Only branch officers confirm meetings and decide on leave.")
            )
        self.sudo().branch_id.with_env(self.env)._check_user_works_here()

    # -- ORM ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["party.branch"].browse(
            {vals["branch_id"] for vals in vals_list if vals.get("branch_id")}
        )._check_user_works_here()
        meetings_ = super().create(vals_list)
        meetings_._check_not_closed()
        return meetings_

    def write(self, vals):
        if not self._is_workflow() and not self.env.su:
            self.sudo().branch_id.with_env(self.env)._check_user_works_here()
            if vals.get("branch_id"):
                self.env["party.branch"].browse(
                    vals["branch_id"]
                )._check_user_works_here()
        if not self._is_workflow():
            self._check_not_closed()
            if {"type_id", "branch_id", "group_id"} & set(vals) and self.filtered(
                lambda meeting: meeting.state != "planned"
            ):
                raise UserError(
                    _(
                        "The type, branch and group of a meeting change only "
                        "while it is planned: its attendance list follows them."
                    )
                )
            if {"type_id", "branch_id", "group_id", "date_start"} & set(vals) and (
                self.sudo().entry_ids
            ):
                raise UserError(
                    _(
                        "Meeting %(meeting)s has posted points: its type, branch, "
                        "group and date no longer change.",
                        meeting=self[:1].name,
                    )
                )
        result = super().write(vals)
        if not self._is_workflow() and {"date_start", "branch_id"} & set(vals):
            self._check_not_closed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unconfirmed(self):
        if self.filtered(lambda meeting: meeting.state == "confirmed") or (
            self.sudo().entry_ids
        ):
            raise UserError(
                _(
                    "A confirmed meeting cannot be deleted: its attendance is in "
                    "the points ledger. Correct its attendance instead."
                )
            )
        self._check_not_closed()

    # -- workflow -------------------------------------------------------------

    def action_hold(self):
        """Planned -> held, once the meeting has started."""
        self._check_officer()
        if self.filtered(lambda meeting: meeting.state != "planned"):
            raise UserError(_("Only planned meetings can be marked as held."))
        self._check_started()
        self._workflow_write({"state": "held"})
        return True

    def _check_started(self):
        now = fields.Datetime.now()
        early = self.filtered(lambda meeting: meeting.date_start > now)
        if early:
            raise UserError(
                _(
                    "Meeting %(meeting)s has not started yet: its attendance is "
                    "recorded once it is held.",
                    meeting=early[0].name,
                )
            )

    def action_confirm(self):
        """Post the points of the attendance (one approved entry per attendee
        who earns a rule, in one batch) and confirm the meetings. Confirming
        again posts only the differences since the last confirmation, by
        reversal: never a duplicate."""
        self._check_officer()
        if self.filtered(lambda meeting: meeting.state == "cancelled"):
            raise UserError(_("A cancelled meeting cannot be confirmed."))
        self._check_started()
        periods = self.sudo()._periods()
        missing = [meeting for meeting, period in periods.items() if not period]
        if missing:
            raise UserError(
                _(
                    "No points period covers the date of meeting %(meeting)s for "
                    "%(branch)s: ask the Party committee to open one.",
                    meeting=missing[0].name,
                    branch=missing[0].branch_id.display_name,
                )
            )
        # (as the entry decisions do: a close of these periods waits for
        # this confirmation to commit, and never misses it)
        self.env["party.points.period"].sudo().union(*periods.values())._lock_rows(
            touch=True
        )
        self._check_not_closed()
        self._post_attendance()
        # the confirmation is recorded once per meeting: one tracked change
        self.filtered(lambda meeting: meeting.state != "confirmed")._workflow_write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.uid,
                "confirmed_date": fields.Datetime.now(),
            }
        )
        return True

    def _post_attendance(self):
        """Create, in one batch, the approved entries the attendance of
        ``self`` earns and the reversals of those it no longer earns."""
        Entry = self.env["party.points.entry"]
        # the live entries and the lines of every meeting, each in one query
        # (a plant-wide meeting has 10,000: the ORM reads a recordset's
        # fields in batches of 1,000)
        live = Entry.sudo().search_fetch(
            [
                ("meeting_id", "in", self.ids),
                ("state", "=", "approved"),
                ("reversal_of_id", "=", False),
                ("reversed_by_id", "=", False),
            ],
            ["meeting_id", "member_id", "rule_id"],
        )
        confirmed = defaultdict(dict)
        for entry in live:
            confirmed[entry.meeting_id.id][entry.member_id.id] = (
                entry.id,
                entry.rule_id.id,
            )
        lines = defaultdict(list)
        for line in (
            self.env["party.meeting.attendance"]
            .sudo()
            .search_fetch(
                [("meeting_id", "in", self.ids)], ["meeting_id", "member_id", "status"]
            )
        ):
            lines[line.meeting_id.id].append((line.member_id.id, line.status))
        to_reverse, vals_list = [], []
        for meeting in self.sudo():
            try:
                wanted = meetings.wanted_entries(
                    lines[meeting.id],
                    meeting.type_id.attendance_rule_id.id,
                    meeting.type_id.absence_rule_id.id,
                )
            except ValueError as error:
                raise UserError(
                    _(
                        "Each attendee is listed once on meeting %(meeting)s.",
                        meeting=meeting.name,
                    )
                ) from error
            reverse, post = meetings.reconcile(wanted, confirmed[meeting.id])
            to_reverse += reverse
            day = meeting._meeting_date()
            vals_list += [
                {
                    "member_id": member_id,
                    "rule_id": rule_id,
                    "date": day,
                    "quantity": 1.0,
                    "origin": "meeting",
                    "meeting_id": meeting.id,
                    "description": meeting.name,
                }
                for member_id, rule_id in post.items()
            ]
        reversals = (
            Entry.sudo().browse(to_reverse)._reversal_vals(_("Attendance corrected"))
        )
        if reversals or vals_list:
            Entry._create_approved(reversals + vals_list)

    def action_correct(self):
        """Open the attendance of confirmed meetings for a correction: the
        next confirmation reverses the entries whose line changed and posts
        the new ones."""
        self._check_officer()
        if self.filtered(lambda meeting: meeting.state != "confirmed"):
            raise UserError(_("Only confirmed meetings are corrected."))
        self._check_not_closed()
        self._workflow_write({"state": "held"})
        return True

    def action_cancel(self):
        self._check_officer()
        if self.filtered(lambda meeting: meeting.state not in ("planned", "held")):
            raise UserError(
                _(
                    "Only planned or held meetings can be cancelled; a confirmed "
                    "meeting has posted points."
                )
            )
        self._check_not_closed()
        self._workflow_write({"state": "cancelled"})
        return True

    def action_view_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_points_entry_action"
        )
        action.update(domain=[("meeting_id", "=", self.id)], context={})
        return action

    # -- leave ----------------------------------------------------------------

    def _request_leave(self, user, reason, member=None):
        """``user`` asks for leave from this meeting (sudo records), before
        it starts, for themselves: the portal's request. ``member``: whom
        the request names, if it names anyone."""
        self.ensure_one()
        own = user._party_member()
        if not own:
            raise UserError(_("Only Party members ask for leave from meetings."))
        if member and member != own:
            raise UserError(_("You can ask for leave only for yourself."))
        if self.branch_id != own.branch_id or self.company_id not in user.company_ids:
            raise UserError(
                _(
                    "This meeting is not one of your branch: you cannot ask for "
                    "leave from it."
                )
            )
        line = self.attendance_ids.filtered(lambda line: line.member_id == own)
        if not line:
            raise UserError(_("You are not on the attendance list of this meeting."))
        if self.state != "planned" or self.date_start <= fields.Datetime.now():
            raise UserError(
                _(
                    "Meeting %(meeting)s has already started or is over: leave is "
                    "asked for before a meeting starts. Speak to your branch "
                    "secretary.",
                    meeting=self.name,
                )
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason why you cannot attend."))
        line._workflow_write({"leave_state": "requested", "leave_reason": reason})
        self.sudo().message_post(
            body=_(
                "%(member)s asks for leave: %(reason)s", member=own.name, reason=reason
            ),
            author_id=user.partner_id.id,
        )
        return line

    # -- minutes --------------------------------------------------------------

    @api.model
    def _cron_minutes_reminder(self, now=None):
        """Daily: an activity to the recorder of each meeting (not cancelled)
        that started two days ago or more and whose minutes are still empty
        (once per meeting)."""
        now = now or fields.Datetime.now()
        candidates = self.sudo().search(
            [
                ("state", "in", ("planned", "held", "confirmed")),
                ("minutes_reminded", "=", False),
                ("recorder_id", "!=", False),
                ("date_start", "<=", now - timedelta(days=MINUTES_DAYS)),
            ]
        )
        late = candidates.filtered(lambda meeting: is_html_empty(meeting.minutes))
        if not late:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": meeting.id,
                    "activity_type_id": todo.id,
                    "user_id": meeting.recorder_id.id,
                    "summary": _("Write the minutes"),
                    "note": _(
                        "The minutes of %(meeting)s are still empty.",
                        meeting=meeting.name,
                    ),
                    "date_deadline": fields.Date.context_today(self),
                }
                for meeting in late
            ]
        )
        late._workflow_write({"minutes_reminded": True})


@compat.sql_constraints
class PartyMeetingAttendance(models.Model):
    """One expected attendee of a meeting and whether they came."""

    _name = "party.meeting.attendance"
    _description = "Meeting Attendance"
    _inherit = ["party.workflow.seal.mixin", "party.input.mixin"]
    _order = "meeting_id, member_id"
    _sealed_fields = frozenset({"leave_state", "leave_reason"})
    _locked_fields = frozenset({"status", "excuse_reason", "member_id", "meeting_id"})
    _locked_states = ("confirmed", "cancelled")
    _check_company_auto = True

    meeting_id = fields.Many2one(
        "party.meeting", required=True, index=True, ondelete="cascade"
    )
    member_id = fields.Many2one(
        "party.member",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    branch_id = fields.Many2one(related="meeting_id.branch_id", store=True, index=True)
    state = fields.Selection(related="meeting_id.state")
    date_start = fields.Datetime(related="meeting_id.date_start")
    type_id = fields.Many2one(related="meeting_id.type_id")
    status = fields.Selection(ATTENDANCE_STATUSES, default="present", required=True)
    excuse_reason = fields.Char(string="Reason for Leave")
    leave_state = fields.Selection(LEAVE_STATES, readonly=True, copy=False)
    leave_reason = fields.Text(string="Leave Asked For", readonly=True, copy=False)
    company_id = fields.Many2one(
        related="meeting_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "meeting_member_uniq",
            "unique (meeting_id, member_id)",
            "A member is listed once per meeting.",
        ),
    ]

    def _seal_refusal(self, fnames, creating=False):
        return _(
            "A leave request is made by the member on the portal and granted or "
            "refused with its buttons."
        )

    def _lock_refusal(self, records):
        return self._locked_message(records[:1].sudo().meeting_id)

    def _locked_message(self, meeting):
        return _(
            "The attendance of meeting %(meeting)s is confirmed or cancelled: "
            "correct a confirmed meeting with Correct Attendance, then confirm "
            "it again.",
            meeting=meeting.name,
        )

    @api.constrains("member_id", "meeting_id")
    def _check_member_branch(self):
        """An attendee is a member of the meeting's branch or of a branch
        below it: an officer posts no points on another branch's members."""
        for line in self.sudo():
            branch = line.meeting_id.branch_id
            if not (line.member_id.branch_id.parent_path or "").startswith(
                branch.parent_path or "-"
            ):
                raise ValidationError(
                    _(
                        "%(member)s is not a member of %(branch)s or of a branch "
                        "below it: list them on a meeting of their own branch.",
                        member=line.member_id.name,
                        branch=branch.display_name,
                    )
                )

    @api.constrains("status", "excuse_reason")
    def _check_excuse(self):
        for line in self:
            if line.status == "excused" and not (line.excuse_reason or "").strip():
                raise ValidationError(
                    _(
                        "Give the reason for the leave of %(member)s.",
                        member=line.member_id.name,
                    )
                )

    def _check_meetings_open(self, meetings_):
        """Lines of confirmed or cancelled meetings are neither added nor
        removed (but by the workflow)."""
        if self._is_workflow():
            return
        locked = meetings_.filtered(
            lambda meeting: meeting.state in self._locked_states
        )
        if locked:
            raise UserError(self._locked_message(locked[0]))
        meetings_._check_not_closed()

    @api.model_create_multi
    def create(self, vals_list):
        meetings_ = self.env["party.meeting"].browse(
            {vals["meeting_id"] for vals in vals_list if vals.get("meeting_id")}
        )
        if not self._is_workflow() and not self.env.su:
            meetings_.sudo().branch_id.with_env(self.env)._check_user_works_here()
        self._check_meetings_open(meetings_.sudo())
        return super().create(vals_list)

    def write(self, vals):
        if not self._is_workflow():
            if not self.env.su:
                self.sudo().branch_id.with_env(self.env)._check_user_works_here()
            self.sudo().meeting_id._check_not_closed()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self._check_meetings_open(self.sudo().meeting_id.exists())

    def _check_leave_decision(self):
        self.sudo().meeting_id.with_env(self.env)._check_officer()
        if self.filtered(lambda line: line.leave_state != "requested"):
            raise UserError(_("Only requested leave is granted or refused."))
        if self.filtered(lambda line: line.state not in ("planned", "held")):
            raise UserError(
                _("The attendance of a confirmed or cancelled meeting is final.")
            )
        self.sudo().meeting_id._check_not_closed()

    def action_grant_leave(self):
        """Grant the requested leave: the member is excused, with their reason."""
        self._check_leave_decision()
        for line in self:
            line._workflow_write(
                {
                    "leave_state": "granted",
                    "status": "excused",
                    "excuse_reason": line.leave_reason,
                }
            )
        return True

    def action_refuse_leave(self):
        self._check_leave_decision()
        self._workflow_write({"leave_state": "refused"})
        return True
