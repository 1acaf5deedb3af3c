from datetime import timedelta

from odoo.tests import tagged

from . import rates_oracle
from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestRates(LedgerCase):
    """A hand-counted fixture of ten items in branch A plus one in branch B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        received = cls.RECEIVED  # normal: answer within 72 h; explanation: 7 days
        cls.fixture = cls.env["party.suggestion"]
        rows = [
            # channel, kind, first response after (hours), closed after (days),
            # satisfaction, state
            ("dual_link", "explanation", 5, 2, "very_satisfied", "done"),
            ("dual_link", "explanation", 80, 3, "satisfied", "done"),
            ("dual_link", "implementation", 10, 20, "basic", "done"),
            ("mailbox", "implementation", 10, 40, "satisfied", "done"),
            ("mailbox", "implementation", 100, None, "unsatisfied", "in_progress"),
            ("mailbox", "implementation", 1, None, None, "verifying"),
            ("team_meeting", "implementation", None, None, None, "classified"),
            ("team_meeting", "explanation", 2, 9, None, "done"),
            ("team_meeting", "implementation", None, None, None, "new"),
            ("team_meeting", "implementation", 3, None, None, "cancelled"),
        ]
        for channel, kind, response, closed, satisfaction, state in rows:
            item = cls._item(channel=channel, kind=kind)
            # fixture values only the workflow writes
            item._workflow_write(
                {
                    "state": state,
                    "date_first_response": response is not None
                    and received + timedelta(hours=response),
                    "date_closed": closed is not None
                    and received + timedelta(days=closed),
                    "satisfaction": satisfaction,
                }
            )
            cls.fixture |= item
        cls._item(branch_id=cls.branch_b.id, kind="explanation")._workflow_write(
            {"state": "done"}
        )

    def _report(self, groupby, domain=None):
        domain = [("branch_id", "=", self.branch_a.id)] + (domain or [])
        return {
            group[groupby] if groupby else None: group
            for group in self.env["party.suggestion.report"].read_group(
                domain,
                [
                    "item_count:sum",
                    "response_rate:avg",
                    "closure_rate:avg",
                    "on_time_rate:avg",
                    "satisfaction_rate:avg",
                ],
                [groupby] if groupby else [],
            )
        }

    def test_the_four_rates_match_the_hand_count(self):
        total = self._report(None)[None]
        # 9 items (the cancelled one is left out)
        self.assertEqual(total["item_count"], 9)
        # answered within 72 h: rows 1, 3, 4, 6, 8 -> 5 of 9
        self.assertAlmostEqual(total["response_rate"], 500 / 9)
        # closed: rows 1-4 and 8 -> 5 of 9
        self.assertAlmostEqual(total["closure_rate"], 500 / 9)
        # on time: rows 1, 2 (7 days), 3 (30 days), not 4 (40 days), not 8 -> 3 of 5
        self.assertAlmostEqual(total["on_time_rate"], 60.0)
        # rated: rows 1-5; satisfied or better: rows 1, 2, 4 -> 3 of 5
        self.assertAlmostEqual(total["satisfaction_rate"], 60.0)

    def test_rates_by_channel(self):
        by_channel = self._report("channel")
        dual = by_channel["dual_link"]
        self.assertEqual(dual["item_count"], 3)
        self.assertAlmostEqual(dual["response_rate"], 200 / 3)
        self.assertAlmostEqual(dual["closure_rate"], 100.0)
        self.assertAlmostEqual(dual["on_time_rate"], 100.0)
        self.assertAlmostEqual(dual["satisfaction_rate"], 200 / 3)
        mailbox = by_channel["mailbox"]
        self.assertEqual(mailbox["item_count"], 3)
        self.assertAlmostEqual(mailbox["closure_rate"], 100 / 3)
        self.assertAlmostEqual(mailbox["on_time_rate"], 0.0)
        self.assertAlmostEqual(mailbox["satisfaction_rate"], 50.0)

    def test_the_report_agrees_with_the_plain_python_rates(self):
        items = self.fixture.filtered(lambda item: item.state != "cancelled")
        rates = rates_oracle.ledger_rates(
            (
                item.responded_on_time,
                item.state == "done",
                item.closed_on_time,
                item.satisfaction,
            )
            for item in items
        )
        total = self._report(None)[None]
        for key in (
            "response_rate",
            "closure_rate",
            "on_time_rate",
            "satisfaction_rate",
        ):
            self.assertAlmostEqual(total[key], rates[key], places=1)
