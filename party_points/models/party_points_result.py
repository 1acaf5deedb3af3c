import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .. import compat
from ..lib import scoring
from ..lib.sql_arrays import array_literal
from .party_points_ruleset import VETO_EFFECTS

GRADES = [
    ("excellent", "Excellent"),
    ("qualified", "Qualified"),
    ("basic", "Basically Qualified"),
    ("unqualified", "Unqualified"),
    ("exempt", "Exempt"),
]


RANK_FIELDS = frozenset({"rank_in_branch", "rank_overall"})
# what a closed period's ledger reads of each result, in one query
LEDGER_COLUMNS = (
    "base_score",
    "positive_points",
    "negative_points",
    "score",
    "veto_effect",
    "grade",
    "needs_decision",
    "rank_in_branch",
)


@compat.sql_constraints
class PartyPointsResult(models.Model):
    """One member's score, grade and ranks in a closed period. Written only
    by closing the period and by an officer's grade decision."""

    _name = "party.points.result"
    _description = "Points Result"
    # not by rank: members may not sort by rank fields (see their groups)
    _order = "period_id desc, branch_id, score desc, member_id"
    _check_company_auto = True
    # Derived rows, 10,000 to a close: who made them and when is the
    # period's (closed_by_id, closed_date, its chatter), who changed a grade
    # the decision's (decided_by_id, the period's chatter). The creator and
    # writer columns would repeat that on every row, at the price of two
    # foreign-key checks per row (some 90 ms of a close).
    _log_access = False

    period_id = fields.Many2one(
        "party.points.period",
        required=True,
        # no index of its own: the unique (period, member) index leads with it
        ondelete="cascade",
        readonly=True,
    )
    member_id = fields.Many2one(
        "party.member",
        required=True,
        index=True,
        # a closed period's history: a member with results is archived
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, readonly=True, check_company=True
    )
    member_type = fields.Selection(related="member_id.member_type")
    base_score = fields.Float(readonly=True)
    positive_points = fields.Float(readonly=True, help="After the caps.")
    negative_points = fields.Float(readonly=True, help="After the caps.")
    category_points = fields.Json(
        readonly=True,
        help="Points by category after the caps, as the close computed them: "
        "{category id: points, negative for the negative list}.",
    )
    category_summary = fields.Text(
        string="Points by Category", compute="_compute_category_summary"
    )
    score = fields.Float(readonly=True, **compat.aggregator("avg"))
    vetoed = fields.Boolean(readonly=True)
    veto_effect = fields.Selection(VETO_EFFECTS, readonly=True)
    veto_entry_ids = fields.Many2many(
        "party.points.entry",
        "party_points_result_veto_rel",
        "result_id",
        "entry_id",
        string="Veto Entries",
        readonly=True,
    )
    veto_note = fields.Char(
        string="Veto",
        compute="_compute_veto_note",
        help="The one-vote veto items of the period and what they did to the result.",
    )
    # not indexed: five values, always read within a period or a member
    grade = fields.Selection(GRADES, readonly=True)
    needs_decision = fields.Boolean(
        readonly=True,
        help="Tied with others across the excellent quota line: an officer "
        "decides who is excellent.",
    )
    decision_reason = fields.Text(readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    # Officers only: members can neither read, search, sort nor group on
    # them; they read the visible ranks below, which follow the rule book.
    rank_in_branch = fields.Integer(
        readonly=True,
        **compat.aggregator("min"),
        groups="party_points.group_party_officer",
    )
    rank_overall = fields.Integer(
        readonly=True,
        **compat.aggregator("min"),
        groups="party_points.group_party_officer",
    )
    show_rank = fields.Boolean(compute="_compute_show_rank")
    visible_rank_in_branch = fields.Integer(
        string="Rank in Branch",
        compute="_compute_visible_ranks",
        help="The rank in the branch, when the rule book ranks members and "
        "shows you ranks; 0 otherwise.",
    )
    visible_rank_overall = fields.Integer(
        string="Overall Rank",
        compute="_compute_visible_ranks",
        help="The overall rank, when the rule book ranks members and shows "
        "you ranks; 0 otherwise.",
    )
    # The period's, read through it (the company rule too): a copy on each
    # row would cost the close a foreign-key check per member.
    company_id = fields.Many2one(related="period_id.company_id")

    _sql_constraints = [
        (
            "member_period_uniq",
            "unique (period_id, member_id)",
            "A member has one result per period.",
        ),
    ]

    @api.depends_context("uid")
    @api.depends(
        "period_id.ruleset_id.rank_visible_to_members",
        "period_id.ruleset_id.ranking_enabled",
    )
    def _compute_show_rank(self):
        officer = self.env.user.has_group("party_points.group_party_officer")
        for result in self:
            ruleset = result.sudo().period_id.ruleset_id
            result.show_rank = ruleset.ranking_enabled and (
                officer or ruleset.rank_visible_to_members
            )

    @api.depends_context("uid")
    @api.depends(
        "period_id.ruleset_id.rank_visible_to_members",
        "period_id.ruleset_id.ranking_enabled",
        "rank_in_branch",
        "rank_overall",
    )
    def _compute_visible_ranks(self):
        officer = self.env.user.has_group("party_points.group_party_officer")
        for result in self:
            # the rank fields are for officers: read them as superuser, for
            # the user who asks
            stored = result.sudo()
            ruleset = stored.period_id.ruleset_id
            shown = ruleset.ranking_enabled and (
                officer or ruleset.rank_visible_to_members
            )
            result.visible_rank_in_branch = shown and stored.rank_in_branch
            result.visible_rank_overall = shown and stored.rank_overall

    def _read_format(self, fnames, load="_classic_read"):
        """Ranks read as 0 (unranked) by officers too once the rule book
        ranks nobody, whatever client asks (members cannot read them at
        all: see the fields' groups)."""
        values_list = super()._read_format(fnames, load)
        rank_fields = RANK_FIELDS.intersection(fnames)
        if rank_fields:
            hidden = set(self.filtered(lambda result: not result.show_rank).ids)
            for values in values_list:
                if values["id"] in hidden:
                    values.update(dict.fromkeys(rank_fields, 0))
        return values_list

    @api.depends("vetoed", "veto_effect", "veto_entry_ids")
    def _compute_veto_note(self):
        for result in self:
            if not result.vetoed:
                result.veto_note = False
                continue
            rules = ", ".join(
                result.sudo().veto_entry_ids.rule_id.mapped("display_name")
            ) or _("a veto item")
            if result.veto_effect == "zero":
                note = _(
                    "One-vote veto (%(rules)s): the score is set to zero.",
                    rules=rules,
                )
            elif result.veto_effect == "unqualified":
                note = _(
                    "One-vote veto (%(rules)s): graded unqualified whatever the score.",
                    rules=rules,
                )
            else:
                note = _(
                    "One-vote veto (%(rules)s): not eligible for the excellent grade.",
                    rules=rules,
                )
            result.veto_note = note

    @api.depends("category_points")
    def _compute_category_summary(self):
        categories = (
            self.env["party.points.category"]
            .sudo()
            .browse(
                {int(key) for result in self for key in result.category_points or {}}
            )
            ._sorted_by_list()
        )
        for result in self:
            points = result.category_points or {}
            result.category_summary = "\n".join(
                f"{category.name}: {points[str(category.id)]:+g}"
                for category in categories
                if str(category.id) in points
            )

    @api.depends("member_id", "period_id")
    def _compute_display_name(self):
        for result in self:
            result.display_name = f"{result.member_id.name} · {result.period_id.name}"

    @api.model
    def _insert_results(self, period, results, veto_entries):
        """Store the results of closing ``period`` (as
        :meth:`party.points.period._compute_results` returns them:
        ``{member id: values}``, ``{member id: [veto entry ids]}``) in one
        INSERT, their veto entries in a second (at 10,000 members, creating
        records one by one costs several times the whole computation). The
        columns travel as array literals, one string each
        (:func:`array_literal`): as lists, psycopg2 and the server would
        handle 120,000 literals one by one. The points by category travel
        as one JSON array (one ``json.dumps``, not one per member)."""
        types = {
            "member_id": "int",
            "base_score": "float8",
            "positive_points": "float8",
            "negative_points": "float8",
            "score": "float8",
            "vetoed": "bool",
            "veto_effect": "varchar",
            "grade": "varchar",
            "needs_decision": "bool",
            "rank_in_branch": "int",
            "rank_overall": "int",
        }
        values = list(results.values())
        # A rule book that ranks nobody: no rank is stored at all.
        ranked = period.ruleset_id.ranking_enabled
        # column by column, one comprehension each: faster than appending
        # to twelve lists member by member
        columns = {
            name: [vals[name] for vals in values]
            for name in (
                "base_score",
                "positive_points",
                "negative_points",
                "score",
                "needs_decision",
            )
        }
        columns.update(
            member_id=list(results),
            vetoed=[bool(vals["veto_effect"]) for vals in values],
            veto_effect=[vals["veto_effect"] or None for vals in values],
            grade=[vals["grade"] or None for vals in values],
            rank_in_branch=[ranked and vals["rank_in_branch"] or 0 for vals in values],
            rank_overall=[ranked and vals["rank_overall"] or 0 for vals in values],
        )
        category_points = [vals["category_points"] or None for vals in values]
        names = SQL(", ").join(map(SQL.identifier, types))
        cr = self.env.cr
        cr.execute(
            SQL(
                """INSERT INTO party_points_result (
                    period_id, branch_id, category_points, %s)
                SELECT %s, member.branch_id,
                    NULLIF(result.category_points, 'null'), %s
                FROM ROWS FROM (%s, jsonb_array_elements(%s::jsonb))
                    AS result(%s, category_points)
                JOIN party_member member ON member.id = result.member_id""",
                names,
                period.id,
                SQL(", ").join(
                    SQL("result.%s", SQL.identifier(name)) for name in types
                ),
                SQL(", ").join(
                    SQL("unnest(%s::" + sql_type + "[])", array_literal(columns[name]))
                    for name, sql_type in types.items()
                ),
                json.dumps(category_points),
                names,
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
                    """INSERT INTO party_points_result_veto_rel (result_id, entry_id)
                    SELECT result.id, veto.entry_id
                    FROM unnest(%s::int[], %s::int[]) AS veto(member_id, entry_id)
                    JOIN party_points_result result
                        ON result.period_id = %s
                        AND result.member_id = veto.member_id""",
                    array_literal([member_id for member_id, _entry in vetoes]),
                    array_literal([entry_id for _member, entry_id in vetoes]),
                    period.id,
                )
            )
        self.invalidate_model()
        period.invalidate_recordset(["result_ids", "result_count"])

    @api.model
    def _ledger_rows(self, period, branches, category_ids):
        """The results of the members of ``branches`` in ``period``, as the
        ledger of results lays them out (sudo, callers check access): a
        closed period's stored results (points by category included, as the
        close computed them), an open one's computed as closing would
        compute them now. Yields ``(name, member type, branch id, values,
        points by category)``, ``values`` as
        :func:`scoring.compute_results` names them and the points by
        category a list in the order of ``category_ids`` (``None`` where the
        member has none)."""
        period = period.sudo()
        if period.state == "closed":
            yield from self._stored_ledger_rows(period, branches, category_ids)
            return
        members = period._scored_members()
        computed, _vetoes = period._compute_results(members)
        for member in members:
            if member.branch_id in branches:
                values = computed[member.id]
                yield (
                    member.name,
                    member.member_type,
                    member.branch_id.id,
                    values,
                    [
                        values["category_points"].get(category_id)
                        for category_id in category_ids
                    ],
                )

    @api.model
    def _stored_ledger_rows(self, period, branches, category_ids):
        """:meth:`_ledger_rows` of a closed period, read in one query (at
        10,000 members records cost more than the whole sheet); the points
        by category are taken out of each result's JSON by the query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT m.name, m.member_type, r.branch_id, %s"
                " FROM party_points_result r"
                " JOIN party_member m ON m.id = r.member_id"
                " WHERE r.period_id = %s AND r.branch_id = ANY(%s)",
                SQL(", ").join(
                    [SQL.identifier("r", name) for name in LEDGER_COLUMNS]
                    + [
                        SQL("(r.category_points ->> %s)::float8", str(category_id))
                        for category_id in category_ids
                    ]
                ),
                period.id,
                branches.ids,
            )
        )
        count = len(LEDGER_COLUMNS)
        for name, member_type, branch_id, *values in self.env.cr.fetchall():
            yield (
                name,
                member_type,
                branch_id,
                dict(zip(LEDGER_COLUMNS, values[:count], strict=True)),
                values[count:],
            )

    def action_set_grade(self, grade, reason):
        """An officer's decision on a result tied across the quota line."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(
            "party_points.group_party_officer"
        ):
            raise AccessError(_("Only branch officers decide grades."))
        self.branch_id._check_user_works_here()
        if not self.env.su and self.env.user._party_owns(self.member_id):
            raise UserError(_("You cannot decide your own grade."))
        if not (reason or "").strip():
            raise UserError(_("Give the reason for the grade decision."))
        if not self.needs_decision:
            raise UserError(
                _(
                    "Only results tied across the excellent quota line wait "
                    "for a decision."
                )
            )
        if grade not in ("excellent", "qualified"):
            raise UserError(_("A tie is decided as excellent or qualified."))
        if grade == "excellent":
            siblings = self.sudo().search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("branch_id", "=", self.branch_id.id),
                ]
            )
            graded = siblings.filtered(lambda r: r.grade and r.grade != "exempt")
            limit = scoring.quota_limit(
                len(graded), self.period_id.ruleset_id.excellent_quota
            )
            taken = len(graded.filtered(lambda r: r.grade == "excellent"))
            if taken >= limit:
                raise UserError(
                    _(
                        "%(branch)s already has %(taken)s excellent members, the "
                        "most its quota allows (%(limit)s).",
                        branch=self.branch_id.display_name,
                        taken=taken,
                        limit=limit,
                    )
                )
        self.sudo().write(
            {
                "grade": grade,
                "needs_decision": False,
                "decision_reason": reason,
                "decided_by_id": self.env.uid,
            }
        )
        self.period_id.sudo().message_post(
            body=_(
                "%(member)s graded %(grade)s by decision: %(reason)s",
                member=self.member_id.name,
                grade=dict(self._fields["grade"]._description_selection(self.env))[
                    grade
                ],
                reason=reason,
            )
        )
        return True
