from collections import defaultdict

from odoo import _, models

from ..lib import xlsx_layout
from .party_xlsx import LedgerWorkbook


class PartyPointsLedgerXlsx(models.AbstractModel):
    """The Excel files of the points ledger: here the period's ledger of
    results (a summary sheet and one sheet per branch), in
    party_points_entries_xlsx.py the ledger of entries of a member or of
    branches. They lay out the rows the models read (``_ledger_rows`` of
    party.points.result and of party.points.entry). Callers check access
    first: these read as superuser."""

    _name = "party.points.ledger.xlsx"
    _description = "Points Ledger Excel Files"

    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _subtitle(self, period, branch=None, member=None, provisional=False):
        parts = [_("Organisation: %(name)s", name=period.company_id.name)]
        if branch:
            parts.append(_("Branch: %(name)s", name=branch.complete_name))
        if member:
            parts.append(_("Member: %(name)s", name=member.name))
        parts.append(
            _(
                "Period: %(name)s (%(start)s to %(end)s)",
                name=period.name,
                start=period.date_start,
                end=period.date_end,
            )
        )
        if provisional and period.state == "open":
            parts.append(_("Period still open: provisional scores"))
        return "    ".join(parts)

    def _ledger_lines(self, period, branches, category_ids):
        """One dict per member of ``branches``, in branch order, from the
        results :meth:`party.points.result._ledger_rows` reads (stored once
        the period is closed, computed while it is open). ``categories`` of
        a line: its points in the order of ``category_ids``, ``None`` where
        it has none."""
        period = period.sudo()
        grades = self._labels("party.points.result", "grade")
        effects = self._labels("party.points.result", "veto_effect")
        types = self._labels("party.member", "member_type")
        values = self.env["party.points.result"]._ledger_rows(
            period, branches, category_ids
        )
        branch_by_id = {branch.id: branch for branch in branches}
        tie = _("%(grade)s (tie, to decide)")
        ranked = period.ruleset_id.ranking_enabled
        lines = []
        for name, member_type, branch_id, vals, by_category in values:
            grade = grades.get(vals["grade"], "")
            if vals["needs_decision"]:
                grade = tie % {"grade": grade}
            lines.append(
                {
                    "branch": branch_by_id[branch_id],
                    "name": name,
                    "member_type": types.get(member_type, ""),
                    "base_score": vals["base_score"],
                    "categories": by_category,
                    "positive": vals["positive_points"],
                    "negative": -vals["negative_points"],
                    "veto": effects.get(vals["veto_effect"], ""),
                    "score": vals["score"],
                    "rank": ranked and vals["rank_in_branch"] or None,
                    "grade_key": vals["grade"],
                    "grade": grade,
                }
            )
        order = {branch.id: index for index, branch in enumerate(branches)}
        lines.sort(
            key=lambda line: (order[line["branch"].id], -line["score"], line["name"])
        )
        return lines

    def _ledger_columns(self, categories, ranked=True):
        columns = [
            (_("No."), 6, "int"),
            (_("Full Name"), 12, "center"),
            (_("Member Type"), 12, "center"),
            (_("Base Score"), 9, "points"),
        ]
        columns += [
            (
                f"{category.name}({'+' if category.list_type == 'positive' else '-'})",
                11,
                "points",
            )
            for category in categories
        ]
        columns += [
            (_("Positive Total"), 10, "points"),
            (_("Negative Total"), 10, "points"),
            (_("One-vote Veto"), 14, "center"),
            (_("Total Score"), 9, "points"),
        ]
        if ranked:
            columns.append((_("Rank"), 6, "int"))
        columns.append((_("Grade"), 14, "center"))
        return columns

    def _write_ledger_sheet(self, book, period, branch, lines, layout):
        """One branch's sheet; ``layout`` holds what every sheet shares,
        translated once per file: title, columns, number of categories,
        labels of the totals row."""
        sheet = book.add_sheet(
            branch.name,
            layout["title"],
            self._subtitle(period, branch=branch, provisional=True),
            layout["columns"],
        )
        for number, line in enumerate(lines, start=1):
            sheet.write_row(
                [number, line["name"], line["member_type"], line["base_score"]]
                + line["categories"]
                + [
                    line["positive"],
                    line["negative"],
                    line["veto"],
                    line["score"],
                ]
                + ([line["rank"]] if layout["ranked"] else [])
                + [line["grade"]]
            )
        last = sheet.row - 1
        sheet.add_filter()
        sums = [
            [line["base_score"] for line in lines],
            *(
                [line["categories"][index] or 0.0 for line in lines]
                for index in range(layout["category_count"])
            ),
            [line["positive"] for line in lines],
            [line["negative"] for line in lines],
        ]
        veto_col = 3 + len(sums)
        totals = [layout["total"], layout["members"] % {"count": len(lines)}, None]
        totals += [
            xlsx_layout.subtotal(
                values, xlsx_layout.column_range(col, sheet.first_data_row, last)
            )
            for col, values in enumerate(sums, start=3)
        ]
        totals += [
            xlsx_layout.count_filled(
                [line["veto"] for line in lines],
                xlsx_layout.column_range(veto_col, sheet.first_data_row, last),
            ),
            xlsx_layout.subtotal(
                [line["score"] for line in lines],
                xlsx_layout.column_range(veto_col + 1, sheet.first_data_row, last),
            ),
        ]
        totals += [None] * (2 if layout["ranked"] else 1)
        sheet.write_row(totals, total=True)

    def _summary_columns(self):
        return [
            (_("No."), 6, "int"),
            (_("Branch"), 28, "text"),
            (_("Members"), 9, "int"),
            (_("Graded"), 9, "int"),
            (_("Exempt"), 9, "int"),
            (_("Vetoed"), 9, "int"),
            (_("Average Score"), 10, "points"),
            (_("Highest Score"), 10, "points"),
            (_("Lowest Score"), 10, "points"),
            (_("Excellent"), 9, "int"),
            (_("Qualified"), 9, "int"),
            (_("Basically Qualified"), 11, "int"),
            (_("Unqualified"), 9, "int"),
        ]

    @staticmethod
    def _summary_values(lines):
        scores = [line["score"] for line in lines]
        grades = [line["grade_key"] for line in lines]
        return [
            len(lines),
            sum(1 for grade in grades if grade and grade != "exempt"),
            grades.count("exempt"),
            sum(1 for line in lines if line["veto"]),
            round(sum(scores) / len(scores), 2) if scores else None,
            max(scores, default=None),
            min(scores, default=None),
            grades.count("excellent"),
            grades.count("qualified"),
            grades.count("basic"),
            grades.count("unqualified"),
        ]

    def _ledger_file(self, period, branches):
        """``(filename, bytes)`` of the ledger of ``period`` for ``branches``."""
        period = period.sudo()
        branches = branches.sudo()
        categories = period.ruleset_id.category_ids._sorted_by_list()
        lines = self._ledger_lines(period, branches, categories.ids)
        by_branch = defaultdict(list)
        for line in lines:
            by_branch[line["branch"]].append(line)
        book = LedgerWorkbook(period.company_id.name)
        summary = book.add_sheet(
            _("Summary"),
            _("Party Member Points Ledger: Summary"),
            self._subtitle(period, provisional=True),
            self._summary_columns(),
        )
        filled = [branch for branch in branches if by_branch.get(branch)]
        stats = [self._summary_values(by_branch[branch]) for branch in filled]
        for number, (branch, values) in enumerate(
            zip(filled, stats, strict=True), start=1
        ):
            summary.write_row([number, branch.complete_name] + values)
        last = summary.row - 1
        summary.add_filter()
        overall = self._summary_values(lines)
        totals = [_("Total"), _("%(count)s branches", count=len(filled))]
        for index, value in enumerate(overall):
            if index in (4, 5, 6):
                # average, highest and lowest of every member, not of branches
                totals.append(value)
                continue
            totals.append(
                xlsx_layout.subtotal(
                    [values[index] for values in stats],
                    xlsx_layout.column_range(index + 2, summary.first_data_row, last),
                )
            )
        summary.write_row(totals, total=True)
        # A rule book that ranks nobody shows no rank column at all.
        ranked = period.ruleset_id.ranking_enabled
        layout = {
            "title": _("Party Member Points Ledger"),
            "ranked": ranked,
            "columns": self._ledger_columns(categories, ranked),
            "category_count": len(categories),
            "total": _("Total"),
            "members": _("%(count)s members"),
        }
        for branch in filled:
            self._write_ledger_sheet(book, period, branch, by_branch[branch], layout)
        filename = _("Points Ledger %(period)s.xlsx", period=period.name)
        return filename, book.close()
