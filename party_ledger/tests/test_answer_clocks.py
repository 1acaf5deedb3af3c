from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from . import rates_oracle
from .common import LedgerCase

# Friday 6 March 2026, 14:00 in Shanghai
FRIDAY = datetime(2026, 3, 6, 6, 0)


@tagged("post_install", "-at_install")
class TestAnswerClocks(LedgerCase):
    """Each channel's answer clock (online groups: 24 h), the shorter of the
    channel's and the urgency's applying, on wall-clock or working hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # a plant's working week in Shanghai: 8:00-12:00 and 13:00-17:00
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Day shift",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for period, start, end in (
                        ("morning", 8, 12),
                        ("afternoon", 13, 17),
                    )
                ],
            }
        )
        cls.company.resource_calendar_id = cls.calendar

    def _answered(self, hours, **values):
        """An online-group item answered ``hours`` after it came in."""
        item = self._item(**dict({"channel": "online_group"}, **values))
        item._workflow_write(
            {"date_first_response": item.date_received + timedelta(hours=hours)}
        )
        return item

    def test_online_groups_answer_within_24_hours_by_default(self):
        self.assertEqual(self.company.party_channel_hours_online_group, 24)
        self.assertFalse(self.company.party_channel_hours_mailbox)
        late = self._answered(30)
        self.assertEqual(late.response_deadline, self.RECEIVED + timedelta(hours=24))
        self.assertFalse(late.responded_on_time)
        self.assertTrue(self._answered(20).responded_on_time)
        # a mailbox item has the urgency's 72 hours
        self.assertTrue(self._answered(30, channel="mailbox").responded_on_time)

    def test_the_shorter_urgency_clock_wins(self):
        item = self._item(channel="online_group", urgency="immediate")
        self.assertEqual(item.response_deadline, self.RECEIVED + timedelta(hours=2))
        self.company.party_channel_hours_mailbox = 48
        item = self._item(channel="mailbox", urgency="urgent")
        self.assertEqual(item.response_deadline, self.RECEIVED + timedelta(hours=24))
        self.assertEqual(
            self._item(channel="mailbox").response_deadline,
            self.RECEIVED + timedelta(hours=48),
        )

    def test_a_working_hours_clock_skips_the_weekend(self):
        self.company.write(
            {
                "party_channel_working_online_group": True,
                "party_response_working_normal": True,
            }
        )
        # Friday 14:00-17:00, Monday and Tuesday 8 h each, Wednesday
        # 8:00-12:00 and 13:00-14:00: 24 working hours
        item = self._answered(100, date_received=FRIDAY)
        self.assertEqual(item.response_deadline, datetime(2026, 3, 11, 6, 0))
        self.assertTrue(item.responded_on_time)
        # a public holiday on Monday moves the deadline a day on
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 8, 16, 0),
                "date_to": datetime(2026, 3, 9, 15, 59, 59),
            }
        )
        item = self._answered(100, date_received=FRIDAY)
        self.assertEqual(item.response_deadline, datetime(2026, 3, 12, 6, 0))
        # the urgency's wall clock (72 h: Monday 14:00) still wins when
        # only the channel counts working hours
        self.company.party_response_working_normal = False
        item = self._answered(100, date_received=FRIDAY)
        self.assertEqual(item.response_deadline, FRIDAY + timedelta(hours=72))
        self.assertFalse(item.responded_on_time)

    def test_the_deadline_job_escalates_after_the_channel_clock(self):
        item = self._classified(channel="online_group", responsible_id=self.emp_a2.id)
        self.Suggestion._cron_check_deadlines(now=self.RECEIVED + timedelta(hours=20))
        self.assertFalse(item.is_overdue)
        self.Suggestion._cron_check_deadlines(now=self.RECEIVED + timedelta(hours=25))
        self.assertTrue(item.is_overdue)
        self.assertEqual(
            item.activity_ids.activity_type_id,
            self.env.ref("party_ledger.mail_activity_type_overdue"),
        )

    def test_the_rates_count_the_channel_clock(self):
        wall = self.Suggestion
        for channel, hours in (
            ("online_group", 20),
            ("online_group", 30),
            ("mailbox", 30),
        ):
            wall |= self._answered(hours, channel=channel)
        # the deadlines as the clocks stand now (stored computes run on flush)
        wall.flush_recordset()
        # the wall-clock items as the plain-Python count has them
        expected = rates_oracle.ledger_rates(
            (
                rates_oracle.answered_on_time(
                    item.date_received,
                    item.date_first_response,
                    self.company.party_response_hours_normal,
                    self.company[f"party_channel_hours_{item.channel}"],
                ),
                False,
                False,
                None,
            )
            for item in wall
        )
        self.company.party_response_working_normal = True
        self.company.party_channel_working_online_group = True
        working = self._answered(100, date_received=FRIDAY)

        def response_rate(items):
            return self.env["party.suggestion.report"].read_group(
                [("suggestion_id", "in", items.ids)],
                ["item_count:sum", "response_rate:avg"],
                [],
            )[0]

        self.assertAlmostEqual(
            response_rate(wall)["response_rate"], expected["response_rate"], places=1
        )
        # on time: 20 h and the mailbox's 30 h of 72, and 100 h over a
        # weekend of working time; late: 30 h of the online group's 24
        report = response_rate(wall | working)
        self.assertEqual(report["item_count"], 4)
        self.assertAlmostEqual(report["response_rate"], 75.0)

    def test_settings_set_the_company_clocks(self):
        settings = self.env["res.config.settings"].create(
            {
                "party_channel_hours_talk_session": 48,
                "party_channel_working_talk_session": True,
            }
        )
        settings.execute()
        self.assertEqual(self.company.party_channel_hours_talk_session, 48)
        self.assertTrue(self.company.party_channel_working_talk_session)
        with self.assertRaises(ValidationError):
            self.company.party_channel_hours_online_group = -1

    def test_the_committee_sets_the_channel_clocks(self):
        form = Form(self.env["party.ledger.settings"].with_user(self.manager))
        self.assertEqual(form.party_channel_hours_online_group, 24)
        form.party_channel_hours_online_group = 12
        form.party_channel_working_online_group = True
        form.party_channel_hours_mailbox = 36
        form.save().action_save()
        company = self.manager.company_id
        self.assertEqual(company.party_channel_hours_online_group, 12)
        self.assertTrue(company.party_channel_working_online_group)
        self.assertEqual(company.party_channel_hours_mailbox, 36)
        form = Form(self.env["party.ledger.settings"].with_user(self.manager))
        form.party_channel_hours_survey = -2
        with self.assertRaises(ValidationError):
            form.save().action_save()
