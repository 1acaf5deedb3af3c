import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .. import compat
from ..lib import assessment as rules
from ..lib.scoring import competition_ranks
from ..lib.sql_arrays import array_literal
from .party_points_result import GRADES
from .party_points_ruleset import GRADE_BAND_CHECKS, VETO_EFFECTS

COMBINE_METHODS = [
    ("sum", "Sum of the Periods"),
    ("average", "Average of the Periods"),
    ("last", "Last Period Only"),
]
CATEGORIES = [
    ("full", "Full Member"),
    ("probationary", "Probationary Member"),
    ("retired", "Retired"),
    ("mobile", "Mobile"),
    ("infirm", "Elderly or Infirm"),
    ("exempt", "Exempt"),
]
STATES = [
    ("draft", "Draft"),
    ("computed", "Computed"),
    ("notice", "Public Notice"),
    ("final", "Final"),
]
# Only the workflow methods write these.
WORKFLOW_FIELDS = frozenset(
    {"state", "notice_start", "notice_end", "computed_date", "final_date"}
)
# What decides the grades: set in draft, frozen once the lines are computed.
GRADE_FIELDS = frozenset(
    {
        "company_id",
        "date_start",
        "date_end",
        "period_ids",
        "combine_method",
        "points_weight",
        "review_weight",
        "excellent_min",
        "qualified_min",
        "basic_min",
        "excellent_quota",
        "ranking_enabled",
        "notice_days",
        "confirmation_required",
    }
)


