"""The agenda pack of a branch committee meeting (支委会) as a PDF and as
an Excel file, from the rows ``party.meeting._agenda_pack_rows`` returns
(read as the user, after the committee checks)."""

from odoo import _, api, models

from .party_xlsx import LedgerWorkbook


class PartyMeetingAgendaReport(models.AbstractModel):
    _name = "report.party_points.report_meeting_agenda"
    _description = "Agenda Pack Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        meetings = self.env["party.meeting"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "party.meeting",
            "docs": meetings,
            "packs": {meeting.id: meeting._agenda_pack_rows() for meeting in meetings},
        }


class PartyMeetingAgendaXlsx(models.AbstractModel):
    _name = "party.meeting.agenda.xlsx"
    _description = "Agenda Pack Excel File"

    def _columns(self):
        return [
            (_("No."), 6, "int"),
            (_("Item"), 30, "wrap"),
            (_("Count"), 8, "int"),
            (_("Details"), 70, "wrap"),
        ]

    @api.model
    def _agenda_file(self, meeting):
        """``(filename, bytes)`` of the agenda pack of ``meeting``, after
        its checks (as the user)."""
        rows = meeting._agenda_pack_rows()
        meeting = meeting.sudo()
        book = LedgerWorkbook(meeting.company_id.name)
        sheet = book.add_sheet(
            _("Agenda Pack"),
            _("Agenda Pack: %(meeting)s", meeting=meeting.name),
            "    ".join(
                [
                    _("Branch: %(name)s", name=meeting.branch_id.complete_name),
                    _("Meeting: %(date)s", date=meeting.date_start.date()),
                ]
            ),
            self._columns(),
        )
        for number, (title, count, names) in enumerate(rows, start=1):
            details = "、".join(names)
            if count > len(names):
                details = _(
                    "%(names)s … (%(more)s more)",
                    names=details,
                    more=count - len(names),
                )
            sheet.write_row([number, title, count, details])
        filename = _("Agenda Pack %(meeting)s.xlsx", meeting=meeting.name)
        return filename, book.close()
