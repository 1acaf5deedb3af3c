from urllib.parse import urlencode

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import compat

KINDS = [("ledger", "Points Ledger"), ("member", "Member Ledger")]


class PartyPointsExport(models.TransientModel):
    """Export a period's points ledger (results by branch) or the ledger of
    entries of a member or of branches, as an Excel file."""

    _name = "party.points.export"
    _inherit = ["party.input.mixin"]
    _description = "Export Points Ledger"

    period_id = fields.Many2one(
        "party.points.period",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_period(),
    )
    kind = fields.Selection(KINDS, required=True, default="ledger")
    branch_ids = fields.Many2many(
        "party.branch",
        "party_points_export_branch_rel",
        "export_id",
        "branch_id",
        string="Branches",
        help="With the branches below them. Empty: every branch you work.",
    )
    member_id = fields.Many2one(
        "party.member",
        ondelete="cascade",
        help="Only this member's entries. Empty: the entries of the branches.",
    )

    @api.model
    def _default_period(self):
        if self.env.context.get("active_model") == "party.points.period":
            return self.env.context.get("active_id")
        return self.env["party.points.period"].search([], limit=1).id

    @api.model
    def _export_scope(self, kind, period, branches, member):
        """Check that the current user may export this and return the
        branches it covers (sudo): a member their own entries, an officer
        the branches they work, the Party committee every branch."""
        if kind not in dict(KINDS):
            raise UserError(_("Unknown export: %(kind)s.", kind=kind))
        # What the URL names is read as the user first, in the user's
        # companies: another company's period, branch or member stops here.
        period = self._readable(period)
        if not period:
            raise UserError(_("Choose the period to export."))
        member = self._readable(member)
        branches = self._readable(branches)
        if (member.company_id | branches.company_id) - period.company_id:
            raise AccessError(
                _(
                    "Period %(period)s belongs to %(company)s: it holds no "
                    "branch or member of another company.",
                    period=period.name,
                    company=period.company_id.name,
                )
            )
        period, member = period.sudo(), member.sudo()
        user = self.env.user
        if kind == "member" and member and member.user_id == user:
            return member.branch_id
        if not (self.env.su or user.has_group("party_points.group_party_officer")):
            raise AccessError(
                _(
                    "Only branch officers and the Party committee export "
                    "ledgers; members export their own entries."
                )
            )
        if kind == "ledger" and member:
            raise UserError(_("The points ledger covers branches, not one member."))
        scope = period._scored_branches()
        if member:
            branches = member.branch_id
        elif branches:
            branches = scope & self.env["party.branch"].sudo().search(
                [("id", "child_of", branches.ids)]
            )
            if not branches:
                raise UserError(
                    _(
                        "Period %(period)s does not score these branches.",
                        period=period.name,
                    )
                )
        elif self.env["party.branch"]._is_party_committee():
            branches = scope
        else:
            branches = scope.filtered(lambda branch: user in branch.access_user_ids)
            if not branches:
                raise AccessError(
                    _("You are not an officer of any branch this period scores.")
                )
        branches.with_env(self.env)._check_user_works_here()
        return branches

    @api.model
    def _readable(self, records):
        """``records`` as the current user, once they exist, may be read by
        them and belong to their companies; an AccessError otherwise."""
        records = records.with_env(self.env).exists()
        if records and not self.env.su:
            compat.check_access(records, "read")
            if records.company_id - self.env.companies:
                raise AccessError(
                    _("These records belong to a company you do not work in.")
                )
        return records

    @api.model
    def _export_file(self, kind, period, branches, member):
        """``(filename, bytes)`` of the export, after checking access."""
        branches = self._export_scope(kind, period, branches, member)
        Xlsx = self.env["party.points.ledger.xlsx"]
        if kind == "ledger":
            return Xlsx._ledger_file(period, branches)
        return Xlsx._entries_file(period, branches, member.sudo() or None)

    def action_export(self):
        """Check access now, then download the file from the controller
        (which checks again)."""
        self.ensure_one()
        self._export_scope(self.kind, self.period_id, self.branch_ids, self.member_id)
        params = {"period_id": self.period_id.id}
        if self.branch_ids:
            params["branch_ids"] = ",".join(str(id_) for id_ in self.branch_ids.ids)
        if self.member_id:
            params["member_id"] = self.member_id.id
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {"url": f"/party_points/export/{self.kind}?{urlencode(params)}"},
        }
