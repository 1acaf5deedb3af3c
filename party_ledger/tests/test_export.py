"""The Excel suggestion ledger, read back with openpyxl: sheets, headers,
totals and rows against the database, the rates against the analysis
report, anonymity, and access."""

import io
import zipfile
from datetime import datetime, timedelta

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.party_points.tests.common import query_bound

from . import rates_oracle
from .common import LedgerCase

HEADERS = [
    "No.",
    "Number",
    "Submitter",
    "Channel",
    "Received At",
    "Content",
    "Classification",
    "Urgency",
    "Responsible",
    "Overseen By",
    "Due By",
    "Progress Notes",
    "Outcome",
    "Completed On",
    "Satisfaction",
    "Under Supervision",
    "Branch",
]
RATE_HEADERS = [
    "Branch",
    "Channel",
    "Items",
    "Response Rate",
    "Closure Rate",
    "On-time Closure Rate",
    "Satisfaction Rate",
]
MARCH = ("2026-03-01", "2026-03-31")
# an upper bound: the ledger is read set-based, whatever the number of items;
# up to 7 of the queries read the branches as the user, in their companies
# (issue 11): the record rules' domain, computed once per user and then
# cached. Measured by series, plus the headroom of query_bound.
LEDGER_QUERIES = query_bound({17: 27, 18: 28, 19: 29})


def workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content), data_only=True)


def data_rows(sheet):
    values = list(sheet.iter_rows(min_row=4, values_only=True))
    return values[:-1], values[-1]


