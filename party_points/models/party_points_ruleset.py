from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import compat
from ..lib import scoring, validation

LIST_TYPES = [("positive", "Positive List"), ("negative", "Negative List")]
VETO_EFFECTS = [
    ("zero", "Score Set to Zero"),
    ("unqualified", "Graded Unqualified"),
    ("no_excellent", "Cannot Be Excellent"),
]

SPECIAL_HANDLING = [
    ("exempt", "Exempt"),
    ("own_list", "Graded on Their Own List"),
]

# The grade bands and the excellent quota, as a rule book and an annual
# assessment hold them.
GRADE_BAND_CHECKS = {
    "excellent_min": lambda value: validation.check_points(value, signed=True),
    "qualified_min": lambda value: validation.check_points(value, signed=True),
    "basic_min": lambda value: validation.check_points(value, signed=True),
    "excellent_quota": lambda value: validation.check_number(value, 0, 1),
}


@compat.sql_constraints
class PartyPointsRuleset(models.Model):
    """A versioned rule book (积分办法): base score, floor and ceiling, grade
    bands, the excellent quota and the positive and negative lists."""

    _name = "party.points.ruleset"
    _description = "Points Rule Book"
    _inherit = ["mail.thread", "party.input.mixin"]
    _check_company_auto = True
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    base_score = fields.Float(
        default=100.0,
        required=True,
        tracking=True,
        help="Score every member starts the period with.",
    )
    min_score = fields.Float(
        string="Floor", default=0.0, tracking=True, help="No score falls below this."
    )
    max_score = fields.Float(
        string="Ceiling", default=0.0, tracking=True, help="0 means no ceiling."
    )
    excellent_min = fields.Float(
        string="Excellent From", default=90.0, required=True, tracking=True
    )
    qualified_min = fields.Float(
        string="Qualified From", default=75.0, required=True, tracking=True
    )
    basic_min = fields.Float(
        string="Basically Qualified From",
        default=60.0,
        required=True,
        tracking=True,
        help="Below this score a member is graded unqualified.",
    )
    excellent_quota = fields.Float(
        default=1 / 3,
        digits=(3, 4),
        tracking=True,
        help="Share of a branch's graded members who may be rated excellent "
        "(rounded down).",
    )
    grade_full = fields.Boolean(string="Grade Full Members", default=True)
    grade_probationary = fields.Boolean(string="Grade Probationary Members")
    grade_activist = fields.Boolean(string="Grade Activists")
    retired_handling = fields.Selection(
        SPECIAL_HANDLING,
        string="Retired Members",
        default="exempt",
        required=True,
        tracking=True,
        help="In the annual assessment: exempt, or graded on their own list "
        "(their own excellent quota and ranks).",
    )
    mobile_handling = fields.Selection(
        SPECIAL_HANDLING,
        string="Mobile Members",
        default="exempt",
        required=True,
        tracking=True,
    )
    infirm_handling = fields.Selection(
        SPECIAL_HANDLING,
        string="Elderly or Infirm Members",
        default="exempt",
        required=True,
        tracking=True,
    )
    confirmation_required = fields.Boolean(
        string="Members Confirm Their Grade",
        tracking=True,
        help="签字确认: in the annual assessment, each member confirms their "
        "own final line on the portal.",
    )
    rank_visible_to_members = fields.Boolean(
        help="Members see their ranks in their results. Off by default: points "
        "are a reference, not a league table.",
    )
    ranking_enabled = fields.Boolean(
        string="Rank Members",
        default=True,
        tracking=True,
        help="Closing a period ranks members in their branch and overall. "
        "Off: no rank is computed, and none is shown to anyone, in the back "
        "office, on the portal or in the exports.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        tracking=True,
        help="The company whose Party committee keeps this rule book. Empty: "
        "shared by every company.",
    )
    category_ids = fields.One2many(
        "party.points.category", "ruleset_id", string="Categories"
    )
    rule_ids = fields.One2many("party.points.rule", "ruleset_id", string="Rules")
    rule_count = fields.Integer(compute="_compute_rule_count")

    _party_number_checks = {
        "base_score": lambda value: validation.check_points(value, signed=True),
        "min_score": lambda value: validation.check_points(value, signed=True),
        "max_score": lambda value: validation.check_points(value, signed=True),
        **GRADE_BAND_CHECKS,
    }

    _sql_constraints = [
        (
            "quota_range",
            "CHECK (excellent_quota >= 0 AND excellent_quota <= 1)",
            "The excellent quota is a share between 0 and 1.",
        ),
        # PostgreSQL sorts NaN above every number: the upper bounds refuse it.
        (
            "scores_sane",
            (
                "CHECK (base_score BETWEEN -10000 AND 10000"
                " AND min_score BETWEEN -10000 AND 10000"
                " AND max_score BETWEEN -10000 AND 10000"
                " AND excellent_min BETWEEN -10000 AND 10000"
                " AND qualified_min BETWEEN -10000 AND 10000"
                " AND basic_min BETWEEN -10000 AND 10000)"
            ),
            "Scores and grade bands must be numbers between -10,000 and 10,000.",
        ),
    ]

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Rule book created")

    @api.depends("rule_ids")
    def _compute_rule_count(self):
        for ruleset in self:
            ruleset.rule_count = len(ruleset.rule_ids)

    @api.constrains(
        "base_score",
        "min_score",
        "max_score",
        "excellent_min",
        "qualified_min",
        "basic_min",
        "excellent_quota",
    )
    def _check_numbers(self):
        self._party_check_numbers()

    @api.constrains(
        "excellent_min", "qualified_min", "basic_min", "min_score", "max_score"
    )
    def _check_bands(self):
        for ruleset in self:
            if not (ruleset.excellent_min > ruleset.qualified_min > ruleset.basic_min):
                raise ValidationError(
                    _(
                        "Grade bands of %(book)s must rise: basically qualified "
                        "below qualified, qualified below excellent.",
                        book=ruleset.name,
                    )
                )
            if ruleset.max_score and ruleset.max_score <= ruleset.min_score:
                raise ValidationError(
                    _(
                        "The ceiling of %(book)s must be above its floor.",
                        book=ruleset.name,
                    )
                )

    def _scoring_ruleset(self):
        """This rule book as :mod:`..lib.scoring` takes it."""
        self.ensure_one()
        return scoring.Ruleset(
            base_score=self.base_score,
            min_score=self.min_score,
            max_score=self.max_score,
            excellent_min=self.excellent_min,
            qualified_min=self.qualified_min,
            basic_min=self.basic_min,
            excellent_quota=self.excellent_quota,
        )

    def special_handling(self):
        """``{special category: "exempt" or "own_list"}`` for the annual
        assessment (离退休, 流动, 年老体弱)."""
        self.ensure_one()
        return {
            "retired": self.retired_handling,
            "mobile": self.mobile_handling,
            "infirm": self.infirm_handling,
        }

    def graded_member_types(self):
        """The member types this rule book grades."""
        self.ensure_one()
        return {
            member_type
            for member_type, graded in (
                ("full", self.grade_full),
                ("probationary", self.grade_probationary),
                ("activist", self.grade_activist),
            )
            if graded
        }


