from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import compat
from .party_branch_rating import RESULT_LEVELS


@compat.sql_constraints
class PartyBranch(models.Model):
    """A Party organisation: the committee of a plant, a general branch or a
    branch. Branches keep the points ledger of their members; officers of a
    branch also work every branch below it."""

    _name = "party.branch"
    _description = "Party Branch"
    _inherit = ["mail.thread", "party.input.mixin"] + compat.HR_MIXIN
    _parent_store = True
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name", "code"]
    _order = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        index=True,
        tracking=True,
        help="Short code used in reports and exports, e.g. YX for the "
        "operations branch.",
    )
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    org_type = fields.Selection(
        [
            ("committee", "Party Committee"),
            ("general_branch", "General Branch"),
            ("branch", "Branch"),
        ],
        string="Organisation Type",
        required=True,
        default="branch",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "party.branch",
        string="Parent Organisation",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    parent_path = fields.Char(index=True, **compat.PARENT_PATH)
    child_ids = fields.One2many("party.branch", "parent_id", string="Sub-organisations")
    secretary_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    committee_member_ids = fields.Many2many(
        "hr.employee",
        "party_branch_committee_rel",
        "branch_id",
        "employee_id",
        string="Committee Members",
        check_company=True,
    )
    staff_user_ids = fields.Many2many(
        "res.users",
        "party_branch_staff_user_rel",
        "branch_id",
        "user_id",
        string="Party-work Staff",
        help="Users who work this branch's ledgers without sitting on its committee.",
    )
    officer_user_ids = fields.Many2many(
        "res.users",
        "party_branch_officer_user_rel",
        "branch_id",
        "user_id",
        string="Officers",
        compute="_compute_officer_user_ids",
        store=True,
        help="Users who manage this branch: the secretary's and the committee "
        "members' users and the named Party-work staff.",
    )
    access_user_ids = fields.Many2many(
        "res.users",
        "party_branch_access_user_rel",
        "branch_id",
        "user_id",
        string="Officers Here or Above",
        compute="_compute_access_user_ids",
        store=True,
        recursive=True,
        help="The officers of this branch and of every organisation above it: "
        "who may work this branch's records.",
    )
    can_work = fields.Boolean(
        string="I Work Here",
        compute="_compute_can_work",
        search="_search_can_work",
        help="Whether the current user may work this organisation's records: "
        "the Party committee works all of them, an officer those where they "
        "are an officer (here or above).",
    )
    member_ids = fields.One2many("party.member", "branch_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)
    rating_ids = fields.One2many(
        "party.branch.rating",
        "branch_id",
        string="Star Ratings",
        groups="party_points.group_party_officer",
    )
    star_level = fields.Selection(
        RESULT_LEVELS,
        string="Stars",
        compute="_compute_star_rating",
        groups="party_points.group_party_officer",
        help="The level of the last confirmed star rating.",
    )
    star_blockers = fields.Text(
        string="What Blocks the Next Level",
        compute="_compute_star_rating",
        groups="party_points.group_party_officer",
        help="From the latest evaluation of the star rating.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique (code, company_id)",
            "Another organisation of this company already uses this code.",
        ),
    ]

    @api.depends("rating_ids.state", "rating_ids.final_level")
    def _compute_star_rating(self):
        for branch in self:
            ratings = branch.rating_ids.sorted("year", reverse=True)
            confirmed = ratings.filtered(lambda r: r.state == "confirmed")[:1]
            branch.star_level = confirmed.final_level
            branch.star_blockers = ratings[:1].blocker_note

    def action_star_rating(self):
        """This year's star rating of the branch, evaluated now: what stands
        between the branch and the next level."""
        self.ensure_one()
        self._check_user_works_here()
        year = fields.Date.context_today(self).year
        rating = self.env["party.branch.rating"]._rate(self, year)
        return {
            "type": "ir.actions.act_window",
            "res_model": "party.branch.rating",
            "res_id": rating.id,
            "view_mode": "form",
        }

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Party organisation created")

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for branch in self:
            if branch.parent_id:
                branch.complete_name = (
                    f"{branch.parent_id.complete_name} / {branch.name}"
                )
            else:
                branch.complete_name = branch.name

    @api.depends(
        "secretary_id.user_id", "committee_member_ids.user_id", "staff_user_ids"
    )
    def _compute_officer_user_ids(self):
        for branch in self:
            branch.officer_user_ids = (
                branch.secretary_id.user_id
                | branch.committee_member_ids.user_id
                | branch.staff_user_ids
            )

    @api.depends("officer_user_ids", "parent_id.access_user_ids")
    def _compute_access_user_ids(self):
        for branch in self:
            branch.access_user_ids = (
                branch.officer_user_ids | branch.parent_id.access_user_ids
            )

    def _compute_member_count(self):
        counts = dict(
            self.env["party.member"]._read_group(
                [("branch_id", "in", self.ids)], ["branch_id"], ["__count"]
            )
        )
        for branch in self:
            branch.member_count = counts.get(branch, 0)

    @api.model
    def _is_party_committee(self):
        """Whether the current user acts as the Party committee: the
        superuser or a member of its group."""
        return self.env.su or self.env.user.has_group(
            "party_points.group_party_manager"
        )

    @api.model
    def _check_party_committee(self, message):
        """Raise ``AccessError(message)`` unless the current user acts as
        the Party committee (:meth:`_is_party_committee`)."""
        if not self._is_party_committee():
            raise AccessError(message)

    def _check_user_works_here(self):
        """Raise unless the current user may work every branch of ``self``:
        the Party committee group works all of them, an officer those where
        they are an officer (here or above)."""
        if self._is_party_committee():
            return
        outside = self.sudo().filtered(
            lambda branch: self.env.user not in branch.access_user_ids
        )
        if outside:
            raise AccessError(
                _(
                    "You are not an officer of %(branches)s: only its officers "
                    "and the Party committee may do this.",
                    branches=", ".join(outside.mapped("complete_name")),
                )
            )

    @api.depends_context("uid")
    def _compute_can_work(self):
        workable = self.search(
            [("id", "in", self._origin.ids), ("can_work", "=", True)]
        )
        for branch in self:
            branch.can_work = branch._origin in workable

    def _search_can_work(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on I Work Here."))
        positive = (operator == "=") == value
        if self._is_party_committee():
            return [] if positive else [("id", "=", False)]
        return [("access_user_ids", "in" if positive else "not in", self.env.uid)]

    @api.model
    def _default_for_user(self):
        """The organisation a new record of the current user belongs to by
        default: their own branch where they work it, else the first one
        where they are an officer, else the first they may work."""
        own = self.env.user._party_member().branch_id
        workable = self.search([("can_work", "=", True)])
        if own in workable:
            return own
        officer_of = workable.filtered(
            lambda branch: self.env.user in branch.sudo().officer_user_ids
        )
        return officer_of[:1] or workable[:1]

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_member_action"
        )
        action["domain"] = [("branch_id", "child_of", self.id)]
        action["context"] = {"default_branch_id": self.id}
        return action

    def action_plan_meetings(self):
        """Plan the year's meetings of these branches (the form's button; see
        ``party.meeting._plan_year``)."""
        return self.env["party.meeting"]._plan_year(self)