class ExportCase(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Asia/Shanghai"))
        received = cls.RECEIVED
        cls.done = cls._classified(
            title="Dusty conveyor",
            description="Coal dust on belt 3",
        )
        # fixture values only the workflow writes
        cls.done._workflow_write(
            {
                "is_supervised": True,
                "state": "done",
                "close_type": "implemented",
                "reply": "Covers fitted",
                "date_first_response": received + timedelta(hours=5),
                "date_closed": received + timedelta(days=3),
                "satisfaction": "satisfied",
            }
        )
        cls.open_item = cls._item(
            title="Canteen queue", channel="mailbox", kind="explanation"
        )
        # raised anonymously by Worker Ma, who raised nothing else
        cls.anonymous = cls.Suggestion.with_user(cls.user_other).create(
            {
                "title": "My team leader shouts at us",
                "branch_id": cls.branch_a.id,
                "channel": "mailbox",
                "is_anonymous": True,
                "date_received": received + timedelta(days=1),
            }
        )
        cls.cancelled = cls._item(title="Duplicate")
        cls.cancelled._workflow_write({"state": "cancelled"})
        cls.item_b = cls._item(title="Locker room", branch_id=cls.branch_b.id)
        # 20:00 UTC on 31 March is already April in Shanghai
        cls.april = cls._item(
            title="Next month", date_received=datetime(2026, 3, 31, 20)
        )
        cls.Export = cls.env["party.suggestion.export"]

    def _export(self, user=None, branches=None, dates=MARCH):
        """The ledger of the test committee (clear of the demo data), or of
        ``branches`` (empty: every branch the user works)."""
        env = self.env(user=user) if user else self.env
        if branches is None:
            branches = self.committee
        return env["party.suggestion.export"]._export_file(*dates, branches)


@tagged("post_install", "-at_install")
class TestSuggestionExport(ExportCase):
    def test_ledger_sheet(self):
        filename, content = self._export()
        self.assertEqual(filename, "Suggestion Ledger 2026-03-01 to 2026-03-31.xlsx")
        book = workbook(content)
        self.assertEqual(book.sheetnames, ["Suggestion Ledger", "Four Rates"])
        sheet = book["Suggestion Ledger"]
        self.assertEqual(sheet["A1"].value, "Ledger of Employees' Suggestions")
        self.assertIn("2026-03-01 to 2026-03-31", sheet["A2"].value)
        self.assertEqual([cell.value for cell in sheet[3]], HEADERS)
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.print_title_rows, "$3:$3")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        rows, totals = data_rows(sheet)
        items = (
            self.done | self.open_item | self.anonymous | self.cancelled | self.item_b
        )
        self.assertEqual(sorted(row[1] for row in rows), sorted(items.mapped("name")))
        self.assertEqual([row[0] for row in rows], list(range(1, 6)))
        self.assertEqual(sheet.auto_filter.ref, "A3:Q8")
        done = next(row for row in rows if row[1] == self.done.name)
        self.assertEqual(
            done[2:4] + done[5:10],
            (
                "Worker Liu",
                "Team Meeting",
                "Dusty conveyor\nCoal dust on belt 3",
                "Implementation / Workshop Task",
                "Normal",
                "Member Sun",
                "Chief Gao",
            ),
        )
        # local time of the user (Shanghai, UTC+8)
        self.assertEqual(done[4], datetime(2026, 3, 2, 9, 0))
        self.assertEqual(
            done[10], datetime.combine(self.done.date_deadline, datetime.min.time())
        )
        self.assertEqual(done[11:13], ("Done", "Implemented: Covers fitted"))
        self.assertEqual(done[13], datetime(2026, 3, 5, 9, 0))
        self.assertEqual(done[14:17], ("Satisfied", "Yes", "Branch A"))
        cancelled = next(row for row in rows if row[1] == self.cancelled.name)
        self.assertEqual((cancelled[11], cancelled[12]), ("Cancelled", None))
        # totals: items, closed items, supervised items
        self.assertEqual(totals[0], "Total")
        self.assertEqual(totals[1], 5)
        self.assertEqual(totals[13], 1)
        self.assertEqual(totals[15], 1)

    def test_rates_sheet(self):
        sheet = workbook(self._export()[1])["Four Rates"]
        self.assertEqual([cell.value for cell in sheet[3]], RATE_HEADERS)
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        self.assertEqual(
            [row[:3] for row in rows],
            [
                ("Test Committee / Branch A", "Mailbox", 2),
                ("Test Committee / Branch A", "Team Meeting", 1),
                ("Test Committee / Branch A", "Subtotal", 3),
                ("Test Committee / Branch B", "Team Meeting", 1),
                ("Test Committee / Branch B", "Subtotal", 1),
                ("Total", None, 4),
            ],
        )
        # the report's averages are the rates the oracle counts
        for row, items in (
            (rows[0], self.open_item | self.anonymous),
            (rows[1], self.done),
            (rows[2], self.done | self.open_item | self.anonymous),
            (rows[4], self.item_b),
            (rows[5], self.done | self.open_item | self.anonymous | self.item_b),
        ):
            rates = rates_oracle.ledger_rates(
                (
                    item.responded_on_time,
                    item.state == "done",
                    item.closed_on_time,
                    item.satisfaction,
                )
                for item in items
            )
            for value, rate in zip(
                row[3:],
                ("response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"),
                strict=True,
            ):
                if value is None:
                    # nothing to rate: a blank cell, where ledger_rates says 0
                    self.assertEqual(rates[rate], 0.0, rate)
                else:
                    self.assertEqual(value, rates[rate], rate)
        self.assertEqual(rows[2][3:], (33.33, 33.33, 100, 100))

    def test_anonymous_submitter_appears_nowhere(self):
        self.assertEqual(self.anonymous.sudo().submitter_id, self.emp_other)
        _filename, content = self._export(user=self.manager)
        book = workbook(content)
        rows, _totals = data_rows(book["Suggestion Ledger"])
        anonymous = next(row for row in rows if row[1] == self.anonymous.name)
        self.assertIsNone(anonymous[2])
        for sheet in book:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    self.assertNotIn("Worker Ma", str(value))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                self.assertNotIn(b"Worker Ma", archive.read(name), name)

    def test_officer_exports_only_their_branches(self):
        rows, _totals = data_rows(
            workbook(
                self._export(user=self.officer_a, branches=self.env["party.branch"])[1]
            )["Suggestion Ledger"]
        )
        self.assertEqual({row[16] for row in rows}, {"Branch A"})
        with self.assertRaises(AccessError):
            self._export(user=self.officer_a, branches=self.branch_b)
        with self.assertRaises(AccessError):
            self._export(user=self.officer_a, branches=self.committee)
        with self.assertRaises(AccessError):
            self._export(user=self.user_emp)
        wizard = self.Export.with_user(self.officer_a).create(
            {"branch_ids": [(6, 0, self.branch_b.ids)]}
        )
        with self.assertRaises(AccessError):
            wizard.action_export()

    def test_committee_exports_every_branch(self):
        rows, _totals = data_rows(
            workbook(
                self._export(user=self.manager, branches=self.env["party.branch"])[1]
            )["Suggestion Ledger"]
        )
        self.assertLessEqual({"Branch A", "Branch B"}, {row[16] for row in rows})

    def test_dates(self):
        rows, _totals = data_rows(
            workbook(self._export(dates=("2026-04-01", "2026-04-30"))[1])[
                "Suggestion Ledger"
            ]
        )
        self.assertEqual([row[1] for row in rows], [self.april.name])
        with self.assertRaises(UserError):
            self._export(dates=("2026-04-30", "2026-04-01"))

    def test_wizard_action(self):
        wizard = self.Export.with_user(self.officer_a).create(
            {
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "branch_ids": [(6, 0, self.branch_a.ids)],
            }
        )
        self.assertEqual(
            wizard.action_export()["params"]["url"],
            "/party_ledger/export/suggestions?date_from=2026-03-01"
            f"&date_to=2026-03-31&branch_ids={self.branch_a.id}",
        )

    def test_ledger_queries(self):
        """The same queries for 5 items as for 15 with 10 more people."""
        for count in (5, 15):
            if count == 15:
                employees = self.env["hr.employee"].create(
                    [{"name": f"Worker {index}"} for index in range(10)]
                )
                for employee in employees:
                    self._classified(
                        employee_id=employee.id,
                        responsible_id=employee.id,
                        channel="survey",
                    )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(LEDGER_QUERIES):
                content = self._export(user=self.manager)[1]
            rows, _totals = data_rows(workbook(content)["Suggestion Ledger"])
            self.assertEqual(len(rows), count)


