"""The ledger's items in the agenda pack of a branch committee meeting
(issue 14): this month's key-project tasks across the projects of the
branch, overdue suggestions and items waiting for classification, counted
for the meeting's branch only."""

from datetime import datetime

from odoo import Command, fields
from odoo.tests import tagged

from ..lib import ledger_rules
from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestMeetingAgenda(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = (
            cls.env["party.meeting"]
            .with_user(cls.officer_a)
            .create(
                {
                    "name": "支委会 2031-02",
                    "type_id": cls.env.ref("party_points.meeting_type_committee").id,
                    "branch_id": cls.branch_a.id,
                    "date_start": datetime(2031, 2, 12, 6, 30),
                    "date_end": datetime(2031, 2, 12, 8, 30),
                }
            )
        )
        month = ledger_rules.first_of_month(fields.Date.today())
        Project = cls.env["party.practical.project"]
        # one task a month per project: two projects of A, one of B
        for name, branch in (
            ("Canteen hours", cls.branch_a),
            ("Night bus", cls.branch_a),
            ("Locker room", cls.branch_b),
        ):
            Project.create(
                {
                    "name": name,
                    "branch_id": branch.id,
                    "milestone_ids": [
                        Command.create({"month": month, "task": "Survey"})
                    ],
                }
            )
        cls.new_a = cls._item(title="New in A")
        cls.new_b = cls._item(title="New in B", branch_id=cls.branch_b.id)
        cls.late = cls._classified(title="Late in A")
        cls.late._workflow_write({"is_overdue": True})

    def _items(self, user):
        return {
            title: (count, action)
            for title, count, action in self.meeting.with_user(user)._agenda_items()
        }

    def test_ledger_items_of_the_branch(self):
        items = self._items(self.officer_a)
        self.assertEqual(
            list(items),
            [
                "Entries waiting for approval",
                "Key-project tasks of this month",
                "Overdue suggestions",
                "Items waiting for classification",
            ],
        )
        self.assertEqual(items["Key-project tasks of this month"][0], 2)
        self.assertEqual(items["Overdue suggestions"][0], 1)
        self.assertEqual(items["Items waiting for classification"][0], 1)
        _count, action = items["Items waiting for classification"]
        listed = (
            self.env[action["res_model"]]
            .with_user(self.officer_a)
            .search(action["domain"])
        )
        self.assertEqual(listed.mapped("title"), ["New in A"])
        _count, action = items["Key-project tasks of this month"]
        projects = (
            self.env[action["res_model"]]
            .with_user(self.officer_a)
            .search(action["domain"])
        )
        self.assertEqual(
            sorted(projects.mapped("name")), ["Canteen hours", "Night bus"]
        )

    def test_the_printed_pack_names_the_items(self):
        rows = self.meeting.with_user(self.officer_a)._agenda_pack_rows()
        by_title = {title: names for title, _count, names in rows}
        self.assertEqual(by_title["Overdue suggestions"], [self.late.display_name])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.officer_a)
            ._render_qweb_html("party_points.report_meeting_agenda", self.meeting.ids)[
                0
            ]
        )
        self.assertIn(b"Items waiting for classification", html)
        self.assertIn(self.new_a.display_name.encode(), html)
        self.assertNotIn(self.new_b.display_name.encode(), html)
