from odoo import _, fields, models

from odoo.addons.party_points.lib import xlsx_layout
from odoo.addons.party_points.report.party_xlsx import LedgerWorkbook

RATES = ["response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"]


class PartySuggestionLedgerXlsx(models.AbstractModel):
    """The suggestion ledger (意见建议台账) as an Excel file: every item
    received in a date range, and the four rates by branch and channel.
    Callers check access first: this reads as superuser, and never the real
    submitter of an anonymous item."""

    _name = "party.suggestion.ledger.xlsx"
    _description = "Suggestion Ledger Excel File"

    def _labels(self, field):
        return dict(
            self.env["party.suggestion"]._fields[field]._description_selection(self.env)
        )

    def _local(self, value):
        """A UTC datetime as the user's local time, naive (for Excel)."""
        if not value:
            return None
        return fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)

    def _ledger_columns(self):
        return [
            (_("No."), 6, "int"),
            (_("Number"), 13, "center"),
            (_("Submitter"), 10, "center"),
            (_("Channel"), 11, "center"),
            (_("Received At"), 16, "datetime"),
            (_("Content"), 40, "wrap"),
            (_("Classification"), 14, "center"),
            (_("Urgency"), 8, "center"),
            (_("Responsible"), 10, "center"),
            (_("Overseen By"), 10, "center"),
            (_("Due By"), 11, "date"),
            (_("Progress Notes"), 30, "wrap"),
            (_("Outcome"), 30, "wrap"),
            (_("Completed On"), 16, "datetime"),
            (_("Satisfaction"), 10, "center"),
            (_("Under Supervision"), 8, "center"),
            (_("Branch"), 16, "center"),
        ]

    def _ledger_row(self, number, item, labels):
        state = labels["state"][item.state]
        progress = f"{state}: {item.reply}" if item.reply else state
        outcome = ""
        if item.state == "done":
            outcome = labels["close_type"].get(item.close_type, state)
            if item.reply:
                outcome = f"{outcome}: {item.reply}"
            progress = state
        classification = " / ".join(
            label
            for label in (
                labels["kind"].get(item.kind),
                labels["route"].get(item.route),
            )
            if label
        )
        content = item.title
        if item.description:
            content = f"{content}\n{item.description}"
        return [
            number,
            item.name,
            item.employee_id.name or "",
            labels["channel"][item.channel],
            self._local(item.date_received),
            content,
            classification,
            labels["urgency"][item.urgency],
            item.responsible_id.name or "",
            item.supervisor_id.name or "",
            item.date_deadline,
            progress,
            outcome,
            self._local(item.date_closed),
            labels["satisfaction"].get(item.satisfaction, ""),
            _("Yes") if item.is_supervised else _("No"),
            item.branch_id.name,
        ]

    def _rate_columns(self):
        return [
            (_("Branch"), 28, "text"),
            (_("Channel"), 14, "center"),
            (_("Items"), 8, "int"),
            (_("Response Rate"), 11, "percent"),
            (_("Closure Rate"), 11, "percent"),
            (_("On-time Closure Rate"), 13, "percent"),
            (_("Satisfaction Rate"), 11, "percent"),
        ]

    def _ledger_file(self, items, date_from, date_to, branches):
        """``(filename, bytes)`` of the ledger of ``items`` (sudo)."""
        company = branches[:1].company_id or self.env.company
        labels = {
            field: self._labels(field)
            for field in (
                "state",
                "close_type",
                "kind",
                "route",
                "channel",
                "urgency",
                "satisfaction",
            )
        }
        subtitle = "    ".join(
            [
                _("Organisation: %(name)s", name=company.name),
                _(
                    "Branch: %(names)s",
                    names=", ".join(branches.mapped("complete_name")),
                ),
                _("Received: %(start)s to %(end)s", start=date_from, end=date_to),
            ]
        )
        book = LedgerWorkbook(company.name)
        sheet = book.add_sheet(
            _("Suggestion Ledger"),
            _("Ledger of Employees' Suggestions"),
            subtitle,
            self._ledger_columns(),
        )
        rows = [
            self._ledger_row(number, item, labels)
            for number, item in enumerate(items, start=1)
        ]
        for row in rows:
            sheet.write_row(row)
        sheet.add_filter()
        first, last = sheet.first_data_row, sheet.row - 1
        total = [_("Total")] + [None] * (len(self._ledger_columns()) - 1)
        total[1] = xlsx_layout.count_filled(
            [row[1] for row in rows], xlsx_layout.column_range(1, first, last)
        )
        total[13] = xlsx_layout.count_filled(
            [row[13] for row in rows], xlsx_layout.column_range(13, first, last)
        )
        total[15] = xlsx_layout.count_if(
            [row[15] for row in rows],
            xlsx_layout.column_range(15, first, last),
            _("Yes"),
        )
        sheet.write_row(total, total=True)
        self._write_rates(book, items, subtitle, labels["channel"])
        filename = _(
            "Suggestion Ledger %(start)s to %(end)s.xlsx", start=date_from, end=date_to
        )
        return filename, book.close()

    @staticmethod
    def _rounded(values):
        """Item count and rates, the rates to two decimals (blank when there
        is nothing to rate)."""
        count, *rates = values
        return [count] + [None if rate is None else round(rate, 2) for rate in rates]

    def _write_rates(self, book, items, subtitle, channels):
        """The four rates by branch and channel, read from the analysis
        report over the same items (cancelled ones left out, as there)."""
        Report = self.env["party.suggestion.report"].sudo()
        domain = [("suggestion_id", "in", items.ids)]
        aggregates = ["item_count:sum"] + [f"{rate}:avg" for rate in RATES]
        by_channel = Report._read_group(
            domain, ["branch_id", "channel"], aggregates, order="branch_id, channel"
        )
        by_branch = {
            branch: self._rounded(values)
            for branch, *values in Report._read_group(domain, ["branch_id"], aggregates)
        }
        overall = Report._read_group(domain, [], aggregates)[0]
        sheet = book.add_sheet(
            _("Four Rates"),
            _("Response, Closure, On-time Closure and Satisfaction Rates"),
            subtitle,
            self._rate_columns(),
        )
        current = None
        for branch, channel, *values in by_channel:
            if current is not None and branch != current:
                sheet.write_row(
                    [current.complete_name, _("Subtotal")] + by_branch[current],
                    total=True,
                )
            current = branch
            sheet.write_row(
                [branch.complete_name, channels[channel]] + self._rounded(values)
            )
        if current is not None:
            sheet.write_row(
                [current.complete_name, _("Subtotal")] + by_branch[current], total=True
            )
        sheet.write_row([_("Total"), None] + self._rounded(overall), total=True)
