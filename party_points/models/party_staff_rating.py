"""The half-year staff rating of the branches (半年职工评议支部).

Twice a year the Party committee opens a round; every employee of the plant,
Party member or not, rates their own branch once (1 to 5 on three questions,
and an optional comment). The rating is secret by design:

- a ballot (``party.staff.rating.ballot``) records who has rated in which
  round, without any score;
- the scores (``party.staff.rating.response``) and the comments
  (``party.staff.rating.comment``) carry no employee nor user: they are
  inserted with the superuser in their log columns and the round's first
  day as their dates, so that neither who nor when can tie them to a ballot;
- nobody reads ballots or responses through the ORM (their access rights
  grant nothing to any group): the committee and the officers read only the
  per-branch results computed when the round closes, with no average for a
  branch of fewer than five respondents; the committee reads the comments,
  without author, of the branches of five respondents or more, once the
  round is closed.

We do not use Odoo's ``survey`` app: its answers (``survey.user_input``)
keep the respondent's partner and email, readable by survey managers.
"""

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .. import compat
from ..lib import staff_rating as rules
from ..lib import validation

STATES = [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")]


@compat.sql_constraints
class PartyStaffRatingRound(models.Model):
    _name = "party.staff.rating.round"
    _description = "Staff Rating Round"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "date_from desc, id desc"
    _sealed_fields = frozenset({"state", "date_opened", "date_closed"})
    _locked_fields = frozenset({"company_id", "date_from", "date_to", "branch_ids"})
    _locked_states = ("open", "closed")
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_opened = fields.Datetime(string="Opened On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    branch_ids = fields.Many2many(
        "party.branch",
        "party_staff_rating_round_branch_rel",
        "round_id",
        "branch_id",
        string="Branches Rated",
        check_company=True,
        default=lambda self: self._default_branches(),
        domain="[('company_id', '=', company_id)]",
        help="The branches the staff rate in this round; every employee rates "
        "the branch they belong to.",
    )
    result_ids = fields.One2many(
        "party.staff.rating.result", "round_id", string="Results", readonly=True
    )
    comment_ids = fields.One2many(
        "party.staff.rating.comment", "round_id", string="Comments", readonly=True
    )
    respondent_count = fields.Integer(
        string="Respondents",
        compute="_compute_participation",
        help="How many employees have rated so far (who they are is never shown).",
    )
    eligible_count = fields.Integer(
        string="Employees Asked",
        compute="_compute_participation",
        help="The employees of the plant who belong to one of the rated branches.",
    )
    participation = fields.Float(
        string="Participation (%)",
        compute="_compute_participation",
        digits=(5, 1),
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK (date_to >= date_from)",
            "A rating round cannot end before it starts.",
        ),
    ]

    def _creation_message(self):
        return _("Staff rating round created")

    def _seal_refusal(self, fnames, creating=False):
        return _("A staff rating round is opened and closed only with its buttons.")

    def _lock_refusal(self, records):
        return _(
            "Rating round %(round)s has been opened: its dates and branches no "
            "longer change.",
            round=records[:1].display_name,
        )

    @api.model
    def _default_branches(self):
        return self.env["party.branch"].search(
            [("company_id", "=", self.env.company.id), ("org_type", "=", "branch")]
        )

    def _compute_participation(self):
        counts = dict(
            self.env["party.staff.rating.ballot"]
            .sudo()
            ._read_group([("round_id", "in", self.ids)], ["round_id"], ["__count"])
        )
        for rating_round in self:
            rating_round.respondent_count = counts.get(rating_round._origin, 0)
            rating_round.eligible_count = rating_round._eligible_count()
            rating_round.participation = (
                100.0 * rating_round.respondent_count / rating_round.eligible_count
                if rating_round.eligible_count
                else 0.0
            )

    def _eligible_count(self):
        """The employees who rate one of the round's branches: the Party
        members of those branches, and the other employees of the company
        whose department those branches serve. Two counts, whatever the
        number of employees."""
        branches = self.sudo().branch_ids
        if not branches:
            return 0
        sudo_env = self.sudo().env
        members = sudo_env["party.member"].search_count(
            [
                ("branch_id", "in", branches.ids),
                ("employee_id.active", "=", True),
                ("employee_id.company_id", "=", self.company_id.id),
            ]
        )
        departments = (
            sudo_env["hr.department"]
            .with_context(active_test=False)
            .search([("company_id", "in", (False, self.company_id.id))])
            .filtered(lambda dept: dept._party_staff_branch() in branches)
        )
        if not departments:
            return members
        others = sudo_env["hr.employee"].search_count(
            [
                ("company_id", "=", self.company_id.id),
                ("department_id", "in", departments.ids),
                ("party_member_ids", "=", False),
            ]
        )
        return members + others

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rating_round in self:
            if rating_round.date_to < rating_round.date_from:
                raise ValidationError(_("A rating round cannot end before it starts."))

    def write(self, vals):
        closed = self.filtered(lambda rating_round: rating_round.state == "closed")
        if (
            closed
            and not self._is_workflow()
            and set(vals) - {"name", "message_main_attachment_id"}
        ):
            raise UserError(
                _(
                    "Rating round %(round)s is closed: its results are kept as "
                    "they were counted.",
                    round=closed[:1].display_name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rating_round.state != "draft" for rating_round in self):
            raise UserError(
                _(
                    "A rating round that has been opened is kept with its results: "
                    "only a draft round can be deleted."
                )
            )

    # -- workflow -----------------------------------------------------------------

    def _check_manager(self):
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee may open or close a staff rating round.")
        )

    def action_open(self):
        self._check_manager()
        for rating_round in self:
            if rating_round.state != "draft":
                raise UserError(
                    _(
                        "Rating round %(round)s has already been opened.",
                        round=rating_round.display_name,
                    )
                )
            if not rating_round.branch_ids:
                raise UserError(_("Choose the branches the staff rate in this round."))
            if self.sudo().search_count(
                [
                    ("company_id", "=", rating_round.company_id.id),
                    ("state", "=", "open"),
                    ("id", "!=", rating_round.id),
                ]
            ):
                raise UserError(
                    _(
                        "Another rating round of this company is open: close it "
                        "before opening %(round)s.",
                        round=rating_round.display_name,
                    )
                )
            rating_round._workflow_write(
                {"state": "open", "date_opened": fields.Datetime.now()}
            )
        return True

    def action_close(self):
        """Close the rounds and count their results per branch, in one
        query; the comments of the branches with enough respondents become
        readable by the committee."""
        self._check_manager()
        for rating_round in self:
            if rating_round.state != "open":
                raise UserError(
                    _(
                        "Rating round %(round)s is not open.",
                        round=rating_round.display_name,
                    )
                )
        self._count_results()
        self._workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
        for rating_round in self:
            rating_round.message_post(
                body=_(
                    "Rating round closed: %(count)s employees rated their branch.",
                    count=rating_round.respondent_count,
                )
            )
        return True

    def _count_results(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT link.round_id, link.branch_id, count(response.id),
                    sum(response.score_service), sum(response.score_response),
                    sum(response.score_practical)
                FROM party_staff_rating_round_branch_rel link
                LEFT JOIN party_staff_rating_response response
                    ON response.round_id = link.round_id
                    AND response.branch_id = link.branch_id
                WHERE link.round_id = ANY(%s)
                GROUP BY link.round_id, link.branch_id""",
                self.ids,
            )
        )
        values = []
        shown = []
        for round_id, branch_id, count, *sums in self.env.cr.fetchall():
            averages = [rules.shown_average(total or 0, count, count) for total in sums]
            overall = rules.shown_average(
                sum(total or 0 for total in sums), len(rules.QUESTIONS) * count, count
            )
            values.append(
                {
                    "round_id": round_id,
                    "branch_id": branch_id,
                    "respondent_count": count,
                    "is_shown": rules.is_shown(count),
                    "avg_service": averages[0] or False,
                    "avg_response": averages[1] or False,
                    "avg_practical": averages[2] or False,
                    "avg_overall": overall or False,
                }
            )
            if rules.is_shown(count):
                shown.append((round_id, branch_id))
        Result = self.env["party.staff.rating.result"].sudo()
        Result.search([("round_id", "in", self.ids)]).unlink()
        hidden = Result.create(values).filtered(lambda result: not result.is_shown)
        if hidden:
            # no average at all (NULL, not 0): the pivot's averages skip them
            hidden.flush_recordset()
            self.env.cr.execute(
                SQL(
                    """UPDATE party_staff_rating_result SET avg_service = NULL,
                        avg_response = NULL, avg_practical = NULL,
                        avg_overall = NULL
                    WHERE id = ANY(%s)""",
                    hidden.ids,
                )
            )
            hidden.invalidate_recordset()
        if shown:
            self.env.cr.execute(
                SQL(
                    """UPDATE party_staff_rating_comment comment SET is_shown = TRUE
                    FROM unnest(%s::int[], %s::int[]) AS shown(round_id, branch_id)
                    WHERE comment.round_id = shown.round_id
                        AND comment.branch_id = shown.branch_id""",
                    [round_id for round_id, _branch in shown],
                    [branch_id for _round, branch_id in shown],
                )
            )
            self.env["party.staff.rating.comment"].invalidate_model(["is_shown"])

    # -- rating -------------------------------------------------------------------

    @api.model
    def _rater_branch(self, employee):
        """The branch ``employee`` rates (sudo): a Party member's own branch;
        for anyone else, the branch serving their department (or its nearest
        parent department with one)."""
        employee = employee.sudo()
        member = (
            self.env["party.member"]
            .sudo()
            .search([("employee_id", "=", employee.id)], limit=1)
        )
        if member:
            return member.branch_id
        if employee.department_id:
            return employee.department_id._party_staff_branch()
        return self.env["party.branch"]

    @api.model
    def _portal_values(self, user):
        """What /my/branch-rating shows ``user``: the open round of their
        company, the branch they rate and whether they have rated."""
        employee = user._party_employee()
        values = {
            "employee": employee,
            "rating_round": self.browse(),
            "branch": self.env["party.branch"],
            "has_rated": False,
        }
        if not employee:
            return values
        rating_round = self.sudo().search(
            [("state", "=", "open"), ("company_id", "=", employee.company_id.id)],
            limit=1,
        )
        branch = self._rater_branch(employee)
        values.update(
            rating_round=rating_round,
            branch=branch if branch in rating_round.branch_ids else branch.browse(),
            has_rated=bool(
                rating_round
                and self.env["party.staff.rating.ballot"]
                .sudo()
                .search_count(
                    [
                        ("round_id", "=", rating_round.id),
                        ("employee_id", "=", employee.id),
                    ]
                )
            ),
        )
        return values

    def action_rate(self, branch_id, scores, comment=None):
        """The current user rates ``branch_id`` in this round: ``scores`` is
        ``{question field: 1 to 5}`` for every question of
        ``lib.staff_rating.QUESTIONS``. Records that they have rated (the
        ballot) and, apart, the scores and the comment without any link to
        them."""
        self.ensure_one()
        rating_round = self.sudo()
        employee = self.env.user._party_employee()
        if not employee:
            raise UserError(_("Only the employees of the plant rate their branch."))
        if rating_round.state != "open":
            raise UserError(
                _(
                    "Rating round %(round)s is not open: ratings are taken only "
                    "while it is open.",
                    round=rating_round.display_name,
                )
            )
        if employee.company_id != rating_round.company_id:
            raise UserError(_("This rating round is another company's."))
        branch = self._rater_branch(employee)
        if not branch or branch not in rating_round.branch_ids:
            raise UserError(
                _(
                    "No branch of yours is rated in %(round)s: ask the Party "
                    "committee which branch serves your department.",
                    round=rating_round.display_name,
                )
            )
        try:
            asked_branch = int(branch_id)
        except (TypeError, ValueError):
            asked_branch = None
        if asked_branch != branch.id:
            raise UserError(
                _(
                    "You rate only your own branch, %(branch)s.",
                    branch=branch.display_name,
                )
            )
        scores = scores or {}
        unknown = set(scores) - set(rules.QUESTIONS)
        if unknown:
            raise UserError(_("This rating has questions the round does not ask."))
        checked = {}
        for question in rules.QUESTIONS:
            label = (
                self.env["party.staff.rating.response"]
                ._fields[question]
                ._description_string(self.env)
            )
            try:
                checked[question] = rules.check_score(scores.get(question))
            except rules.ScoreError:
                raise UserError(
                    _(
                        "Give “%(question)s” a score from 1 (poor) to 5 (very "
                        "good): %(value)s is not one.",
                        question=label,
                        value=str(scores.get(question) or _("nothing"))[:40],
                    )
                ) from None
        comment = (comment or "").strip()
        if len(comment) > validation.MAX_TEXT:
            raise UserError(
                _(
                    "The comment is too long: at most %(max)s characters.",
                    max=validation.MAX_TEXT,
                )
            )
        rating_round._insert_rating(employee, branch, checked, comment)
        return True

    def _insert_rating(self, employees, branch, scores, comment):
        """One ballot per employee of ``employees`` and, apart, one response
        with ``scores`` and the ``comment`` (lists of them when ``employees``
        are several: ``scores`` and ``comment`` are then lists of the same
        length), in three queries. The log columns name the superuser and
        the dates are the round's first day. A second ballot of the same
        employee is refused by the database, whoever races."""
        self.ensure_one()
        if not isinstance(scores, list):
            scores, comment = [scores], [comment]
        stamp = fields.Datetime.to_datetime(self.date_from)
        self.env.cr.execute(
            SQL(
                """INSERT INTO party_staff_rating_ballot
                    (round_id, employee_id, company_id,
                     create_uid, create_date, write_uid, write_date)
                SELECT %(round)s, employee_id, %(company)s, %(su)s, %(stamp)s,
                    %(su)s, %(stamp)s
                FROM unnest(%(employees)s::int[]) AS ballot(employee_id)
                ON CONFLICT (round_id, employee_id) DO NOTHING""",
                round=self.id,
                company=self.company_id.id,
                su=SUPERUSER_ID,
                stamp=stamp,
                employees=employees.ids,
            )
        )
        if self.env.cr.rowcount != len(employees):
            raise UserError(
                _(
                    "You have already rated your branch in %(round)s: each "
                    "employee rates once per round.",
                    round=self.display_name,
                )
            )
        self.env.cr.execute(
            SQL(
                """INSERT INTO party_staff_rating_response
                    (round_id, branch_id, company_id, score_service,
                     score_response, score_practical,
                     create_uid, create_date, write_uid, write_date)
                SELECT %(round)s, %(branch)s, %(company)s, service, response,
                    practical, %(su)s, %(stamp)s, %(su)s, %(stamp)s
                FROM unnest(%(service)s::int[], %(response)s::int[],
                    %(practical)s::int[]) AS rated(service, response, practical)""",
                round=self.id,
                branch=branch.id,
                company=self.company_id.id,
                su=SUPERUSER_ID,
                stamp=stamp,
                service=[row["score_service"] for row in scores],
                response=[row["score_response"] for row in scores],
                practical=[row["score_practical"] for row in scores],
            )
        )
        comments = [text for text in comment if text]
        if comments:
            self.env.cr.execute(
                SQL(
                    """INSERT INTO party_staff_rating_comment
                        (round_id, branch_id, company_id, body, is_shown,
                         create_uid, create_date, write_uid, write_date)
                    SELECT %(round)s, %(branch)s, %(company)s, body, FALSE,
                        %(su)s, %(stamp)s, %(su)s, %(stamp)s
                    FROM unnest(%(bodies)s::text[]) AS commented(body)""",
                    round=self.id,
                    branch=branch.id,
                    company=self.company_id.id,
                    su=SUPERUSER_ID,
                    stamp=stamp,
                    bodies=comments,
                )
            )

    # -- for the star rating ------------------------------------------------------

    @api.model
    def _branch_averages(self, branches, date_from, date_to):
        """``{branch id: (average 1 to 5 over every question, respondents)}``
        of ``branches`` over the closed rounds whose span overlaps
        ``[date_from, date_to]``, in one query. Only the round × branch
        groups of at least five respondents count (pooling a hidden group
        with a shown one would reveal it); a branch left with fewer than
        five respondents is omitted."""
        if not branches:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT response.branch_id, count(*),
                    sum(response.score_service + response.score_response
                        + response.score_practical),
                    %(questions)s * count(*)
                FROM party_staff_rating_response response
                JOIN party_staff_rating_round rating_round
                    ON rating_round.id = response.round_id
                WHERE rating_round.state = 'closed'
                    AND rating_round.date_from <= %(date_to)s
                    AND rating_round.date_to >= %(date_from)s
                    AND response.branch_id = ANY(%(branches)s)
                GROUP BY response.round_id, response.branch_id""",
                questions=len(rules.QUESTIONS),
                date_from=fields.Date.to_date(date_from),
                date_to=fields.Date.to_date(date_to),
                branches=branches.ids,
            )
        )
        return rules.pooled_averages(self.env.cr.fetchall())


