from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.party_points import compat

from ..lib import ledger_rules

PROJECT_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("verifying", "Verifying"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# Written only by the workflow methods.
WORKFLOW_FIELDS = frozenset(
    {"state", "verification_note", "verifier_ids", "date_verified", "cancel_reason"}
)


class PartyPracticalProject(models.Model):
    """A key project of the "practical matters for the people" campaign
    (办实事重点项目): the items that are not easy, worked with measures, a
    responsible person, a supervisor, a deadline and a monthly breakdown."""

    _name = "party.practical.project"
    _description = "Practical Matters Key Project"
    _inherit = [
        "party.workflow.seal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.input.mixin",
    ] + compat.HR_MIXIN
    _order = "date_deadline, id"
    _sealed_fields = WORKFLOW_FIELDS
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env["party.branch"]._default_for_user(),
        domain=[("can_work", "=", True)],
    )
    suggestion_ids = fields.One2many(
        "party.suggestion", "project_id", string="Suggestions"
    )
    suggestion_count = fields.Integer(compute="_compute_suggestion_count")
    measures = fields.Text(help="What will be done, step by step.")
    responsible_id = fields.Many2one(
        "hr.employee", index=True, tracking=True, check_company=True
    )
    supervisor_id = fields.Many2one(
        "hr.employee", index=True, tracking=True, check_company=True
    )
    date_deadline = fields.Date(string="Deadline", index=True, tracking=True)
    representative_ids = fields.Many2many(
        "hr.employee",
        "party_practical_project_representative_rel",
        "project_id",
        "employee_id",
        string="Employee Representatives",
        help="Employee representatives taking part from measures to verification.",
    )
    milestone_ids = fields.One2many(
        "party.practical.milestone", "project_id", string="Monthly Tasks"
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        **compat.aggregator("avg"),
        help="Share of the monthly tasks done, in percent.",
    )
    state = fields.Selection(
        PROJECT_STATES,
        required=True,
        default="planned",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    verification_note = fields.Text(readonly=True, copy=False, tracking=True)
    verifier_ids = fields.Many2many(
        "hr.employee",
        "party_practical_project_verifier_rel",
        "project_id",
        "employee_id",
        string="Verified By",
        readonly=True,
        copy=False,
    )
    date_verified = fields.Datetime(string="Verified On", copy=False, readonly=True)
    cancel_reason = fields.Text(readonly=True, copy=False)
    company_id = fields.Many2one(
        related="branch_id.company_id", store=True, index=True, string="Company"
    )

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Key project created")

    @api.depends("milestone_ids.done")
    def _compute_progress(self):
        for project in self:
            milestones = project.milestone_ids
            done = len(milestones.filtered("done"))
            project.progress = 100.0 * done / len(milestones) if milestones else 0.0

    def _compute_suggestion_count(self):
        counts = dict(
            self.env["party.suggestion"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.suggestion_count = counts.get(project, 0)

    @api.model_create_multi
    def create(self, vals_list):
        branch_ids = {vals["branch_id"] for vals in vals_list if vals.get("branch_id")}
        self.env["party.branch"].browse(branch_ids)._check_user_works_here()
        return super().create(vals_list)

    def write(self, vals):
        if "branch_id" in vals and not self._is_workflow():
            moved = self.filtered(
                lambda project: project.branch_id.id != vals["branch_id"]
            )
            if moved.sudo().suggestion_ids:
                raise UserError(
                    _(
                        "Key project %(project)s already holds suggestions: it "
                        "stays in its branch.",
                        project=moved.sudo().suggestion_ids[:1].project_id.name,
                    )
                )
            self.env["party.branch"].browse(vals["branch_id"])._check_user_works_here()
        return super().write(vals)

    def _seal_refusal(self, fnames, creating=False):
        if creating:
            return _(
                "A new key project starts as planned: it is started, verified "
                "and cancelled with the buttons of the project."
            )
        return _(
            "The state, verification and cancellation of a key project change "
            "only through its buttons."
        )

    def _check_state(self, allowed, message):
        """Raise ``message`` (a whole sentence with ``%(project)s``, already
        translated by the caller) unless every project is in one of the
        ``allowed`` states."""
        wrong = self.filtered(lambda project: project.state not in allowed)
        if wrong:
            raise UserError(message % {"project": wrong[0].name})

    def action_start(self):
        self._check_state(
            ("planned",),
            _("Project %(project)s cannot be started in its current state."),
        )
        missing = self.filtered(
            lambda project: (
                not (
                    project.responsible_id
                    and project.date_deadline
                    and project.measures
                )
            )
        )
        if missing:
            raise UserError(
                _(
                    "Project %(project)s needs measures, a responsible person and "
                    "a deadline before work starts.",
                    project=missing[0].name,
                )
            )
        self._workflow_write({"state": "in_progress"}, sudo=False)
        self.suggestion_ids.filtered(lambda s: s.state == "classified").action_start()
        return True

    def action_submit_verification(self):
        self._check_state(
            ("in_progress",),
            _(
                "Project %(project)s cannot be sent to verification in its "
                "current state."
            ),
        )
        self._workflow_write({"state": "verifying"}, sudo=False)
        return True

    def action_verify(self, note, verifier_ids=None):
        """Record the employee representatives' verification and close the
        project together with its open suggestions. Without ``verifier_ids``
        the project's employee representatives verify; named verifiers must
        all be employee representatives."""
        self._check_state(
            ("verifying",),
            _("Project %(project)s cannot be verified in its current state."),
        )
        if not note:
            raise UserError(_("Write down what the representatives found."))
        named = self.env["hr.employee"].browse(verifier_ids or [])
        for project in self:
            verifiers = named or project._default_verifiers()
            if not verifiers:
                raise UserError(
                    _(
                        "Name the employee representatives who verified "
                        "project %(project)s.",
                        project=project.name,
                    )
                )
            verifiers._check_party_verifiers(project.name)
            project._workflow_write(
                {
                    "state": "done",
                    "verification_note": note,
                    "verifier_ids": [fields.Command.set(verifiers.ids)],
                    "date_verified": fields.Datetime.now(),
                },
                sudo=False,
            )
            suggestions = project.suggestion_ids.filtered(
                lambda s: s.state in ("classified", "in_progress", "verifying")
            )
            suggestions.filtered(lambda s: s.state == "classified").action_start()
            suggestions.filtered(
                lambda s: s.state == "in_progress"
            ).action_submit_verification()
            suggestions.action_verify(note, verifier_ids=verifiers.ids)
        return True

    def _default_verifiers(self):
        """The project's representatives who are employee representatives
        (职工代表)."""
        self.ensure_one()
        return (
            self.sudo()
            .representative_ids.filtered("party_staff_representative")
            .with_env(self.env)
        )

    def action_cancel(self, reason):
        self._check_state(
            ("planned", "in_progress", "verifying"),
            _("Project %(project)s cannot be cancelled in its current state."),
        )
        if not reason:
            raise UserError(_("Give the reason for cancelling."))
        self._workflow_write(
            {"state": "cancelled", "cancel_reason": reason}, sudo=False
        )
        for project in self:
            project.message_post(body=_("Cancelled: %(reason)s", reason=reason))
        return True

    def action_open_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_suggestion_wizard_action"
        )
        action["context"] = {
            "default_project_id": self.id,
            "default_mode": self.env.context.get("wizard_mode"),
            "default_verifier_ids": self._default_verifiers().ids,
        }
        return action

    def action_view_suggestions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_suggestion_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action


@compat.sql_constraints
class PartyPracticalMilestone(models.Model):
    """One month's share of a key project (the monthly task breakdown)."""

    _name = "party.practical.milestone"
    _inherit = ["party.input.mixin"]
    _description = "Key Project Monthly Task"
    _order = "project_id, month, id"
    _check_company_auto = True

    project_id = fields.Many2one(
        "party.practical.project",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    month = fields.Date(
        required=True,
        help="The month of the task; stored as the first day of the month.",
    )
    task = fields.Char(required=True)
    done = fields.Boolean()
    note = fields.Text()

    _sql_constraints = [
        (
            "project_month_uniq",
            "unique (project_id, month)",
            "A key project has one task per month.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # before the month is cut to its first day
            self._party_check_values(vals)
            if vals.get("month"):
                vals["month"] = ledger_rules.first_of_month(
                    fields.Date.to_date(vals["month"])
                )
        return super().create(vals_list)

    def write(self, vals):
        self._party_check_values(vals)
        if vals.get("month"):
            vals["month"] = ledger_rules.first_of_month(
                fields.Date.to_date(vals["month"])
            )
        return super().write(vals)
