"""The compliance of organisational life as an Excel file: the rows
``party.meeting.compliance.report._export_rows`` returns, laid out like the
ledgers (party_xlsx.py)."""

from odoo import _, api, models

from ..lib import xlsx_layout
from .party_xlsx import LedgerWorkbook


class PartyMeetingComplianceXlsx(models.AbstractModel):
    _name = "party.meeting.compliance.xlsx"
    _description = "Meeting Compliance Excel File"

    def _columns(self):
        return [
            (_("No."), 6, "int"),
            (_("Branch"), 28, "text"),
            (_("Month"), 11, "date"),
            (_("Meeting Type"), 20, "text"),
            (_("Required Frequency"), 10, "center"),
            (_("Required"), 8, "int"),
            (_("Planned"), 8, "int"),
            (_("Held"), 8, "int"),
            (_("Confirmed"), 9, "int"),
            (_("Expected Attendees"), 10, "int"),
            (_("Attended"), 9, "int"),
            (_("Attendance Rate (%)"), 10, "percent"),
            (_("Compliant"), 9, "center"),
        ]

    @api.model
    def _compliance_file(self, year, branches):
        """``(filename, bytes)`` of the compliance of ``year`` of
        ``branches`` (every branch the user reads when empty), after the
        report's access checks."""
        rows = self.env["party.meeting.compliance.report"]._export_rows(year, branches)
        company = self.env.company
        book = LedgerWorkbook(company.name)
        sheet = book.add_sheet(
            str(year),
            _("Meeting Compliance %(year)s", year=year),
            "    ".join(
                [
                    _("Organisation: %(name)s", name=company.name),
                    _(
                        "Required: one meeting a month, a quarter (counted in its "
                        "last month) or a year (counted in December) by type."
                    ),
                ]
            ),
            self._columns(),
        )
        for number, row in enumerate(rows, start=1):
            sheet.write_row([number, *row])
        last = sheet.row - 1
        sheet.add_filter()
        first = sheet.first_data_row
        sums = [
            xlsx_layout.subtotal(
                [row[col - 1] for row in rows],
                xlsx_layout.column_range(col, first, last),
            )
            for col in range(5, 11)
        ]
        sheet.write_row(
            [_("Total"), None, None, None, None, *sums, None, None], total=True
        )
        filename = _("Meeting Compliance %(year)s.xlsx", year=year)
        return filename, book.close()