@tagged("post_install", "-at_install")
class TestSuggestionExportRoute(ExportCase, HttpCase):
    def test_crafted_url_for_another_branch_is_refused(self):
        self.authenticate("party_officer_a", "party_officer_a")
        base = (
            "/party_ledger/export/suggestions?date_from=2026-03-01&date_to=2026-03-31"
        )
        response = self.url_open(f"{base}&branch_ids={self.branch_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Disposition"],
            "attachment; filename*=UTF-8''"
            "Suggestion%20Ledger%202026-03-01%20to%202026-03-31.xlsx",
        )
        response = self.url_open(f"{base}&branch_ids={self.branch_b.id}")
        self.assertEqual(response.status_code, 403)
        response = self.url_open("/party_ledger/export/suggestions?date_from=March")
        self.assertEqual(response.status_code, 400)


@tagged("post_install", "-at_install")
class TestSuggestionExportChinese(ExportCase):
    def test_chinese_ledger(self):
        """In Chinese the file speaks as the brief's superiors ask for."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["party_points", "party_ledger"], ["zh_CN"], overwrite=True
        )
        filename, content = (
            self.env["party.suggestion.export"]
            .with_context(lang="zh_CN")
            ._export_file(*MARCH, self.committee)
        )
        self.assertEqual(filename, "意见建议台账_2026-03-01至2026-03-31.xlsx")
        book = workbook(content)
        self.assertEqual(book.sheetnames, ["意见建议台账", "四率统计"])
        sheet = book["意见建议台账"]
        self.assertEqual(
            [cell.value for cell in sheet[3]][:16],
            [
                "序号",
                "编号",
                "提出人",
                "渠道",
                "收到时间",
                "内容",
                "分类",
                "紧急程度",
                "责任人",
                "监督人",
                "完成时限",
                "进展",
                "办结情况",
                "办结时间",
                "满意度",
                "是否督办",
            ],
        )
        rows, totals = data_rows(sheet)
        done = next(row for row in rows if row[1] == self.done.name)
        self.assertEqual(done[15], "是")
        self.assertEqual(totals[0], "合计")
        self.assertEqual(
            [cell.value for cell in book["四率统计"][3]][2:],
            ["件数", "答复率", "办结率", "按时办结率", "满意率"],
        )
