from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from ..lib import ledger_rules
from .party_suggestion import OPEN_STATES, SATISFACTIONS


class PartySuggestion(models.Model):
    """The workflow of an item: classified, worked, verified and closed by
    the officers of its branch, rated by its submitter (whose unsatisfied
    feedback reopens it under supervision), cancelled with a reason. The
    fields it writes are sealed (``WORKFLOW_FIELDS``): only these methods
    and the deadline job write them."""

    # one model in files by concern (see party_suggestion.py), on purpose
    _inherit = "party.suggestion"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
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
        now = fields.Datetime.now()
        self._workflow_write({"state": "in_progress", "date_started": now}, sudo=False)
        # starting the work answers the submitter
        self._mark_responded(now)
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
        ``verifier_ids`` the employee representatives of each item's key
        project or zone verify (:meth:`_default_verifiers`); named verifiers
        must all be employee representatives."""
        self._check_state(
            ("verifying",),
            _("Item %(item)s cannot be verified while it is %(state)s."),
        )
        self._check_officer()
        if not note:
            raise UserError(_("Write down what the representatives found."))
        named = self.env["hr.employee"].browse(verifier_ids or [])
        now = fields.Datetime.now()
        for item in self:
            verifiers = named or item._default_verifiers()
            if not verifiers:
                raise UserError(
                    _(
                        "Neither the zone nor the key project of item %(item)s "
                        "has employee representatives: name the employee "
                        "representatives who verified it.",
                        item=item.name,
                    )
                )
            verifiers._check_party_verifiers(item.name)
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

    def _default_verifiers(self):
        """Who verifies the item unless the officer names others: the
        employee representatives (职工代表) among the representatives of its
        key project, else among the employees of its zone."""
        self.ensure_one()
        item = self.sudo()
        if item.project_id:
            representatives = item.project_id._default_verifiers()
            if representatives:
                return representatives.with_env(self.env)
        return item.zone_id.employee_ids.filtered(
            "party_staff_representative"
        ).with_env(self.env)

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
        if self.env["party.branch"]._is_party_committee():
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
        verifiers = self._default_verifiers()
        action["context"] = {
            "default_suggestion_id": self.id,
            "default_mode": self.env.context.get("wizard_mode"),
            "default_verifier_ids": verifiers.ids,
        }
        return action
