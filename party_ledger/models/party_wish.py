from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.party_points import compat

from ..lib import ledger_rules
from .party_suggestion import SATISFACTIONS

WISH_STATES = [
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("claimed", "Claimed"),
    ("fulfilled", "Fulfilled"),
    ("declined", "Declined"),
    ("converted", "Turned into a Suggestion"),
]
# Written only by the workflow methods: the state, the review, the claim
# and what decides the claimant's points.
WISH_WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "decline_reason",
        "suggestion_id",
        "claimant_id",
        "claimant_group_id",
        "date_claimed",
        "date_due",
        "date_fulfilled",
        "satisfaction",
        "feedback_comment",
        "points_entry_id",
    }
)


class PartyWish(models.Model):
    """A small wish (微心愿) an employee raises in a wish campaign. The
    branch accepts it (published to the branch's members), declines it with
    a reason or turns it into a suggestion of the ledger; a member claims an
    accepted wish, reports progress and, once the employee confirms it
    fulfilled and is satisfied, earns the points of the rule book's wish
    rule.

    Where the campaign publishes without names, nothing a member reads
    names the employee: the wisher is an officers' field, the log columns
    and the chatter carry the system's name for the employee's own steps
    (which run as the superuser once checked), and the employee follows
    nothing."""

    _name = "party.wish"
    _description = "Employee Wish"
    _inherit = [
        "party.workflow.seal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.input.mixin",
    ] + compat.HR_MIXIN
    _order = "id desc"
    _sealed_fields = WISH_WORKFLOW_FIELDS
    _check_company_auto = True

    name = fields.Char(string="Wish", required=True, tracking=True)
    description = fields.Text()
    campaign_id = fields.Many2one(
        "party.wish.campaign",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    branch_id = fields.Many2one(
        "party.branch", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, index=True, string="Company"
    )
    is_anonymous = fields.Boolean(
        related="campaign_id.is_anonymous", string="Published Without Name"
    )
    wisher_id = fields.Many2one(
        "hr.employee",
        string="Raised By",
        required=True,
        index=True,
        check_company=True,
        groups="party_points.group_party_officer",
        help="The employee whose wish it is: only officers see it.",
    )
    wisher_name = fields.Char(
        string="Wisher",
        compute="_compute_wisher_name",
        help="The employee's name, or Anonymous where the campaign publishes "
        "wishes without names.",
    )
    is_mine = fields.Boolean(compute="_compute_is_mine", search="_search_is_mine")
    state = fields.Selection(
        WISH_STATES,
        required=True,
        default="submitted",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    decline_reason = fields.Text(readonly=True, copy=False)
    suggestion_id = fields.Many2one(
        "party.suggestion",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="party_points.group_party_officer",
    )
    claimant_id = fields.Many2one(
        "party.member",
        string="Claimed By",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    claimant_group_id = fields.Many2one(
        "party.group",
        string="Claimed by Party Group",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The Party group that claimed the wish together, its leader "
        "claiming for it (the claimant above, who answers for the wish and "
        "earns its points once).",
    )
    claimant_name = fields.Char(
        string="Claimant",
        compute="_compute_claimant_name",
        help="The claimant's name, for employees who do not read Party "
        "records (the wisher).",
    )
    date_claimed = fields.Date(string="Claimed On", readonly=True, copy=False)
    date_due = fields.Date(
        string="Fulfil By",
        readonly=True,
        copy=False,
        index=True,
        help="After this day an unfulfilled wish goes back to the list.",
    )
    date_fulfilled = fields.Date(string="Fulfilled On", readonly=True, copy=False)
    satisfaction = fields.Selection(
        SATISFACTIONS, readonly=True, copy=False, tracking=True
    )
    feedback_comment = fields.Text(readonly=True, copy=False)
    points_entry_id = fields.Many2one(
        "party.points.entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups="party_points.group_party_officer",
        help="The points entry this wish earned its claimant.",
    )

    def _seal_refusal(self, fnames, creating=False):
        return _("A wish is reviewed, claimed and confirmed only through its buttons.")

    @api.model
    def _group_expand_states(self, states, domain, order=None):
        """The kanban's columns: the way of a wish, declined ones aside."""
        return ["submitted", "accepted", "claimed", "fulfilled"]

    # ------------------------------------------------------------------
    # who raised it
    # ------------------------------------------------------------------
    def _wisher(self):
        return self.sudo().wisher_id

    @api.depends_context("uid")
    @api.depends("campaign_id.is_anonymous")
    def _compute_wisher_name(self):
        officer = self.env.user.has_group("party_points.group_party_officer")
        for wish in self:
            wish.wisher_name = (
                wish._wisher().name
                if officer or not wish.is_anonymous
                else _("Anonymous")
            )

    @api.depends("claimant_id", "claimant_group_id")
    def _compute_claimant_name(self):
        for wish in self:
            claimant = wish.sudo()
            wish.claimant_name = (
                _(
                    "%(group)s (%(leader)s)",
                    group=claimant.claimant_group_id.name,
                    leader=claimant.claimant_id.name,
                )
                if claimant.claimant_group_id
                else claimant.claimant_id.name
            )

    @api.depends_context("uid")
    def _compute_is_mine(self):
        employee = self.env.user._party_employee()
        for wish in self:
            wish.is_mine = bool(employee) and wish._wisher() == employee

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search My Wishes with yes or no."))
        employee = self.env.user._party_employee()
        mine = self.sudo()._search([("wisher_id", "=", employee.id)])
        if (operator == "=") == value:
            return [("id", "in", mine)]
        return [("id", "not in", mine)]

    # ------------------------------------------------------------------
    # intake
    # ------------------------------------------------------------------
    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        employee = self.env.user._party_employee()
        if "wisher_id" in fields_list and not values.get("wisher_id") and employee:
            values["wisher_id"] = employee.id
        if "branch_id" in fields_list and not values.get("branch_id"):
            values["branch_id"] = self.env.user._party_member().branch_id.id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        """Employees raise their own wishes, officers record wishes for the
        employees of their branches, while the campaign takes wishes. An
        employee's own wish is written by the system, so that neither the
        log columns nor the followers name them."""
        compat.check_access(self, "create")
        employee = self.env.user._party_employee()
        own = []
        for vals in vals_list:
            vals.setdefault("wisher_id", employee.id)
            if not vals.get("wisher_id"):
                raise UserError(_("Say whose wish it is."))
            campaign = self.env["party.wish.campaign"].browse(vals.get("campaign_id"))
            wisher = self.env["hr.employee"].sudo().browse(vals["wisher_id"])
            if not campaign.exists() or not wisher.exists():
                raise UserError(_("Choose the wish campaign and the employee."))
            campaign.sudo()._check_open_to(wisher)
            branch = self.env["party.branch"].browse(vals.get("branch_id"))
            if wisher != employee:
                branch._check_user_works_here()
            own.append(wisher == employee)
        if not self.env.su and any(own):
            wishes = super(
                PartyWish,
                self.with_user(SUPERUSER_ID).with_context(mail_create_nosubscribe=True),
            ).create(vals_list)
            wishes = wishes.with_env(self.env)
        else:
            wishes = super().create(vals_list)
        wishes.filtered(lambda wish: not wish.is_anonymous)._follow_wishers()
        return wishes

    def _follow_wishers(self):
        for wish in self:
            partner = wish._wisher().user_id.partner_id
            if partner:
                wish.sudo().message_subscribe(partner_ids=partner.ids)

    @api.constrains("branch_id", "campaign_id")
    def _check_branch(self):
        for wish in self.sudo():
            if wish.branch_id not in wish.campaign_id.branch_ids:
                raise ValidationError(
                    _(
                        "Branch %(branch)s does not take part in wish campaign "
                        "%(campaign)s.",
                        branch=wish.branch_id.name,
                        campaign=wish.campaign_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _check_state(self, allowed, message):
        """Raise ``message`` (translated, with ``%(wish)s`` and
        ``%(state)s``) unless every wish is in one of ``allowed``."""
        wrong = self.filtered(lambda wish: wish.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                message % {"wish": wrong[0].name, "state": states[wrong[0].state]}
            )

    def _check_officer(self):
        self.branch_id._check_user_works_here()

    def action_accept(self):
        """Accept and publish the wishes to their branch's members."""
        self._check_state(
            ("submitted",),
            _("Wish %(wish)s cannot be accepted while it is %(state)s."),
        )
        self._check_officer()
        self._workflow_write({"state": "accepted"}, sudo=False)
        self.message_post(body=_("Accepted and published to the branch's members."))
        return True

    def action_decline(self, reason):
        self._check_state(
            ("submitted",),
            _("Wish %(wish)s cannot be declined while it is %(state)s."),
        )
        self._check_officer()
        if not (reason or "").strip():
            raise UserError(_("Give the reason for declining the wish."))
        self._workflow_write(
            {"state": "declined", "decline_reason": reason}, sudo=False
        )
        self.message_post(body=_("Declined: %(reason)s", reason=reason))
        return True

    def action_to_suggestion(self):
        """Turn wishes that are matters for the plant rather than for a
        member into items of the suggestion ledger, raised by the same
        employee (anonymous where the campaign is)."""
        self._check_state(
            ("submitted",),
            _("Wish %(wish)s cannot become a suggestion while it is %(state)s."),
        )
        self._check_officer()
        for wish in self:
            suggestion = (
                self.env["party.suggestion"]
                .sudo()
                .create(
                    {
                        "title": wish.name,
                        "description": wish.description,
                        "employee_id": wish._wisher().id,
                        "branch_id": wish.branch_id.id,
                        "is_anonymous": wish.is_anonymous,
                    }
                )
            )
            wish._workflow_write(
                {"state": "converted", "suggestion_id": suggestion.id}, sudo=False
            )
            wish.message_post(body=_("Turned into a suggestion of the ledger."))
        return True

    def action_claim(self, group_id=None):
        """The current user, a Party member of the wish's branch, claims
        accepted wishes of an open campaign: one claimant per wish. With
        ``group_id`` the member claims for the Party group they lead: the
        group does the wish together, the leader answers for it and earns
        the rule book's points once (the rule pays once per wish)."""
        member = self.env.user._party_member()
        if not member:
            raise AccessError(_("Only Party members claim wishes."))
        group = self.env["party.group"]
        if group_id:
            group = group.sudo().browse(group_id).exists()
            if not group or not group.active:
                raise UserError(_("Choose the Party group that claims the wish."))
            if group.leader_id != member:
                raise AccessError(
                    _(
                        "Only the leader of Party group %(group)s claims wishes "
                        "for it.",
                        group=group.name,
                    )
                )
        self._check_state(
            ("accepted",),
            _("Wish %(wish)s cannot be claimed while it is %(state)s."),
        )
        for wish in self:
            if group and group.branch_id != wish.branch_id:
                raise AccessError(
                    _(
                        "Wish %(wish)s is for the Party groups of %(branch)s.",
                        wish=wish.name,
                        branch=wish.branch_id.name,
                    )
                )
            if wish.branch_id != member.branch_id:
                raise AccessError(
                    _(
                        "Wish %(wish)s is for the members of %(branch)s.",
                        wish=wish.name,
                        branch=wish.branch_id.name,
                    )
                )
            if wish._wisher() == member.employee_id:
                raise UserError(
                    _(
                        "Wish %(wish)s is your own: a colleague claims it.",
                        wish=wish.name,
                    )
                )
            if wish.campaign_id.state != "open":
                raise UserError(
                    _(
                        "Wish campaign %(campaign)s is closed.",
                        campaign=wish.campaign_id.name,
                    )
                )
        today = fields.Date.context_today(self)
        for wish in self:
            wish._workflow_write(
                {
                    "state": "claimed",
                    "claimant_id": member.id,
                    "claimant_group_id": group.id,
                    "date_claimed": today,
                    "date_due": today + timedelta(days=wish.campaign_id.fulfil_days),
                }
            )
            claimants = member | group.member_ids
            partners = claimants.user_id.partner_id
            if partners:
                wish.sudo().message_subscribe(partner_ids=partners.ids)
            wish.sudo().message_post(
                body=_(
                    "Claimed by Party group %(group)s, led by %(member)s.",
                    group=group.name,
                    member=member.name,
                )
                if group
                else _("Claimed by %(member)s.", member=member.name)
            )
        return True

    def action_open_wizard(self):
        """The decline or confirmation step (``wizard_mode`` in the
        context), in a dialog."""
        self.ensure_one()
        mode = self.env.context.get("wizard_mode", "decline")
        return {
            "type": "ir.actions.act_window",
            "name": _("Decline the Wish")
            if mode == "decline"
            else _("Confirm the Fulfilment"),
            "res_model": "party.wish.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_wish_id": self.id,
                "default_mode": mode,
            },
        }

    def _is_claimant(self, member):
        """Whether ``member`` claimed the wish, alone or in its claiming
        Party group (whose members report progress too)."""
        self.ensure_one()
        claimant = self.sudo()
        return bool(member) and (
            claimant.claimant_id == member
            or member in claimant.claimant_group_id.member_ids
        )

    def _check_claimant(self):
        member = self.env.user._party_member()
        for wish in self:
            if self.env.su or wish._is_claimant(member):
                continue
            wish._check_officer()

    def action_report_progress(self, note, attachment_ids=()):
        """The claimant (or an officer) tells how the wish is going, with
        photos already stored as attachments of the wish."""
        self.ensure_one()
        self._check_state(
            ("claimed",),
            _("Wish %(wish)s takes progress reports while claimed, not %(state)s."),
        )
        self._check_claimant()
        if not (note or "").strip():
            raise UserError(_("Say what has been done for the wish."))
        attachments = self.env["ir.attachment"].sudo().browse(list(attachment_ids))
        if attachments.filtered(
            lambda record: record.res_model != self._name or record.res_id != self.id
        ):
            raise AccessError(_("Attach the photos to this wish first."))
        # posted by the system in the claimant's name: Odoo lets a portal
        # user post only the files they uploaded through the chatter, and
        # these were checked and stored by the portal (or staff)
        self.with_user(SUPERUSER_ID).message_post(
            body=_("Progress: %(note)s", note=note),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=attachments.ids,
            author_id=self.env.user.partner_id.id,
        )
        return True

    def action_confirm(self, satisfaction, comment=None):
        """The employee confirms the wish fulfilled and says how satisfied
        they are (an officer may record it for them). Satisfied or better
        earns the claimant the wish rule's points, once per wish."""
        if satisfaction not in dict(SATISFACTIONS):
            raise UserError(_("Choose how satisfied the employee is."))
        self._check_state(
            ("claimed",),
            _("Wish %(wish)s cannot be confirmed while it is %(state)s."),
        )
        employee = self.env.user._party_employee()
        for wish in self:
            if not (employee and wish._wisher() == employee):
                wish._check_officer()
        # the employee's own confirmation is written by the system (see the
        # class docstring); an officer's in their name
        mine = self.filtered(lambda wish: employee and wish._wisher() == employee)
        for wishes, env_wishes in (
            (mine, mine.with_user(SUPERUSER_ID)),
            (self - mine, (self - mine).sudo()),
        ):
            if not wishes:
                continue
            env_wishes._workflow_write(
                {
                    "state": "fulfilled",
                    "date_fulfilled": fields.Date.context_today(self),
                    "satisfaction": satisfaction,
                    "feedback_comment": comment,
                },
                sudo=False,
            )
            levels = dict(self._fields["satisfaction"]._description_selection(self.env))
            for wish in env_wishes:
                wish.message_post(
                    body=_(
                        "Fulfilment confirmed: %(satisfaction)s. %(comment)s",
                        satisfaction=levels[satisfaction],
                        comment=comment or "",
                    )
                )
            if satisfaction in ledger_rules.SATISFIED:
                env_wishes._award_points()
        return True

    def _award_points(self):
        """A submitted entry on the wish rule of the rule book in force
        today for each claimant, once per wish; where no open period with
        such a rule applies, the wish says so in its chatter."""
        wishes = self.sudo().filtered(
            lambda wish: wish.claimant_id.active and not wish.points_entry_id
        )
        today = fields.Date.context_today(self)
        periods = self.env["party.points.period"]._for_dates(
            [(today, wish.claimant_id.branch_id.id) for wish in wishes]
        )
        vals_list, earning = [], self.browse()
        for wish in wishes:
            member = wish.claimant_id
            period = periods.get((today, member.branch_id.id))
            rule = period and period.ruleset_id.wish_rule_id
            if not period or period.state != "open" or not rule:
                wish.message_post(
                    body=_(
                        "No points for %(member)s: no open points period with "
                        "a wish rule covers %(date)s.",
                        member=member.name,
                        date=today,
                    )
                )
                continue
            vals_list.append(
                {
                    "member_id": member.id,
                    "rule_id": rule.id,
                    "date": today,
                    "origin": "wish",
                    "state": "submitted",
                    "description": wish.with_context(
                        lang=member.user_id.lang or self.env.lang
                    )._points_description(),
                }
            )
            earning |= wish
        entries = self.env["party.points.entry"]._workflow_env().create(vals_list)
        for wish, entry in zip(earning, entries, strict=True):
            wish._workflow_write({"points_entry_id": entry.id})

    def _points_description(self):
        if self.claimant_group_id:
            return _(
                "Wish fulfilled with Party group %(group)s: %(wish)s",
                group=self.claimant_group_id.name,
                wish=self.name,
            )
        return _("Wish fulfilled: %(wish)s", wish=self.name)

    # ------------------------------------------------------------------
    # the daily job
    # ------------------------------------------------------------------
    @api.model
    def _cron_release_overdue(self, today=None):
        """Daily: claimed wishes still unfulfilled after their day go back
        to the list, and their claimants get an activity saying so (one
        search, one write, one create)."""
        today = today or fields.Date.context_today(self)
        wishes = self.sudo().search(
            [("state", "=", "claimed"), ("date_due", "<", today)]
        )
        if not wishes:
            return True
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        activities = [
            {
                "res_model_id": model_id,
                "res_id": wish.id,
                "activity_type_id": activity_type.id,
                "automated": True,
                "user_id": wish.claimant_id.user_id.id,
                "summary": wish.with_context(
                    lang=wish.claimant_id.user_id.lang
                )._release_summary(),
                "date_deadline": today,
            }
            for wish in wishes
            if wish.claimant_id.user_id
        ]
        wishes._workflow_write(
            {
                "state": "accepted",
                "claimant_id": False,
                "claimant_group_id": False,
                "date_claimed": False,
                "date_due": False,
            }
        )
        self.env["mail.activity"].sudo().create(activities)
        return True

    def _release_summary(self):
        return _(
            "Wish %(wish)s went back to the list: it was not fulfilled in time.",
            wish=self.name,
        )
