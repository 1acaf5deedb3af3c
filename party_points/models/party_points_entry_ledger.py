"""What the ledger of entries (the Excel export of a member's or of branches'
entries) reads of them: plain rows, set-based, for the report to lay out."""

from odoo import api, models
from odoo.tools import SQL


class PartyPointsEntry(models.Model):
    _inherit = "party.points.entry"

    @api.model
    def _ledger_branches(self, period, branches, member=None):
        """The branches holding entries of ``member`` (or of ``branches``)
        in ``period`` (sudo, callers check access)."""
        self.env.flush_all()
        domain = [("period_id", "=", period.id)]
        if member:
            domain.append(("member_id", "=", member.id))
        else:
            domain.append(("branch_id", "in", branches.ids))
        return {branch for [branch] in self.sudo()._read_group(domain, ["branch_id"])}

    @api.model
    def _ledger_rows(self, period, branch, member=None):
        """The entries of ``branch`` (only ``member``'s if given) in
        ``period``, by member, date and id, as tuples read in one query
        (100,000 entries as records would cost more time and memory than
        writing the file), sudo, callers check access: ``(member name, date,
        rule code, rule name, list type, quantity, points, state, approver
        name, description, reject reason, number of files, name of the entry
        it reverses, date it was reversed on)``."""
        member_filter = SQL("AND e.member_id = %s", member.id) if member else SQL()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.name, e.date, r.code, r.name, e.list_type, e.quantity,
                       e.points, e.state, approver.name, e.description,
                       e.reject_reason,
                       (SELECT count(*) FROM party_points_entry_attachment_rel a
                        WHERE a.entry_id = e.id),
                       e.reversal_of_id, reversal.approved_date
                FROM party_points_entry e
                JOIN party_member m ON m.id = e.member_id
                JOIN party_points_rule r ON r.id = e.rule_id
                LEFT JOIN res_users u ON u.id = e.approved_by_id
                LEFT JOIN res_partner approver ON approver.id = u.partner_id
                LEFT JOIN party_points_entry reversal
                       ON reversal.id = e.reversed_by_id
                WHERE e.period_id = %s AND e.branch_id = %s %s
                ORDER BY m.name, m.id, e.date, e.id
                """,
                period.id,
                branch.id,
                member_filter,
            )
        )
        rows = self.env.cr.fetchall()
        reversed_names = {
            entry.id: entry.display_name
            for entry in self.sudo().browse({row[12] for row in rows if row[12]})
        }
        return [(*row[:12], reversed_names.get(row[12]), row[13]) for row in rows]
