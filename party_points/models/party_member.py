from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import compat
from ..lib import assessment as assessment_rules

MEMBER_TYPES = [
    ("full", "Full Member"),
    ("probationary", "Probationary Member"),
    ("activist", "Activist"),
]
# A member's situation that the annual assessment may grade apart (the rule
# book says: exempt, or on their own reduced list).
SPECIAL_CATEGORIES = [
    ("retired", "Retired"),
    ("mobile", "Mobile"),
    ("infirm", "Elderly or Infirm"),
]


@compat.sql_constraints
class PartyMember(models.Model):
    """The Party record of an employee: one active record per employee."""

    _name = "party.member"
    _description = "Party Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "party.input.mixin"]
    _order = "branch_id, name, id"
    _rec_names_search = ["name", "badge"]
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    name = fields.Char(related="employee_id.name", store=True, index="trigram")
    badge = fields.Char(
        string="Badge ID",
        compute="_compute_badge",
        store=True,
        compute_sudo=True,
        index=True,
        help="The employee's badge number (工号), kept on the Party record so "
        "that Party users without HR rights can find members by it.",
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    member_type = fields.Selection(
        MEMBER_TYPES,
        required=True,
        default="full",
        tracking=True,
    )
    join_date = fields.Date(
        string="Joined",
        tracking=True,
        help="Date of joining the Party; for an activist, the date the "
        "application was filed.",
    )
    special_category = fields.Selection(
        SPECIAL_CATEGORIES,
        string="Special Situation",
        tracking=True,
        help="离退休, 流动 or 年老体弱: the rule book says whether the annual "
        "assessment exempts these members or grades them on their own list.",
    )
    probation_end_date = fields.Date(
        string="Probation Ends",
        tracking=True,
        help="A probationary member's 转正 date (one year after joining): the "
        "branch is reminded two months before it.",
    )
    probation_reminded = fields.Boolean(
        readonly=True,
        copy=False,
        help="The branch has been reminded of the coming 转正.",
    )
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="The user who acts as this member: the employee's own user, or "
        "a portal user granted from this form.",
    )
    company_id = fields.Many2one(
        related="branch_id.company_id", store=True, index=True, string="Company"
    )
    active = fields.Boolean(default=True, tracking=True)
    points_entry_ids = fields.One2many(
        "party.points.entry", "member_id", string="Points Entries"
    )
    points_entry_count = fields.Integer(compute="_compute_points_counts")
    points_result_count = fields.Integer(compute="_compute_points_counts")

    _sql_constraints = [
        # Deferred, so that the constraint below speaks first; the database
        # still holds the rule against imports and concurrent writes.
        (
            "employee_active_uniq",
            "EXCLUDE (employee_id WITH =) WHERE (active) DEFERRABLE INITIALLY DEFERRED",
            "An employee can have only one active Party record.",
        ),
    ]

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Party member record created")

    @api.depends("employee_id.user_id")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.employee_id.user_id

    @api.depends("employee_id.barcode")
    def _compute_badge(self):
        for member in self:
            member.badge = member.employee_id.barcode

    @api.constrains("employee_id", "active")
    def _check_one_active_member(self):
        actives = self.filtered("active")
        if not actives:
            return
        groups = self.sudo()._read_group(
            [("employee_id", "in", actives.employee_id.ids), ("active", "=", True)],
            ["employee_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            raise ValidationError(
                _(
                    "%(employee)s already has an active Party record. Archive "
                    "the old record before creating a new one.",
                    employee=groups[0][0].name,
                )
            )

    @api.constrains("probation_end_date", "join_date", "member_type")
    def _check_probation_end(self):
        for member in self:
            end = member.probation_end_date
            if not end:
                continue
            if member.member_type != "probationary":
                raise ValidationError(
                    _(
                        "%(member)s is not a probationary member: a probation "
                        "end date is only for probationary members.",
                        member=member.name,
                    )
                )
            if member.join_date and end <= member.join_date:
                raise ValidationError(
                    _(
                        "The probation of %(member)s ends after they joined.",
                        member=member.name,
                    )
                )

    @api.model
    def _cron_probation_reminders(self, today=None):
        """Daily: an activity to the secretary of the branch (its first
        officer when it has no secretary user) for each probationary member
        whose 转正 is two months away or closer, once per member (a new 转正
        date reminds again)."""
        today = today or fields.Date.context_today(self)
        members = self.sudo().search(
            [
                ("member_type", "=", "probationary"),
                ("probation_end_date", ">=", today),
                ("probation_end_date", "<=", assessment_rules.add_months(today, 2)),
                ("probation_reminded", "=", False),
            ]
        )
        due = set(
            assessment_rules.probation_reminders_due(
                today, {member.id: member.probation_end_date for member in members}
            )
        )
        members = members.filtered(lambda member: member.id in due)
        model_id = self.env["ir.model"]._get_id("party.member")
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = []
        for member in members:
            branch = member.branch_id
            user = branch.secretary_id.user_id or branch.officer_user_ids[:1]
            if not user:
                continue
            activities.append(
                {
                    "res_model_id": model_id,
                    "res_id": member.id,
                    "activity_type_id": todo.id,
                    "user_id": user.id,
                    "summary": _("转正 coming: prepare the branch meeting"),
                    "note": _(
                        "The probation of %(member)s ends on %(date)s: prepare "
                        "the 转正 (the application, the opinions, the branch "
                        "meeting).",
                        member=member.name,
                        date=member.probation_end_date,
                    ),
                    "date_deadline": member.probation_end_date,
                }
            )
        if activities:
            self.env["mail.activity"].sudo().create(activities)
        members.write({"probation_reminded": True})
        return members

    @api.model_create_multi
    def create(self, vals_list):
        branch_ids = {vals["branch_id"] for vals in vals_list if vals.get("branch_id")}
        self.env["party.branch"].browse(branch_ids)._check_user_works_here()
        return super().create(vals_list)

    def write(self, vals):
        if "probation_end_date" in vals:
            # a new 转正 date is reminded of again
            vals = dict(vals, probation_reminded=False)
        if vals.get("branch_id"):
            self.env["party.branch"].browse(vals["branch_id"])._check_user_works_here()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_points_history(self):
        for model in ("party.points.result", "party.points.entry"):
            kept = (
                self.env[model].sudo().search([("member_id", "in", self.ids)], limit=1)
            )
            if kept:
                raise UserError(
                    _(
                        "%(member)s has points entries or results: archive the "
                        "Party record instead of deleting it, so that the points "
                        "history stays.",
                        member=kept.member_id.name,
                    )
                )

    def _compute_points_counts(self):
        entries = dict(
            self.env["party.points.entry"]._read_group(
                [("member_id", "in", self.ids)], ["member_id"], ["__count"]
            )
        )
        results = dict(
            self.env["party.points.result"]._read_group(
                [("member_id", "in", self.ids)], ["member_id"], ["__count"]
            )
        )
        for member in self:
            member.points_entry_count = entries.get(member, 0)
            member.points_result_count = results.get(member, 0)

    def _points_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update(
            domain=[("member_id", "=", self.id)],
            context={"default_member_id": self.id},
        )
        return action

    def action_view_points_entries(self):
        return self._points_action("party_points.party_points_entry_action")

    def action_view_points_results(self):
        return self._points_action("party_points.party_points_result_action")

    def action_grant_portal(self):
        """Grant this member portal access: see
        :meth:`hr.employee.action_grant_portal`."""
        self.ensure_one()
        return self.employee_id.action_grant_portal()