@compat.sql_constraints
class PartyPointsAssessment(models.Model):
    """The annual assessment (年度考评): a span over closed periods, their
    scores combined into the year, graded with its own bands and quota,
    published for objections (公示), then final."""

    _name = "party.points.assessment"
    _description = "Annual Assessment"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "date_end desc, id desc"
    _sealed_fields = WORKFLOW_FIELDS
    _locked_fields = GRADE_FIELDS
    _locked_states = ("computed", "notice", "final")
    _check_company_auto = True
    _party_number_checks = GRADE_BAND_CHECKS

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(required=True, tracking=True)
    period_ids = fields.Many2many(
        "party.points.period",
        "party_points_assessment_period_rel",
        "assessment_id",
        "period_id",
        string="Periods",
        check_company=True,
        domain="[('state', '=', 'closed'), ('company_id', '=', company_id)]",
        help="The closed periods whose scores make the year.",
    )
    ruleset_id = fields.Many2one(
        "party.points.ruleset",
        string="Rule Book",
        compute="_compute_ruleset_id",
        help="The rule book of the first period: it says which member types "
        "are graded and gives the default bands.",
    )
    combine_method = fields.Selection(
        COMBINE_METHODS,
        string="Combine Periods",
        required=True,
        default="sum",
        tracking=True,
    )
    points_weight = fields.Integer(
        string="Points Weight (%)", required=True, default=70, tracking=True
    )
    review_weight = fields.Integer(
        string="Review Weight (%)",
        required=True,
        default=30,
        tracking=True,
        help="The weight of the 民主评议 votes in the composite; without "
        "votes, the points count in full.",
    )
    excellent_min = fields.Float(
        string="Excellent From",
        compute="_compute_excellent_min",
        store=True,
        readonly=False,
        tracking=True,
    )
    qualified_min = fields.Float(
        string="Qualified From",
        compute="_compute_qualified_min",
        store=True,
        readonly=False,
        tracking=True,
    )
    basic_min = fields.Float(
        string="Basically Qualified From",
        compute="_compute_basic_min",
        store=True,
        readonly=False,
        tracking=True,
    )
    excellent_quota = fields.Float(
        compute="_compute_excellent_quota",
        store=True,
        readonly=False,
        digits=(3, 4),
        tracking=True,
        help="Share of a branch's graded members of a line who may be rated "
        "excellent in the year (rounded down).",
    )
    ranking_enabled = fields.Boolean(
        string="Rank Members",
        compute="_compute_ranking_enabled",
        store=True,
        readonly=False,
        tracking=True,
        help="Off: no rank is computed or shown.",
    )
    confirmation_required = fields.Boolean(
        string="Members Confirm Their Grade",
        compute="_compute_confirmation_required",
        store=True,
        readonly=False,
        tracking=True,
        help="签字确认: each member confirms their own line on the portal once "
        "the assessment is final.",
    )
    notice_days = fields.Integer(
        required=True,
        default=7,
        tracking=True,
        help="How long the proposed grades are published for objections "
        "(at least 5 days).",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    computed_date = fields.Datetime(readonly=True, copy=False)
    notice_start = fields.Datetime(readonly=True, copy=False)
    notice_end = fields.Datetime(readonly=True, copy=False)
    final_date = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "party.points.assessment.line", "assessment_id", string="Members"
    )
    objection_ids = fields.One2many(
        "party.points.assessment.objection", "assessment_id", string="Objections"
    )
    line_count = fields.Integer(compute="_compute_counts")
    objection_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "dates_order",
            "CHECK (date_end >= date_start)",
            "An assessment cannot end before it starts.",
        ),
    ]

    def _creation_message(self):
        return _("Assessment created")

    def _seal_refusal(self, fnames, creating=False):
        return _(
            "An assessment is computed, published and made final only with its buttons."
        )

    def _lock_refusal(self, records):
        return _(
            "Assessment %(assessment)s is computed: its periods, weights and "
            "bands no longer change.",
            assessment=records[:1].display_name,
        )

    @api.depends("period_ids")
    def _compute_ruleset_id(self):
        for assessment in self:
            assessment.ruleset_id = assessment.period_ids.sorted("date_start")[
                :1
            ].ruleset_id

    def _from_ruleset(self, fname):
        """Default ``fname`` (a band, the quota, ranking) to the rule book of
        the first period. One compute method per field: a field given on
        create keeps its value without stopping the others' defaults."""
        for assessment in self:
            ruleset = assessment.ruleset_id or self.env["party.points.ruleset"].new({})
            assessment[fname] = ruleset[fname]

    @api.depends("period_ids")
    def _compute_excellent_min(self):
        self._from_ruleset("excellent_min")

    @api.depends("period_ids")
    def _compute_qualified_min(self):
        self._from_ruleset("qualified_min")

    @api.depends("period_ids")
    def _compute_basic_min(self):
        self._from_ruleset("basic_min")

    @api.depends("period_ids")
    def _compute_excellent_quota(self):
        self._from_ruleset("excellent_quota")

    @api.depends("period_ids")
    def _compute_ranking_enabled(self):
        self._from_ruleset("ranking_enabled")

    @api.depends("period_ids")
    def _compute_confirmation_required(self):
        self._from_ruleset("confirmation_required")

    def _compute_counts(self):
        lines = dict(
            self.env["party.points.assessment.line"]._read_group(
                [("assessment_id", "in", self.ids)], ["assessment_id"], ["__count"]
            )
        )
        objections = dict(
            self.env["party.points.assessment.objection"]._read_group(
                [("assessment_id", "in", self.ids)], ["assessment_id"], ["__count"]
            )
        )
        for assessment in self:
            assessment.line_count = lines.get(assessment, 0)
            assessment.objection_count = objections.get(assessment, 0)

    @api.constrains("period_ids", "company_id")
    def _check_periods(self):
        for assessment in self:
            wrong = assessment.period_ids.filtered(
                lambda period, assessment=assessment: (
                    period.state != "closed"
                    or period.company_id != assessment.company_id
                )
            )
            if wrong:
                raise ValidationError(
                    _(
                        "An assessment combines closed periods of its own "
                        "company only: %(periods)s cannot be used.",
                        periods=", ".join(wrong.mapped("name")),
                    )
                )

    @api.constrains("points_weight", "review_weight", "notice_days")
    def _check_weights_and_notice(self):
        for assessment in self:
            weights = (assessment.points_weight, assessment.review_weight)
            if min(weights) < 0 or sum(weights) != 100:
                raise ValidationError(
                    _(
                        "The points weight and the review weight must add up "
                        "to 100 (now %(points)s + %(review)s).",
                        points=weights[0],
                        review=weights[1],
                    )
                )
            if assessment.notice_days < rules.MIN_NOTICE_DAYS:
                raise ValidationError(
                    _(
                        "The public notice lasts at least %(days)s days.",
                        days=rules.MIN_NOTICE_DAYS,
                    )
                )

    @api.constrains("excellent_min", "qualified_min", "basic_min", "excellent_quota")
    def _check_bands(self):
        for assessment in self:
            if not (
                assessment.excellent_min
                > assessment.qualified_min
                > assessment.basic_min
            ):
                raise ValidationError(
                    _(
                        "The grade bands must rise: basically qualified below "
                        "qualified, qualified below excellent."
                    )
                )
            if not 0 <= assessment.excellent_quota <= 1:
                raise ValidationError(
                    _("The excellent quota is a share between 0 and 1.")
                )

    def write(self, vals):
        final = self.filtered(lambda assessment: assessment.state == "final")
        if (
            final
            and not self._is_workflow()
            and set(vals) - {"message_main_attachment_id"}
        ):
            raise UserError(
                _(
                    "Assessment %(assessment)s is final: it is kept as decided.",
                    assessment=final[:1].display_name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        published = self.filtered(
            lambda assessment: assessment.state in ("notice", "final")
        )
        if published:
            raise UserError(
                _(
                    "Assessment %(assessment)s has been published: it is kept "
                    "with its objections.",
                    assessment=published[:1].display_name,
                )
            )

    # -- workflow -----------------------------------------------------------------

    def _check_manager(self):
        self.env["party.branch"]._check_party_committee(
            _(
                "Only the Party committee may compute, publish or finalize "
                "an assessment."
            )
        )

    def action_compute(self):
        """Grade every member of the periods in one set-based pass."""
        self._check_manager()
        for assessment in self:
            if assessment.state not in ("draft", "computed"):
                raise UserError(
                    _(
                        "Assessment %(assessment)s has been published: it can no "
                        "longer be recomputed.",
                        assessment=assessment.display_name,
                    )
                )
            assessment._check_periods()
            if not assessment.period_ids:
                raise UserError(_("Choose the closed periods the assessment combines."))
            # one aggregate read of the inputs, the rules of lib/ in Python,
            # one statement writing the lines (updated in place, so the
            # 民主评议 counts cast so far stay with the members)
            lines, vetoes = assessment._compute_lines()
            self.env["party.points.assessment.line"]._store_lines(
                assessment, lines, vetoes
            )
            assessment._workflow_write(
                {"state": "computed", "computed_date": fields.Datetime.now()}
            )
            assessment.message_post(
                body=_("Assessment computed: %(count)s members.", count=len(lines))
            )
        return True

    def _inputs(self):
        """The inputs of every member of the periods, in one aggregate query:
        ``([(member id, branch id, member type, special category, line id or
        None, then a score or None per period oldest first, then the votes
        cast so far per choice)], periods)``. Plain columns: psycopg2 reads
        10,000 rows of them several times faster than arrays."""
        periods = self.period_ids.sorted(lambda period: (period.date_start, period.id))
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT result.member_id, member.branch_id, member.member_type,
                    member.special_category, line.id, %s, %s
                FROM party_points_result result
                JOIN party_member member ON member.id = result.member_id
                LEFT JOIN party_points_assessment_line line
                    ON line.assessment_id = %s AND line.member_id = result.member_id
                WHERE result.period_id = ANY(%s::int[])
                GROUP BY result.member_id, member.id, line.id""",
                # a member has one result a period: its score, or NULL
                SQL(", ").join(
                    SQL("max(result.score) FILTER (WHERE result.period_id = %s)", pid)
                    for pid in periods.ids
                ),
                SQL(", ").join(
                    SQL.identifier("line", f"review_{choice}")
                    for choice in rules.REVIEW_CHOICES
                ),
                self.id,
                array_literal(periods.ids),
            )
        )
        return self.env.cr.fetchall(), periods

    def _standing_vetoes(self, periods):
        """The approved, standing veto entries of the members of ``periods``
        whose window overlaps the span, in any period: ``({member id:
        [effect]}, {member id: [entry id]})``, in one query."""
        self.env.cr.execute(
            SQL(
                """SELECT entry.id, entry.member_id, entry.date,
                    rule.veto_effect, COALESCE(rule.veto_effect_months, 0)
                FROM party_points_entry entry
                JOIN party_points_rule rule ON rule.id = entry.rule_id
                WHERE entry.state = 'approved' AND entry.is_veto
                    AND entry.reversed_by_id IS NULL
                    AND entry.reversal_of_id IS NULL
                    AND entry.company_id = %s AND entry.date <= %s
                    AND entry.member_id IN (
                        SELECT member_id FROM party_points_result
                        WHERE period_id = ANY(%s::int[])
                    )
                ORDER BY entry.id""",
                self.company_id.id,
                self.date_end,
                array_literal(periods.ids),
            )
        )
        effects, entries = {}, {}
        for entry_id, member_id, day, effect, months in self.env.cr.fetchall():
            if rules.veto_applies(day, months, self.date_start, self.date_end):
                effects.setdefault(member_id, []).append(effect)
                entries.setdefault(member_id, []).append(entry_id)
        return effects, entries

    def _compute_lines(self):
        """Every member's line as computing the assessment makes it now,
        with the 民主评议 counts cast so far: ``({member id: values},
        {member id: [veto entry ids]})``."""
        self.ensure_one()
        inputs, periods = self._inputs()
        veto_effects, veto_entries = self._standing_vetoes(periods)
        graded_types = self.ruleset_id.graded_member_types()
        special = self.ruleset_id.special_handling() if self.ruleset_id else {}
        # the assessment's settings read once, not once per member
        keys = [str(period_id) for period_id in periods.ids]
        count = len(keys)
        method = self.combine_method
        weights = (self.points_weight, self.review_weight)
        # the review score of each distinct count of votes (a few dozen of
        # them among 10,000 members), computed once
        reviews = {}
        lines, graded = {}, []
        for member_id, branch_id, member_type, situation, line_id, *values in inputs:
            scores = values[:count]
            counts = tuple(values[count:]) if line_id else ()
            if counts not in reviews:
                reviews[counts] = rules.review_score(
                    dict(zip(rules.REVIEW_CHOICES, counts, strict=True))
                    if counts
                    else {}
                )
            category = member_type if member_type in graded_types else "exempt"
            if category not in rules.PARTY_MEMBER_TYPES:
                category = "exempt"
            elif situation:
                # 离退休, 流动, 年老体弱: exempt or on their own list
                category = (
                    situation if special.get(situation) == "own_list" else "exempt"
                )
            year_points = rules.combine_periods(scores, method)
            points = rules.composite(year_points, reviews[counts], *weights)
            effects = veto_effects.get(member_id)
            veto = rules.strongest(effects) if effects else None
            lines[member_id] = {
                "member_id": member_id,
                "branch_id": branch_id,
                "category": category,
                "period_scores": {
                    key: score
                    for key, score in zip(keys, scores, strict=True)
                    if score is not None
                },
                "year_points": year_points or 0.0,
                "composite": points,
                "veto_effect": veto,
            }
            # a plain tuple, as rules.Line lays it out (see there)
            graded.append(
                (member_id, rules.line_key(branch_id, category), points, veto)
            )
        proposed = rules.propose_grades(
            rules.Bands(
                self.excellent_min,
                self.qualified_min,
                self.basic_min,
                self.excellent_quota,
            ),
            graded,
        )
        ranks = {}
        if self.ranking_enabled:
            by_branch = {}
            for member_id, vals in lines.items():
                if vals["category"] != "exempt":
                    # full and probationary members ranked together in their
                    # branch, each special category on its own list
                    key = (
                        vals["branch_id"],
                        vals["category"] in rules.SPECIAL_CATEGORIES
                        and vals["category"],
                    )
                    by_branch.setdefault(key, {})[member_id] = vals["composite"]
            for branch_scores in by_branch.values():
                ranks.update(competition_ranks(branch_scores))
        for member_id, vals in lines.items():
            grade, needs_decision = proposed[member_id]
            vals.update(
                proposed_grade=grade,
                needs_decision=needs_decision,
                rank=ranks.get(member_id, 0),
            )
        return lines, veto_entries

    def action_cast_votes(self, choices):
        """The user's 民主评议 votes on fellow members of their branch:
        ``choices`` is ``{member id: choice}`` (优秀/合格/基本合格/不合格). Only
        the counts are stored on the members' lines, never who voted what:
        the ballots record who has voted on whom, without the choice, so
        that each member votes once on each fellow member."""
        self.ensure_one()
        # (member ids arrive as strings from JSON)
        choices = {int(member_id): choice for member_id, choice in choices.items()}
        assessment = self.sudo()
        voter = (
            self.env["party.member"]
            .sudo()
            .search([("user_id", "=", self.env.uid)], limit=1)
        )
        if assessment.state != "computed":
            raise UserError(
                _(
                    "The 民主评议 of %(assessment)s is closed: members vote "
                    "after it is computed and before it is published.",
                    assessment=assessment.display_name,
                )
            )
        if not voter:
            raise UserError(_("Only Party members vote in the 民主评议."))
        unknown = set(choices.values()) - set(rules.REVIEW_CHOICES)
        if unknown:
            raise UserError(
                _("A vote is excellent, qualified, basically qualified or unqualified.")
            )
        if voter.id in choices:
            raise UserError(_("Nobody votes on themselves in the 民主评议."))
        lines = assessment.line_ids.filtered(
            lambda line: (
                line.member_id.id in choices
                and line.branch_id == voter.branch_id
                and line.category != "exempt"
            )
        )
        if len(lines) != len(choices):
            raise UserError(
                _("Members vote only on the graded members of their own branch.")
            )
        Ballot = self.env["party.points.assessment.ballot"].sudo()
        if Ballot.search_count(
            [
                ("assessment_id", "=", assessment.id),
                ("voter_id", "=", voter.id),
                ("member_id", "in", list(choices)),
            ]
        ):
            raise UserError(_("You have already voted on some of these members."))
        Ballot.create(
            [
                {
                    "assessment_id": assessment.id,
                    "voter_id": voter.id,
                    "member_id": member_id,
                }
                for member_id in choices
            ]
        )
        # The counts only, in one UPDATE that leaves the lines' write_uid
        # and write_date alone (they would name the voter).
        by_line = {line.id: choices[line.member_id.id] for line in lines}
        self.env.cr.execute(
            SQL(
                """UPDATE party_points_assessment_line line SET %s
                FROM unnest(%s::int[], %s::varchar[]) AS vote(line_id, choice)
                WHERE line.id = vote.line_id""",
                SQL(", ").join(
                    SQL(
                        "%s = line.%s + (vote.choice = %s)::int",
                        SQL.identifier(f"review_{choice}"),
                        SQL.identifier(f"review_{choice}"),
                        choice,
                    )
                    for choice in rules.REVIEW_CHOICES
                ),
                array_literal(list(by_line)),
                array_literal(list(by_line.values())),
            )
        )
        lines.invalidate_recordset()
        return True

    def action_publish(self):
        """Publish the proposed grades for objections (公示)."""
        self._check_manager()
        for assessment in self:
            if assessment.state != "computed":
                raise UserError(
                    _(
                        "Only a computed assessment can be published: compute "
                        "%(assessment)s first.",
                        assessment=assessment.display_name,
                    )
                )
            start = fields.Datetime.now()
            # 不合格 and 基本合格 are proposals: their follow-ups open now
            self.env["party.points.assessment.followup"]._sync_for(
                assessment.sudo().line_ids
            )
            assessment._workflow_write(
                {
                    "state": "notice",
                    "notice_start": start,
                    "notice_end": rules.notice_end(start, assessment.notice_days),
                }
            )
            assessment.message_post(
                body=_(
                    "Proposed grades published; objections may be filed until "
                    "%(end)s (UTC).",
                    end=assessment.notice_end,
                )
            )
        return True

    def _notice_open(self):
        self.ensure_one()
        return self.state == "notice" and rules.notice_open(
            fields.Datetime.now(), self.notice_start, self.notice_end
        )

    def action_finalize(self):
        """Make the grades final: after the notice, every objection decided."""
        self._check_manager()
        for assessment in self:
            if assessment.state != "notice":
                raise UserError(
                    _(
                        "Only a published assessment can be made final: publish "
                        "%(assessment)s first.",
                        assessment=assessment.display_name,
                    )
                )
            objections = assessment.sudo().objection_ids
            blockers = rules.finalize_blockers(
                fields.Datetime.now(),
                assessment.notice_end,
                objections.mapped("state"),
            )
            reasons = []
            if "notice_open" in blockers:
                reasons.append(
                    _(
                        "The notice is open until %(end)s (UTC): members may "
                        "still object.",
                        end=assessment.notice_end,
                    )
                )
            if "objections_pending" in blockers:
                reasons.append(
                    _(
                        "%(count)s objections are not decided yet: the committee "
                        "upholds or rejects each one first.",
                        count=len(
                            objections.filtered(
                                lambda objection: (
                                    objection.state not in ("upheld", "rejected")
                                )
                            )
                        ),
                    )
                )
            reasons += assessment._grade_blockers()
            if reasons:
                raise UserError(
                    _(
                        "Assessment %(assessment)s cannot be made final yet:\n"
                        "%(reasons)s",
                        assessment=assessment.display_name,
                        reasons="\n".join(reasons),
                    )
                )
            assessment._workflow_write(
                {"state": "final", "final_date": fields.Datetime.now()}
            )
            assessment.message_post(body=_("Assessment made final."))
        return True

    def _grade_blockers(self):
        """Why the grades are not settled by the book yet, as sentences
        naming the members: 不合格 without an approved branch meeting
        decision, 基本合格 without a correction plan."""
        self.ensure_one()
        lines = self.sudo().line_ids.filtered(
            lambda line: line.final_grade in ("unqualified", "basic")
        )
        followups = {
            followup.line_id: followup
            for followup in self.env["party.points.assessment.followup"]
            .sudo()
            .search([("line_id", "in", lines.ids)])
        }
        empty = self.env["party.points.assessment.followup"]
        unqualified, basic = rules.finalize_grade_blockers(
            [
                (
                    line.member_id.name,
                    line.final_grade,
                    followups.get(line, empty).meeting_state == "approved",
                    followups.get(line, empty).plan_state != "none"
                    and bool(followups.get(line)),
                )
                for line in lines
            ]
        )
        reasons = []
        if unqualified:
            reasons.append(
                _(
                    "Proposed unqualified without a branch meeting decision "
                    "approved by the committee: %(members)s.",
                    members=", ".join(unqualified),
                )
            )
        if basic:
            reasons.append(
                _(
                    "Basically qualified without a correction plan: %(members)s.",
                    members=", ".join(basic),
                )
            )
        return reasons

    def action_view_followups(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Follow-ups"),
            "res_model": "party.points.assessment.followup",
            "views": [[False, "list"], [False, "form"]],
            "domain": [("assessment_id", "=", self.id)],
            "context": {},
        }

    def action_view_objections(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Objections"),
            "res_model": "party.points.assessment.objection",
            "views": [[False, "list"], [False, "form"]],
            "domain": [("assessment_id", "=", self.id)],
            "context": {},
        }

    # -- reading for the Excel files and the branch notice ------------------

    def _export_lines(self, branches):
        """The lines of this assessment the current user may export, read
        as the user (record rules and companies apply) before anything is
        read as superuser: the Party committee every branch, an officer the
        branches they work (``branches`` and those below them; every branch
        they work when empty). An AccessError otherwise."""
        Export = self.env["party.points.export"]
        assessment = Export._readable(self)[:1]
        if not assessment:
            raise UserError(_("Choose the assessment to export."))
        user = self.env.user
        manager = self.env["party.branch"]._is_party_committee()
        if not (manager or user.has_group("party_points.group_party_officer")):
            raise AccessError(
                _(
                    "Only branch officers and the Party committee export "
                    "assessments; members read the notice on the portal."
                )
            )
        branches = Export._readable(branches)
        if branches.company_id - assessment.company_id:
            raise AccessError(
                _(
                    "Assessment %(assessment)s belongs to %(company)s: it holds "
                    "no branch of another company.",
                    assessment=assessment.display_name,
                    company=assessment.company_id.name,
                )
            )
        domain = [("assessment_id", "=", assessment.id)]
        if branches:
            branches._check_user_works_here()
            domain.append(("branch_id", "child_of", branches.ids))
        elif not manager:
            domain.append(("branch_id.access_user_ids", "in", user.id))
        lines = self.env["party.points.assessment.line"].search(domain)
        if not lines and not branches and not manager:
            raise AccessError(
                _("You are not an officer of any branch this assessment grades.")
            )
        return lines

    def _line_order(self, lines):
        """``lines`` (sudo) by branch, then by composite (ranked) or by
        name (unranked: no order that reads as a ranking)."""
        ranked = self.ranking_enabled
        return lines.sorted(
            lambda line: (
                line.branch_id.complete_name or "",
                -line.composite if ranked else 0,
                line.member_id.name or "",
            )
        )

    def _ledger_rows(self, lines):
        """``(periods, rows)`` of the assessment ledger of ``lines`` (as
        :meth:`_export_lines` returns them): the periods oldest first, and
        per line ``(branch, member, category, [score per period or None],
        year points, votes excellent, qualified, basically qualified,
        unqualified, composite, veto, proposed grade, final grade, rank or
        None, objections, their outcome)``, labels translated."""
        self.ensure_one()
        assessment = self.sudo()
        lines = lines.sudo()
        periods = assessment.period_ids.sorted(
            lambda period: (period.date_start, period.id)
        )
        Line = self.env["party.points.assessment.line"]
        categories = dict(Line._fields["category"]._description_selection(self.env))
        grades = dict(Line._fields["final_grade"]._description_selection(self.env))
        vetoes = dict(Line._fields["veto_effect"]._description_selection(self.env))
        states = dict(
            self.env["party.points.assessment.objection"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        outcomes = {}
        for line, state, count in (
            self.env["party.points.assessment.objection"]
            .sudo()
            ._read_group(
                [("line_id", "in", lines.ids)], ["line_id", "state"], ["__count"]
            )
        ):
            outcomes.setdefault(line.id, []).append((state, count))
        tie = _("%(grade)s (tie, to decide)")
        rows = []
        for line in assessment._line_order(lines):
            scores = line.period_scores or {}
            proposed = grades.get(line.proposed_grade, "")
            if line.needs_decision:
                proposed = tie % {"grade": proposed}
            decided = outcomes.get(line.id, [])
            rows.append(
                (
                    line.branch_id.complete_name,
                    line.member_id.name,
                    categories.get(line.category, ""),
                    [scores.get(str(period.id)) for period in periods],
                    line.year_points,
                    line.review_excellent,
                    line.review_qualified,
                    line.review_basic,
                    line.review_unqualified,
                    line.composite,
                    vetoes.get(line.veto_effect, ""),
                    proposed,
                    grades.get(line.final_grade, ""),
                    (line.rank or None) if assessment.ranking_enabled else None,
                    sum(count for _state, count in decided),
                    "、".join(
                        f"{states[state]} {count}" for state, count in sorted(decided)
                    ),
                )
            )
        return periods, rows

    def _notice_rows(self, lines):
        """The 公示 rows of ``lines``: ``(branch, member, grade, rank or
        None)``; ranks only where ranking is on."""
        self.ensure_one()
        assessment = self.sudo()
        grades = dict(
            self.env["party.points.assessment.line"]
            ._fields["final_grade"]
            ._description_selection(self.env)
        )
        ranked = assessment.ranking_enabled
        return [
            (
                line.branch_id.complete_name,
                line.member_id.name,
                grades.get(line.final_grade, ""),
                (line.rank or None) if ranked else None,
            )
            for line in assessment._line_order(lines.sudo())
        ]

    @api.model
    def _branch_notice(self, member):
        """What ``member`` (a party.member) sees of the notices open now in
        their own branch: ``[{"assessment", "ranked", "lines": [{"id",
        "name", "grade", "rank", "republished"}]}]``. Only the names, grades
        and (where ranking is on) ranks of the member's branch, only while
        the window is open; read as superuser for the portal, in a fixed
        number of queries whatever the branch's size."""
        member = member.sudo()
        if not member.branch_id:
            return []
        now = fields.Datetime.now()
        assessments = self.sudo().search(
            [
                ("state", "=", "notice"),
                ("company_id", "=", member.company_id.id),
                ("notice_start", "<=", now),
                ("notice_end", ">", now),
            ],
            order="date_end desc, id desc",
        )
        if not assessments:
            return []
        lines = (
            self.env["party.points.assessment.line"]
            .sudo()
            .search(
                [
                    ("assessment_id", "in", assessments.ids),
                    ("branch_id", "=", member.branch_id.id),
                ]
            )
        )
        grades = dict(lines._fields["final_grade"]._description_selection(self.env))
        notices = []
        for assessment in assessments:
            ranked = assessment.ranking_enabled
            own = lines.filtered(
                lambda line, assessment=assessment: line.assessment_id == assessment
            )
            if not own:
                continue
            notices.append(
                {
                    "assessment": assessment,
                    "ranked": ranked,
                    "lines": [
                        {
                            "id": line.id,
                            "name": line.member_id.name,
                            "grade": grades.get(line.final_grade, ""),
                            "rank": (line.rank or None) if ranked else None,
                            "republished": line.republished,
                        }
                        for line in assessment._line_order(own)
                    ],
                }
            )
        return notices

    def action_export_xlsx(self):
        """Download the assessment ledger and its 公示 sheet of the branches
        the user works (checked now, and again by the controller)."""
        self.ensure_one()
        self._export_lines(self.env["party.branch"])
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {
                "url": f"/party_points/assessment/export?assessment_id={self.id}"
            },
        }


# What each computed line column is, for the bulk write: (name, SQL type of
# its array). The final grade starts as the proposed one; the 民主评议 counts
# are the lines' own (none on a new line). The periods' scores travel apart,
# as one JSON array of the lines' objects.
LINE_COLUMNS = (
    ("member_id", "int"),
    ("branch_id", "int"),
    ("category", "varchar"),
    ("year_points", "float8"),
    ("composite", "float8"),
    ("veto_effect", "varchar"),
    ("proposed_grade", "varchar"),
    ("needs_decision", "bool"),
    ("rank", "int"),
)


class PartyPointsAssessmentLine(models.Model):
    """One member in an assessment: the periods' scores, the year's points,
    the 民主评议 counts, the composite and the grades. Written only by the
    assessment's workflow."""

    _name = "party.points.assessment.line"
    _description = "Assessment Line"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "assessment_id desc, branch_id, composite desc, member_id"
    _check_company_auto = True

    assessment_id = fields.Many2one(
        "party.points.assessment",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    member_id = fields.Many2one(
        "party.member",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, readonly=True, check_company=True
    )
    category = fields.Selection(CATEGORIES, readonly=True, required=True)
    period_scores = fields.Json(
        string="Scores by Period",
        readonly=True,
        help="The score of each period: {period id: score}.",
    )
    period_summary = fields.Char(
        string="Period Scores", compute="_compute_period_summary"
    )
    year_points = fields.Float(readonly=True)
    veto_effect = fields.Selection(VETO_EFFECTS, readonly=True)
    veto_entry_ids = fields.Many2many(
        "party.points.entry",
        "party_points_assessment_line_veto_rel",
        "line_id",
        "entry_id",
        string="Veto Entries",
        readonly=True,
    )
    review_excellent = fields.Integer(string="Votes Excellent", readonly=True)
    review_qualified = fields.Integer(string="Votes Qualified", readonly=True)
    review_basic = fields.Integer(string="Votes Basically Qualified", readonly=True)
    review_unqualified = fields.Integer(string="Votes Unqualified", readonly=True)
    review_score = fields.Float(
        compute="_compute_review_score",
        help="The 民主评议 part: the average value of the votes.",
    )
    composite = fields.Float(readonly=True)
    proposed_grade = fields.Selection(GRADES, readonly=True)
    needs_decision = fields.Boolean(
        readonly=True,
        help="Tied with others across the excellent quota line: the committee "
        "decides who is excellent.",
    )
    final_grade = fields.Selection(GRADES, string="Grade", readonly=True)
    # officers only, as the periods' ranks: not a league table for members
    rank = fields.Integer(
        string="Rank in Branch",
        readonly=True,
        groups="party_points.group_party_officer",
        help="0 when ranking is off.",
    )
    republished = fields.Boolean(
        readonly=True,
        help="The grade was changed on an objection and published again.",
    )
    republished_date = fields.Datetime(readonly=True)
    objection_ids = fields.One2many(
        "party.points.assessment.objection", "line_id", string="Objections"
    )
    # the 转正 checkpoint of a probationary member
    member_type = fields.Selection(related="member_id.member_type")
    probation_end_date = fields.Date(
        string="转正 Checkpoint", related="member_id.probation_end_date"
    )
    # 民主评议: the member's own text, the branch committee's opinion
    self_assessment = fields.Text(
        readonly=True,
        tracking=True,
        help="The member's self-assessment, written on the portal while the "
        "assessment is computed or published.",
    )
    self_assessment_date = fields.Datetime(readonly=True)
    branch_opinion = fields.Text(
        string="Branch Committee's Opinion",
        readonly=True,
        tracking=True,
    )
    branch_opinion_by_id = fields.Many2one(
        "res.users", string="Opinion By", readonly=True
    )
    # the committee's decision on a tie or on a 不合格 the branch did not carry
    decision_reason = fields.Text(
        string="Committee's Reason", readonly=True, tracking=True
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Datetime(readonly=True)
    # 签字确认
    confirmation_required = fields.Boolean(
        related="assessment_id.confirmation_required"
    )
    confirmed_date = fields.Datetime(
        string="Confirmed by the Member", readonly=True, tracking=True
    )
    state = fields.Selection(related="assessment_id.state")
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )

    _sealed_fields = frozenset(
        {
            "assessment_id",
            "member_id",
            "branch_id",
            "category",
            "period_scores",
            "year_points",
            "veto_effect",
            "veto_entry_ids",
            "review_excellent",
            "review_qualified",
            "review_basic",
            "review_unqualified",
            "composite",
            "proposed_grade",
            "needs_decision",
            "final_grade",
            "rank",
            "republished",
            "republished_date",
            "self_assessment",
            "self_assessment_date",
            "branch_opinion",
            "branch_opinion_by_id",
            "decision_reason",
            "decided_by_id",
            "decided_date",
            "confirmed_date",
        }
    )

    def _seal_refusal(self, fnames, creating=False):
        return _(
            "Assessment lines are computed by the assessment and changed only by "
            "the committee's decision on an objection."
        )

    @api.depends("member_id", "assessment_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.member_id.name} · {line.assessment_id.name}"

    @api.depends("period_scores")
    def _compute_period_summary(self):
        periods = (
            self.env["party.points.period"]
            .sudo()
            .browse({int(key) for line in self for key in line.period_scores or {}})
            .sorted("date_start")
        )
        for line in self:
            scores = line.period_scores or {}
            line.period_summary = " · ".join(
                f"{period.name}: {scores[str(period.id)]:g}"
                for period in periods
                if str(period.id) in scores
            )

    @api.depends(
        "review_excellent", "review_qualified", "review_basic", "review_unqualified"
    )
    def _compute_review_score(self):
        for line in self:
            line.review_score = (
                rules.review_score(
                    {
                        "excellent": line.review_excellent,
                        "qualified": line.review_qualified,
                        "basic": line.review_basic,
                        "unqualified": line.review_unqualified,
                    }
                )
                or 0.0
            )

    # -- 民主评议 texts, the committee's decision, 签字确认 --------------------------

    def _own_line(self):
        """Raise unless every line of ``self`` is the current user's own."""
        owned = self.env.user._party_owns(self.member_id)
        if self.filtered(lambda line: line.member_id not in owned):
            raise AccessError(_("A member writes and confirms only their own line."))

    def action_save_self_assessment(self, text):
        """The member's self-assessment (on the portal): only their own line,
        only while the assessment is computed or published."""
        self._own_line()
        text = (text or "").strip()
        if not text:
            raise UserError(_("Write your self-assessment first."))
        for line in self:
            if line.assessment_id.state not in ("computed", "notice"):
                raise UserError(
                    _(
                        "The self-assessment of %(assessment)s is written while it "
                        "is computed or published, not after it is final.",
                        assessment=line.assessment_id.display_name,
                    )
                )
        self._party_check_values({"self_assessment": text})
        self._workflow_write(
            {"self_assessment": text, "self_assessment_date": fields.Datetime.now()}
        )
        return True

    def action_set_branch_opinion(self, text):
        """The branch committee's opinion, written by an officer of the
        line's branch (or the Party committee) before the assessment is final."""
        is_manager = self.env["party.branch"]._is_party_committee()
        text = (text or "").strip()
        if not text:
            raise UserError(_("Write the branch committee's opinion first."))
        for line in self:
            if not is_manager and self.env.user not in line.branch_id.access_user_ids:
                raise AccessError(
                    _(
                        "Only the officers of %(branch)s write its opinion on "
                        "its members.",
                        branch=line.branch_id.display_name,
                    )
                )
            if line.assessment_id.state not in ("computed", "notice"):
                raise UserError(
                    _(
                        "The branch's opinion is written while the assessment "
                        "is computed or published, not after it is final."
                    )
                )
        self._party_check_values({"branch_opinion": text})
        self._workflow_write(
            {"branch_opinion": text, "branch_opinion_by_id": self.env.uid}
        )
        return True

    def action_decide_grade(self, grade, reason):
        """The committee's grade for a line the rules leave to it: members
        tied across the excellent quota line, or a proposed 不合格 that the
        branch meeting has not carried. Kept with its reason."""
        self.assessment_id._check_manager()
        reason = (reason or "").strip()
        if grade not in dict(GRADES) or grade == "exempt":
            raise UserError(_("Choose the grade the committee gives."))
        if not reason:
            raise UserError(_("Give the committee's reason for the grade."))
        followups = (
            self.env["party.points.assessment.followup"]
            .sudo()
            .search([("line_id", "in", self.ids)])
        )
        approved = followups.filtered(
            lambda followup: followup.meeting_state == "approved"
        ).line_id
        for line in self:
            if line.assessment_id.state not in ("computed", "notice"):
                raise UserError(
                    _("The committee decides a grade before the assessment is final.")
                )
            open_unqualified = (
                line.final_grade == "unqualified" and line not in approved
            )
            if not (line.needs_decision or open_unqualified):
                raise UserError(
                    _(
                        "The grade of %(member)s follows from the rules: the "
                        "committee decides only ties on the quota line and "
                        "unqualified proposals the branch meeting has not "
                        "carried (an objection changes the others).",
                        member=line.member_id.name,
                    )
                )
            if grade == "excellent" and line.veto_effect:
                raise UserError(
                    _(
                        "%(member)s carries a veto: the committee cannot make "
                        "them excellent.",
                        member=line.member_id.name,
                    )
                )
        self._workflow_write(
            {
                "final_grade": grade,
                "needs_decision": False,
                "decision_reason": reason,
                "decided_by_id": self.env.uid,
                "decided_date": fields.Datetime.now(),
            }
        )
        published = self.filtered(lambda line: line.assessment_id.state == "notice")
        self.env["party.points.assessment.followup"]._sync_for(published)
        return True

    def action_confirm_grade(self):
        """签字确认: the member confirms their own final line on the portal."""
        self._own_line()
        for line in self:
            if not line.assessment_id.confirmation_required:
                raise UserError(
                    _(
                        "Assessment %(assessment)s asks for no confirmation.",
                        assessment=line.assessment_id.display_name,
                    )
                )
            if line.assessment_id.state != "final":
                raise UserError(
                    _("You confirm your grade once the assessment is final.")
                )
            if line.confirmed_date:
                raise UserError(_("You have confirmed this grade already."))
        self._workflow_write({"confirmed_date": fields.Datetime.now()})
        return True

    def _line_wizard(self, mode):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "party.points.assessment.line.wizard",
            "views": [[False, "form"]],
            "target": "new",
            "context": {
                "default_line_id": self.id,
                "default_mode": mode,
                "default_opinion": self.branch_opinion if mode == "opinion" else False,
            },
        }

    def action_open_opinion(self):
        return self._line_wizard("opinion")

    def action_open_decide(self):
        return self._line_wizard("decide")

    def action_open_followup(self):
        """The line's follow-up (不合格, 基本合格), for those who may see it."""
        self.ensure_one()
        followup = self.env["party.points.assessment.followup"].search(
            [("line_id", "=", self.id)], limit=1
        )
        if not followup:
            raise UserError(
                _(
                    "No follow-up of %(member)s is open to you: it opens when "
                    "the assessment is published with a grade of unqualified or "
                    "basically qualified, and only the committee, the branch "
                    "secretary and the member see it.",
                    member=self.member_id.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "party.points.assessment.followup",
            "views": [[False, "form"]],
            "res_id": followup.id,
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        if self.assessment_id.filtered(
            lambda assessment: assessment.state in ("notice", "final")
        ):
            raise UserError(
                _("A published assessment keeps its lines with their objections.")
            )

    @api.model
    def _store_lines(self, assessment, lines, veto_entries):
        """Store the lines of ``assessment`` (``{member id: values}`` as
        :meth:`party.points.assessment._compute_lines` returns them) in one
        statement, as the period close stores its results: the line of a
        member who has one is updated in place (its id, chatter,
        self-assessment and branch opinion stay), the other members' lines
        are inserted, and the lines of members no longer in the periods are
        deleted (the assessment is unpublished: no objection holds them).
        Then the veto entries of the lines, replaced in two statements."""
        # a committee's decision was on the grades being recomputed: undone
        # through the ORM, so that the line's chatter tracks it (a few lines)
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """SELECT id FROM party_points_assessment_line
                WHERE assessment_id = %s AND decided_date IS NOT NULL""",
                assessment.id,
            )
        )
        decided = self.browse([line_id for (line_id,) in cr.fetchall()])
        if decided:
            decided._workflow_write(
                {
                    "decision_reason": False,
                    "decided_by_id": False,
                    "decided_date": False,
                }
            )
            decided.flush_recordset()
        # the columns as array literals (one string each, as the period close
        # writes its results): unnest() parses them faster than the server
        # parses JSON objects, and the planner sees how many lines come
        values = list(lines.values())
        names = [name for name, _type in LINE_COLUMNS] + ["period_scores"]
        cr.execute(
            SQL(
                """WITH new AS (
                    SELECT * FROM ROWS FROM (%(arrays)s,
                        jsonb_array_elements(%(scores)s::jsonb)) AS line(%(names)s)
                ), gone AS (
                    DELETE FROM party_points_assessment_line old
                    WHERE old.assessment_id = %(assessment)s
                        AND NOT EXISTS (
                            SELECT FROM new WHERE new.member_id = old.member_id
                        )
                ), kept AS (
                    UPDATE party_points_assessment_line old
                    SET final_grade = new.proposed_grade, %(updates)s,
                        write_uid = %(uid)s, write_date = now() AT TIME ZONE 'UTC'
                    FROM new
                    WHERE old.assessment_id = %(assessment)s
                        AND old.member_id = new.member_id
                    RETURNING old.member_id
                )
                INSERT INTO party_points_assessment_line (
                    assessment_id, company_id, create_uid, write_uid, create_date,
                    write_date, republished, final_grade, review_excellent,
                    review_qualified, review_basic, review_unqualified, %(names)s)
                SELECT %(assessment)s, %(company)s, %(uid)s, %(uid)s,
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', false,
                    new.proposed_grade, 0, 0, 0, 0, %(new_names)s
                FROM new
                WHERE new.member_id NOT IN (SELECT member_id FROM kept)""",
                arrays=SQL(", ").join(
                    SQL(
                        "unnest(%s::" + sql_type + "[])",
                        array_literal([line[name] for line in values]),
                    )
                    for name, sql_type in LINE_COLUMNS
                ),
                # one JSON document: encoded in C, parsed once by the server
                scores=json.dumps(
                    [line["period_scores"] for line in values],
                    check_circular=False,
                    separators=(",", ":"),
                ),
                names=SQL(", ").join(map(SQL.identifier, names)),
                new_names=SQL(", ").join(SQL.identifier("new", name) for name in names),
                updates=SQL(", ").join(
                    SQL("%s = new.%s", SQL.identifier(name), SQL.identifier(name))
                    for name in names
                    if name != "member_id"
                ),
                assessment=assessment.id,
                company=assessment.company_id.id,
                uid=self.env.uid,
            )
        )
        cr.execute(
            SQL(
                """DELETE FROM party_points_assessment_line_veto_rel rel
                USING party_points_assessment_line line
                WHERE line.id = rel.line_id AND line.assessment_id = %s""",
                assessment.id,
            )
        )
        vetoes = [
            (member_id, entry_id)
            for member_id, entry_ids in veto_entries.items()
            for entry_id in entry_ids
        ]
        if vetoes:
            cr.execute(
                SQL(
                    """INSERT INTO party_points_assessment_line_veto_rel
                        (line_id, entry_id)
                    SELECT line.id, veto.entry_id
                    FROM unnest(%s::int[], %s::int[]) AS veto(member_id, entry_id)
                    JOIN party_points_assessment_line line
                        ON line.assessment_id = %s
                        AND line.member_id = veto.member_id""",
                    array_literal([member_id for member_id, _entry in vetoes]),
                    array_literal([entry_id for _member, entry_id in vetoes]),
                    assessment.id,
                )
            )
        self.invalidate_model()
        assessment.invalidate_recordset(["line_ids", "line_count"])


OBJECTION_STATES = [
    ("filed", "Filed"),
    ("answered", "Answered"),
    ("upheld", "Upheld"),
    ("rejected", "Rejected"),
]


class PartyPointsAssessmentObjection(models.Model):
    """An objection (异议) to a published line: filed by a member of the
    line's branch during the notice, answered by the branch secretary,
    upheld (with the new grade) or rejected by the committee."""

    _name = "party.points.assessment.objection"
    _description = "Assessment Objection"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "filed_date desc, id desc"
    _check_company_auto = True
    _sealed_fields = frozenset(
        {
            "state",
            "answered_date",
            "answered_by_id",
            "decided_date",
            "decided_by_id",
        }
    )

    line_id = fields.Many2one(
        "party.points.assessment.line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    assessment_id = fields.Many2one(
        related="line_id.assessment_id", store=True, index=True
    )
    branch_id = fields.Many2one(related="line_id.branch_id", store=True, index=True)
    line_member_id = fields.Many2one(
        related="line_id.member_id", string="Member Assessed"
    )
    line_grade = fields.Selection(related="line_id.final_grade", string="Grade")
    member_id = fields.Many2one(
        "party.member",
        string="Filed By",
        readonly=True,
        check_company=True,
        index=True,
        ondelete="restrict",
    )
    reason = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "party_points_assessment_objection_attachment_rel",
        "objection_id",
        "attachment_id",
        string="Files",
    )
    state = fields.Selection(
        OBJECTION_STATES,
        default="filed",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    filed_date = fields.Datetime(readonly=True)
    answer = fields.Text(
        string="Secretary's Answer",
        tracking=True,
        help="The branch secretary's answer.",
    )
    answered_date = fields.Datetime(readonly=True)
    answered_by_id = fields.Many2one("res.users", readonly=True)
    decision_note = fields.Text(string="Committee Decision", tracking=True)
    new_grade = fields.Selection(
        GRADES,
        tracking=True,
        help="The grade the committee gives when it upholds the objection.",
    )
    decided_date = fields.Datetime(readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True, index=True)

    def _creation_message(self):
        return _("Objection filed")

    def _seal_refusal(self, fnames, creating=False):
        return _(
            "An objection is answered and decided only with its buttons; the "
            "member filing it is the user's own Party record."
        )

    @api.depends("line_member_id", "member_id")
    def _compute_display_name(self):
        for objection in self:
            objection.display_name = _(
                "Objection to %(member)s", member=objection.line_member_id.name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        member = (
            self.env["party.member"]
            .sudo()
            .search([("user_id", "=", self.env.uid)], limit=1)
        )
        Line = self.env["party.points.assessment.line"].sudo()
        for vals in vals_list:
            line = Line.browse(vals.get("line_id"))
            if not member or member.branch_id != line.branch_id:
                raise UserError(
                    _(
                        "Only members of branch %(branch)s may object to its "
                        "published grades.",
                        branch=line.branch_id.display_name,
                    )
                )
            if not line.assessment_id._notice_open():
                raise UserError(
                    _(
                        "Objections to assessment %(assessment)s are filed only "
                        "while its notice is open.",
                        assessment=line.assessment_id.display_name,
                    )
                )
            # the member filing is the user's own record, whatever was sent
            vals.update(member_id=member.id, filed_date=fields.Datetime.now())
        return super().create(vals_list)

    def write(self, vals):
        if not self._is_workflow():
            if self.filtered(
                lambda objection: objection.assessment_id.state == "final"
            ):
                raise UserError(
                    _("The assessment is final: its objections are kept as decided.")
                )
            if {
                "line_id",
                "member_id",
                "filed_date",
                "reason",
                "attachment_ids",
            }.intersection(vals):
                raise UserError(
                    _("An objection, once filed, is kept as its member filed it.")
                )
            if "answer" in vals and self.filtered(
                lambda objection: objection.state != "filed"
            ):
                raise UserError(_("The objection has been answered already."))
            if {"new_grade", "decision_note"}.intersection(vals):
                self.assessment_id._check_manager()
                if self.filtered(
                    lambda objection: objection.state in ("upheld", "rejected")
                ):
                    raise UserError(_("The objection has been decided already."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(_("Objections are kept with their answers and decisions."))

    def action_answer(self):
        """The branch secretary answers (the officers of the line's branch)."""
        for objection in self:
            if objection.state != "filed":
                raise UserError(_("The objection has been answered already."))
            if (
                self.env.user not in objection.branch_id.access_user_ids
                and not self.env["party.branch"]._is_party_committee()
            ):
                raise AccessError(
                    _("Only the officers of the branch answer its objections.")
                )
            if not (objection.answer or "").strip():
                raise UserError(_("Write the answer before sending it."))
        self._workflow_write(
            {
                "state": "answered",
                "answered_date": fields.Datetime.now(),
                "answered_by_id": self.env.uid,
            }
        )
        return True

    def _decide(self, state):
        self.assessment_id._check_manager()
        for objection in self:
            if objection.state != "answered":
                raise UserError(
                    _(
                        "The committee decides an objection once the secretary "
                        "has answered it."
                    )
                )
            if objection.assessment_id.state != "notice":
                raise UserError(
                    _("Objections are decided while the assessment is published.")
                )
            if not (objection.decision_note or "").strip():
                raise UserError(_("Write the committee's decision first."))
        self._workflow_write(
            {
                "state": state,
                "decided_date": fields.Datetime.now(),
                "decided_by_id": self.env.uid,
            }
        )

    def action_uphold(self):
        """Uphold: the line takes the new grade and is published again."""
        for objection in self:
            if not objection.new_grade:
                raise UserError(_("Choose the new grade to uphold the objection."))
        self._decide("upheld")
        now = fields.Datetime.now()
        for objection in self:
            objection.line_id._workflow_write(
                {
                    "final_grade": objection.new_grade,
                    "republished": True,
                    "republished_date": now,
                }
            )
            objection.assessment_id.message_post(
                body=_(
                    "Objection upheld: %(member)s re-published with a new grade.",
                    member=objection.line_member_id.name,
                )
            )
        # a new 不合格 or 基本合格 is a proposal with its follow-up; a lifted
        # one needs none
        self.env["party.points.assessment.followup"]._sync_for(self.line_id)
        return True

    def action_reject(self):
        self._decide("rejected")
        return True


@compat.sql_constraints
class PartyPointsAssessmentBallot(models.Model):
    """Who has voted on whom in an assessment's 民主评议, without the
    choice: the choices live only as counts on the members' lines."""

    _name = "party.points.assessment.ballot"
    _description = "Assessment Ballot"
    _order = "id"

    assessment_id = fields.Many2one(
        "party.points.assessment",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    voter_id = fields.Many2one(
        "party.member", required=True, index=True, ondelete="cascade", readonly=True
    )
    member_id = fields.Many2one(
        "party.member", required=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "one_vote",
            "unique (assessment_id, voter_id, member_id)",
            "A member votes once on each fellow member.",
        ),
        (
            "not_self",
            "CHECK (voter_id != member_id)",
            "Nobody votes on themselves.",
        ),
    ]
