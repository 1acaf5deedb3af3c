from datetime import datetime, time, timedelta
from urllib.parse import urlencode

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class PartySuggestionExport(models.TransientModel):
    """Export the suggestion ledger of a date range as an Excel file."""

    _name = "party.suggestion.export"
    _inherit = ["party.input.mixin"]
    _description = "Export Suggestion Ledger"

    date_from = fields.Date(
        string="Received From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Received To", required=True, default=fields.Date.context_today
    )
    branch_ids = fields.Many2many(
        "party.branch",
        "party_suggestion_export_branch_rel",
        "export_id",
        "branch_id",
        string="Branches",
        help="With the branches below them. Empty: every branch you work.",
    )

    @api.model
    def _export_scope(self, date_from, date_to, branches):
        """Check that the current user may export the ledger of
        ``branches`` and return every branch it covers (sudo): officers
        their branches, the Party committee every branch."""
        if not (date_from and date_to):
            raise UserError(_("Choose the dates of the ledger."))
        if date_from > date_to:
            raise UserError(_("The ledger cannot end before it starts."))
        user = self.env.user
        if not (self.env.su or user.has_group("party_points.group_party_officer")):
            raise AccessError(
                _("Only branch officers and the Party committee export the ledger.")
            )
        # What the URL names is read as the user first, in the user's
        # companies: another company's branches stop here.
        branches = self.env["party.points.export"]._readable(branches)
        companies = [("company_id", "in", self.env.companies.ids)]
        Branch = self.env["party.branch"].sudo()
        if branches:
            branches = Branch.search([("id", "child_of", branches.ids)] + companies)
        elif self.env["party.branch"]._is_party_committee():
            branches = Branch.search(companies)
        else:
            branches = Branch.search([("access_user_ids", "in", user.id)] + companies)
            if not branches:
                raise AccessError(_("You are not an officer of any branch."))
        branches.with_env(self.env)._check_user_works_here()
        return branches

    def _utc_bounds(self, date_from, date_to):
        """The user's local days as UTC datetimes: [start, end)."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        return [
            tz.localize(datetime.combine(day, time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
            for day in (date_from, date_to + timedelta(days=1))
        ]

    @api.model
    def _export_file(self, date_from, date_to, branches):
        """``(filename, bytes)`` of the ledger, after checking access."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        branches = self._export_scope(date_from, date_to, branches)
        start, end = self._utc_bounds(date_from, date_to)
        items = (
            self.env["party.suggestion"]
            .sudo()
            .search(
                [
                    ("branch_id", "in", branches.ids),
                    ("date_received", ">=", start),
                    ("date_received", "<", end),
                ],
                order="date_received, id",
            )
        )
        return self.env["party.suggestion.ledger.xlsx"]._ledger_file(
            items, date_from, date_to, branches
        )

    def action_export(self):
        """Check access now, then download the file from the controller
        (which checks again)."""
        self.ensure_one()
        self._export_scope(self.date_from, self.date_to, self.branch_ids)
        params = {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }
        if self.branch_ids:
            params["branch_ids"] = ",".join(str(id_) for id_ in self.branch_ids.ids)
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {"url": f"/party_ledger/export/suggestions?{urlencode(params)}"},
        }
