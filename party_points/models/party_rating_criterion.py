from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import star_rating, validation

LEVELS = [
    ("3", "3 Stars (Up to Standard)"),
    ("4", "4 Stars (Advanced)"),
    ("5", "5 Stars (Model)"),
]
KINDS = [("required", "Required"), ("optional", "Optional")]
# How a criterion is checked: evidence the branch attaches and the committee
# decides, or a check computed from the records (party.branch.rating's
# _rating_check_<method>; party_ledger adds the ledger's).
METHODS = [
    ("evidence", "Evidence"),
    ("meetings_held", "Required Meetings Held"),
    ("attendance_rate", "Attendance Rate"),
    ("all_assessed", "Every Member Assessed"),
    ("no_unqualified", "No Unqualified Member"),
    ("excellent_share", "Share Rated Excellent"),
    ("approval_days", "Days to Approve Points"),
    ("staff_rating", "Staff Rating of the Branch"),
]


class PartyRatingClass(models.Model):
    """A class of the star-rating catalogue (组织建设, 组织生活...), with
    how many of its optional criteria each star level demands."""

    _name = "party.rating.class"
    _description = "Star Rating Class"
    _inherit = ["party.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    _party_number_checks = {
        f"optional_min_{level}": lambda value: validation.check_integer(value, 0, 1000)
        for level in star_rating.LEVELS
    }

    optional_min_3 = fields.Integer(
        string="Optional for 3 Stars",
        help="How many optional criteria of this class, of 3 stars, a branch "
        "must meet for 3 stars.",
    )
    optional_min_4 = fields.Integer(
        string="Optional for 4 Stars",
        help="How many optional criteria of this class, of 4 stars or below, "
        "a branch must meet for 4 stars.",
    )
    optional_min_5 = fields.Integer(
        string="Optional for 5 Stars",
        help="How many optional criteria of this class, of any level, a "
        "branch must meet for 5 stars.",
    )
    criterion_ids = fields.One2many("party.rating.criterion", "class_id")
    criterion_count = fields.Integer(compute="_compute_criterion_count")

    def _minimums(self):
        return {level: self[f"optional_min_{level}"] for level in star_rating.LEVELS}

    @api.depends("criterion_ids")
    def _compute_criterion_count(self):
        for rating_class in self:
            rating_class.criterion_count = len(rating_class.criterion_ids)

    @api.constrains("optional_min_3", "optional_min_4", "optional_min_5")
    def _check_minimums(self):
        for rating_class in self:
            try:
                star_rating.check_minimums(rating_class._minimums())
            except ValueError as error:
                raise ValidationError(
                    _(
                        "%(class)s: the optional criteria a level demands are "
                        "never negative and never fewer than the level below "
                        "demands.",
                        **{"class": rating_class.name},
                    )
                ) from error


class PartyRatingCriterion(models.Model):
    """A hard criterion (硬杠杠) of the star rating: its text, the lowest
    star level it belongs to, required (必答) or optional (自选), and how it
    is checked: from the records (a check with its threshold) or by the
    evidence the branch attaches."""

    _name = "party.rating.criterion"
    _description = "Star Rating Criterion"
    _inherit = ["party.input.mixin"]
    _order = "class_sequence, sequence, id"
    # a percentage, days, a score or a count: never below zero
    _party_number_checks = {
        "threshold": lambda value: validation.check_number(value, 0, 1000000)
    }

    name = fields.Char(string="Criterion", required=True, translate=True)
    class_id = fields.Many2one("party.rating.class", required=True, ondelete="restrict")
    class_sequence = fields.Integer(
        related="class_id.sequence", store=True, string="Class Sequence"
    )
    sequence = fields.Integer(default=10)
    level = fields.Selection(
        LEVELS,
        string="From Level",
        required=True,
        default="3",
        help="The lowest star level this criterion belongs to: it counts for "
        "that level and every level above.",
    )
    kind = fields.Selection(KINDS, required=True, default="required")
    method = fields.Selection(
        METHODS,
        string="Checked By",
        required=True,
        default="evidence",
        help="Evidence: the branch attaches proof and the Party committee "
        "accepts or refuses it. Otherwise the figure is computed from the "
        "records of the year.",
    )
    threshold = fields.Float(
        help="The figure the check compares with: a percentage for rates and "
        "shares, days for approvals, a score out of 5 for the staff rating, "
        "a count for items.",
    )
    meeting_type_id = fields.Many2one(
        "party.meeting.type",
        ondelete="restrict",
        help="For the required meetings: the type counted (empty: every type "
        "with a required frequency).",
    )
    active = fields.Boolean(default=True)

    def _rule(self):
        return star_rating.Criterion(
            self.id, self.class_id.id, int(self.level), self.kind == "required"
        )

    @api.model
    def _catalogue_counts(self):
        """The catalogue's figures: ``{"sub_items": n, "automatic": n,
        "hard": {level: n}}`` over the active criteria."""
        criteria = self.search([("active", "=", True)])
        rules = [criterion._rule() for criterion in criteria]
        minimums = {c.id: c._minimums() for c in criteria.class_id}
        return {
            "sub_items": len(criteria),
            "automatic": len(criteria.filtered(lambda c: c.method != "evidence")),
            "hard": {
                level: star_rating.hard_count(rules, minimums, level)
                for level in star_rating.LEVELS
            },
        }