@compat.sql_constraints
class PartyPointsCategory(models.Model):
    _name = "party.points.category"
    _inherit = ["party.input.mixin"]
    _description = "Points Category"
    _order = "ruleset_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    ruleset_id = fields.Many2one(
        "party.points.ruleset",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="ruleset_id.company_id", store=True, index=True
    )
    list_type = fields.Selection(LIST_TYPES, required=True, default="positive")
    # Caps and points of different items do not add up: no sums when grouped.
    period_cap = fields.Float(
        **compat.aggregator(None),
        help="Most points a member may gain (or lose) from this category in "
        "one period, after each rule's own cap. 0 means no cap.",
    )

    _party_number_checks = {"period_cap": validation.check_points}

    _sql_constraints = [
        ("cap_positive", "CHECK (period_cap >= 0)", "A cap cannot be negative."),
        (
            "cap_sane",
            "CHECK (period_cap <= 10000)",
            "A cap must be a number of at most 10,000.",
        ),
    ]

    @api.constrains("period_cap")
    def _check_numbers(self):
        self._party_check_numbers()

    def _sorted_by_list(self):
        """These categories as results and ledgers show them: the positive
        list first, then by sequence."""
        return self.sorted(
            lambda category: (
                category.list_type != "positive",
                category.sequence,
                category.id,
            )
        )


