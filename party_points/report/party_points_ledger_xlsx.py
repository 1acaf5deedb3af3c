from collections import defaultdict

from odoo import _, models
from odoo.tools import SQL

from ..lib import xlsx_layout
from .party_xlsx import LedgerWorkbook


class PartyPointsLedgerXlsx(models.AbstractModel):
    """The Excel files of the points ledger: the period's ledger of results
    (a summary sheet and one sheet per branch) and the ledger of entries of
    a member or of branches. Callers check access first: these read as
    superuser."""

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

    # ------------------------------------------------------------------
    # the ledger of results
    # ------------------------------------------------------------------
    # what a closed period's ledger reads of each result, in one query
    _RESULT_COLUMNS = (
        "base_score",
        "positive_points",
        "negative_points",
        "score",
        "veto_effect",
        "grade",
        "needs_decision",
        "rank_in_branch",
    )

    def _closed_results(self, period, branches, category_ids):
        """``(name, member type, branch id, values, points by category)`` of
        the stored results of ``branches`` in the closed ``period``, read in
        one query (at 10,000 members records cost more than the whole
        sheet); the points by category are a list in the order of
        ``category_ids``, taken out of each result's JSON by the query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT m.name, m.member_type, r.branch_id, %s"
                " FROM party_points_result r"
                " JOIN party_member m ON m.id = r.member_id"
                " WHERE r.period_id = %s AND r.branch_id = ANY(%s)",
                SQL(", ").join(
                    [SQL.identifier("r", name) for name in self._RESULT_COLUMNS]
                    + [
                        SQL("(r.category_points ->> %s)::float8", str(category_id))
                        for category_id in category_ids
                    ]
                ),
                period.id,
                branches.ids,
            )
        )
        count = len(self._RESULT_COLUMNS)
        for name, member_type, branch_id, *values in self.env.cr.fetchall():
            yield (
                name,
                member_type,
                branch_id,
                dict(zip(self._RESULT_COLUMNS, values[:count], strict=True)),
                values[count:],
            )

    def _ledger_lines(self, period, branches, category_ids):
        """One dict per member of ``branches``, in branch order: closed
        periods read their stored results (points by category included, as
        the close computed them), open ones compute them as closing would.
        ``categories`` of a line: its points in the order of
        ``category_ids``, ``None`` where it has none."""
        period = period.sudo()
        grades = self._labels("party.points.result", "grade")
        effects = self._labels("party.points.result", "veto_effect")
        types = self._labels("party.member", "member_type")
        if period.state == "closed":
            values = self._closed_results(period, branches, category_ids)
        else:
            members = period._scored_members()
            computed, _vetoes = period._compute_results(members)
            values = (
                (
                    member.name,
                    member.member_type,
                    member.branch_id.id,
                    computed[member.id],
                    [
                        computed[member.id]["category_points"].get(category_id)
                        for category_id in category_ids
                    ],
                )
                for member in members
                if member.branch_id in branches
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

    # ------------------------------------------------------------------
    # the ledger of entries
    # ------------------------------------------------------------------
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

    def _entry_rows(self, period, branch, member=None):
        """The entries of ``branch`` (only ``member``'s if given) in
        ``period``, by member, date and id, as tuples read in one query:
        100,000 entries as records would cost more time and memory than
        writing the file."""
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
        return self.env.cr.fetchall()

    def _entries_file(self, period, branches, member=None):
        """``(filename, bytes)`` of every entry of ``member`` (or of the
        members of ``branches``) in ``period``, one sheet per branch; the
        entries are read branch by branch (:meth:`_entry_rows`)."""
        period = period.sudo()
        self.env.flush_all()
        domain = [("period_id", "=", period.id)]
        if member:
            domain.append(("member_id", "=", member.id))
        else:
            domain.append(("branch_id", "in", branches.ids))
        found = {
            branch
            for [branch] in self.env["party.points.entry"]
            .sudo()
            ._read_group(domain, ["branch_id"])
        }
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
            rows = self._entry_rows(period, branch, member) if branch in found else []
            sheet = book.add_sheet(
                member.name if member else branch.name,
                _("Points Entries Ledger"),
                self._subtitle(period, branch=branch, member=member),
                columns,
            )
            reversed_names = {
                entry.id: entry.display_name
                for entry in self.env["party.points.entry"]
                .sudo()
                .browse({row[12] for row in rows if row[12]})
            }
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
                reversal_of,
                reversed_on,
            ) in enumerate(rows, start=1):
                reason = description or ""
                if reject_reason:
                    reason = _(
                        "%(text)s Rejected: %(reason)s",
                        text=reason,
                        reason=reject_reason,
                    ).strip()
                if reversal_of:
                    reversal = _(
                        "Reverses %(entry)s", entry=reversed_names[reversal_of]
                    )
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
