import time
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestLedgerBackofficeTours(LedgerCase, HttpCase):
    """The ledger flows a branch officer performs in the back office, in a
    browser."""

    def _form_url(self, record, action):
        return (
            f"/web#action={action}&model={record._name}&id={record.id}&view_type=form"
        )

    def test_officer_classifies_replies_starts_and_verifies(self):
        item = self._item(
            zone_id=self.zone_a.id,
            channel="dual_link",
            kind="implementation",
            difficulty="easy",
            objectivity="4",
            feasibility="4",
            importance="3",
            route="workshop_task",
            responsible_id=self.emp_a2.id,
            supervisor_id=self.emp_sup.id,
        )
        self.assertEqual(item.state, "new")
        self.start_tour(
            self._form_url(item, "party_ledger.party_suggestion_action"),
            "party_ledger_suggestion_flow",
            login=self.officer_a.login,
        )
        self.assertEqual(item.state, "done")
        self.assertEqual(item.close_type, "implemented")
        self.assertEqual(item.reply, "已安排车间本周内加装防尘罩。")
        self.assertTrue(item.date_first_response)
        self.assertTrue(item.date_started)
        self.assertEqual(item.verifier_ids, self.emp_other)
        self.assertEqual(
            item.verification_note, "现场查看，防尘罩已装好，粉尘明显减少。"
        )
        self.assertTrue(item.date_verified)

    def test_officer_creates_a_key_project_with_monthly_tasks(self):
        self.start_tour(
            "/web#action=party_ledger.party_practical_project_action",
            "party_ledger_key_project",
            login=self.officer_a.login,
        )
        project = self.env["party.practical.project"].search(
            [("name", "=", "职工食堂夜班餐")]
        )
        self.assertEqual(len(project), 1)
        self.assertEqual(project.branch_id, self.branch_a)
        self.assertEqual(str(project.date_deadline), "2031-06-30")
        self.assertEqual(project.create_uid, self.officer_a)
        self.assertEqual(
            [(str(line.month), line.task) for line in project.milestone_ids],
            [("2031-04-01", "调研夜班就餐需求"), ("2031-05-01", "开设夜班窗口")],
        )

    def test_officer_exports_the_ledger(self):
        self._item()
        Export = type(self.env["party.suggestion.export"])
        original = Export._export_file
        files = []

        def spy(model, date_from, date_to, branches):
            produced = original(model, date_from, date_to, branches)
            files.append((str(date_from), model.env.uid, produced))
            return produced

        with patch.object(Export, "_export_file", spy):
            self.start_tour(
                "/web#action=party_ledger.party_suggestion_export_action",
                "party_ledger_export",
                login=self.officer_a.login,
            )
            # the browser downloads the file after the tour's last click
            deadline = time.monotonic() + 20
            while not files and time.monotonic() < deadline:
                time.sleep(0.1)
        self.assertEqual(len(files), 1)
        date_from, uid, (filename, content) = files[0]
        self.assertEqual((date_from, uid), ("2026-01-01", self.officer_a.id))
        self.assertTrue(filename.endswith(".xlsx"))
        self.assertEqual(content[:2], b"PK")
