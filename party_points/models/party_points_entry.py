from collections import Counter

from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, create_index, index_exists

from .. import compat
from ..lib import scoring, validation
from ..lib.sql_arrays import array_literal

ORIGINS = [
    ("manual", "Recorded by an Officer"),
    ("claim", "Claimed by the Member"),
    ("import", "Imported"),
    ("activity", "Branch Activity"),
    ("meeting", "Meeting Attendance"),
]
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# Only the workflow methods write these (through _workflow_write); the
# fields copied or computed from the rule, the member and the date follow
# them and are never written directly either.
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "points",
        "approved_points",
        "reject_reason",
        "approved_by_id",
        "approved_date",
        "reversal_of_id",
        "reversed_by_id",
        "meeting_id",
    }
)
DERIVED_FIELDS = frozenset(
    {"category_id", "list_type", "is_veto", "branch_id", "period_id", "company_id"}
)
# What an approved or rejected entry never changes.
LOCKED_FIELDS = (
    WORKFLOW_FIELDS
    | DERIVED_FIELDS
    | {
        "member_id",
        "rule_id",
        "date",
        "quantity",
        "unit_points",
        "description",
        "attachment_ids",
        "origin",
    }
)
# What a member may change on their own draft claim (an officer decides the
# value of a range rule and how the entry came in).
MEMBER_FIELDS = frozenset(
    {"member_id", "rule_id", "date", "quantity", "description", "attachment_ids"}
)
# What makes two entries the same deed (see _check_duplicate). Not the
# state: no workflow step brings a rejected entry back, so approving or
# rejecting a batch makes no duplicate and is not checked again.
DUPLICATE_FIELDS = frozenset({"member_id", "rule_id", "date", "quantity"})


