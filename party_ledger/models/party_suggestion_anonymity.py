from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.party_points import compat

# A Python object no RPC call can put in a context: proof that a write
# lifting anonymity comes from action_lift_anonymity.
_LIFT = object()
_LIFT_KEY = "party_ledger_lift_anonymity"


class PartySuggestion(models.Model):
    """The walls around an anonymous item: no user-bearing field (log
    columns, chatter authors, followers, activities, attachments) names its
    submitter to anyone but the Party committee, and lifting the anonymity
    is logged where the submitter sees it."""

    # one model in files by concern (see party_suggestion.py), on purpose
    _inherit = "party.suggestion"  # pylint: disable=consider-merging-classes-inherited

    anonymity_lifted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    anonymity_lifted_date = fields.Datetime(
        string="Anonymity Lifted On", readonly=True, copy=False
    )
    anonymity_lift_reason = fields.Text(
        string="Why Anonymity Was Lifted", readonly=True, copy=False
    )
    submitter_attachment_ids = fields.Many2many(
        "ir.attachment",
        "party_suggestion_submitter_attachment_rel",
        "suggestion_id",
        "attachment_id",
        string="Submitter's Files",
        readonly=True,
        copy=False,
        prefetch=False,
        help="The files the employee sent with the item; the portal shows "
        "them, with the files staff publish in messages to the employee.",
    )

    # ------------------------------------------------------------------
    # who the submitter is, as users and partners (sudo)
    # ------------------------------------------------------------------
    def _submitter_partners(self):
        """Partners that would name the submitters of the anonymous items
        of ``self``: their users' partners and their work contacts."""
        employees = self.sudo().filtered("is_anonymous").submitter_id
        return employees.user_id.partner_id | employees.work_contact_id

    def _anonymous_of_current_user(self):
        return self.sudo().filtered(
            lambda item: (
                item.is_anonymous
                and item.submitter_id.user_id
                and item.submitter_id.user_id.id == self.env.uid
            )
        )

    # ------------------------------------------------------------------
    # log columns
    # ------------------------------------------------------------------
    def _hide_submitter_in_log(self):
        """On anonymous items, replace the submitter's user in ``create_uid``
        and ``write_uid`` by the superuser (whoever triggered the write,
        sudo or not, and also for computed fields written at flush)."""
        if not self.ids:
            return
        self.env.cr.execute(
            SQL(
                """UPDATE party_suggestion item SET
                    create_uid = CASE WHEN item.create_uid = employee.user_id
                        THEN %(su)s ELSE item.create_uid END,
                    write_uid = CASE WHEN item.write_uid = employee.user_id
                        THEN %(su)s ELSE item.write_uid END
                FROM hr_employee employee
                WHERE item.id = ANY(%(ids)s) AND item.is_anonymous
                    AND employee.id = item.submitter_id
                    AND employee.user_id IS NOT NULL
                    AND employee.user_id IN (item.create_uid, item.write_uid)""",
                su=SUPERUSER_ID,
                ids=self.ids,
            )
        )
        if self.env.cr.rowcount:
            self.invalidate_recordset(["create_uid", "write_uid"])

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        anonymous = records.filtered("is_anonymous")
        if anonymous:
            anonymous.flush_recordset()
            anonymous._hide_submitter_in_log()
        return records

    def _write(self, vals):
        result = super()._write(vals)  # pylint: disable=assignment-from-none
        if compat.SERIES < 18:  # (later, _write goes through _write_multi)
            self._hide_submitter_in_log()
        return result

    def _write_multi(self, vals_list):
        # since 18.0, what write() and the flush of computed fields call
        result = super()._write_multi(vals_list)  # pylint: disable=assignment-from-none
        self._hide_submitter_in_log()
        return result

    def write(self, vals):
        if not self.env["party.branch"]._is_party_committee():
            own = self._anonymous_of_current_user()
            if own:
                raise AccessError(
                    _(
                        "You raised %(item)s anonymously: to keep your name off "
                        "it, you cannot change it yourself. Give your feedback "
                        "on the portal; the Party committee can lift the "
                        "anonymity if you wish.",
                        item=own[0].name,
                    )
                )
        lifting = "is_anonymous" in vals and not vals["is_anonymous"]
        if (
            lifting
            and self.env["party.branch"]._is_party_committee()
            and self.env.context.get(_LIFT_KEY) is not _LIFT
            and any(self.sudo().mapped("is_anonymous"))
        ):
            raise UserError(
                _(
                    "Lift the anonymity of an item with the Lift Anonymity "
                    "action and give the reason: the employee sees who lifted "
                    "it, when and why."
                )
            )
        hiding = bool(vals.get("is_anonymous"))
        result = super().write(vals)
        if hiding:
            self._forget_submitter_links()
        return result

    def _forget_submitter_links(self):
        """An item made anonymous drops the submitter from its followers and
        their activities on it."""
        for item in self.sudo():
            partners = item._submitter_partners()
            if partners:
                item.message_unsubscribe(partner_ids=partners.ids)
            user = item.submitter_id.user_id
            if user:
                item.activity_ids.filtered(lambda a, u=user: a.user_id == u).unlink()

    # ------------------------------------------------------------------
    # chatter
    # ------------------------------------------------------------------
    def message_post(self, **kwargs):
        """The submitter of an anonymous item posts nothing on it: the
        message would carry their name (portal composer, RPC, any token)."""
        author = kwargs.get("author_id") or self.env.user.partner_id.id
        if self and author in self._submitter_partners().ids:
            raise AccessError(
                _(
                    "This item is anonymous: a message from you would carry "
                    "your name, so you cannot post on it. Ask the Party "
                    "committee to lift the anonymity if you wish to write."
                )
            )
        return super().message_post(**kwargs)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """Nobody makes the submitter a follower of their anonymous item."""
        if partner_ids:
            hidden = set(self._submitter_partners().ids)
            partner_ids = [pid for pid in partner_ids if pid not in hidden]
            if not partner_ids and not customer_ids:
                return True
        return super()._message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    # ------------------------------------------------------------------
    # lifting anonymity
    # ------------------------------------------------------------------
    def action_lift_anonymity(self, reason):
        """Name the submitter of anonymous items again (Party committee,
        with a reason). Who lifted it, when and why stay on the item and in
        a message the employee reads on the portal."""
        self.env["party.branch"]._check_party_committee(
            _("Only the Party committee can lift the anonymity of an item.")
        )
        if not (reason or "").strip():
            raise UserError(_("Give the reason for lifting the anonymity."))
        named = self.filtered(lambda item: not item.is_anonymous)
        if named:
            raise UserError(_("Item %(item)s is not anonymous.", item=named[0].name))
        now = fields.Datetime.now()
        self.with_context(**{_LIFT_KEY: _LIFT}).write(
            {
                "is_anonymous": False,
                "anonymity_lifted_by_id": self.env.uid,
                "anonymity_lifted_date": now,
                "anonymity_lift_reason": reason,
            }
        )
        for item in self:
            item.message_post(
                body=_(
                    "Anonymity lifted by %(user)s on %(date)s. Reason: %(reason)s",
                    user=self.env.user.name,
                    date=fields.Datetime.to_string(now),
                    reason=reason,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True
