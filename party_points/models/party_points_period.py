from odoo import _, api, fields, models
from odoo.exceptions import RedirectWarning, UserError, ValidationError
from odoo.tools import SQL

from .. import compat
from ..lib import scoring
from ..lib.collector import collector_paused
from ..lib.sql_arrays import array_literal

# Only action_close and action_reopen write these.
WORKFLOW_FIELDS = frozenset({"state", "closed_date", "closed_by_id"})
# What a closed period never changes (its results were computed from them).
SCOPE_FIELDS = frozenset(
    {"name", "ruleset_id", "date_start", "date_end", "branch_ids", "company_id"}
)


@compat.sql_constraints
class PartyPointsPeriod(models.Model):
    """A points period (a quarter, a year): entries dated in it count towards
    it; closing it computes every member's result and locks it."""

    _name = "party.points.period"
    _description = "Points Period"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "date_start desc, id desc"
    _sealed_fields = WORKFLOW_FIELDS
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    ruleset_id = fields.Many2one(
        "party.points.ruleset",
        string="Rule Book",
        required=True,
        tracking=True,
        check_company=True,
    )
    date_start = fields.Date(required=True, index=True, tracking=True)
    date_end = fields.Date(required=True, index=True, tracking=True)
    branch_ids = fields.Many2many(
        "party.branch",
        "party_points_period_branch_rel",
        "period_id",
        "branch_id",
        string="Branches",
        check_company=True,
        help="The organisations this period scores, with the branches below "
        "them. Empty: every branch.",
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    closed_date = fields.Datetime(readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    entry_ids = fields.One2many("party.points.entry", "period_id", string="Entries")
    result_ids = fields.One2many("party.points.result", "period_id", string="Results")
    exemption_ids = fields.One2many(
        "party.points.exemption", "period_id", string="Exemptions"
    )
    entry_count = fields.Integer(compute="_compute_counts")
    result_count = fields.Integer(compute="_compute_counts")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK (date_end >= date_start)",
            "A period cannot end before it starts.",
        ),
    ]

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Points period created")

    def _seal_refusal(self, fnames, creating=False):
        if creating:
            return _(
                "A new points period starts open: the Party committee closes it "
                "with its Close button."
            )
        return _(
            "A points period is closed and reopened only with its Close and "
            "Reopen buttons, which compute and discard its results."
        )

    def _lock_rows(self, touch=False):
        """Lock the rows of ``self`` until the transaction ends, in id order.
        The close and reopen take the lock, and so do the entry decisions
        (approve, reject, reverse) with ``touch``: they also leave a new
        version of the row, so that a close whose snapshot predates their
        commit fails to lock (and is retried) instead of closing on stale
        points."""
        if not self.ids:
            return
        query = SQL(
            "SELECT id FROM party_points_period WHERE id = ANY(%s) ORDER BY id %s",
            self.ids,
            SQL("FOR NO KEY UPDATE") if touch else SQL("FOR UPDATE"),
        )
        if touch:
            query = SQL(
                "UPDATE party_points_period SET write_date = write_date "
                "WHERE id IN (%s)",
                query,
            )
        self.env.cr.execute(query)

    def write(self, vals):
        if SCOPE_FIELDS.intersection(vals):
            closed = self.filtered(lambda period: period.state == "closed")
            if closed:
                raise UserError(
                    _(
                        "Period %(period)s is closed: reopen it before changing it.",
                        period=", ".join(closed.mapped("name")),
                    )
                )
            scope = {"date_start", "date_end", "branch_ids", "company_id"}
            if scope.intersection(vals) and self.entry_ids:
                raise UserError(
                    _(
                        "Period %(period)s already holds entries: its dates and "
                        "branches can no longer change.",
                        period=", ".join(self.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_or_used(self):
        closed = self.filtered(lambda period: period.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Period %(period)s is closed: it is kept with its results, "
                    "the record of the members' scores.",
                    period=", ".join(closed.mapped("name")),
                )
            )
        used = (
            self.env["party.points.entry"]
            .sudo()
            ._read_group([("period_id", "in", self.ids)], ["period_id"])
        )
        if used:
            raise UserError(
                _(
                    "Period %(period)s already holds points entries: it cannot "
                    "be deleted.",
                    period=", ".join(period.name for (period,) in used),
                )
            )

    def _compute_counts(self):
        entries = dict(
            self.env["party.points.entry"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        results = dict(
            self.env["party.points.result"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        for period in self:
            period.entry_count = entries.get(period, 0)
            period.result_count = results.get(period, 0)

    def _scored_branches(self):
        """Every branch this period scores (sudo): its branches and those
        below them, or all branches of its company."""
        self.ensure_one()
        Branch = self.env["party.branch"].sudo()
        if self.branch_ids:
            return Branch.search([("id", "child_of", self.branch_ids.ids)])
        return Branch.search([("company_id", "=", self.company_id.id)])

    @api.constrains("date_start", "date_end", "branch_ids", "company_id")
    def _check_overlap(self):
        for period in self:
            others = self.sudo().search(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("date_start", "<=", period.date_end),
                    ("date_end", ">=", period.date_start),
                ]
            )
            mine = period._scored_branches()
            for other in others:
                if mine & other._scored_branches():
                    raise ValidationError(
                        _(
                            "Period %(period)s overlaps %(other)s for the same "
                            "branches: an entry must fall in exactly one period.",
                            period=period.name,
                            other=other.name,
                        )
                    )

    def _for_dates(self, pairs):
        """Map ``(date, branch id)`` pairs to the period holding them, in one
        search: ``{(date, branch_id): period}`` (sudo)."""
        if not pairs:
            return {}
        dates = [day for day, _branch in pairs]
        periods = self.sudo().search(
            [("date_start", "<=", max(dates)), ("date_end", ">=", min(dates))]
        )
        scope = [(period, set(period._scored_branches().ids)) for period in periods]
        found = {}
        for day, branch_id in pairs:
            for period, branch_ids in scope:
                if (
                    period.date_start <= day <= period.date_end
                    and branch_id in branch_ids
                ):
                    found[(day, branch_id)] = period
                    break
        return found

    def _scored_members(self, order=None):
        """The members this period scores (sudo), in the members' order
        unless ``order`` says otherwise (the close takes them by id: the
        members' order sorts 10,000 rows by branch and name for nothing)."""
        self.ensure_one()
        return (
            self.env["party.member"]
            .sudo()
            .search([("branch_id", "in", self._scored_branches().ids)], order=order)
        )

    def _approved_points(self, members=None):
        """The approved points of this period (of ``members`` only, if
        given), read set-based (sudo), in the shape
        :func:`scoring.compute_results` takes: ``(rule_sums, rules,
        categories)``."""
        self.ensure_one()
        # Plain rows, not records, one per member with its rules and sums as
        # two arrays: at plant-group scale a period holds some 200,000
        # (member, rule) sums, which psycopg2 reads far faster as arrays
        # than as rows.
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT member_id, array_agg(rule_id), array_agg(total)
                FROM (
                    SELECT member_id, rule_id, sum(points) AS total
                    FROM party_points_entry
                    WHERE period_id = %s AND state = 'approved' %s
                    GROUP BY member_id, rule_id
                ) AS sums
                GROUP BY member_id""",
                self.id,
                SQL("AND member_id = ANY(%s)", members.ids)
                if members is not None
                else SQL(),
            )
        )
        rule_sums, rule_ids = {}, set()
        # a hundred rows at a time: the rows' 20,000 arrays are never all
        # alive together, so the garbage collector is not made to sweep them
        while rows := self.env.cr.fetchmany(100):
            for member_id, member_rule_ids, totals in rows:
                rule_sums[member_id] = dict(zip(member_rule_ids, totals, strict=True))
                rule_ids.update(member_rule_ids)
        rules = self.env["party.points.rule"].browse(rule_ids)
        return (
            rule_sums,
            {rule.id: (rule.category_id.id, rule.period_cap) for rule in rules},
            {
                category.id: (category.list_type, category.period_cap)
                for category in rules.category_id
            },
        )

    def _vetoes(self, members=None):
        """The standing (approved, not reversed) veto entries of this period
        (of ``members`` only, if given), sudo: ``({member id: [veto effect]},
        {member id: [entry id]})``."""
        self.ensure_one()
        # Plain rows, through the partial index of the ledger's few vetoes
        # (``WHERE is_veto``): the ORM of 19.0 writes the test as ``is_veto
        # IS TRUE``, which PostgreSQL does not match to that index, and
        # every close and member page scanned the period's entries.
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT entry.member_id, entry.id, rule.veto_effect
                FROM party_points_entry entry
                JOIN party_points_rule rule ON rule.id = entry.rule_id
                WHERE entry.period_id = %s AND entry.is_veto
                    AND entry.state = 'approved'
                    AND entry.reversed_by_id IS NULL
                    AND entry.reversal_of_id IS NULL %s
                ORDER BY entry.id""",
                self.id,
                SQL("AND entry.member_id = ANY(%s)", members.ids)
                if members is not None
                else SQL(),
            )
        )
        effects, entries = {}, {}
        for member_id, entry_id, effect in self.env.cr.fetchall():
            effects.setdefault(member_id, []).append(effect)
            entries.setdefault(member_id, []).append(entry_id)
        return effects, entries

    def _compute_results(self, members, running=False):
        """Every result of ``members`` as closing the period computes it now:
        ``({member id: values}, {member id: [veto entry ids]})`` (values as
        :func:`scoring.compute_results` returns them). The close and the
        running score (:meth:`_running_result`) both score through here.

        ``running``: the score so far of ``members`` on their own, as the
        open period shows it: only their points are read, and nobody is
        graded, exempted or ranked (that takes every member the period
        scores, when it closes)."""
        self.ensure_one()
        ruleset = self.ruleset_id
        scope = members if running else None
        rule_sums, rules, categories = self._approved_points(scope)
        veto_effects, veto_entries = self._vetoes(scope)
        if running:
            scored = [
                scoring.Member(member.id, member.branch_id.id, False)
                for member in members
            ]
        else:
            graded_types = ruleset.graded_member_types()
            exempt_ids = set(
                self.env["party.points.exemption"]
                .sudo()
                .search([("period_id", "=", self.id)])
                .member_id.ids
            )
            # plain rows: 10,000 records' branch and type cost more than
            # scoring
            self.env.cr.execute(
                SQL(
                    """SELECT id, branch_id, member_type FROM party_member
                    WHERE id = ANY(%s::int[]) ORDER BY id""",
                    array_literal(members.ids),
                )
            )
            # plain tuples, as scoring.Member lays them out (see there)
            scored = [
                (
                    member_id,
                    branch_id,
                    member_type in graded_types,
                    member_id in exempt_ids,
                )
                for member_id, branch_id, member_type in self.env.cr.fetchall()
            ]
        results = scoring.compute_results(
            ruleset._scoring_ruleset(),
            scored,
            rule_sums,
            rules,
            categories,
            veto_effects,
        )
        return results, veto_entries

    @api.model
    def _open_for_member(self, member):
        """The open period scoring the member's branch (sudo): the one holding
        today, else the latest open one; empty when none is open."""
        Period = self.sudo()
        today = fields.Date.context_today(member)
        period = Period._for_dates({(today, member.branch_id.id)}).get(
            (today, member.branch_id.id), Period
        )
        if period.state == "open":
            return period
        for candidate in Period.search([("state", "=", "open")]):
            if member.branch_id in candidate._scored_branches():
                return candidate
        return Period

    def _running_result(self, member):
        """The member's score so far in this (open) period, scored as closing
        it would (:meth:`_compute_results`), sudo: the values of
        :func:`scoring.compute_results` plus ``veto_entries`` (records) and,
        with a veto, ``veto_label``. The member form and the member's portal
        page show this."""
        self.ensure_one()
        results, veto_entries = self.sudo()._compute_results(member, running=True)
        result = results[member.id]
        result["veto_entries"] = (
            self.env["party.points.entry"]
            .sudo()
            .browse(veto_entries.get(member.id, []))
        )
        if result["veto_effect"]:
            labels = dict(
                self.env["party.points.rule"]
                ._fields["veto_effect"]
                ._description_selection(self.env)
            )
            result["veto_label"] = labels[result["veto_effect"]]
        return result

    def _check_manager(self):
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee may close or reopen a points period.")
        )

    def action_close(self):
        """Compute every member's result in one set-based pass and lock."""
        self._check_manager()
        self._lock_rows()
        for period in self:
            period._close()
        return True

    def _close(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(_("Period %(period)s is already closed.", period=self.name))
        Entry = self.env["party.points.entry"].sudo()
        pending = Entry.search_count(
            [("period_id", "=", self.id), ("state", "in", ("draft", "submitted"))]
        )
        if pending:
            raise RedirectWarning(
                _(
                    "%(count)s entries of %(period)s are still drafts or wait for "
                    "approval: approve, reject or delete them before closing.",
                    count=pending,
                    period=self.name,
                ),
                self._pending_entries_action(),
                _("Show these entries"),
            )
        # the scoring's containers are all freed by the time it returns
        with collector_paused():
            count = self._store_results()
        self._workflow_write(
            {
                "state": "closed",
                "closed_date": fields.Datetime.now(),
                "closed_by_id": self.env.uid,
            }
        )
        self.message_post(
            body=_("Period closed: %(count)s results computed.", count=count)
        )

    def _store_results(self):
        """Score every member this period scores and store the results (the
        close's bulk step); returns how many were stored."""
        results, veto_entries = self._compute_results(self._scored_members(order="id"))
        self.env["party.points.result"]._insert_results(self, results, veto_entries)
        return len(results)

    def _pending_entries_action(self):
        """The entries that stop the period from closing: its drafts and the
        entries waiting for approval."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Entries to Settle: %(period)s", period=self.name),
            "res_model": "party.points.entry",
            "views": [[False, "list"], [False, "form"]],
            "domain": [
                ("period_id", "=", self.id),
                ("state", "in", ["draft", "submitted"]),
            ],
            "context": {},
        }

    def action_reopen(self, reason):
        """Discard the results and unlock (Party committee, with a reason)."""
        self._check_manager()
        if not (reason or "").strip():
            raise UserError(_("Give the reason for reopening the period."))
        self._lock_rows()
        for period in self:
            if period.state != "closed":
                raise UserError(
                    _("Period %(period)s is not closed.", period=period.name)
                )
        self.result_ids.sudo().unlink()
        self._workflow_write(
            {"state": "open", "closed_date": False, "closed_by_id": False}
        )
        for period in self:
            period.message_post(
                body=_(
                    "Period reopened, results discarded. Reason: %(reason)s",
                    reason=reason,
                )
            )
        return True

    def action_view_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_points_entry_action"
        )
        action.update(domain=[("period_id", "=", self.id)], context={})
        return action

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_points_result_action"
        )
        action.update(domain=[("period_id", "=", self.id)], context={})
        return action