@compat.sql_constraints
class PartyPointsEntry(models.Model):
    """One line of the points ledger (积分台账)."""

    _name = "party.points.entry"
    _description = "Points Entry"
    _inherit = [
        "party.workflow.seal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.input.mixin",
    ]
    _order = "date desc, id desc"
    _sealed_fields = WORKFLOW_FIELDS | DERIVED_FIELDS
    _locked_fields = LOCKED_FIELDS
    _locked_states = ("approved", "rejected")
    _check_company_auto = True

    member_id = fields.Many2one(
        "party.member",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env.user._party_member(),
    )
    branch_id = fields.Many2one(
        "party.branch",
        compute="_compute_branch_id",
        store=True,
        precompute=True,
        index=True,
        help="The member's branch when the entry was recorded.",
    )
    rule_id = fields.Many2one(
        "party.points.rule",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    # The stored computed and related fields are precomputed: a batch of
    # entries (a reversal, a meeting's attendance) goes in as one INSERT,
    # without an UPDATE per entry afterwards.
    category_id = fields.Many2one(
        related="rule_id.category_id", store=True, precompute=True, index=True
    )
    list_type = fields.Selection(
        related="rule_id.list_type", store=True, precompute=True, index=True
    )
    is_veto = fields.Boolean(related="rule_id.is_veto", store=True, precompute=True)
    is_range = fields.Boolean(related="rule_id.is_range")
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today, tracking=True
    )
    period_id = fields.Many2one(
        "party.points.period",
        compute="_compute_period_id",
        store=True,
        precompute=True,
        index=True,
        ondelete="restrict",
        help="The period whose dates and branches hold this entry.",
    )
    quantity = fields.Float(default=1.0, required=True, tracking=True)
    unit_points = fields.Float(
        compute="_compute_unit_points",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="Points per unit: the rule's points, or the approver's value "
        "within the range of a range rule.",
    )
    points = fields.Float(
        compute="_compute_points",
        store=True,
        precompute=True,
        tracking=True,
        # Never summed blindly: drafts and pending entries do not count (the
        # lists and reports sum approved_points).
        **compat.aggregator(None),
        help="Signed: positive for the positive list, negative for the negative list.",
    )
    # Kept by _sync_approved_points (one UPDATE for a whole batch: as a
    # stored compute it cost one UPDATE per entry on every approval).
    approved_points = fields.Float(
        readonly=True,
        copy=False,
        help="The points of an approved entry, 0 for drafts, pending and "
        "rejected entries: what lists and reports add up.",
    )
    description = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "party_points_entry_attachment_rel",
        "entry_id",
        "attachment_id",
        string="Evidence",
    )
    origin = fields.Selection(ORIGINS, default="manual", required=True, index=True)
    meeting_id = fields.Many2one(
        "party.meeting",
        readonly=True,
        index=True,
        copy=False,
        ondelete="restrict",
        help="The meeting whose confirmed attendance posted this entry.",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    reversal_of_id = fields.Many2one(
        "party.points.entry",
        string="Reverses",
        readonly=True,
        index=True,
        copy=False,
        ondelete="restrict",
    )
    reversal_ids = fields.One2many("party.points.entry", "reversal_of_id")
    # Set with the reversal, for a whole batch in one UPDATE
    # (_link_reversals): as a stored compute it cost one UPDATE per entry.
    reversed_by_id = fields.Many2one(
        "party.points.entry", readonly=True, copy=False, index=True
    )
    can_review = fields.Boolean(compute="_compute_can_review")
    company_id = fields.Many2one(
        related="member_id.company_id", store=True, precompute=True, index=True
    )

    _party_number_checks = {
        "quantity": validation.check_quantity,
        "unit_points": validation.check_points,
        "points": validation.check_number,
    }

    _sql_constraints = [
        ("quantity_positive", "CHECK (quantity > 0)", "The quantity must be above 0."),
        # PostgreSQL sorts NaN above every number: an upper bound refuses it.
        (
            "quantity_sane",
            "CHECK (quantity <= 10000)",
            "The quantity must be a number of at most 10,000.",
        ),
        (
            "unit_points_sane",
            "CHECK (unit_points >= 0 AND unit_points <= 10000)",
            "Points per unit must be a number between 0 and 10,000.",
        ),
        (
            "points_sane",
            "CHECK (points >= -100000000 AND points <= 100000000)",
            "The points of an entry must be a number.",
        ),
    ]

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Points entry created")

    def init(self):
        res = super().init()
        cr = self.env.cr
        # Closing a period and the member's page sum the approved points of a
        # period by member and rule: read in that order from this index
        # alone, a million entries need no sort, hash or table access.
        if not index_exists(cr, "party_points_entry_approved_points_index"):
            cr.execute(
                SQL(
                    """CREATE INDEX party_points_entry_approved_points_index
                    ON %s (period_id, member_id, rule_id) INCLUDE (points)
                    WHERE state = 'approved'""",
                    SQL.identifier(self._table),
                )
            )
        # ... and look up the period's few vetoes: a small partial index
        # instead of a scan of the whole ledger.
        create_index(
            cr,
            "party_points_entry_veto_index",
            self._table,
            ["period_id", "member_id"],
            where="is_veto",
        )
        return res

    # -- computes -----------------------------------------------------------

    @api.depends("member_id")
    def _compute_branch_id(self):
        for entry in self:
            entry.branch_id = entry.member_id.branch_id

    @api.depends("date", "branch_id")
    def _compute_period_id(self):
        found = self.env["party.points.period"]._for_dates(
            {(entry.date, entry.branch_id.id) for entry in self if entry.date}
        )
        for entry in self:
            entry.period_id = found.get((entry.date, entry.branch_id.id), False)

    @api.depends("rule_id")
    def _compute_unit_points(self):
        for entry in self:
            entry.unit_points = entry.rule_id.points

    @api.depends("rule_id", "unit_points", "quantity", "reversal_of_id")
    def _compute_points(self):
        for entry in self:
            entry.points = scoring.entry_points(
                entry.unit_points,
                entry.quantity,
                entry.rule_id.list_type,
                reversal=bool(entry.reversal_of_id),
            )

    def _sync_approved_points(self):
        """Set approved_points from state and points for ``self`` in one
        UPDATE, whatever the size of the batch."""
        if not self:
            return
        self.flush_recordset(["state", "points"])
        self.env.cr.execute(
            SQL(
                """UPDATE party_points_entry
                SET approved_points = CASE WHEN state = 'approved'
                                           THEN points ELSE 0 END
                WHERE id = ANY(%s)""",
                self.ids,
            )
        )
        self.invalidate_recordset(["approved_points"])

    @api.depends_context("uid")
    @api.depends("state", "branch_id", "member_id")
    def _compute_can_review(self):
        user = self.env.user
        officer = user.has_group("party_points.group_party_officer")
        manager = user.has_group("party_points.group_party_manager")
        own = user._party_owns(self.sudo().member_id)
        for entry in self:
            record = entry.sudo()
            entry.can_review = (
                record.state in ("draft", "submitted")
                and officer
                and (manager or user in record.branch_id.access_user_ids)
                and record.member_id not in own
            )

    @api.depends("member_id", "rule_id", "date")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = " · ".join(
                part
                for part in (
                    entry.member_id.name,
                    entry.rule_id.code,
                    entry.date and fields.Date.to_string(entry.date),
                )
                if part
            )

    # -- constraints --------------------------------------------------------

    @api.constrains("period_id", "date", "member_id")
    def _check_period(self):
        for entry in self:
            if not entry.period_id:
                raise ValidationError(
                    self._no_period_message(entry.date, entry.branch_id)
                )
            if entry.period_id.state == "closed":
                raise ValidationError(
                    _(
                        "Period %(period)s is closed: nothing can be recorded in it.",
                        period=entry.period_id.name,
                    )
                )

    @api.model
    def _no_period_message(self, day, branch):
        return _(
            "No points period covers %(date)s for %(branch)s: ask the Party "
            "committee to open one.",
            date=day,
            branch=branch.display_name,
        )

    @api.constrains("rule_id", "unit_points")
    def _check_unit_points(self):
        for entry in self:
            rule = entry.rule_id
            if rule.is_range:
                if not scoring.in_range(
                    entry.unit_points, rule.points_min, rule.points_max
                ):
                    raise ValidationError(
                        _(
                            "Rule %(code)s is scored between %(low)s and %(high)s "
                            "points; %(value)s is outside that range.",
                            code=rule.code,
                            low=rule.points_min,
                            high=rule.points_max,
                            value=entry.unit_points,
                        )
                    )
            elif entry.unit_points != rule.points and not entry.reversal_of_id:
                raise ValidationError(
                    _(
                        "Rule %(code)s is worth %(points)s points per unit; only "
                        "range rules take another value.",
                        code=rule.code,
                        points=rule.points,
                    )
                )

    @api.constrains("quantity", "unit_points", "points")
    def _check_numbers(self):
        self._party_check_numbers()

    @api.constrains("attachment_ids")
    def _check_evidence_types(self):
        active = self.sudo().attachment_ids.filtered(
            lambda attachment: validation.is_active_content(attachment.mimetype)
        )
        if active:
            raise ValidationError(
                _(
                    "%(file)s cannot be evidence: web pages and drawings (HTML, "
                    "SVG, XML) are not accepted. Attach a photo or a PDF document.",
                    file=active[0].name,
                )
            )

    @api.model
    def _duplicate_exempt_origins(self):
        """The origins whose entries the duplicate check below skips: an
        addon that creates one entry per document of its own (an item, a
        meeting) adds its origin here, since two such entries on the same
        day are two deeds. Here: meeting attendance (one entry per meeting
        and attendee, see party.meeting.action_confirm)."""
        return frozenset({"meeting"})

    def _check_duplicate(self):
        """Refuse a second live entry of a member for the same item, day and
        quantity. Called by create() and write() once the record rules have
        let the change through (a constraint would run before the rules on
        create, and tell someone who may not see these entries that others
        exist)."""
        exempt = self._duplicate_exempt_origins()
        live = self.filtered(
            lambda entry: (
                entry.state != "rejected"
                and not entry.reversal_of_id
                and entry.origin not in exempt
            )
        )
        if not live:
            return
        others = self.sudo().search(
            [
                ("member_id", "in", live.member_id.ids),
                ("rule_id", "in", live.rule_id.ids),
                ("date", "in", list(set(live.mapped("date")))),
                ("state", "!=", "rejected"),
                ("reversal_of_id", "=", False),
                ("reversed_by_id", "=", False),
                ("origin", "not in", list(exempt)),
            ]
        )
        counts = Counter(
            (entry.member_id.id, entry.rule_id.id, entry.date, entry.quantity)
            for entry in others
        )
        for entry in live:
            key = (entry.member_id.id, entry.rule_id.id, entry.date, entry.quantity)
            if counts[key] > 1:
                raise ValidationError(
                    _(
                        "%(member)s already has an entry for %(rule)s on %(date)s "
                        "with the same quantity. Change the quantity if this is "
                        "really another deed.",
                        member=entry.member_id.name,
                        rule=entry.rule_id.display_name,
                        date=entry.date,
                    )
                )

    # -- ORM ------------------------------------------------------------------

    def _seal_refusal(self, fnames, creating=False):
        if creating:
            return _(
                "A new entry starts as a draft: it is submitted, approved or "
                "rejected with the buttons of the entry, and its list, category "
                "and veto follow its rule."
            )
        return _(
            "The state, points, approval and reversal of an entry change only "
            "through its buttons; its list, category, veto, branch and period "
            "follow its rule, member and date."
        )

    def _lock_refusal(self, records):
        return _(
            "An approved or rejected entry cannot be changed. Correct an approved "
            "entry by reversing it."
        )

    def _is_officer(self):
        return self.env.su or self.env.user.has_group(
            "party_points.group_party_officer"
        )

    def _check_claimable(self, rules):
        """Raise unless a member may claim every rule of ``rules``."""
        unclaimable = rules.sudo().filtered(
            lambda rule: not rule.member_claimable or rule.is_veto
        )
        if unclaimable:
            raise UserError(
                _(
                    "Members cannot claim %(rules)s: an officer records these items.",
                    rules=", ".join(unclaimable.mapped("display_name")),
                )
            )

    def _check_member_target(self, member):
        """Raise unless the current user may put entries on ``member``: a
        member only on themselves, an officer only in their branches."""
        if self.env.su or not member:
            return
        if not self._is_officer():
            if not self.env.user._party_owns(member):
                raise UserError(_("You can only claim points for yourself."))
            return
        member.sudo().branch_id.with_env(self.env)._check_user_works_here()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_workflow() and any(
            vals.get("origin") == "meeting" for vals in vals_list
        ):
            raise UserError(
                _(
                    "Meeting attendance is posted by confirming the meeting, not "
                    "entered by hand."
                )
            )
        if not self._is_workflow() and not self._is_officer():
            for vals in vals_list:
                vals["origin"] = "claim"
            self._check_claimable(
                self.env["party.points.rule"].browse(
                    {vals["rule_id"] for vals in vals_list if vals.get("rule_id")}
                )
            )
        records = super().create(vals_list)
        records._check_duplicate()
        records.filtered(
            lambda entry: entry.state == "approved"
        )._sync_approved_points()
        records.filtered("reversal_of_id")._link_reversals()
        return records

    def _link_reversals(self):
        """Point the entries that ``self`` (reversals) reverse at them, in
        one UPDATE for the whole batch."""
        if not self:
            return
        self.flush_recordset(["reversal_of_id"])
        self.env.cr.execute(
            SQL(
                """UPDATE party_points_entry reversed
                SET reversed_by_id = reversal.id, write_uid = %s,
                    write_date = %s
                FROM party_points_entry reversal
                WHERE reversal.id = ANY(%s)
                    AND reversed.id = reversal.reversal_of_id""",
                self.env.uid,
                fields.Datetime.now(),
                self.ids,
            )
        )
        originals = self.reversal_of_id
        originals.invalidate_recordset(["reversed_by_id", "write_uid", "write_date"])
        originals.modified(["reversed_by_id"])

    def write(self, vals):
        if not self._is_workflow() and not self.env.su:
            if "member_id" in vals:
                self._check_member_target(
                    self.env["party.member"].browse(vals["member_id"])
                )
            if not self._is_officer():
                self._check_claim_write(vals)
        result = super().write(vals)
        if DUPLICATE_FIELDS.intersection(vals):
            self._check_duplicate()
        return result

    def _check_claim_write(self, vals):
        """What a member may change on their own draft claim: not how it came
        in, not to an item they may not claim, and not the points of a range
        item, which the approver decides."""
        if "origin" in vals and any(
            entry.origin != vals["origin"] for entry in self.sudo()
        ):
            raise UserError(_("Members cannot change how an entry was recorded."))
        rule = self.env["party.points.rule"].browse(vals.get("rule_id"))
        if rule:
            self._check_claimable(rule)
        if "unit_points" in vals:
            for entry in self.sudo():
                expected = (rule or entry.rule_id).points
                if vals["unit_points"] not in (entry.unit_points, expected):
                    raise UserError(
                        _(
                            "The officer who approves the claim decides the points "
                            "of %(rule)s; members cannot set them.",
                            rule=(rule or entry.rule_id).sudo().display_name,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(entry.state not in ("draft", "rejected") for entry in self):
            raise UserError(
                _(
                    "Only draft and rejected entries can be deleted; reverse an "
                    "approved entry instead."
                )
            )
        closed = self.sudo().period_id.filtered(lambda period: period.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Period %(period)s is closed: its entries are kept as they "
                    "were, drafts and rejected entries included.",
                    period=", ".join(closed.mapped("name")),
                )
            )

    # -- workflow -------------------------------------------------------------

    def _notify_rejected(self, reason):
        """Tell each entry's member that it was rejected and why: one message
        per entry (it carries the reason), on the entry, in the member's
        language, all posted in one batch (:meth:`_post_notices`)."""
        bodies = {}  # the notice in each member's language

        def body(user):
            lang = user.partner_id.lang or self.env.lang
            if lang not in bodies:
                bodies[lang] = self.with_context(lang=lang)._rejection_notice(reason)
            return bodies[lang]

        self._post_notices(
            self.env.ref("party_points.mt_entry_rejected"),
            [
                (entry, entry.member_id.user_id, body(entry.member_id.user_id))
                for entry in self.sudo()
            ],
        )

    def _rejection_notice(self, reason):
        """The rejection notice, in the language of the context."""
        return Markup("<p>%s</p>") % _(
            "Your points entry was rejected: %(reason)s", reason=reason
        )

    def _digest_body(self, operation, reason=None):
        """The HTML of one member's digest of ``self`` (their entries of one
        batch): a sentence, then a line per entry (rule, date, signed
        points)."""
        if operation == "approve":
            intro = _(
                "%(user)s approved %(count)s of your points entries:",
                user=self.env.user.name,
                count=len(self),
            )
        else:
            intro = _(
                "%(user)s reversed %(count)s of your points entries: %(reason)s",
                user=self.env.user.name,
                count=len(self),
                reason=reason,
            )
        # one line per entry: rule · date · signed points
        lines = Markup("").join(
            Markup("<li>%s · %s · %s</li>")
            % (entry.rule_id.display_name, entry.date, f"{entry.points:+g}")
            for entry in self
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (intro, lines)

    def _notify_members_digest(self, operation, reason=None):
        """Tell each member of ``self`` in ONE message about their entries of
        this batch: a message on the member's record, addressed to the
        member's user (:meth:`_post_notices`). A batch of 1,000 entries for
        200 members makes 200 messages, not 1,000, none on the entries."""
        subtype = self.env.ref(
            {
                "approve": "party_points.mt_entry_approved",
                "reverse": "party_points.mt_entry_reversed",
            }[operation]
        )
        entries = self.sudo()
        by_member = {}
        for entry in entries:
            by_member.setdefault(entry.member_id, []).append(entry.id)
        self._post_notices(
            subtype,
            [
                (
                    member,
                    member.user_id,
                    # in the member's language
                    entries.browse(ids)
                    .with_context(lang=member.user_id.partner_id.lang or self.env.lang)
                    ._digest_body(operation, reason=reason),
                )
                for member, ids in by_member.items()
            ],
        )

    @api.model
    def _post_notices(self, subtype, notices):
        """Post ``notices``, a list of ``(record, user, body)``: a message on
        each record, addressed to the user (an inbox notification for an
        internal user, an email for a portal user; no one is notified for a
        record without a user). Messages, notifications and emails are each
        created in one batch: what ``message_post`` does for one record,
        without rendering the mail layout once per message."""
        author = self.env.user.partner_id
        now = fields.Datetime.now()
        messages = (
            self.env["mail.message"]
            .sudo()
            .create(
                [
                    {
                        "model": record._name,
                        "res_id": record.id,
                        "record_name": record.display_name,
                        "body": body,
                        "message_type": "notification",
                        "subtype_id": subtype.id,
                        "author_id": author.id,
                        "email_from": author.email_formatted,
                        # given, not looked up (one alias search per message)
                        "reply_to": author.email_formatted,
                        "date": now,
                        "partner_ids": [Command.set(user.partner_id.ids)],
                    }
                    for record, user, body in notices
                ]
            )
        )
        notifications, mails = [], []
        for message, (_record, user, body) in zip(messages, notices, strict=True):
            if not user:
                continue
            if user.share or user.notification_type == "email":
                mails.append((message, user, body))
            else:
                notifications.append(
                    {
                        "author_id": author.id,
                        "mail_message_id": message.id,
                        "notification_status": "sent",
                        "notification_type": "inbox",
                        "res_partner_id": user.partner_id.id,
                    }
                )
        if mails:
            sent = (
                self.env["mail.mail"]
                .sudo()
                .create(
                    [
                        {
                            "mail_message_id": message.id,
                            "body_html": body,
                            "recipient_ids": [Command.set(user.partner_id.ids)],
                            "auto_delete": True,
                        }
                        for message, user, body in mails
                    ]
                )
            )
            notifications += [
                {
                    "author_id": author.id,
                    "mail_message_id": message.id,
                    "mail_mail_id": mail.id,
                    "notification_status": "ready",
                    "notification_type": "email",
                    "res_partner_id": user.partner_id.id,
                }
                for mail, (message, user, _body) in zip(sent, mails, strict=True)
            ]
        self.env["mail.notification"].sudo().create(notifications)

    def _check_reviewer(self):
        """Raise unless the current user may approve, reject or reverse every
        entry of ``self``: an officer of the members' branches, not deciding
        on their own entries."""
        if self.env.su:
            return
        if not self.env.user.has_group("party_points.group_party_officer"):
            raise AccessError(
                _("Only branch officers approve, reject or reverse entries.")
            )
        self.sudo().branch_id._check_user_works_here()
        if self.env.user._party_owns(self.sudo().member_id):
            raise UserError(_("You cannot decide on your own entries."))

    def _check_open_period(self):
        """Raise if a period of ``self`` is closed. Locks the periods' rows
        first, so that a close of the same period waits for this decision
        to commit (or this decision for the close) and its results never
        miss it."""
        self.sudo().period_id._lock_rows(touch=True)
        closed = self.sudo().period_id.filtered(lambda period: period.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Period %(period)s is closed: its entries can no longer be "
                    "approved, rejected or reversed.",
                    period=", ".join(closed.mapped("name")),
                )
            )

    def _check_evidence(self):
        missing = self.filtered(
            lambda entry: entry.rule_id.evidence_required and not entry.attachment_ids
        )
        if missing:
            raise UserError(
                _(
                    "%(rules)s needs evidence: attach a photo or a document "
                    "before submitting.",
                    rules=", ".join(missing.rule_id.mapped("display_name")),
                )
            )

    def action_submit(self):
        if self.filtered(lambda entry: entry.state != "draft"):
            raise UserError(_("Only draft entries can be submitted."))
        compat.check_access(self, "write")
        self._check_evidence()
        self._workflow_write({"state": "submitted"})
        return True

    def action_approve(self):
        """Approve draft or submitted entries, all in one write."""
        if self.filtered(lambda entry: entry.state not in ("draft", "submitted")):
            raise UserError(_("Only draft or submitted entries can be approved."))
        self._check_reviewer()
        self._check_open_period()
        self.filtered(lambda entry: entry.origin == "claim")._check_evidence()
        self._approve_rows()
        self._notify_members_digest("approve")
        return True

    def _approve_rows(self):
        """Mark ``self`` approved, by the current user, now: state, approver,
        date and approved points in ONE UPDATE for the whole batch (the bare
        UPDATE is the floor approval is measured against), then the ORM is
        told what changed. No tracking message per entry: the entry keeps
        who approved it and when in approved_by_id / approved_date, and each
        member gets one digest of the batch. Callers check the workflow."""
        fnames = [
            "state",
            "approved_by_id",
            "approved_date",
            "approved_points",
            "write_uid",
            "write_date",
        ]
        self.flush_recordset()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """UPDATE party_points_entry
                SET state = 'approved', approved_by_id = %s, approved_date = %s,
                    approved_points = points, write_uid = %s, write_date = %s
                WHERE id = ANY(%s)""",
                self.env.uid,
                now,
                self.env.uid,
                now,
                self.ids,
            )
        )
        self.invalidate_recordset(fnames)
        self.modified(fnames)

    @api.model
    def _reviewable_domain(self):
        """Submitted entries the current user may approve: of their
        branches (all for the committee), not their own."""
        domain = [
            ("state", "=", "submitted"),
            ("member_id.user_id", "!=", self.env.uid),
        ]
        if not self.env.user.has_group("party_points.group_party_manager"):
            domain.append(("branch_id.access_user_ids", "in", self.env.uid))
        return domain

    def action_approve_all(self):
        """Approve in one batch every submitted entry of ``self`` or, called
        without records (a kanban or board button), of the view's domain
        (``active_domain``) that the user may approve."""
        if not self.env.user.has_group("party_points.group_party_officer"):
            raise AccessError(_("Only branch officers approve entries."))
        domain = self._reviewable_domain()
        if self:
            domain = [("id", "in", self.ids)] + domain
        else:
            domain = list(self.env.context.get("active_domain") or []) + domain
        entries = self.search(domain)
        if entries:
            entries.action_approve()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if entries else "info",
                "message": _("%(count)s entries approved.", count=len(entries))
                if entries
                else _("No submitted entry here waits for your approval."),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_reject(self, reason):
        if not (reason or "").strip():
            raise UserError(_("Give the member the reason for the rejection."))
        if self.filtered(lambda entry: entry.state not in ("draft", "submitted")):
            raise UserError(_("Only draft or submitted entries can be rejected."))
        self._check_reviewer()
        self._check_open_period()
        self.with_context(tracking_disable=True)._workflow_write(
            {"state": "rejected", "reject_reason": reason}
        )
        self._notify_rejected(reason)
        return True

    def action_reverse(self, reason):
        """Correct approved entries: an approved mirror entry nets each to
        zero, linked both ways (the mirrors are the entries' ``reversed_by_id``).
        Returns True."""
        if not (reason or "").strip():
            raise UserError(_("Give the reason for the reversal."))
        if self.filtered(
            lambda entry: (
                entry.state != "approved"
                or entry.reversed_by_id
                or entry.reversal_of_id
            )
        ):
            raise UserError(
                _(
                    "Only approved entries that are not reversals and not yet "
                    "reversed can be reversed."
                )
            )
        self._check_reviewer()
        self._check_open_period()
        self._create_approved(self._reversal_vals(reason))
        self._notify_members_digest("reverse", reason=reason)
        return True

    def _reversal_vals(self, reason):
        """The values of the mirror entries that reverse ``self``."""
        return [
            {
                "member_id": entry.member_id.id,
                "rule_id": entry.rule_id.id,
                "date": entry.date,
                "quantity": entry.quantity,
                "unit_points": entry.unit_points,
                "origin": entry.origin,
                "description": reason,
                "reversal_of_id": entry.id,
                "meeting_id": entry.meeting_id.id,
            }
            for entry in self
        ]

    @api.model
    def _create_approved(self, vals_list):
        """Create entries approved by the current user in ONE INSERT for the
        whole batch (the reversals, the attendance a confirmed meeting
        posts), without a message per entry: at 10,000 attendees the ORM's
        create costs ten times the INSERT (its batches of 100 rows, the
        precomputes of every new record). The derived columns are filled as
        the ORM fills them: branch and company from the member; category,
        list, veto and unit points from the rule; the period holding the
        date; the signed points through :func:`scoring.entry_points`.

        ``vals_list``: member_id, rule_id, date, and optionally quantity
        (1), unit_points, origin, description, reversal_of_id and other
        stored columns of plain values (a meeting_id). The callers check
        who may decide and that the periods are open; an entry that no
        period holds, or a second live entry for the same deed, is refused
        as create() refuses it."""
        if not vals_list:
            return self.browse()
        for vals in vals_list:
            self._party_check_values(vals)
        rules = {
            rule.id: rule
            for rule in self.env["party.points.rule"]
            .sudo()
            .browse({vals["rule_id"] for vals in vals_list})
        }
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, branch_id, company_id FROM party_member WHERE id = ANY(%s)",
                list({vals["member_id"] for vals in vals_list}),
            )
        )
        members = {
            member_id: (branch, company)
            for member_id, branch, company in self.env.cr.fetchall()
        }
        for vals in vals_list:
            vals["date"] = fields.Date.to_date(vals["date"])
        periods = self.env["party.points.period"]._for_dates(
            {(vals["date"], members[vals["member_id"]][0]) for vals in vals_list}
        )
        now, uid = fields.Datetime.now(), self.env.uid
        rows = []
        for vals in vals_list:
            rule = rules[vals["rule_id"]]
            branch_id, company_id = members[vals["member_id"]]
            period = periods.get((vals["date"], branch_id))
            if not period:
                raise ValidationError(
                    self._no_period_message(
                        vals["date"], self.env["party.branch"].sudo().browse(branch_id)
                    )
                )
            row = {"quantity": 1.0, "unit_points": rule.points, "origin": "manual"}
            row.update(vals)
            points = scoring.entry_points(
                row["unit_points"],
                row["quantity"],
                rule.list_type,
                reversal=bool(row.get("reversal_of_id")),
            )
            row.update(
                branch_id=branch_id,
                company_id=company_id,
                category_id=rule.category_id.id,
                list_type=rule.list_type,
                is_veto=rule.is_veto,
                period_id=period.id,
                points=points,
                approved_points=points,
                state="approved",
                approved_by_id=uid,
                approved_date=now,
                create_uid=uid,
                write_uid=uid,
                create_date=now,
                write_date=now,
            )
            rows.append(row)
        names = sorted(set().union(*rows))
        # each column as one array literal, cast to the column's type (an
        # empty value is False in the ORM, NULL here, but for booleans)
        arrays = []
        for name in names:
            field = self._fields[name]
            values = [row.get(name) for row in rows]
            if field.type != "boolean":
                values = [None if value is False else value for value in values]
            arrays.append(
                SQL(
                    "%s::%s[]",
                    array_literal(values),
                    SQL.identifier(field.column_type[0]),
                )
            )
        self.env.cr.execute(
            SQL(
                """INSERT INTO party_points_entry (%s)
                SELECT * FROM unnest(%s) RETURNING id""",
                SQL(", ").join(map(SQL.identifier, names)),
                SQL(", ").join(arrays),
            )
        )
        # (ids come back in the order of the rows, as the ORM's INSERT has it)
        ids = [row_[0] for row_ in self.env.cr.fetchall()]
        records = self.browse(ids)
        # what depends on the new rows is told, but not their own computed
        # columns: they are written above (as the ORM's create protects them)
        with self.env.protecting([self._fields[name] for name in names], records):
            records.modified(names, create=True)
        # the one2many fields listing entries (a meeting's, a member's) no
        # longer hold what their cache says
        for name in names:
            for inverse in self.pool.field_inverses[self._fields[name]]:
                self.env[inverse.model_name].invalidate_model([inverse.name])
        exempt = self._duplicate_exempt_origins()
        pairs = list(zip(ids, rows, strict=True))
        # what create() checks: no second live entry for the same deed
        self.browse(
            [
                id_
                for id_, row in pairs
                if not row.get("reversal_of_id") and row["origin"] not in exempt
            ]
        )._check_duplicate()
        self.browse(
            [id_ for id_, row in pairs if row.get("reversal_of_id")]
        )._link_reversals()
        return records
