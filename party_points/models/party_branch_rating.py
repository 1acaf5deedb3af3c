from collections import defaultdict
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .. import compat
from ..lib import star_rating, validation
from ..lib.assessment import PARTY_MEMBER_TYPES
from ..lib.sql_arrays import array_literal

RESULT_LEVELS = [
    ("0", "No Star"),
    ("3", "3 Stars"),
    ("4", "4 Stars"),
    ("5", "5 Stars"),
]
RATING_STATES = [
    ("draft", "Draft"),
    ("evaluated", "Evaluated"),
    ("confirmed", "Confirmed"),
]
CHANGES = [
    ("new", "First Rating"),
    ("same", "Unchanged"),
    ("up", "Star Raised"),
    ("down", "Star Lowered"),
    ("removed", "Stars Removed"),
]
EVIDENCE_STATES = [
    ("pending", "Waiting for Evidence"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
]
# Written only by the workflow methods.
RATING_WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "proposed_level",
        "final_level",
        "previous_level",
        "change",
        "evaluated_date",
        "confirmed_date",
    }
)
LINE_WORKFLOW_FIELDS = frozenset(
    {
        "met",
        "figure",
        "evidence_state",
        "refusal_reason",
        "decided_by_id",
        "decided_date",
    }
)


@compat.sql_constraints
class PartyBranchRating(models.Model):
    """A branch's star rating for a year (星级评定): every criterion of the
    catalogue evaluated, the automatic ones from the year's records with the
    figures they used, the evidence ones decided by the Party committee; the
    level every hard criterion allows is proposed, the committee confirms,
    raises or lowers it with a reason."""

    _name = "party.branch.rating"
    _description = "Branch Star Rating"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "year desc, branch_id"
    _sealed_fields = RATING_WORKFLOW_FIELDS
    _locked_fields = frozenset(
        {"branch_id", "year", "decided_level", "decision_reason"}
    )
    _locked_states = ("confirmed",)
    _check_company_auto = True
    _party_number_checks = {
        "year": lambda value: validation.check_integer(value, 2000, 2100)
    }

    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="branch_id.company_id",
        store=True,
        index=True,
        precompute=True,
        string="Company",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        **compat.aggregator(False),
    )
    state = fields.Selection(
        RATING_STATES, required=True, default="draft", readonly=True, tracking=True
    )
    line_ids = fields.One2many(
        "party.branch.rating.line", "rating_id", string="Criteria"
    )
    proposed_level = fields.Selection(
        RESULT_LEVELS,
        readonly=True,
        tracking=True,
        help="The highest level whose hard criteria, and those of every level "
        "below, are all met.",
    )
    decided_level = fields.Selection(
        RESULT_LEVELS,
        string="Committee's Level",
        tracking=True,
        help="The level the Party committee decides when it raises or lowers "
        "the proposed one (empty: the proposed level), with its reason.",
    )
    decision_reason = fields.Text(tracking=True)
    final_level = fields.Selection(RESULT_LEVELS, readonly=True, tracking=True)
    previous_level = fields.Selection(RESULT_LEVELS, string="Last Year", readonly=True)
    change = fields.Selection(CHANGES, readonly=True)
    evaluated_date = fields.Datetime(readonly=True)
    confirmed_date = fields.Datetime(readonly=True)
    hard_summary = fields.Char(
        string="Hard Criteria Met",
        compute="_compute_figures",
        help="Hard criteria met of those each level demands.",
    )
    blocker_note = fields.Text(
        string="What Blocks the Next Level",
        compute="_compute_figures",
    )

    _sql_constraints = [
        (
            "branch_year_uniq",
            "unique (branch_id, year)",
            "A branch is rated once a year.",
        ),
    ]

    @api.depends("branch_id", "year")
    def _compute_display_name(self):
        for rating in self:
            rating.display_name = _(
                "%(branch)s · %(year)s",
                branch=rating.branch_id.display_name or "",
                year=rating.year or "",
            )

    @api.depends("line_ids.met", "proposed_level")
    def _compute_figures(self):
        rules = self._origin._rules_by_rating()
        for rating in self:
            criteria, met, minimums = rules.get(rating._origin.id, ([], {}, {}))
            counts = []
            for level in star_rating.LEVELS:
                missing, short = star_rating.blockers(criteria, met, minimums, level)
                needed = star_rating.hard_count(criteria, minimums, level)
                shortfall = len(missing) + sum(n - done for done, n in short.values())
                counts.append(f"★{level} {needed - shortfall}/{needed}")
            rating.hard_summary = " · ".join(counts)
            rating.blocker_note = rating._blocker_text(criteria, met, minimums)

    def _blocker_text(self, criteria, met, minimums):
        reached = star_rating.reached_level(criteria, met, minimums)
        target = star_rating.next_level(reached)
        if target is None:
            return _("Every hard criterion of 5 stars is met.")
        if not criteria:
            return _("Not evaluated yet.")
        missing, short = star_rating.blockers(criteria, met, minimums, target)
        lines = self.line_ids.browse(missing)
        text = [_("For %(level)s stars:", level=target)]
        # (a loop, not a comprehension: _() finds the language in this frame)
        for line in lines:
            text.append(
                _(
                    "- %(class)s: %(criterion)s",
                    criterion=line.criterion_id.name,
                    **{"class": line.class_id.name},
                )
            )
        for class_id, (done, needed) in short.items():
            text.append(
                _(
                    "- %(class)s: %(done)s of the %(needed)s optional criteria met",
                    done=done,
                    needed=needed,
                    **{"class": self.env["party.rating.class"].browse(class_id).name},
                )
            )
        return "\n".join(text)

    def write(self, vals):
        # officers write their branch's evidence through the criteria list;
        # what the rating is (branch, year, the committee's level) is the
        # Party committee's
        if (
            set(vals) - {"line_ids"}
            and not self._is_workflow()
            and not self.env["party.branch"]._is_party_committee()
        ):
            raise AccessError(
                _(
                    "Branch officers only attach the evidence of their branch's "
                    "star rating: the Party committee decides the rest."
                )
            )
        return super().write(vals)

    # -- workflow -----------------------------------------------------------------

    def _check_manager(self):
        compat.check_access(self, "read")
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee decides evidence and confirms star levels.")
        )

    def _check_officer(self):
        """Branch officers evaluate their own branches' ratings, the Party
        committee every rating."""
        compat.check_access(self, "read")
        if self.env["party.branch"]._is_party_committee():
            return
        if not self.env.user.has_group("party_points.group_party_officer"):
            raise AccessError(_("Only branch officers evaluate their branch's rating."))
        self.sudo().branch_id.with_env(self.env)._check_user_works_here()

    @api.model
    def _rate(self, branches, year):
        """The ratings of ``branches`` for ``year``, created where missing,
        all evaluated: for the Party committee of their company, or the
        branches' officers."""
        compat.check_access(branches.with_env(self.env), "read")
        branches.with_env(self.env)._check_user_works_here()
        existing = self.sudo().search(
            [("branch_id", "in", branches.ids), ("year", "=", year)]
        )
        missing = branches - existing.branch_id
        created = self._workflow_env().create(
            [{"branch_id": branch.id, "year": year} for branch in missing]
        )
        ratings = (existing | created).with_env(self.env)
        ratings.filtered(lambda r: r.state != "confirmed").action_evaluate()
        return ratings

    def action_evaluate(self):
        """Evaluate every criterion: the automatic ones from the year's
        records (with the figures they used), the evidence ones as decided;
        propose the level they allow. Any time before confirmation: the
        secretary's view of what stands between the branch and the next
        level."""
        self._check_officer()
        confirmed = self.filtered(lambda r: r.state == "confirmed")
        if confirmed:
            raise UserError(
                _(
                    "The star rating %(rating)s is confirmed: it is no longer "
                    "evaluated.",
                    rating=confirmed[:1].display_name,
                )
            )
        ratings = self.sudo()
        criteria = (
            self.env["party.rating.criterion"].sudo().search([("active", "=", True)])
        )
        for year, year_ratings in ratings.grouped("year").items():
            year_ratings._evaluate_year(year, criteria)
        ratings._propose()
        return True

    def _evaluate_year(self, year, criteria):
        """Run each automatic check once over the branches of ``self`` (all
        rated for ``year``), then write every line of ``criteria``."""
        # the current year up to today (what the branch has done so far)
        today = fields.Date.context_today(self)
        date_from = date(year, 1, 1)
        date_to = today if year == today.year else date(year, 12, 31)
        branches = self.branch_id
        no_data = _("No data this year")
        figures = {}
        memo = {}
        for criterion in criteria.filtered(lambda c: c.method != "evidence"):
            check = getattr(self, f"_rating_check_{criterion.method}")
            results = check(criterion, branches, date_from, date_to, memo)
            for branch in branches:
                met, figure = results.get(branch.id, (False, no_data))
                figures[branch.id, criterion.id] = (bool(met), figure)
        self._write_lines(criteria, figures)

    def _write_lines(self, criteria, figures):
        """The lines of ``criteria`` on the ratings of ``self``, with
        ``figures`` ``{(branch id, criterion id): (met, figure)}`` of the
        automatic ones: the missing lines in one INSERT, figures included
        (with the columns the ORM would derive from the rating and the
        criterion: a plant's two hundred branches make ten thousand lines),
        the figures of the existing ones in one UPDATE."""
        self.flush_recordset()
        criteria.flush_recordset()
        self.env.cr.execute(
            SQL(
                """SELECT rating_id, criterion_id, id FROM party_branch_rating_line
                WHERE rating_id = ANY(%s)""",
                self.ids,
            )
        )
        existing = {
            (rating, criterion): id_
            for rating, criterion, id_ in self.env.cr.fetchall()
        }
        missing, updated = [], []
        for rating in self:
            rating_id, branch_id = rating.id, rating.branch_id.id
            for criterion_id in criteria.ids:
                key = (branch_id, criterion_id)
                line_id = existing.get((rating_id, criterion_id))
                if line_id is None:
                    missing.append(
                        (rating_id, criterion_id, *figures.get(key, (False, None)))
                    )
                elif key in figures:
                    updated.append((line_id, *figures[key]))
        if missing:
            ratings, criterion_ids, mets, texts = zip(*missing, strict=True)
            now = fields.Datetime.now()
            self.env.cr.execute(
                SQL(
                    """INSERT INTO party_branch_rating_line (rating_id, criterion_id,
                        branch_id, company_id, class_id, class_sequence, sequence,
                        level, kind, met, figure, evidence_state,
                        create_uid, write_uid, create_date, write_date)
                    SELECT r.id, c.id, r.branch_id, r.company_id, c.class_id,
                        c.class_sequence, c.sequence, c.level, c.kind, fig.met,
                        fig.figure, 'pending', %(uid)s, %(uid)s, %(now)s, %(now)s
                    FROM unnest(%(ratings)s::int[], %(criteria)s::int[],
                        %(mets)s::bool[], %(figures)s::varchar[])
                        AS fig(rating_id, criterion_id, met, figure)
                    JOIN party_branch_rating r ON r.id = fig.rating_id
                    JOIN party_rating_criterion c ON c.id = fig.criterion_id""",
                    uid=self.env.uid,
                    now=now,
                    ratings=array_literal(ratings),
                    criteria=array_literal(criterion_ids),
                    mets=array_literal(mets),
                    figures=array_literal(texts),
                )
            )
            self.invalidate_recordset(["line_ids"])
        if updated:
            line_ids, mets, texts = zip(*updated, strict=True)
            self.env.cr.execute(
                SQL(
                    """UPDATE party_branch_rating_line line
                    SET met = fig.met, figure = fig.figure,
                        write_uid = %s, write_date = now() AT TIME ZONE 'UTC'
                    FROM unnest(%s::int[], %s::bool[], %s::varchar[])
                        AS fig(line_id, met, figure)
                    WHERE line.id = fig.line_id""",
                    self.env.uid,
                    array_literal(line_ids),
                    array_literal(mets),
                    array_literal(texts),
                )
            )
            self.env["party.branch.rating.line"].invalidate_model(["met", "figure"])

    def _rules_by_rating(self):
        """{rating id: (criteria, met, minimums)}: each rating's lines as the
        rules see them (the criteria, which are met, the optional minimums
        of their classes), read in one query."""
        self.env["party.branch.rating.line"].flush_model(
            ["rating_id", "class_id", "level", "kind", "met"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT rating_id, id, class_id, level, kind, met
                FROM party_branch_rating_line WHERE rating_id = ANY(%s)""",
                self.ids,
            )
        )
        rows = self.env.cr.fetchall()
        classes = self.env["party.rating.class"].browse({row[2] for row in rows})
        minimums = {c.id: c._minimums() for c in classes}
        rules = {rating_id: ([], {}, {}) for rating_id in self.ids}
        for rating_id, line_id, class_id, level, kind, met in rows:
            criteria, mets, class_minimums = rules[rating_id]
            criteria.append(
                star_rating.Criterion(line_id, class_id, int(level), kind == "required")
            )
            mets[line_id] = bool(met)
            class_minimums[class_id] = minimums[class_id]
        return rules

    def _propose(self):
        """Propose the level each rating's lines reach: one write per
        level (the ratings whose level is unchanged together)."""
        now = fields.Datetime.now()
        rules = self._rules_by_rating()
        changed = defaultdict(lambda: self.browse())
        for rating in self:
            criteria, met, minimums = rules[rating.id]
            level = str(star_rating.reached_level(criteria, met, minimums))
            changed[level if rating.proposed_level != level else None] |= rating
        for level, ratings in changed.items():
            values = {"state": "evaluated", "evaluated_date": now}
            if level is not None:
                values["proposed_level"] = level
            ratings._workflow_write(values)

    def action_confirm(self):
        """The Party committee confirms the level: the proposed one, or the
        one it decides with a reason; compared with last year's."""
        self._check_manager()
        for rating in self:
            if rating.state != "evaluated":
                raise UserError(
                    _(
                        "Evaluate the star rating %(rating)s before confirming it.",
                        rating=rating.display_name,
                    )
                )
            final = rating.decided_level or rating.proposed_level
            if (
                final != rating.proposed_level
                and not (rating.decision_reason or "").strip()
            ):
                raise UserError(
                    _(
                        "%(rating)s: say why the committee's level differs from "
                        "the proposed one.",
                        rating=rating.display_name,
                    )
                )
            last = rating.sudo().search(
                [
                    ("branch_id", "=", rating.branch_id.id),
                    ("year", "<", rating.year),
                    ("state", "=", "confirmed"),
                ],
                order="year desc",
                limit=1,
            )
            previous = last.final_level or None
            rating._workflow_write(
                {
                    "state": "confirmed",
                    "final_level": final,
                    "previous_level": previous,
                    "change": star_rating.change(
                        previous and int(previous), int(final)
                    ),
                    "confirmed_date": fields.Datetime.now(),
                }
            )
        return True

    # -- export -------------------------------------------------------------------

    def _export_rows(self):
        """What the Excel file of ``self`` (read as the user: their record
        rules apply) lays out: ``{"classes": [class name], "ratings":
        [(branch, year, [(met, count) per class], [(met, needed) per
        level], proposed, final, change, state)], "criteria": [(branch,
        year, class, level, kind, criterion, checked by, met, figure,
        evidence)]}``."""
        compat.check_access(self, "read")
        ratings = self.sorted(lambda r: (r.year, r.branch_id.complete_name))
        lines = ratings.line_ids
        classes = lines.class_id.sorted(lambda c: (c.sequence, c.id))
        labels = {
            fname: dict(self._fields[fname]._description_selection(self.env))
            for fname in ("proposed_level", "change", "state")
        }
        line_labels = {
            fname: dict(lines._fields[fname]._description_selection(self.env))
            for fname in ("level", "kind", "method", "evidence_state")
        }
        yes, no = _("Yes"), _("No")
        rows, criteria = [], []
        by_rating = ratings._rules_by_rating()
        for rating in ratings:
            rules, met, minimums = by_rating[rating.id]
            per_class = [
                (
                    sum(
                        1 for line in rating.line_ids if line.class_id == c and line.met
                    ),
                    sum(1 for line in rating.line_ids if line.class_id == c),
                )
                for c in classes
            ]
            per_level = []
            for level in star_rating.LEVELS:
                missing, short = star_rating.blockers(rules, met, minimums, level)
                needed = star_rating.hard_count(rules, minimums, level)
                gap = len(missing) + sum(n - done for done, n in short.values())
                per_level.append((needed - gap, needed))
            rows.append(
                (
                    rating.branch_id.complete_name,
                    rating.year,
                    per_class,
                    per_level,
                    labels["proposed_level"].get(rating.proposed_level, ""),
                    labels["proposed_level"].get(rating.final_level, ""),
                    labels["change"].get(rating.change, ""),
                    labels["state"].get(rating.state, ""),
                )
            )
            for line in rating.line_ids:
                criteria.append(
                    (
                        rating.branch_id.complete_name,
                        rating.year,
                        line.class_id.name,
                        line_labels["level"].get(line.level, ""),
                        line_labels["kind"].get(line.kind, ""),
                        line.criterion_id.name,
                        line_labels["method"].get(line.method, ""),
                        yes if line.met else no,
                        line.figure or "",
                        line_labels["evidence_state"].get(line.evidence_state, "")
                        if line.method == "evidence"
                        else "",
                    )
                )
        return {
            "classes": classes.mapped("name"),
            "ratings": rows,
            "criteria": criteria,
        }

    def action_export_xlsx(self):
        """Download the selected ratings as Excel: the plant's table and
        every criterion with its figure."""
        self._export_rows()
        ids = ",".join(str(id_) for id_ in self.ids)
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {"url": f"/party_points/branch_rating/export?ids={ids}"},
        }

    # -- the automatic checks: {branch id: (met, figure)} ---------------------------
    # Each check translates its sentence once and words every branch's figure
    # with it (``_()`` looks the language up on each call: two hundred
    # branches' figures made 0.25 s of lookups).

    @staticmethod
    def _shared(memo, key, compute):
        """What several checks of one evaluation read, read once: ``memo``
        is the evaluation's dict (None: read now)."""
        if memo is None:
            return compute()
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def _compliance_figures(self, branches, date_from, date_to):
        """{(branch id, meeting type id): [required, required met,
        expected attendees, attended]} of the compliance report over the
        months of the span, in one read of the report for every check
        (``required met``: the required meetings of its compliant rows).
        A requirement whose month has not ended by ``date_to`` (this
        month's meeting, or this quarter's in its last month) is not missed
        yet: it counts once met."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT branch_id, type_id,
                    COALESCE(SUM(required_count) FILTER (
                        WHERE compliant OR month + INTERVAL '1 month' <= %s
                    ), 0),
                    COALESCE(SUM(required_count) FILTER (WHERE compliant), 0),
                    SUM(expected_count), SUM(attended_count)
                FROM %s
                WHERE branch_id = ANY(%s) AND month >= %s AND month <= %s
                GROUP BY branch_id, type_id""",
                date_to + timedelta(days=1),
                SQL.identifier(self.env["party.meeting.compliance.report"]._table),
                branches.ids,
                date_from.replace(day=1),
                date_to,
            )
        )
        return {
            (branch_id, type_id): [int(value) for value in values]
            for branch_id, type_id, *values in self.env.cr.fetchall()
        }

    def _compliance_sums(self, branches, date_from, date_to, memo, type_id=None):
        """{branch id: [required, met, expected, attended]} summed over the
        meeting types (only ``type_id`` when given); a branch without any
        row of the report in the span is left out (no data)."""
        figures = self._shared(
            memo,
            "compliance",
            lambda: self._compliance_figures(branches, date_from, date_to),
        )
        sums = {}
        for (branch_id, row_type), values in figures.items():
            if type_id and row_type != type_id:
                continue
            total = sums.setdefault(branch_id, [0, 0, 0, 0])
            for index, value in enumerate(values):
                total[index] += value
        return sums

    def _rating_check_meetings_held(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """The required meetings held: of the times the types' frequencies
        required a meeting (up to today; the month in progress once met),
        how many were met, at least the criterion's share (100 % by
        default)."""
        sums = self._compliance_sums(
            branches, date_from, date_to, memo, criterion.meeting_type_id.id
        )
        kind = criterion.meeting_type_id.name or _("Required meetings")
        threshold = criterion.threshold or 100.0
        none_required = _("%(kind)s: none required so far", kind=kind)
        wording = _("%(kind)s: requirement met %(done)s of %(needed)s times")
        results = {}
        for branch_id, (needed, done, _expected, _attended) in sums.items():
            if not needed:
                results[branch_id] = (True, none_required)
                continue
            results[branch_id] = (
                star_rating.at_least(star_rating.share(done, needed), threshold),
                wording % {"kind": kind, "done": done, "needed": needed},
            )
        return results

    def _rating_check_attendance_rate(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """Attendance of the confirmed meetings: attended over expected."""
        sums = self._compliance_sums(branches, date_from, date_to, memo)
        wording = _("Attendance %(rate).1f %% (%(attended)s of %(expected)s)")
        results = {}
        for branch_id, (_needed, _done, expected, attended) in sums.items():
            rate = star_rating.share(attended, expected)
            if rate is None:
                continue
            results[branch_id] = (
                star_rating.at_least(rate, criterion.threshold),
                wording % {"rate": rate, "attended": attended, "expected": expected},
            )
        return results

    def _assessed_grades(self, branches, date_from, date_to):
        """{branch: {grade: members}} over the final assessments overlapping
        the span, exempt members left out."""
        groups = (
            self.env["party.points.assessment.line"]
            .sudo()
            ._read_group(
                [
                    ("branch_id", "in", branches.ids),
                    ("assessment_id.state", "=", "final"),
                    ("assessment_id.date_start", "<=", date_to),
                    ("assessment_id.date_end", ">=", date_from),
                    ("category", "!=", "exempt"),
                ],
                ["branch_id", "final_grade"],
                ["member_id:count_distinct"],
            )
        )
        grades = defaultdict(dict)
        for branch, grade, count in groups:
            grades[branch.id][grade] = count
        return grades

    def _rating_check_all_assessed(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """Every Party member (full or probationary: activists are not
        assessed as members) of the branch on a final assessment of the
        year."""
        members = dict(
            self.env["party.member"]
            .sudo()
            ._read_group(
                [
                    ("branch_id", "in", branches.ids),
                    ("member_type", "in", PARTY_MEMBER_TYPES),
                ],
                ["branch_id"],
                ["__count"],
            )
        )
        assessed = dict(
            self.env["party.points.assessment.line"]
            .sudo()
            ._read_group(
                [
                    ("branch_id", "in", branches.ids),
                    ("member_id.member_type", "in", PARTY_MEMBER_TYPES),
                    ("assessment_id.state", "=", "final"),
                    ("assessment_id.date_start", "<=", date_to),
                    ("assessment_id.date_end", ">=", date_from),
                ],
                ["branch_id"],
                ["member_id:count_distinct"],
            )
        )
        wording = _("%(done)s of %(count)s members assessed")
        results = {}
        for branch, count in members.items():
            done = assessed.get(branch, 0)
            results[branch.id] = (
                done >= count,
                wording % {"done": done, "count": count},
            )
        return results

    def _rating_check_no_unqualified(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """No more members graded unqualified than the threshold (0)."""
        wording = _("%(count)s members graded unqualified")
        results = {}
        for branch_id, grades in self._shared(
            memo,
            "grades",
            lambda: self._assessed_grades(branches, date_from, date_to),
        ).items():
            count = grades.get("unqualified", 0)
            results[branch_id] = (
                star_rating.at_most(count, criterion.threshold),
                wording % {"count": count},
            )
        return results

    def _rating_check_excellent_share(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """The share of graded members rated excellent within the quota."""
        wording = _(
            "%(excellent)s of %(graded)s graded members excellent (%(rate).1f %%)"
        )
        results = {}
        for branch_id, grades in self._shared(
            memo,
            "grades",
            lambda: self._assessed_grades(branches, date_from, date_to),
        ).items():
            graded = sum(grades.values())
            excellent = grades.get("excellent", 0)
            rate = star_rating.share(excellent, graded)
            results[branch_id] = (
                star_rating.at_most(rate, criterion.threshold),
                wording
                % {"excellent": excellent, "graded": graded, "rate": rate or 0.0},
            )
        return results

    def _rating_check_approval_days(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """Members' claims approved in the year, on average within the
        threshold's days of being filed (an approval recorded before its
        claim, as in data imported with its history, counts as immediate).
        Entries approved as they are made (meetings, officers' entries) wait
        for nobody and are left out."""
        # (before the query: the lookup of the language may run one)
        wording = _("%(count)s claims approved in %(days).1f days on average")
        self.env["party.points.entry"].flush_model(
            ["branch_id", "state", "origin", "approved_date"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT branch_id, COUNT(*), AVG(EXTRACT(EPOCH FROM
                    GREATEST(approved_date - create_date, interval '0'))) / 86400
                FROM party_points_entry
                WHERE branch_id = ANY(%s) AND state = 'approved'
                    AND origin = 'claim'
                    AND approved_date >= %s AND approved_date < %s
                GROUP BY branch_id""",
                branches.ids,
                date_from,
                fields.Date.add(date_to, days=1),
            )
        )
        results = {}
        for branch_id, count, days in self.env.cr.fetchall():
            results[branch_id] = (
                star_rating.at_most(days, criterion.threshold),
                wording % {"count": count, "days": days},
            )
        return results

    def _rating_check_staff_rating(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """The staff's half-yearly rating of the branch (半年职工评议支部),
        at least the threshold out of 5 (a branch with fewer than 5
        respondents has no average, so does not meet it)."""
        averages = (
            self.env["party.staff.rating.round"]
            .sudo()
            ._branch_averages(branches, date_from, date_to)
        )
        wording = _("Staff rating %(average).2f of 5 (%(count)s responses)")
        results = {}
        for branch_id, (average, count) in averages.items():
            results[branch_id] = (
                star_rating.at_least(average, criterion.threshold),
                wording % {"average": average, "count": count},
            )
        return results


@compat.sql_constraints
class PartyBranchRatingLine(models.Model):
    """One criterion of a branch's star rating: met or not, with the figure
    that decided it, or the evidence the branch attached and the
    committee's decision."""

    _name = "party.branch.rating.line"
    _description = "Star Rating Criterion Line"
    _inherit = ["party.workflow.seal.mixin", "party.input.mixin"]
    _order = "class_sequence, sequence, id"
    _sealed_fields = LINE_WORKFLOW_FIELDS

    rating_id = fields.Many2one(
        "party.branch.rating", required=True, index=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "party.rating.criterion", required=True, index=True, ondelete="restrict"
    )
    # (written with the line by _write_lines' INSERT, kept by the ORM after)
    branch_id = fields.Many2one(related="rating_id.branch_id", store=True, index=True)
    company_id = fields.Many2one(related="rating_id.company_id", store=True)
    class_id = fields.Many2one(related="criterion_id.class_id", store=True)
    class_sequence = fields.Integer(
        related="criterion_id.class_sequence", store=True, string="Class Sequence"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    level = fields.Selection(related="criterion_id.level", store=True)
    kind = fields.Selection(related="criterion_id.kind", store=True)
    method = fields.Selection(related="criterion_id.method")
    met = fields.Boolean(readonly=True)
    figure = fields.Char(readonly=True, help="The figure the check used.")
    evidence_note = fields.Text(
        help="What the branch shows for this criterion; attach the proof."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "party_branch_rating_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Proof",
    )
    evidence_state = fields.Selection(EVIDENCE_STATES, default="pending", readonly=True)
    refusal_reason = fields.Text(readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "rating_criterion_uniq",
            "unique (rating_id, criterion_id)",
            "A criterion appears once in a star rating.",
        ),
    ]

    def _check_open(self):
        closed = self.filtered(lambda line: line.rating_id.state == "confirmed")
        if closed:
            raise UserError(
                _(
                    "The star rating %(rating)s is confirmed: its evidence is "
                    "no longer decided.",
                    rating=closed[:1].rating_id.display_name,
                )
            )
        automatic = self.filtered(lambda line: line.method != "evidence")
        if automatic:
            raise UserError(
                _(
                    "%(criterion)s is checked from the records, not by evidence.",
                    criterion=automatic[:1].criterion_id.name,
                )
            )

    def action_submit(self):
        """The branch submits its evidence for the committee's decision."""
        self.rating_id._check_officer()
        self._check_open()
        for line in self:
            if not (line.evidence_note or "").strip() and not line.attachment_ids:
                raise UserError(
                    _(
                        "Describe or attach the proof for %(criterion)s before "
                        "submitting it.",
                        criterion=line.criterion_id.name,
                    )
                )
        self._workflow_write({"evidence_state": "submitted"})
        return True

    def action_accept(self):
        self.rating_id._check_manager()
        self._check_open()
        self._decide("accepted", True)
        return True

    def action_refuse(self, reason):
        self.rating_id._check_manager()
        self._check_open()
        if not (reason or "").strip():
            raise UserError(_("Say why the evidence is refused."))
        self._decide("refused", False, reason)
        return True

    def _decide(self, state, met, reason=False):
        self._workflow_write(
            {
                "evidence_state": state,
                "met": met,
                "refusal_reason": reason,
                "decided_by_id": self.env.uid,
                "decided_date": fields.Datetime.now(),
            }
        )
        for rating in self.rating_id:
            lines = self.filtered(lambda line, r=rating: line.rating_id == r)
            rating.message_post(
                body=_(
                    "Evidence %(decision)s: %(criteria)s",
                    decision=dict(
                        self._fields["evidence_state"]._description_selection(self.env)
                    )[state],
                    criteria=", ".join(lines.criterion_id.mapped("name")),
                )
                + (f" ({reason})" if reason else "")
            )
        self.rating_id.filtered(lambda r: r.state == "evaluated")._propose()

    def write(self, vals):
        evidence = {"evidence_note", "attachment_ids"} & set(vals)
        if evidence and not self._is_workflow():
            self._check_open()
            self.rating_id._check_officer()
            decided = self.filtered(lambda line: line.evidence_state == "accepted")
            if decided:
                raise UserError(
                    _(
                        "The evidence for %(criterion)s is accepted: it no longer "
                        "changes.",
                        criterion=decided[:1].criterion_id.name,
                    )
                )
        return super().write(vals)
