from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.party_points import compat

CHANNELS = [
    ("dual_link", "Dual Link"),
    ("life_meeting", "Branch Life Meeting"),
    ("team_meeting", "Team Meeting"),
    ("mailbox", "Mailbox"),
    ("talk_session", "Talk Session"),
    ("online_group", "Online Group"),
    ("portal", "Portal"),
    ("survey", "Survey"),
    ("other", "Other"),
]
KINDS = [
    ("explanation", "Explanation"),
    ("implementation", "Implementation"),
]
URGENCIES = [
    ("normal", "Normal"),
    ("urgent", "Urgent"),
    ("immediate", "Immediate"),
]
SCORES = [(str(score), str(score)) for score in range(6)]
ROUTES = [("workshop_task", "Workshop Task"), ("key_project", "Key Project")]
STATES = [
    ("new", "New"),
    ("classified", "Classified"),
    ("in_progress", "In Progress"),
    ("verifying", "Verifying"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
SATISFACTIONS = [
    ("very_satisfied", "Very Satisfied"),
    ("satisfied", "Satisfied"),
    ("basic", "Basically Satisfied"),
    ("unsatisfied", "Unsatisfied"),
]
OPEN_STATES = ("new", "classified", "in_progress", "verifying")
# Written only by the workflow methods and the deadline job: what the four
# rates (response, closure, on time, satisfaction) are computed from.
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "close_type",
        "date_closed",
        "date_first_response",
        "date_started",
        "verification_note",
        "verifier_ids",
        "date_verified",
        "satisfaction",
        "feedback_comment",
        "date_feedback",
        "reopen_count",
        "is_supervised",
        "cancel_reason",
        "points_entry_id",
        "is_overdue",
        "date_reminded",
        "date_escalated",
    }
)
# What a closed or cancelled item keeps as it was: corrections go through
# the workflow (the submitter's unsatisfied feedback reopens the item).
LOCKED_WHEN_CLOSED = {
    "name",
    "title",
    "description",
    "employee_id",
    "channel",
    "meeting_id",
    "date_received",
    "branch_id",
    "zone_id",
    "kind",
    "urgency",
    "difficulty",
    "objectivity",
    "feasibility",
    "importance",
    "route",
    "responsible_id",
    "supervisor_id",
    "project_id",
    "response_deadline",
    "date_deadline",
    "reply",
}


