from datetime import date, datetime

from odoo.tests import tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestDeadlines(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # received 2 March 01:00, urgent: answer by 3 March 01:00, done by 9 March
        cls.item = cls._classified(urgency="urgent", responsible_id=cls.emp_worker.id)
        cls.reminder = cls.env.ref("party_ledger.mail_activity_type_deadline_reminder")
        cls.overdue = cls.env.ref("party_ledger.mail_activity_type_overdue")

    def _activities(self, activity_type):
        return self.item.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_completion_deadline_from_kind_and_urgency(self):
        self.assertEqual(self.item.date_deadline, date(2026, 3, 9))
        self.env.company.party_completion_days_urgent = 10
        self.assertEqual(
            self._classified(urgency="urgent").date_deadline, date(2026, 3, 12)
        )
        self.assertEqual(self._item(kind="explanation").date_deadline, date(2026, 3, 9))

    def test_nothing_happens_before_the_reminder_window(self):
        self.item.action_start()
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 5, 8, 0))
        self.assertFalse(self.item.activity_ids)
        self.assertFalse(self.item.is_overdue)
        self.assertEqual(self.item.deadline_status, "on_time")

    def test_reminder_before_the_deadline_once(self):
        self.item.action_start()
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 9, 2, 0))
        reminders = self._activities(self.reminder)
        self.assertEqual(reminders.user_id, self.user_emp)
        self.assertFalse(self.item.is_overdue)
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 9, 3, 0))
        self.assertEqual(self._activities(self.reminder), reminders)

    def test_unanswered_items_escalate_after_the_response_deadline(self):
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 2, 20, 0))
        self.assertFalse(self.item.is_overdue)
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 3, 2, 0))
        self.assertTrue(self.item.is_overdue)
        self.assertEqual(self.item.deadline_status, "overdue")
        escalated = self._activities(self.overdue)
        self.assertEqual(escalated.user_id, self.user_sup | self.officer_a)

    def test_overdue_items_escalate_once_to_supervisor_and_officers(self):
        self.item.action_start()
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 10, 8, 0))
        self.assertTrue(self.item.is_overdue)
        escalated = self._activities(self.overdue)
        self.assertEqual(escalated.user_id, self.user_sup | self.officer_a)
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 10, 9, 0))
        self.assertEqual(self._activities(self.overdue), escalated)
        # closing late keeps the item marked overdue and clears the activities
        self.item.action_submit_verification()
        self.item.action_verify("Done late.", verifier_ids=self.emp_other.ids)
        self.assertTrue(self.item.is_overdue)
        self.assertFalse(self.item.closed_on_time)

        self.assertFalse(self.item.activity_ids)

    def test_extended_deadline_clears_the_flag(self):
        self.item.action_start()
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 10, 8, 0))
        self.item.date_deadline = date(2026, 3, 31)
        self.Suggestion._cron_check_deadlines(now=datetime(2026, 3, 10, 9, 0))
        self.assertFalse(self.item.is_overdue)

    def test_closed_items_are_left_alone(self):
        item = self._item(kind="explanation")
        item.action_classify()
        item.action_reply("Explained at the meeting.", close=True)
        self.Suggestion._cron_check_deadlines(now=datetime(2027, 1, 1))
        self.assertFalse(item.activity_ids)
        self.assertTrue(item.closed_on_time is not None)
