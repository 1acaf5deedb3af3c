from datetime import datetime

from odoo.tests import tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestRecipientLanguage(LedgerCase):
    """The deadline job and the workflow write to each user in their own
    language: a Chinese supervisor reads Chinese, an English officer
    English, whoever ran the job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.user_sup.lang = "zh_CN"
        cls.user_emp.lang = "zh_CN"
        cls.officer_a.lang = "en_US"
        cls.overdue = cls.env.ref("party_ledger.mail_activity_type_overdue")
        cls.reminder = cls.env.ref("party_ledger.mail_activity_type_deadline_reminder")

    def _summaries(self, item, activity_type):
        return {
            activity.user_id: activity.summary
            for activity in item.activity_ids
            if activity.activity_type_id == activity_type
        }

    def test_overdue_activities_in_each_users_language(self):
        item = self._classified(urgency="urgent")
        # the job runs as the superuser, in English
        self.Suggestion.with_context(lang="en_US")._cron_check_deadlines(
            now=datetime(2026, 3, 3, 2, 0)
        )
        self.assertEqual(
            self._summaries(item, self.overdue),
            {
                self.user_sup: f"已超期：{item.name}",
                self.officer_a: f"Overdue: {item.name}",
            },
        )

    def test_reminder_in_the_responsible_persons_language(self):
        item = self._classified(urgency="urgent", responsible_id=self.emp_worker.id)
        item.action_start()
        self.Suggestion.with_context(lang="en_US")._cron_check_deadlines(
            now=datetime(2026, 3, 9, 2, 0)
        )
        self.assertEqual(
            self._summaries(item, self.reminder),
            {self.user_emp: f"即将到期：{item.name}"},
        )
        self.user_emp.lang = "en_US"
        other = self._classified(urgency="urgent", responsible_id=self.emp_worker.id)
        other.action_start()
        self.Suggestion.with_context(lang="zh_CN")._cron_check_deadlines(
            now=datetime(2026, 3, 9, 2, 0)
        )
        self.assertEqual(
            self._summaries(other, self.reminder),
            {self.user_emp: f"Deadline near: {other.name}"},
        )

    def test_reopening_asks_the_supervisor_in_their_language(self):
        item = self._done()
        item.with_user(self.user_emp).with_context(lang="en_US").action_feedback(
            "unsatisfied", "Still dusty"
        )
        self.assertEqual(
            self._summaries(item, self.overdue),
            {self.user_sup: "职工不满意：请督办重新办理的事项"},
        )

    def test_feedback_note_names_the_satisfaction_in_the_writers_language(self):
        self.env["ir.module.module"]._load_module_terms(["party_ledger"], ["zh_CN"])
        item = self._done()
        item.with_user(self.user_emp).with_context(lang="zh_CN").action_feedback(
            "satisfied", "好"
        )
        bodies = item.message_ids.mapped("body")
        self.assertTrue(
            any("满意" in body and "Satisfied" not in body for body in bodies),
            bodies,
        )

    def test_creation_line_is_one_chinese_sentence(self):
        item = self.Suggestion.with_context(
            lang="zh_CN", tracking_disable=False
        ).create(
            {
                "title": "Canteen",
                "employee_id": self.emp_worker.id,
                "branch_id": self.branch_a.id,
            }
        )
        self.assertEqual(item.message_ids[-1:].body, "<p>意见建议已登记</p>")