class PartyStaffRatingResult(models.Model):
    """A round's result for one branch: the count of respondents and, from
    five of them, the averages. Written only when the round closes."""

    _name = "party.staff.rating.result"
    _description = "Staff Rating Result"
    _order = "date_from desc, branch_id"
    _rec_name = "branch_id"

    round_id = fields.Many2one(
        "party.staff.rating.round",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="round_id.company_id", store=True, index=True, string="Company"
    )
    date_from = fields.Date(
        related="round_id.date_from", store=True, string="Round Start"
    )
    respondent_count = fields.Integer(
        string="Respondents", readonly=True, **{compat.AGGREGATOR: "sum"}
    )
    is_shown = fields.Boolean(
        string="Enough Respondents",
        readonly=True,
        help="At least five respondents: fewer show no average.",
    )
    avg_service = fields.Float(
        string="Serving the Staff",
        digits=(3, 2),
        readonly=True,
        **{compat.AGGREGATOR: "avg"},
    )
    avg_response = fields.Float(
        string="Responding to Problems",
        digits=(3, 2),
        readonly=True,
        **{compat.AGGREGATOR: "avg"},
    )
    avg_practical = fields.Float(
        string="Practical Matters Done",
        digits=(3, 2),
        readonly=True,
        **{compat.AGGREGATOR: "avg"},
    )
    avg_overall = fields.Float(
        string="Average",
        digits=(3, 2),
        readonly=True,
        **{compat.AGGREGATOR: "avg"},
    )
    note = fields.Char(compute="_compute_note", string="Figures")

    @api.depends("is_shown")
    def _compute_note(self):
        for result in self:
            result.note = (
                False
                if result.is_shown
                else _("Fewer than %(count)s responses", count=rules.MIN_RESPONDENTS)
            )