@compat.sql_constraints
class PartySuggestion(models.Model):
    """An item of the suggestion ledger (意见建议台账), from intake to a
    verified close the employee is satisfied with.

    This file holds what an item is and how it comes in (its fields, the
    intake of named and anonymous items); the model continues in
    party_suggestion_workflow.py (classify, work, verify, close, feedback),
    party_suggestion_deadlines.py (the clocks and the hourly deadline job)
    and party_suggestion_anonymity.py (the walls around an anonymous
    item). The four rates are computed once, by the SQL view of
    party.suggestion.report."""

    _name = "party.suggestion"
    _description = "Employee Suggestion"
    _inherit = [
        "party.workflow.seal.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.input.mixin",
    ] + compat.HR_MIXIN
    _order = "date_received desc, id desc"
    _mail_post_access = "read"
    _sealed_fields = WORKFLOW_FIELDS
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        tracking=True,
    )
    title = fields.Char(required=True, tracking=True)
    description = fields.Text()
    # Not tracked: making an item anonymous clears this field, and a tracking
    # message would show the name to every reader of the chatter.
    employee_id = fields.Many2one(
        "hr.employee",
        string="Submitter",
        index=True,
        help="Who raised the item; left empty for an anonymous item.",
    )
    submitter_id = fields.Many2one(
        "hr.employee",
        string="Real Submitter",
        compute="_compute_submitter_id",
        store=True,
        readonly=False,
        index=True,
        groups="party_points.group_party_manager",
        help="Who raised the item, also when anonymous: only the Party "
        "committee sees it.",
    )
    is_anonymous = fields.Boolean(string="Anonymous", tracking=True)
    channel = fields.Selection(
        CHANNELS, required=True, default="other", index=True, tracking=True
    )
    date_received = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, index=True
    )
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    zone_id = fields.Many2one(
        "party.zone",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    representative_id = fields.Many2one(
        "party.member",
        string="Recorded by Representative",
        index=True,
        check_company=True,
        help="The zone representative who brought the item in through the dual link.",
    )
    tag_ids = fields.Many2many(
        "party.suggestion.tag",
        "party_suggestion_tag_rel",
        "suggestion_id",
        "tag_id",
        string="Tags",
    )
    kind = fields.Selection(KINDS, index=True, tracking=True)
    urgency = fields.Selection(
        URGENCIES, required=True, default="normal", index=True, tracking=True
    )
    difficulty = fields.Selection(
        [("easy", "Easy"), ("hard", "Hard")], index=True, tracking=True
    )
    objectivity = fields.Selection(SCORES, help="Is the issue objective? 0 to 5.")
    feasibility = fields.Selection(SCORES, help="Can it be done? 0 to 5.")
    importance = fields.Selection(SCORES, help="How much does it matter? 0 to 5.")
    route = fields.Selection(
        ROUTES,
        index=True,
        tracking=True,
    )
    responsible_id = fields.Many2one(
        "hr.employee", index=True, tracking=True, check_company=True
    )
    supervisor_id = fields.Many2one(
        "hr.employee", index=True, tracking=True, check_company=True
    )
    project_id = fields.Many2one(
        "party.practical.project",
        string="Key Project",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    # computed by the clocks of party_suggestion_deadlines.py
    response_deadline = fields.Datetime(
        compute="_compute_response_deadline",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    date_deadline = fields.Date(
        string="Deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    date_first_response = fields.Datetime(
        string="First Response", readonly=True, copy=False
    )
    date_started = fields.Datetime(
        string="Started On",
        readonly=True,
        copy=False,
        help="When the work on the item began (an implementation item taken "
        "into progress, alone or with its key project).",
    )
    reply = fields.Text(tracking=True, copy=False)
    state = fields.Selection(
        STATES,
        required=True,
        default="new",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    close_type = fields.Selection(
        [("explained", "Explained"), ("implemented", "Implemented")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    verification_note = fields.Text(readonly=True, copy=False)
    verifier_ids = fields.Many2many(
        "hr.employee",
        "party_suggestion_verifier_rel",
        "suggestion_id",
        "employee_id",
        string="Verified By",
        readonly=True,
        copy=False,
    )
    date_verified = fields.Datetime(string="Verified On", readonly=True, copy=False)
    satisfaction = fields.Selection(
        SATISFACTIONS, readonly=True, copy=False, index=True, tracking=True
    )
    feedback_comment = fields.Text(readonly=True, copy=False)
    date_feedback = fields.Datetime(readonly=True, copy=False)
    reopen_count = fields.Integer(readonly=True, copy=False, tracking=True)
    is_supervised = fields.Boolean(
        string="Supervised", readonly=True, tracking=True, copy=False
    )
    cancel_reason = fields.Text(readonly=True, copy=False)
    points_entry_id = fields.Many2one(
        "party.points.entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups="party_points.group_party_officer",
        help="The serving-the-people points entry this item earned its "
        "responsible Party member.",
    )
    # what the rates count (party.suggestion.report)
    responded_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    closed_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        help="Set by the hourly deadline check, and when an item closes late.",
    )
    deadline_status = fields.Selection(
        [("on_time", "On Time"), ("overdue", "Overdue")],
        compute="_compute_deadline_status",
    )
    date_reminded = fields.Datetime(readonly=True, copy=False)
    date_escalated = fields.Datetime(readonly=True, copy=False)
    is_my_branch = fields.Boolean(
        compute="_compute_is_my_branch", search="_search_is_my_branch"
    )
    is_mine = fields.Boolean(compute="_compute_is_mine", search="_search_is_mine")
    company_id = fields.Many2one(
        related="branch_id.company_id", store=True, index=True, string="Company"
    )

    # The number comes from the sequence; whoever may write an item may also
    # write its number (it is readonly on the form only): the database holds
    # it unique within the company.
    _sql_constraints = [
        (
            "name_company_uniq",
            "unique (name, company_id)",
            "Another suggestion of this company already uses this number.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Suggestion recorded")

    @api.model
    def _group_expand_states(self, states, domain, order):
        return [key for key, _label in STATES]

    @api.depends("employee_id")
    def _compute_submitter_id(self):
        for item in self:
            item.submitter_id = item.employee_id or item.submitter_id

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for item in self:
            item.access_url = f"/my/suggestions/{item.id}"
        return result

    def _compute_is_my_branch(self):
        mine = self.search([("id", "in", self.ids), ("is_my_branch", "=", True)])
        for item in self:
            item.is_my_branch = item in mine

    def _search_is_my_branch(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on My Branches."))
        positive = (operator == "=") == value
        domain_operator = "in" if positive else "not in"
        return [("branch_id.access_user_ids", domain_operator, self.env.uid)]

    def _mine_domain(self):
        uid = self.env.uid
        return [
            "|",
            "|",
            ("submitter_id.user_id", "=", uid),
            ("responsible_id.user_id", "=", uid),
            ("supervisor_id.user_id", "=", uid),
        ]

    def _compute_is_mine(self):
        mine = self.sudo().filtered_domain(self._mine_domain())
        for item in self:
            item.is_mine = item in mine

    def _search_is_mine(self, operator, value):
        """Items raised by, worked or supervised by the current user; the
        submitter is looked up as superuser so that anonymous items stay
        findable by their own submitter without revealing the field."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on My Items."))
        ids = self.sudo().with_context(active_test=False)._search(self._mine_domain())
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    # ------------------------------------------------------------------
    # intake: create / write
    # ------------------------------------------------------------------
    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "employee_id" in fields_list and not values.get("employee_id"):
            values["employee_id"] = self.env.user.employee_id.id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code(
                    "party.suggestion"
                ) or _("New")
            self._prepare_zone_vals(vals)
        anonymous = [vals for vals in vals_list if vals.get("is_anonymous")]
        for vals in anonymous:
            self._move_submitter(vals)
        if not anonymous or self.env["party.branch"]._is_party_committee():
            return super().create(vals_list)
        # Others create anonymous items as superuser, since only the committee
        # may write the real submitter; their right to create them is still
        # checked, by access rights first and record rules afterwards.
        compat.check_access(self.browse(), "create")
        named = [vals for vals in vals_list if not vals.get("is_anonymous")]
        records = super().create(named) if named else self.browse()
        hidden = (
            super(PartySuggestion, self.with_user(SUPERUSER_ID))
            .create(anonymous)
            .with_env(self.env)
        )
        compat.check_access(hidden, "create")
        return records | hidden

    def _move_submitter(self, vals):
        """An anonymous item keeps its submitter only in ``submitter_id``."""
        vals["submitter_id"] = (
            vals.pop("employee_id", False)
            or vals.get("submitter_id")
            or self.env.user.employee_id.id
        )
        vals["employee_id"] = False

    def _prepare_zone_vals(self, vals):
        """Items that came through the dual link keep their zone and its
        representative; the branch follows the zone."""
        if not vals.get("zone_id"):
            return
        zone = self.env["party.zone"].sudo().browse(vals["zone_id"])
        vals.setdefault("branch_id", zone.branch_id.id)
        if vals.get("channel", "dual_link") == "dual_link":
            vals.setdefault("representative_id", zone.representative_id.id)

    def write(self, vals):
        # an item moves only into a branch the user works (the record rules
        # check the branch it leaves, not the one it goes to)
        if vals.get("branch_id") and any(
            item.branch_id.id != vals["branch_id"] for item in self.sudo()
        ):
            self.env["party.branch"].browse(vals["branch_id"])._check_user_works_here()
        locked = LOCKED_WHEN_CLOSED.intersection(vals)
        if locked and not self.env.su:
            closed = self.filtered(lambda item: item.state in ("done", "cancelled"))
            if closed:
                raise UserError(
                    _(
                        "Item %(item)s is closed: its record cannot be changed. "
                        "If the employee is not satisfied, their feedback "
                        "reopens it.",
                        item=closed[0].name,
                    )
                )
        if "is_anonymous" not in vals:
            if vals.get("employee_id") and any(self.mapped("is_anonymous")):
                raise UserError(
                    _("An anonymous item cannot be given a named submitter.")
                )
            return super().write(vals)
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee can change whether an item is anonymous.")
        )
        for item in self:
            item_vals = dict(vals)
            if vals["is_anonymous"]:
                item_vals["submitter_id"] = (item.submitter_id or item.employee_id).id
                item_vals["employee_id"] = False
            else:
                item_vals["employee_id"] = item.submitter_id.id
            super(PartySuggestion, item).write(item_vals)
        return True

    @api.constrains("zone_id", "branch_id")
    def _check_zone_branch(self):
        for item in self.sudo():
            if item.zone_id and item.zone_id.branch_id != item.branch_id:
                raise ValidationError(
                    _(
                        "Zone %(zone)s belongs to %(branch)s, not to the item's "
                        "branch.",
                        zone=item.zone_id.name,
                        branch=item.zone_id.branch_id.display_name,
                    )
                )
