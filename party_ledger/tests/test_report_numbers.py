from lxml import etree

from odoo.tests import tagged

from . import rates_oracle
from .common import LedgerCase

RATES = ["response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"]


@tagged("post_install", "-at_install")
class TestReportNumbers(LedgerCase):
    """The satisfaction rate follows the company's setting on basically
    satisfied items; the rate reports open on all four rates."""

    def _satisfaction_rate(self, branch):
        [(rate,)] = self.env["party.suggestion.report"]._read_group(
            [("branch_id", "=", branch.id)], [], ["satisfaction_rate:avg"]
        )
        return rate

    def test_basically_satisfied_counts_as_the_company_says(self):
        company = self.branch_a.company_id
        for satisfaction in ("very_satisfied", "basic", "basic", "unsatisfied"):
            self._item(kind="explanation")._workflow_write(
                {"state": "done", "satisfaction": satisfaction}
            )
        self._item()
        self.assertFalse(company.party_basic_counts_satisfied)
        self.assertAlmostEqual(self._satisfaction_rate(self.branch_a), 25.0)
        items = self.Suggestion.search([("branch_id", "=", self.branch_a.id)])
        rows = [
            (
                item.responded_on_time,
                item.state == "done",
                item.closed_on_time,
                item.satisfaction,
            )
            for item in items
        ]
        self.assertEqual(rates_oracle.ledger_rates(rows)["satisfaction_rate"], 25.0)
        # the committee turns the setting on in the ledger settings
        settings = (
            self.env["res.config.settings"]
            .with_user(self.env.ref("base.user_admin"))
            .create({})
        )
        settings.party_basic_counts_satisfied = True
        settings.execute()
        self.assertTrue(company.party_basic_counts_satisfied)
        self.env.flush_all()
        self.assertAlmostEqual(self._satisfaction_rate(self.branch_a), 75.0)
        self.assertEqual(
            rates_oracle.ledger_rates(rows, basic_counts=True)["satisfaction_rate"],
            75.0,
        )
        # another company keeps its own setting
        other = self.env["res.company"].create({"name": "Other Plant"})
        self.assertFalse(other.party_basic_counts_satisfied)

    def test_rates_by_branch_open_on_the_four_rates(self):
        action = self.env.ref("party_ledger.party_suggestion_rates_action")
        first = action.view_ids.sorted("sequence")[0]
        self.assertEqual(first.view_mode, "pivot")
        arch = etree.fromstring(first.view_id.arch.encode())
        measures = arch.xpath("//field[@type='measure']/@name")
        self.assertTrue(set(RATES) <= set(measures))
        self.assertEqual(arch.xpath("//field[@type='row']/@name"), ["branch_id"])
        self.assertFalse(arch.xpath("//field[@type='col']"))
        self.assertIn("basically satisfied", str(action.help))

    def test_ledger_analysis_is_not_a_wide_month_pivot(self):
        action = self.env.ref("party_ledger.party_suggestion_report_action")
        self.assertEqual(action.view_mode.split(",")[0], "pivot")
        arch = etree.fromstring(
            self.env["party.suggestion.report"]
            .get_view(view_type="pivot")["arch"]
            .encode()
        )
        [col] = arch.xpath("//field[@type='col']")
        self.assertEqual(col.get("name"), "date_received")
        self.assertEqual(col.get("interval"), "year")
        self.assertEqual(arch.xpath("//field[@type='row']/@name"), ["branch_id"])
        self.assertIn("basically satisfied", str(action.help))