class PartyStaffRatingComment(models.Model):
    """A free comment of a rating, without author: the committee reads it
    once the round is closed, when its branch has five respondents or
    more."""

    _name = "party.staff.rating.comment"
    _description = "Staff Rating Comment"
    _order = "round_id desc, branch_id, body"
    _rec_name = "body"

    round_id = fields.Many2one(
        "party.staff.rating.round",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    body = fields.Text(string="Comment", required=True, readonly=True)
    is_shown = fields.Boolean(readonly=True, index=True)


@compat.sql_constraints
class PartyStaffRatingResponse(models.Model):
    """The scores of one rating, without any link to who gave them. No group
    reads these: only the results of the round are shown."""

    _name = "party.staff.rating.response"
    _description = "Staff Rating Response"
    _order = "id"

    round_id = fields.Many2one(
        "party.staff.rating.round", required=True, index=True, ondelete="cascade"
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    score_service = fields.Integer(string="Serving the Staff", required=True)
    score_response = fields.Integer(string="Responding to Problems", required=True)
    score_practical = fields.Integer(string="Practical Matters Done", required=True)

    _sql_constraints = [
        (
            "scores_range",
            (
                "CHECK (score_service BETWEEN 1 AND 5 AND score_response "
                "BETWEEN 1 AND 5 AND score_practical BETWEEN 1 AND 5)"
            ),
            "Every score is from 1 to 5.",
        ),
    ]


@compat.sql_constraints
class PartyStaffRatingBallot(models.Model):
    """Who has rated in which round, without any score: each employee rates
    once. No group reads these."""

    _name = "party.staff.rating.ballot"
    _description = "Staff Rating Ballot"
    _order = "id"

    round_id = fields.Many2one(
        "party.staff.rating.round", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)

    _sql_constraints = [
        (
            "one_rating",
            "unique (round_id, employee_id)",
            "An employee rates their branch once per round.",
        ),
    ]
