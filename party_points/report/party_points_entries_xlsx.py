"""The ledger of entries: every entry of a member, or of the members of
branches, in a period, one sheet per branch, as the report
``party.points.ledger.xlsx`` lays it out (the ledger of results is in
party_points_ledger_xlsx.py)."""

from odoo import _, models

from ..lib import xlsx_layout
from .party_xlsx import LedgerWorkbook


class PartyPointsLedgerXlsx(models.AbstractModel):
    _inherit = "party.points.ledger.xlsx"

    def _entry_columns(self):
        return [
            (_("No."), 6, "int"),
            (_("Full Name"), 12, "center"),
            (_("Date"), 11, "date"),
            (_("Code"), 9, "center"),
            (_("Item"), 30, "wrap"),
            (_("List"), 9, "center"),
            (_("Quantity"), 7, "points"),
            (_("Points"), 9, "points"),
            (_("Status"), 9, "center"),
            (_("Approved By"), 12, "center"),
            (_("Reason"), 36, "wrap"),
            (_("Evidence"), 7, "int"),
            (_("Reversal"), 24, "wrap"),
        ]

    def _entries_file(self, period, branches, member=None):
        """``(filename, bytes)`` of every entry of ``member`` (or of the
        members of ``branches``) in ``period``, one sheet per branch; the
        entries are read branch by branch
        (:meth:`party.points.entry._ledger_rows`)."""
        period = period.sudo()
        Entry = self.env["party.points.entry"]
        found = Entry._ledger_branches(period, branches, member)
        states = self._labels("party.points.entry", "state")
        lists = self._labels("party.points.entry", "list_type")
        approved = states["approved"]
        book = LedgerWorkbook(period.company_id.name)
        columns = self._entry_columns()
        sheets = [branch for branch in branches if branch in found]
        sheets += sorted(
            (branch for branch in found if branch not in sheets),
            key=lambda branch: branch.complete_name,
        )
        for branch in sheets or (member.branch_id if member else branches)[:1]:
            rows = Entry._ledger_rows(period, branch, member) if branch in found else []
            sheet = book.add_sheet(
                member.name if member else branch.name,
                _("Points Entries Ledger"),
                self._subtitle(period, branch=branch, member=member),
                columns,
            )
            points, state_labels = [], []
            for number, (
                name,
                day,
                code,
                item,
                list_type,
                quantity,
                entry_points,
                state_key,
                approver,
                description,
                reject_reason,
                evidence,
                reverses,
                reversed_on,
            ) in enumerate(rows, start=1):
                reason = description or ""
                if reject_reason:
                    reason = _(
                        "%(text)s Rejected: %(reason)s",
                        text=reason,
                        reason=reject_reason,
                    ).strip()
                if reverses:
                    reversal = _("Reverses %(entry)s", entry=reverses)
                elif reversed_on:
                    reversal = _("Reversed on %(date)s", date=reversed_on.date())
                else:
                    reversal = ""
                state = states[state_key]
                points.append(entry_points if state_key == "approved" else 0.0)
                state_labels.append(state)
                sheet.write_row(
                    [
                        number,
                        name,
                        day,
                        code,
                        item,
                        lists.get(list_type, ""),
                        quantity,
                        entry_points,
                        state,
                        approver or "",
                        reason,
                        evidence,
                        reversal,
                    ]
                )
            last = sheet.row - 1
            sheet.add_filter()
            first = sheet.first_data_row
            sheet.write_row(
                [
                    _("Total"),
                    _("%(count)s entries", count=len(rows)),
                    None,
                    None,
                    _("Approved points"),
                    None,
                    None,
                    xlsx_layout.sum_if(
                        points,
                        xlsx_layout.column_range(8, first, last),
                        approved,
                        xlsx_layout.column_range(7, first, last),
                    ),
                    xlsx_layout.count_if(
                        state_labels, xlsx_layout.column_range(8, first, last), approved
                    ),
                    None,
                    None,
                    None,
                    None,
                ],
                total=True,
            )
        name = member.name if member else "、".join(branches.mapped("name"))
        filename = _(
            "Points Entries %(name)s %(period)s.xlsx", name=name, period=period.name
        )
        return filename, book.close()
