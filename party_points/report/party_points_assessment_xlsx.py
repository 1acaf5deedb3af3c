"""The annual assessment as an Excel file: the ledger in the layout
superiors ask for and the 公示 sheet, from the rows
``party.points.assessment._ledger_rows`` and ``_notice_rows`` return, laid
out like the other ledgers (party_xlsx.py)."""

from odoo import _, api, models

from ..lib import xlsx_layout
from .party_xlsx import LedgerWorkbook


class PartyPointsAssessmentXlsx(models.AbstractModel):
    _name = "party.points.assessment.xlsx"
    _description = "Assessment Excel File"

    def _ledger_columns(self, periods, ranked):
        columns = [
            (_("No."), 6, "int"),
            (_("Branch"), 24, "text"),
            (_("Full Name"), 12, "center"),
            (_("Category"), 12, "center"),
        ]
        columns += [(period.name, 10, "points") for period in periods]
        columns += [
            (_("Year Points"), 10, "points"),
            (_("Votes Excellent"), 8, "int"),
            (_("Votes Qualified"), 8, "int"),
            (_("Votes Basically Qualified"), 9, "int"),
            (_("Votes Unqualified"), 8, "int"),
            (_("Composite"), 10, "points"),
            (_("One-vote Veto"), 12, "center"),
            (_("Proposed Grade"), 14, "center"),
            (_("Final Grade"), 12, "center"),
        ]
        if ranked:
            columns.append((_("Rank in Branch"), 8, "int"))
        columns += [
            (_("Objections"), 8, "int"),
            (_("Objection Outcome"), 20, "wrap"),
        ]
        return columns

    def _notice_columns(self, ranked):
        columns = [
            (_("No."), 6, "int"),
            (_("Branch"), 28, "text"),
            (_("Full Name"), 14, "center"),
            (_("Grade"), 14, "center"),
        ]
        if ranked:
            columns.append((_("Rank in Branch"), 8, "int"))
        return columns

    def _subtitle(self, assessment):
        return "    ".join(
            [
                _("Organisation: %(name)s", name=assessment.company_id.name),
                _(
                    "Assessment: %(name)s (%(start)s to %(end)s)",
                    name=assessment.name,
                    start=assessment.date_start,
                    end=assessment.date_end,
                ),
                _(
                    "Composite: points %(points)s%%, democratic review %(review)s%%",
                    points=assessment.points_weight,
                    review=assessment.review_weight,
                ),
            ]
        )

    @api.model
    def _assessment_file(self, assessment, branches):
        """``(filename, bytes)`` of the ledger and the 公示 sheet of
        ``assessment`` for ``branches`` (every branch the user works when
        empty), after the assessment's access checks
        (:meth:`party.points.assessment._export_lines`, as the user)."""
        lines = assessment._export_lines(branches)
        periods, rows = assessment._ledger_rows(lines)
        notice = assessment._notice_rows(lines)
        assessment = assessment.sudo()
        ranked = assessment.ranking_enabled
        book = LedgerWorkbook(assessment.company_id.name)
        subtitle = self._subtitle(assessment)
        sheet = book.add_sheet(
            _("Assessment Ledger"),
            _("Annual Assessment Ledger: %(name)s", name=assessment.name),
            subtitle,
            self._ledger_columns(periods, ranked),
        )
        for number, row in enumerate(rows, start=1):
            branch, name, category, scores, *figures = row
            rank, count, outcome = figures[-3:]
            figures = figures[:-3]
            sheet.write_row(
                [number, branch, name, category, *scores, *figures]
                + ([rank] if ranked else [])
                + [count, outcome]
            )
        last = sheet.row - 1
        sheet.add_filter()
        first = sheet.first_data_row
        # the votes and the objections add up; scores do not
        votes_col = 4 + len(periods) + 1
        totals = [
            _("Total"),
            _("%(count)s members", count=len(rows)),
            None,
            None,
            *([None] * (len(periods) + 1)),
        ]
        totals += [
            xlsx_layout.subtotal(
                [row[5 + index] for row in rows],
                xlsx_layout.column_range(votes_col + index, first, last),
            )
            for index in range(4)
        ]
        totals += [None] * (4 + (1 if ranked else 0))
        objections_col = len(totals)
        totals += [
            xlsx_layout.subtotal(
                [row[14] for row in rows],
                xlsx_layout.column_range(objections_col, first, last),
            ),
            None,
        ]
        sheet.write_row(totals, total=True)
        public = book.add_sheet(
            _("Public Notice"),
            _("Public Notice of the Assessment: %(name)s", name=assessment.name),
            subtitle,
            self._notice_columns(ranked),
        )
        for number, (branch, name, grade, rank) in enumerate(notice, start=1):
            public.write_row([number, branch, name, grade] + ([rank] if ranked else []))
        public.add_filter()
        filename = _("Assessment %(name)s.xlsx", name=assessment.name)
        return filename, book.close()