@compat.sql_constraints
class PartyPointsRule(models.Model):
    """An item (清单条目) of the positive or the negative list."""

    _name = "party.points.rule"
    _inherit = ["party.input.mixin"]
    _description = "Points Rule"
    _order = "ruleset_id, sequence, code, id"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    ruleset_id = fields.Many2one(
        "party.points.ruleset",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="ruleset_id.company_id", store=True, index=True
    )
    category_id = fields.Many2one(
        "party.points.category",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('ruleset_id', '=', ruleset_id)]",
        check_company=True,
    )
    list_type = fields.Selection(
        related="category_id.list_type", store=True, index=True
    )
    # Points and caps of different items do not add up: no sums when grouped.
    points = fields.Float(
        required=True,
        default=1.0,
        **compat.aggregator(None),
        help="Points per unit, as a magnitude: the list gives the sign. For a "
        "range rule, the value suggested to the approver.",
    )
    points_min = fields.Float(
        string="Range From",
        **compat.aggregator(None),
        help="With Range To: the approver scores in this range.",
    )
    points_max = fields.Float(string="Range To", **compat.aggregator(None))
    is_range = fields.Boolean(compute="_compute_is_range", store=True)
    period_cap = fields.Float(
        **compat.aggregator(None),
        help="Most points a member may gain (or lose) from this rule in one "
        "period. 0 means no cap.",
    )
    is_veto = fields.Boolean(
        string="One-vote Veto", help="Negative items only: overrides the score."
    )
    veto_effect = fields.Selection(VETO_EFFECTS)
    veto_effect_months = fields.Integer(
        string="Veto Effect (Months)",
        default=0,
        help="How long the veto reaches from its date in the annual assessment "
        "(e.g. 12 for a warning). 0: only the assessment of the span holding it.",
    )
    member_claimable = fields.Boolean(
        help="Members may claim this item themselves, for an officer to approve."
    )
    evidence_required = fields.Boolean(
        help="A claim must carry an attachment before it can be submitted."
    )
    description = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_ruleset_uniq",
            "unique (code, ruleset_id)",
            "Each rule of a rule book needs its own code.",
        ),
        ("points_positive", "CHECK (points > 0)", "Rule points must be above 0."),
        ("cap_positive", "CHECK (period_cap >= 0)", "A cap cannot be negative."),
        # PostgreSQL sorts NaN above every number: the upper bounds refuse it.
        (
            "points_sane",
            (
                "CHECK (points <= 10000 AND points_min BETWEEN 0 AND 10000"
                " AND points_max BETWEEN 0 AND 10000 AND period_cap <= 10000)"
            ),
            "Rule points, ranges and caps must be numbers of at most 10,000.",
        ),
    ]
    _party_number_checks = {
        "points": validation.check_points,
        "points_min": validation.check_points,
        "points_max": validation.check_points,
        "period_cap": validation.check_points,
    }

    @api.constrains("points", "points_min", "points_max", "period_cap")
    def _check_numbers(self):
        self._party_check_numbers()

    @api.depends("points_min", "points_max")
    def _compute_is_range(self):
        for rule in self:
            rule.is_range = bool(rule.points_min or rule.points_max)

    @api.constrains("points", "points_min", "points_max")
    def _check_range(self):
        for rule in self.filtered("is_range"):
            if not 0 < rule.points_min <= rule.points <= rule.points_max:
                raise ValidationError(
                    _(
                        "Rule %(code)s: the range must run from above 0 up to "
                        "its top, and hold the suggested points.",
                        code=rule.code,
                    )
                )

    @api.constrains("is_veto", "veto_effect", "category_id")
    def _check_veto(self):
        for rule in self.filtered("is_veto"):
            if rule.list_type != "negative":
                raise ValidationError(
                    _(
                        "Rule %(code)s: only an item of the negative list can "
                        "carry a one-vote veto.",
                        code=rule.code,
                    )
                )
            if not rule.veto_effect:
                raise ValidationError(
                    _(
                        "Rule %(code)s: say what its one-vote veto does.",
                        code=rule.code,
                    )
                )

    @api.constrains("category_id", "ruleset_id")
    def _check_category_ruleset(self):
        for rule in self:
            if rule.category_id.ruleset_id != rule.ruleset_id:
                raise ValidationError(
                    _(
                        "Rule %(code)s: its category belongs to another rule book.",
                        code=rule.code,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"[{rule.code}] {rule.name}" if rule.code else rule.name
