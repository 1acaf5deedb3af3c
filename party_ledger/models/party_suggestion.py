from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.party_points import compat

from ..lib import ledger_rules

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
    "title",
    "description",
    "employee_id",
    "channel",
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


class PartySuggestion(models.Model):
    """An item of the suggestion ledger (意见建议台账), from intake to a
    verified close the employee is satisfied with."""

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
        string="Number", required=True, readonly=True, copy=False, default="/"
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
        [("workshop_task", "Workshop Task"), ("key_project", "Key Project")],
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

    @api.depends("date_received", "urgency", "company_id")
    def _compute_response_deadline(self):
        for item in self:
            company = item.company_id or self.env.company
            item.response_deadline = item.date_received and (
                ledger_rules.response_deadline(
                    item.date_received, item.urgency, company._party_response_hours()
                )
            )

    @api.depends("date_received", "kind", "urgency", "company_id")
    def _compute_date_deadline(self):
        for item in self:
            company = item.company_id or self.env.company
            item.date_deadline = (
                item.date_received
                and item.kind
                and ledger_rules.completion_deadline(
                    item.date_received,
                    item.kind,
                    item.urgency,
                    company._party_completion_days(),
                    company.party_explanation_days,
                )
            )

    @api.depends(
        "date_first_response", "response_deadline", "date_closed", "date_deadline"
    )
    def _compute_on_time(self):
        for item in self:
            item.responded_on_time = bool(
                item.date_first_response
                and not ledger_rules.is_late(
                    item.response_deadline, item.date_first_response
                )
            )
            item.closed_on_time = bool(
                item.date_closed
                and not ledger_rules.is_late(item.date_deadline, item.date_closed)
            )

    @api.depends("is_overdue")
    def _compute_deadline_status(self):
        for item in self:
            item.deadline_status = "overdue" if item.is_overdue else "on_time"

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
    # create / write
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
        if not anonymous or self.env.su or self._is_committee():
            return super().create(vals_list)
        # Others create anonymous items as superuser, since only the committee
        # may write the real submitter; their right to create them is still
        # checked, by access rights first and record rules afterwards.
        self.check_access_rights("create")
        named = [vals for vals in vals_list if not vals.get("is_anonymous")]
        records = super().create(named) if named else self.browse()
        hidden = (
            super(PartySuggestion, self.with_user(SUPERUSER_ID))
            .create(anonymous)
            .with_env(self.env)
        )
        hidden.check_access_rule("create")
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
        if not (self.env.su or self._is_committee()):
            raise AccessError(
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

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _is_committee(self):
        return self.env.user.has_group("party_points.group_party_manager")

    def _seal_refusal(self, fnames, creating=False):
        if creating:
            return _(
                "A new item starts as new: it is classified, worked, verified, "
                "closed and rated with the buttons of the item."
            )
        return _(
            "The state, verification, closing, feedback and supervision of an "
            "item change only through its buttons."
        )

    def _check_state(self, allowed, message):
        """Raise ``message`` (a whole sentence with ``%(item)s`` and
        ``%(state)s``, already translated by the caller with ``_()`` on its
        literal) unless every item is in one of the ``allowed`` states."""
        wrong = self.filtered(lambda item: item.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                message % {"item": wrong[0].name, "state": states[wrong[0].state]}
            )

    def _check_officer(self):
        """Classifying and closing are for the officers of the item's branch
        (or the committee)."""
        self.branch_id._check_user_works_here()

    def _mark_responded(self, when=None):
        self.filtered(lambda item: not item.date_first_response)._workflow_write(
            {"date_first_response": when or fields.Datetime.now()}, sudo=False
        )

    def _follow_supervisors(self):
        for item in self.filtered("supervisor_id.user_id"):
            item.message_subscribe(
                partner_ids=item.supervisor_id.user_id.partner_id.ids
            )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_classify(self):
        """Classify new items: explanation items wait for their reply,
        implementation items need urgency, difficulty, the assessment and a
        route (a workshop task with a responsible person and a deadline, or a
        key project)."""
        self._check_state(
            ("new",), _("Item %(item)s cannot be classified while it is %(state)s.")
        )
        self._check_officer()
        for item in self:
            if not item.kind:
                raise UserError(
                    _(
                        "Item %(item)s: choose whether it needs an explanation "
                        "or work done.",
                        item=item.name,
                    )
                )
            if item.kind == "implementation":
                item._check_implementation_ready()
        for item in self.filtered(lambda item: item.route == "key_project"):
            item.write(item._key_project_vals())
        self._workflow_write({"state": "classified"}, sudo=False)
        self._follow_supervisors()
        return True

    def _key_project_vals(self):
        """An item on the key project list takes the project's deadline, and
        its responsible person and supervisor unless it names its own."""
        project = self.project_id
        vals = {
            "responsible_id": (self.responsible_id or project.responsible_id).id,
            "supervisor_id": (self.supervisor_id or project.supervisor_id).id,
        }
        if project.date_deadline:
            vals["date_deadline"] = project.date_deadline
        return vals

    def _check_implementation_ready(self):
        self.ensure_one()
        missing = [
            label
            for field, label in (
                ("difficulty", _("difficulty")),
                ("objectivity", _("objectivity")),
                ("feasibility", _("feasibility")),
                ("importance", _("importance")),
                ("route", _("route")),
            )
            if not self[field]
        ]
        if missing:
            raise UserError(
                _(
                    "Item %(item)s still needs its assessment: %(missing)s.",
                    item=self.name,
                    missing=", ".join(missing),
                )
            )
        if self.route == "workshop_task" and not (
            self.responsible_id and self.date_deadline
        ):
            raise UserError(
                _(
                    "Workshop task %(item)s needs a responsible person and a deadline.",
                    item=self.name,
                )
            )
        if self.route == "key_project" and not self.project_id:
            raise UserError(
                _(
                    "Item %(item)s goes on the key project list: choose or create "
                    "its key project.",
                    item=self.name,
                )
            )

    @api.onchange("difficulty")
    def _onchange_difficulty(self):
        if self.kind == "implementation" and self.difficulty and not self.route:
            self.route = "workshop_task" if self.difficulty == "easy" else "key_project"

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id:
            self.responsible_id = self.project_id.responsible_id
            self.supervisor_id = self.project_id.supervisor_id
            self.date_deadline = self.project_id.date_deadline

    def action_start(self):
        self._check_state(
            ("classified",),
            _("Item %(item)s cannot be started while it is %(state)s."),
        )
        self._check_officer()
        if self.filtered(lambda item: item.kind != "implementation"):
            raise UserError(
                _("Explanation items are answered with a reply, not worked on.")
            )
        self._workflow_write({"state": "in_progress"}, sudo=False)
        self._mark_responded()
        return True

    def action_reply(self, reply, close=False):
        """Answer the submitter; with ``close`` an explanation item closes
        as explained."""
        self._check_state(
            OPEN_STATES, _("Item %(item)s cannot be answered while it is %(state)s.")
        )
        self._check_officer()
        if not reply:
            raise UserError(_("Write the reply to the employee."))
        self.write({"reply": reply})
        self._mark_responded()
        for item in self:
            item.message_post(body=_("Reply: %(reply)s", reply=reply))
        if close:
            self.action_close()
        return True

    def action_submit_verification(self):
        self._check_state(
            ("in_progress",),
            _("Item %(item)s cannot be sent to verification while it is %(state)s."),
        )
        self._workflow_write({"state": "verifying"}, sudo=False)
        return True

    def action_verify(self, note, verifier_ids=None):
        """Record the employee representatives' verification (who, when,
        what they found) and close the items as implemented. Without
        ``verifier_ids`` the zone's representative verifies."""
        self._check_state(
            ("verifying",),
            _("Item %(item)s cannot be verified while it is %(state)s."),
        )
        self._check_officer()
        if not note:
            raise UserError(_("Write down what the representatives found."))
        now = fields.Datetime.now()
        for item in self:
            verifiers = self.env["hr.employee"].browse(verifier_ids or [])
            if not verifiers:
                verifiers = item.sudo().zone_id.representative_id.employee_id
            if not verifiers:
                raise UserError(
                    _(
                        "Name the employee representatives who verified item %(item)s.",
                        item=item.name,
                    )
                )
            item._workflow_write(
                {
                    "verification_note": note,
                    "verifier_ids": [fields.Command.set(verifiers.ids)],
                    "date_verified": now,
                },
                sudo=False,
            )
            item.message_post(
                body=_(
                    "Verified by %(verifiers)s: %(note)s",
                    verifiers=", ".join(verifiers.mapped("name")),
                    note=note,
                )
            )
        return self.action_close()

    def action_close(self):
        """Close items: an explanation item once answered, an implementation
        item once verified."""
        self._check_state(
            OPEN_STATES, _("Item %(item)s cannot be closed while it is %(state)s.")
        )
        self._check_officer()
        now = fields.Datetime.now()
        for item in self:
            if item.kind == "explanation":
                if not item.reply:
                    raise UserError(
                        _(
                            "Item %(item)s needs a reply before it is closed as "
                            "explained.",
                            item=item.name,
                        )
                    )
                close_type = "explained"
            elif item.kind == "implementation":
                if item.state != "verifying" or not item.date_verified:
                    raise UserError(
                        _(
                            "Item %(item)s must be verified by employee "
                            "representatives before it is closed.",
                            item=item.name,
                        )
                    )
                close_type = "implemented"
            else:
                raise UserError(
                    _("Item %(item)s must be classified first.", item=item.name)
                )
            item._workflow_write(
                {
                    "state": "done",
                    "close_type": close_type,
                    "date_closed": now,
                    "is_overdue": ledger_rules.is_late(item.date_deadline, now),
                },
                sudo=False,
            )
        self._mark_responded(now)
        self.activity_unlink(
            [
                "party_ledger.mail_activity_type_deadline_reminder",
                "party_ledger.mail_activity_type_overdue",
            ]
        )
        return True

    def action_feedback(self, satisfaction, comment=None):
        """The submitter's judgement of a closed item. ``unsatisfied``
        reopens it in progress under supervision; satisfied-or-better
        feedback runs :meth:`_on_satisfied_feedback` once."""
        if satisfaction not in dict(SATISFACTIONS):
            raise UserError(_("Choose how satisfied the employee is."))
        self._check_state(
            ("done",), _("Item %(item)s cannot be rated while it is %(state)s.")
        )
        for item in self:
            item._check_feedback_allowed()
            if item.satisfaction and item.satisfaction != "unsatisfied":
                raise UserError(
                    _("Item %(item)s has already been rated.", item=item.name)
                )
        # Anonymous items are rated by the system: the feedback, its tracking
        # and a reopening would otherwise name the submitter in the chatter.
        anonymous = self.filtered("is_anonymous")
        anonymous.with_user(SUPERUSER_ID)._feedback(satisfaction, comment)
        (self - anonymous).sudo()._feedback(satisfaction, comment)
        return True

    def _feedback(self, satisfaction, comment):
        self._workflow_write(
            {
                "satisfaction": satisfaction,
                "feedback_comment": comment,
                "date_feedback": fields.Datetime.now(),
            },
            sudo=False,
        )
        for item in self:
            item.message_post(
                body=_(
                    "Feedback: %(satisfaction)s. %(comment)s",
                    satisfaction=dict(
                        self._fields["satisfaction"]._description_selection(self.env)
                    )[satisfaction],
                    comment=comment or "",
                )
            )
        if satisfaction == "unsatisfied":
            self._reopen()
        elif satisfaction in ledger_rules.SATISFIED:
            self._on_satisfied_feedback()

    def _check_feedback_allowed(self):
        """The submitter gives the feedback; officers of the branch and the
        committee may record it on their behalf."""
        self.ensure_one()
        if self.env.su or self._is_committee():
            return
        if self.sudo().submitter_id.user_id == self.env.user:
            return
        self._check_officer()

    def _reopen(self):
        for item in self:
            item._workflow_write(
                {
                    "state": "in_progress",
                    "reopen_count": item.reopen_count + 1,
                    "is_supervised": True,
                    "close_type": False,
                    "date_closed": False,
                    "date_verified": False,
                },
                sudo=False,
            )
            item.message_post(
                body=_(
                    "Reopened: the employee is not satisfied. Reopened %(count)s "
                    "time(s); the item is now supervised.",
                    count=item.reopen_count,
                )
            )
            supervisor = (
                item.supervisor_id.user_id or item.branch_id.secretary_id.user_id
            )
            if supervisor:
                item.message_subscribe(partner_ids=supervisor.partner_id.ids)
                item.activity_schedule(
                    "party_ledger.mail_activity_type_overdue",
                    user_id=supervisor.id,
                    summary=item.with_context(lang=supervisor.lang)._deadline_summary(
                        "reopened"
                    ),
                )

    def _on_satisfied_feedback(self):
        """Give the responsible Party member of each item a submitted entry on
        the serving-the-people rule of the rule book in force today, once per
        item. Items whose responsible person is no active member earn
        nothing; where no open period or no such rule applies, the item says
        so in its chatter."""
        items = self.sudo().filtered(
            lambda item: item.responsible_id and not item.points_entry_id
        )
        if not items:
            return True
        members = (
            self.env["party.member"]
            .sudo()
            .search([("employee_id", "in", items.responsible_id.ids)])
        )
        member_of = {member.employee_id.id: member for member in members}
        today = fields.Date.context_today(self)
        items = items.filtered(lambda item: item.responsible_id.id in member_of)
        periods = self.env["party.points.period"]._for_dates(
            [(today, member_of[item.responsible_id.id].branch_id.id) for item in items]
        )
        vals_list, earning = [], self.browse()
        for item in items:
            member = member_of[item.responsible_id.id]
            period = periods.get((today, member.branch_id.id))
            rule = period and period.ruleset_id.serving_rule_id
            if not period or period.state != "open" or not rule:
                item.message_post(
                    body=_(
                        "No serving-the-people points for %(member)s: no open "
                        "points period with such a rule covers %(date)s.",
                        member=member.display_name,
                        date=today,
                    )
                )
                continue
            vals_list.append(
                {
                    "member_id": member.id,
                    "rule_id": rule.id,
                    "date": today,
                    "origin": "ledger",
                    "state": "submitted",
                    "description": item.with_context(
                        lang=member.user_id.lang or self.env.lang
                    )._serving_description(),
                }
            )
            earning |= item
        entries = self.env["party.points.entry"]._workflow_env().create(vals_list)
        for item, entry in zip(earning, entries, strict=True):
            item._workflow_write({"points_entry_id": entry.id})
        return True

    def _serving_description(self):
        """What the serving-the-people entry says, in the context's language
        (the member's)."""
        return _(
            "Suggestion %(name)s closed with satisfied feedback: %(title)s",
            name=self.name,
            title=self.title,
        )

    def action_cancel(self, reason):
        self._check_state(
            OPEN_STATES, _("Item %(item)s cannot be cancelled while it is %(state)s.")
        )
        self._check_officer()
        if not reason:
            raise UserError(_("Give the reason for cancelling."))
        self._workflow_write(
            {"state": "cancelled", "cancel_reason": reason}, sudo=False
        )
        for item in self:
            item.message_post(body=_("Cancelled: %(reason)s", reason=reason))
        return True

    def action_supervise(self):
        """Put items under supervision: their supervisor follows them and
        the closing is watched (officers of the branch, the committee)."""
        self._check_officer()
        self._workflow_write({"is_supervised": True}, sudo=False)
        self._follow_supervisors()
        return True

    def action_open_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_suggestion_wizard_action"
        )
        verifiers = self.sudo().zone_id.representative_id.employee_id
        action["context"] = {
            "default_suggestion_id": self.id,
            "default_mode": self.env.context.get("wizard_mode"),
            "default_verifier_ids": verifiers.ids,
        }
        return action

    # ------------------------------------------------------------------
    # deadline job
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_deadlines(self, now=None):
        """Hourly: remind the responsible person before a deadline, flag
        overdue items and escalate them once to the supervisor and the branch
        officers (activities)."""
        now = now or fields.Datetime.now()
        [(window,)] = (
            self.env["res.company"]
            .sudo()
            ._read_group([], [], ["party_reminder_hours:max"])
        )
        window = window or ledger_rules.DEFAULT_REMINDER_HOURS
        items = self.search(
            [
                ("state", "in", OPEN_STATES),
                "|",
                "|",
                ("is_overdue", "=", True),
                ("date_deadline", "<=", (now + timedelta(hours=window)).date()),
                "&",
                ("date_first_response", "=", False),
                ("response_deadline", "<", now),
            ]
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        reminder_type = self.env.ref(
            "party_ledger.mail_activity_type_deadline_reminder"
        )
        overdue_type = self.env.ref("party_ledger.mail_activity_type_overdue")
        late = items.filtered(
            lambda item: (
                ledger_rules.is_late(item.date_deadline, now=now)
                or (
                    not item.date_first_response
                    and ledger_rules.is_late(item.response_deadline, now=now)
                )
            )
        )
        to_escalate = late.filtered(lambda item: not item.date_escalated)
        to_remind = (items - late).filtered(
            lambda item: (
                not item.date_reminded
                and item.responsible_id.user_id
                and ledger_rules.reminder_due(
                    item.date_deadline, now, item.company_id.party_reminder_hours
                )
            )
        )
        activities = [
            {
                "res_model_id": model_id,
                "res_id": item.id,
                "activity_type_id": overdue_type.id,
                "automated": True,
                "user_id": user.id,
                "summary": item.with_context(lang=user.lang)._deadline_summary(
                    "overdue"
                ),
                "date_deadline": now.date(),
            }
            for item in to_escalate
            for user in item.supervisor_id.user_id | item.branch_id.officer_user_ids
        ] + [
            {
                "res_model_id": model_id,
                "res_id": item.id,
                "activity_type_id": reminder_type.id,
                "automated": True,
                "user_id": item.responsible_id.user_id.id,
                "summary": item.with_context(
                    lang=item.responsible_id.user_id.lang
                )._deadline_summary("reminder"),
                "date_deadline": item.date_deadline,
            }
            for item in to_remind
        ]
        (items.filtered("is_overdue") - late)._workflow_write({"is_overdue": False})
        (late - to_escalate).filtered(lambda item: not item.is_overdue)._workflow_write(
            {"is_overdue": True}
        )
        to_escalate._workflow_write({"is_overdue": True, "date_escalated": now})
        to_remind._workflow_write({"date_reminded": now})
        self.env["mail.activity"].create(activities)
        return True

    def _deadline_summary(self, kind):
        """The summary of an activity the ledger gives a user, in the
        language of the context (the assigned user's)."""
        if kind == "overdue":
            return _("Overdue: %(item)s", item=self.name)
        if kind == "reminder":
            return _("Deadline near: %(item)s", item=self.name)
        return _("Employee unsatisfied: supervise the reopened item")
