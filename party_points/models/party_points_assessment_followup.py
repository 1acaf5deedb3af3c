from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import compat
from ..lib import assessment as rules

MEETING_STATES = [
    ("draft", "To Record"),
    ("recorded", "Recorded"),
    ("approved", "Approved by the Committee"),
]
PLAN_STATES = [
    ("none", "No Plan"),
    ("planned", "Planned"),
    ("done", "Done"),
    ("checked", "Checked"),
]
FOLLOWUP_TYPES = [
    ("correction", "Correction within a Deadline"),
    ("other", "Other Decision of the Committee"),
]
FOLLOWUP_STATES = [
    ("draft", "To Record"),
    ("recorded", "Recorded"),
]
# The 支部大会 decision: written while it is still to record.
MEETING_FIELDS = frozenset(
    {"meeting_date", "members_present", "votes_for", "votes_against", "votes_abstain"}
)
PLAN_FIELDS = frozenset({"plan_text", "plan_deadline"})
FOLLOWUP_FIELDS = frozenset(
    {"followup_type", "talk_date", "talk_by", "talk_notes", "other_decision"}
)


@compat.sql_constraints
class PartyPointsAssessmentFollowup(models.Model):
    """What the book asks of a member proposed 不合格 or 基本合格 in an
    annual assessment: for 不合格 the 支部大会 decision (date, attendance,
    votes) and the committee's approval, then the follow-up (限期改正 with a
    deadline and a 诫勉谈话 record, or the committee's other decision); for
    基本合格 a correction plan, done and checked. Seen only by the Party
    committee, the branch secretary and the member."""

    _name = "party.points.assessment.followup"
    _description = "Assessment Follow-up"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "assessment_id desc, branch_id, member_id"
    _check_company_auto = True
    _sealed_fields = frozenset(
        {
            "line_id",
            "branch_members",
            "meeting_state",
            "meeting_recorded_by_id",
            "meeting_recorded_date",
            "approved_by_id",
            "approved_date",
            "plan_state",
            "plan_done_date",
            "plan_checked_by_id",
            "plan_checked_date",
            "followup_state",
            "followup_recorded_date",
            "active",
        }
    )

    # archived when the member's grade no longer asks for a follow-up (an
    # upheld objection or the committee lifted it): kept, never deleted
    active = fields.Boolean(default=True, readonly=True, tracking=True)
    line_id = fields.Many2one(
        "party.points.assessment.line",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    assessment_id = fields.Many2one(
        related="line_id.assessment_id", store=True, index=True
    )
    member_id = fields.Many2one(related="line_id.member_id", store=True, index=True)
    branch_id = fields.Many2one(related="line_id.branch_id", store=True, index=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True, index=True)
    grade = fields.Selection(related="line_id.final_grade")
    assessment_state = fields.Selection(related="assessment_id.state")
    # the 支部大会 decision (不合格)
    meeting_date = fields.Date(string="Branch Meeting Date", tracking=True)
    branch_members = fields.Integer(
        string="Members of the Branch",
        readonly=True,
        help="The branch's full and probationary members when the decision "
        "was recorded.",
    )
    members_present = fields.Integer(tracking=True)
    votes_for = fields.Integer(tracking=True)
    votes_against = fields.Integer(tracking=True)
    votes_abstain = fields.Integer(string="Abstentions", tracking=True)
    meeting_state = fields.Selection(
        MEETING_STATES,
        string="Meeting Decision",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    meeting_recorded_by_id = fields.Many2one("res.users", readonly=True)
    meeting_recorded_date = fields.Datetime(readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approved_date = fields.Datetime(readonly=True)
    # the correction plan (基本合格, and 限期改正)
    plan_text = fields.Text(string="Correction Plan", tracking=True)
    plan_deadline = fields.Date(string="Correct By", tracking=True)
    plan_state = fields.Selection(
        PLAN_STATES,
        default="none",
        required=True,
        readonly=True,
        tracking=True,
    )
    plan_done_date = fields.Datetime(readonly=True)
    plan_checked_by_id = fields.Many2one("res.users", readonly=True)
    plan_checked_date = fields.Datetime(readonly=True)
    # the follow-up of a 不合格 decision
    followup_type = fields.Selection(FOLLOWUP_TYPES, string="Follow-up", tracking=True)
    talk_date = fields.Date(string="Admonition Talk On", tracking=True)
    talk_by = fields.Char(string="Talk Held By", tracking=True)
    talk_notes = fields.Text(string="Talk Record", tracking=True)
    other_decision = fields.Text(string="Committee's Decision", tracking=True)
    followup_state = fields.Selection(
        FOLLOWUP_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    followup_recorded_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "line_uniq",
            "unique (line_id)",
            "A member's line has one follow-up record.",
        ),
        (
            "counts_positive",
            (
                "CHECK (members_present >= 0 AND votes_for >= 0"
                " AND votes_against >= 0 AND votes_abstain >= 0)"
            ),
            "Attendance and votes cannot be negative.",
        ),
    ]

    def _creation_message(self):
        return _("Follow-up opened")

    @api.constrains("members_present", "votes_for", "votes_against", "votes_abstain")
    def _check_counts(self):
        for followup in self:
            if (
                min(
                    followup.members_present,
                    followup.votes_for,
                    followup.votes_against,
                    followup.votes_abstain,
                )
                < 0
            ):
                raise ValidationError(_("Attendance and votes cannot be negative."))

    def _seal_refusal(self, fnames, creating=False):
        return _(
            "A follow-up's decisions are recorded, approved and checked only "
            "with its buttons."
        )

    @api.depends("member_id", "assessment_id")
    def _compute_display_name(self):
        for followup in self:
            followup.display_name = _(
                "Follow-up of %(member)s · %(assessment)s",
                member=followup.member_id.name or "",
                assessment=followup.assessment_id.name or "",
            )

    @api.model
    def _sync_for(self, lines):
        """Keep the follow-ups of ``lines`` in step with their grades (the
        assessment's workflow calls this whenever grades change): a line
        graded 不合格 or 基本合格 has one, created in one go or brought back
        from the archive; a line whose grade was lifted (an upheld objection,
        the committee's decision) has its follow-up archived with a message
        saying why. Returns the follow-ups created."""
        proposed = lines.filtered(
            lambda line: line.final_grade in ("unqualified", "basic")
        )
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search([("line_id", "in", lines.ids)])
        )
        existing.filtered(
            lambda followup: not followup.active and followup.line_id in proposed
        )._workflow_write({"active": True})
        lifted = existing.filtered(
            lambda followup: followup.active and followup.line_id not in proposed
        )
        lifted._workflow_write({"active": False})
        grades = dict(lines._fields["final_grade"]._description_selection(self.env))
        for followup in lifted:
            followup.message_post(
                body=_(
                    "The grade of %(member)s is now %(grade)s: no follow-up is "
                    "needed any more.",
                    member=followup.member_id.name,
                    grade=grades.get(followup.line_id.final_grade, ""),
                )
            )
        return self._workflow_env().create(
            [{"line_id": line.id} for line in proposed - existing.line_id]
        )

    # -- who may do what --------------------------------------------------------

    def _check_secretary(self):
        """The branch secretary (or the committee) records the decisions."""
        if self.env["party.branch"]._is_party_committee():
            return
        for followup in self:
            if followup.branch_id.sudo().secretary_id.user_id != self.env.user:
                raise AccessError(
                    _(
                        "Only the secretary of %(branch)s or the Party committee "
                        "records the follow-up of its members.",
                        branch=followup.branch_id.display_name,
                    )
                )

    def _check_committee(self):
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee approves and checks a follow-up.")
        )

    def write(self, vals):
        if not self._is_workflow():
            fnames = set(vals) - {"message_main_attachment_id"}
            if fnames & (MEETING_FIELDS | PLAN_FIELDS | FOLLOWUP_FIELDS):
                self._check_secretary()
            for followup in self:
                if fnames & MEETING_FIELDS and (
                    followup.meeting_state != "draft" or followup.grade != "unqualified"
                ):
                    raise UserError(
                        _(
                            "The branch meeting's decision on %(member)s is "
                            "recorded: it is kept as recorded.",
                            member=followup.member_id.name,
                        )
                    )
                if fnames & PLAN_FIELDS and followup.plan_state != "none":
                    raise UserError(
                        _(
                            "The correction plan of %(member)s is recorded: it "
                            "is kept as recorded.",
                            member=followup.member_id.name,
                        )
                    )
                if fnames & FOLLOWUP_FIELDS and followup.followup_state != "draft":
                    raise UserError(
                        _(
                            "The follow-up of %(member)s is recorded: it is "
                            "kept as recorded.",
                            member=followup.member_id.name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(_("Follow-ups are kept with their decisions."))

    # -- the 支部大会 decision and the committee's approval ---------------------

    def _branch_member_count(self):
        self.ensure_one()
        return (
            self.env["party.member"]
            .sudo()
            .search_count(
                [
                    ("branch_id", "=", self.branch_id.id),
                    ("member_type", "in", rules.PARTY_MEMBER_TYPES),
                ]
            )
        )

    def _meeting_errors(self, branch_members):
        self.ensure_one()
        messages = {
            "negative": _("Attendance and votes cannot be negative."),
            "nobody_present": _("Give the number of members present."),
            "present_above_members": _(
                "%(present)s members present, but branch %(branch)s has only "
                "%(members)s members.",
                present=self.members_present,
                branch=self.branch_id.display_name,
                members=branch_members,
            ),
            "votes_above_present": _(
                "%(votes)s votes (for, against and abstaining) from %(present)s "
                "members present: there cannot be more votes than members present.",
                votes=self.votes_for + self.votes_against + self.votes_abstain,
                present=self.members_present,
            ),
            "no_majority": _(
                "%(votes)s votes for from %(present)s members present is no "
                "majority: the branch meeting has not decided 不合格. The "
                "committee gives another grade with Decide Grade.",
                votes=self.votes_for,
                present=self.members_present,
            ),
        }
        return [
            messages[error]
            for error in rules.meeting_errors(
                branch_members,
                self.members_present,
                self.votes_for,
                self.votes_against,
                self.votes_abstain,
            )
        ]

    def action_record_meeting(self):
        """The secretary records the 支部大会 decision making the member 不合格."""
        self._check_secretary()
        for followup in self:
            if followup.grade != "unqualified":
                raise UserError(
                    _(
                        "%(member)s is not proposed unqualified: no branch "
                        "meeting decision is needed.",
                        member=followup.member_id.name,
                    )
                )
            if followup.meeting_state != "draft":
                raise UserError(_("The branch meeting's decision is recorded already."))
            if followup.assessment_state != "notice":
                raise UserError(
                    _("The decision is recorded while the assessment is published.")
                )
            if not followup.meeting_date:
                raise UserError(_("Give the date of the branch meeting."))
            members = followup._branch_member_count()
            errors = followup._meeting_errors(members)
            if errors:
                raise ValidationError("\n".join(errors))
            followup._workflow_write(
                {
                    "meeting_state": "recorded",
                    "branch_members": members,
                    "meeting_recorded_by_id": self.env.uid,
                    "meeting_recorded_date": fields.Datetime.now(),
                }
            )
        return True

    def action_approve(self):
        """The committee approves the branch meeting's 不合格 decision."""
        self._check_committee()
        for followup in self:
            if followup.meeting_state != "recorded" or followup.grade != "unqualified":
                raise UserError(
                    _(
                        "The committee approves a recorded branch meeting "
                        "decision on a member proposed unqualified."
                    )
                )
            if followup.assessment_state != "notice":
                raise UserError(
                    _("The decision is approved while the assessment is published.")
                )
        self._workflow_write(
            {
                "meeting_state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    def action_record_followup(self):
        """The secretary records the follow-up of an approved 不合格: 限期改正
        (a deadline and the 诫勉谈话) or the committee's other decision."""
        self._check_secretary()
        for followup in self:
            if followup.meeting_state != "approved":
                raise UserError(
                    _(
                        "The follow-up comes after the committee has approved "
                        "the branch meeting's decision."
                    )
                )
            if followup.followup_state != "draft":
                raise UserError(_("The follow-up is recorded already."))
            if followup.followup_type == "correction":
                missing = not (
                    followup.plan_deadline
                    and (followup.plan_text or "").strip()
                    and followup.talk_date
                    and (followup.talk_by or "").strip()
                    and (followup.talk_notes or "").strip()
                )
                if missing:
                    raise UserError(
                        _(
                            "A correction within a deadline needs the plan and "
                            "its deadline, and the admonition talk: its date, "
                            "who held it and its record."
                        )
                    )
            elif followup.followup_type == "other":
                if not (followup.other_decision or "").strip():
                    raise UserError(_("Write the committee's decision."))
            else:
                raise UserError(_("Choose the follow-up."))
            vals = {
                "followup_state": "recorded",
                "followup_recorded_date": fields.Datetime.now(),
            }
            if followup.followup_type == "correction" and followup.plan_state == "none":
                vals["plan_state"] = "planned"
            followup._workflow_write(vals)
        return True

    # -- the correction plan ------------------------------------------------------

    def action_record_plan(self):
        """The secretary records a 基本合格 member's correction plan."""
        self._check_secretary()
        for followup in self:
            if followup.plan_state != "none":
                raise UserError(_("The correction plan is recorded already."))
            if not ((followup.plan_text or "").strip() and followup.plan_deadline):
                raise UserError(
                    _(
                        "A correction plan of %(member)s needs what is to be "
                        "corrected and by when.",
                        member=followup.member_id.name,
                    )
                )
        self._workflow_write({"plan_state": "planned"})
        return True

    def action_plan_done(self):
        """The secretary reports the plan carried out."""
        self._check_secretary()
        if self.filtered(lambda followup: followup.plan_state != "planned"):
            raise UserError(_("Only a recorded plan can be reported done."))
        self._workflow_write(
            {"plan_state": "done", "plan_done_date": fields.Datetime.now()}
        )
        return True

    def action_plan_check(self):
        """The committee checks the correction."""
        self._check_committee()
        if self.filtered(lambda followup: followup.plan_state != "done"):
            raise UserError(_("The committee checks a plan reported done."))
        self._workflow_write(
            {
                "plan_state": "checked",
                "plan_checked_by_id": self.env.uid,
                "plan_checked_date": fields.Datetime.now(),
            }
        )
        return True
