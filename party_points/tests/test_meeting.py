"""Meetings of organisational life (issue 14): expected attendees, the
confirmation that posts the attendance points, corrections, leave and the
minutes reminder."""

from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PointsCase, query_bound

DURING = "2031-02-12 12:00:00"
BEFORE = "2031-02-01 08:00:00"


class MeetingCase(PointsCase):
    """PointsCase plus a meeting type scored with MEET (attending) and
    ABSENT (unexcused absence), a third member in branch A and a meeting of
    branch A on 12 February 2031."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_a3 = cls.env["hr.employee"].create({"name": "Member Zhou"})
        cls.member_a3 = cls.env["party.member"].create(
            {"employee_id": cls.emp_a3.id, "branch_id": cls.branch_a.id}
        )
        cls.meeting_type = cls.env["party.meeting.type"].create(
            {
                "name": "Test Theme Day",
                "attendance_rule_id": cls.r_meet.id,
                "absence_rule_id": cls.r_absent.id,
                "audience": "branch",
            }
        )
        cls.Meeting = cls.env["party.meeting"]

    @classmethod
    def _meeting(cls, user=None, **vals):
        values = {
            "name": "Theme Day",
            "type_id": cls.meeting_type.id,
            "branch_id": cls.branch_a.id,
            "date_start": datetime(2031, 2, 12, 9, 0),
            "date_end": datetime(2031, 2, 12, 11, 0),
        }
        values.update(vals)
        return cls.Meeting.with_user(user or cls.officer_a).create(values).sudo()

    @classmethod
    def _period_covering_today(cls):
        """An open period over the test branches today, unless one (the demo
        year's) already covers it."""
        today = fields.Date.today()
        Period = cls.env["party.points.period"]
        if not Period._for_dates({(today, cls.branch_a.id)}):
            Period.create(
                {
                    "name": "This year",
                    "ruleset_id": cls.ruleset.id,
                    "date_start": date(today.year, 1, 1),
                    "date_end": date(today.year, 12, 31),
                    "branch_ids": [Command.set(cls.committee.ids)],
                }
            )

    def _line(self, meeting, member):
        return meeting.attendance_ids.filtered(lambda line: line.member_id == member)

    def _mark(self, meeting, member, status, reason=False):
        self._line(meeting, member).with_user(self.officer_a).write(
            {"status": status, "excuse_reason": reason}
        )

    def _live(self, meeting):
        return self.env["party.points.entry"].search(
            [
                ("meeting_id", "=", meeting.id),
                ("reversal_of_id", "=", False),
                ("reversed_by_id", "=", False),
            ]
        )


@tagged("post_install", "-at_install")
class TestMeeting(MeetingCase):
    def test_malformed_or_absurd_dates_are_refused(self):
        before = self.Meeting.search_count([])
        for vals in (
            {"date_start": "2031-02-12 09:00:00xyz"},
            {"date_start": "9999-12-31 09:00:00", "date_end": "9999-12-31 11:00:00"},
            {"date_end": "0001-01-01 00:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._meeting(**vals)
        self.assertEqual(self.Meeting.search_count([]), before)

    def test_expected_attendees_follow_type_and_branch(self):
        meeting = self._meeting()
        self.assertEqual(
            meeting.attendance_ids.member_id,
            self.member_a1 | self.member_a2 | self.member_a3,
        )
        self.assertEqual(set(meeting.attendance_ids.mapped("status")), {"present"})
        # a group meeting lists the group; the committee its committee members
        group = self.env["party.group"].create(
            {
                "name": "Group 1",
                "branch_id": self.branch_a.id,
                "leader_id": self.member_a1.id,
                "member_ids": [Command.set((self.member_a1 | self.member_a3).ids)],
            }
        )
        group_type = self.meeting_type.copy({"audience": "group"})
        by_group = self._meeting(type_id=group_type.id, group_id=group.id)
        self.assertEqual(
            by_group.attendance_ids.member_id, self.member_a1 | self.member_a3
        )
        self.branch_a.committee_member_ids = self.emp_a2
        committee_type = self.meeting_type.copy({"audience": "committee"})
        committee = self._meeting(type_id=committee_type.id)
        self.assertEqual(committee.attendance_ids.member_id, self.member_a2)
        talk = self._meeting(
            type_id=self.meeting_type.copy({"audience": "one_to_one"}).id
        )
        self.assertFalse(talk.attendance_ids)
        # the list is editable: the secretary adds the member of the talk
        talk.with_user(self.officer_a).write(
            {"attendance_ids": [Command.create({"member_id": self.member_a2.id})]}
        )
        self.assertEqual(talk.attendance_ids.member_id, self.member_a2)

    def test_a_group_holds_members_of_its_branch(self):
        with self.assertRaises(ValidationError):
            self.env["party.group"].create(
                {
                    "name": "Mixed",
                    "branch_id": self.branch_a.id,
                    "member_ids": [Command.set(self.member_b1.ids)],
                }
            )

    @freeze_time(DURING)
    def test_confirm_posts_one_approved_entry_per_attendee(self):
        meeting = self._meeting()
        self._mark(meeting, self.member_a2, "absent")
        self._mark(meeting, self.member_a3, "excused", "Night shift")
        # (what the end of the request that created it does)
        self.env.flush_all()
        self.env.cr.precommit.run()
        Entry = type(self.env["party.points.entry"])
        with patch.object(
            Entry, "_create_approved", autospec=True, side_effect=Entry._create_approved
        ) as create_approved:
            meeting.with_user(self.officer_a).with_context(
                tracking_disable=False
            ).action_confirm()
        # one batch for the whole attendance list
        self.assertEqual(create_approved.call_count, 1)
        self.assertEqual(meeting.state, "confirmed")
        self.assertEqual(meeting.confirmed_by_id, self.officer_a)
        entries = meeting.entry_ids
        self.assertEqual(len(entries), 2)
        by_member = {entry.member_id: entry for entry in entries}
        self.assertEqual(by_member[self.member_a1].rule_id, self.r_meet)
        self.assertEqual(by_member[self.member_a1].points, 2)
        self.assertEqual(by_member[self.member_a2].rule_id, self.r_absent)
        self.assertEqual(by_member[self.member_a2].points, -2)
        self.assertNotIn(self.member_a3, by_member)
        for entry in entries:
            self.assertEqual(entry.state, "approved")
            self.assertEqual(entry.origin, "meeting")
            self.assertEqual(entry.approved_by_id, self.officer_a)
            self.assertTrue(entry.approved_date)
            self.assertEqual(str(entry.date), "2031-02-12")
            self.assertEqual(entry.period_id, self.period)
            self.assertEqual(entry.approved_points, entry.points)
            # no chatter message per entry
            self.assertFalse(entry.message_ids)
        # the confirmation is recorded once on the meeting (tracking is
        # written when the transaction commits)
        self.env.flush_all()
        self.env.cr.precommit.run()
        state_changes = meeting.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(len(state_changes), 1)

    @freeze_time(DURING)
    def test_confirming_costs_the_same_queries_for_any_number_of_attendees(self):
        """Set-based: 3 attendees or 23, the same queries (no query per
        attendee)."""
        warm_up, small = self._meeting(), self._meeting()
        employees = self.env["hr.employee"].create(
            [{"name": f"Member {number}"} for number in range(20)]
        )
        self.env["party.member"].create(
            [
                {"employee_id": employee.id, "branch_id": self.branch_a.id}
                for employee in employees
            ]
        )
        large = self._meeting()
        self.assertEqual(len(small.attendance_ids), 3)
        self.assertEqual(len(large.attendance_ids), 23)
        counts = []
        for meeting in (warm_up, small, large):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            meeting.with_user(self.officer_a).action_confirm()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(large.entry_ids), 23)
        self.assertLessEqual(counts[2], query_bound(counts[1]), counts)

    @freeze_time(DURING)
    def test_confirming_again_writes_only_the_differences(self):
        meeting = self._meeting()
        self._mark(meeting, self.member_a2, "absent")
        self._mark(meeting, self.member_a3, "excused", "Night shift")
        as_officer = meeting.with_user(self.officer_a)
        as_officer.action_confirm()
        first = meeting.entry_ids
        # confirming again without a change posts nothing
        as_officer.action_confirm()
        self.assertEqual(meeting.entry_ids, first)
        # a correction: Zhang was in fact absent, Sun came late, Zhou came
        as_officer.action_correct()
        self.assertEqual(meeting.state, "held")
        self._mark(meeting, self.member_a1, "absent")
        self._mark(meeting, self.member_a2, "late")
        self._mark(meeting, self.member_a3, "present")
        as_officer.action_confirm()
        self.assertEqual(meeting.state, "confirmed")
        # the two changed entries are reversed, three new ones posted
        self.assertTrue(all(entry.reversed_by_id for entry in first))
        self.assertEqual(len(meeting.entry_ids), 2 + 2 + 3)
        live = {entry.member_id: entry.rule_id for entry in self._live(meeting)}
        self.assertEqual(
            live,
            {
                self.member_a1: self.r_absent,
                self.member_a2: self.r_meet,
                self.member_a3: self.r_meet,
            },
        )
        totals = {
            member: sum(
                meeting.entry_ids.filtered(
                    lambda entry, member=member: entry.member_id == member
                ).mapped("approved_points")
            )
            for member in (self.member_a1, self.member_a2, self.member_a3)
        }
        self.assertEqual(
            totals, {self.member_a1: -2, self.member_a2: 2, self.member_a3: 2}
        )
        self.assertTrue(all(entry.state == "approved" for entry in meeting.entry_ids))

    @freeze_time(DURING)
    def test_a_meeting_in_a_closed_period_is_final(self):
        meeting = self._meeting()
        line = self._line(meeting, self.member_a1)
        self._close()
        with self.assertRaisesRegex(UserError, "closed points period"):
            meeting.with_user(self.officer_a).action_confirm()
        with self.assertRaisesRegex(UserError, "closed points period"):
            meeting.with_user(self.officer_a).write({"name": "Other topic"})
        with self.assertRaisesRegex(UserError, "closed points period"):
            line.with_user(self.officer_a).write({"status": "absent"})
        with self.assertRaisesRegex(UserError, "closed points period"):
            self._meeting(date_start=datetime(2031, 3, 1, 9, 0), date_end=False)
        self.assertEqual(meeting.state, "planned")
        self.assertEqual(line.status, "present")
        self.assertFalse(meeting.entry_ids)

    @freeze_time(BEFORE)
    def test_a_meeting_is_confirmed_once_it_has_started(self):
        meeting = self._meeting()
        with self.assertRaisesRegex(UserError, "not started"):
            meeting.with_user(self.officer_a).action_confirm()
        with self.assertRaisesRegex(UserError, "not started"):
            meeting.with_user(self.officer_a).action_hold()
        self.assertEqual(meeting.state, "planned")

    @freeze_time("2031-06-01 12:00:00")
    def test_no_period_no_confirmation(self):
        meeting = self._meeting(date_start=datetime(2031, 5, 20, 9, 0), date_end=False)
        with self.assertRaisesRegex(UserError, "No points period covers"):
            meeting.with_user(self.officer_a).action_confirm()
        self.assertEqual(meeting.state, "planned")

    @freeze_time(DURING)
    def test_a_confirmed_meeting_is_sealed(self):
        meeting = self._meeting()
        as_officer = meeting.with_user(self.officer_a)
        with self.assertRaises(UserError):
            as_officer.write({"state": "confirmed"})
        as_officer.action_confirm()
        line = self._line(meeting, self.member_a1).with_user(self.officer_a)
        with self.assertRaisesRegex(UserError, "Correct Attendance"):
            line.write({"status": "absent"})
        with self.assertRaisesRegex(UserError, "Correct Attendance"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "Correct Attendance"):
            self.env["party.meeting.attendance"].with_user(self.officer_a).create(
                {"meeting_id": meeting.id, "member_id": self.member_b1.id}
            )
        for vals in (
            {"state": "planned"},
            {"date_start": datetime(2031, 2, 13, 9, 0)},
            {"type_id": self.meeting_type.copy().id},
            {"attendance_ids": [Command.clear()]},
        ):
            with self.assertRaises(UserError):
                as_officer.write(vals)
        with self.assertRaises(UserError):
            as_officer.unlink()
        with self.assertRaises(UserError):
            as_officer.action_cancel()
        # corrected, the date still cannot move: entries were posted on it;
        # nor the type, which the list follows
        as_officer.action_correct()
        with self.assertRaisesRegex(UserError, "posted points"):
            as_officer.write({"date_start": datetime(2031, 2, 13, 9, 0)})
        with self.assertRaisesRegex(UserError, "only while it is planned"):
            as_officer.write({"type_id": self.meeting_type.copy().id})
        # nor is it deleted: its entries stay in the ledger
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            as_officer.unlink()
        self.assertEqual(line.status, "present")
        self.assertEqual(len(meeting.entry_ids), 3)
        # minutes may still be written after the confirmation
        as_officer.write({"minutes": "<p>Studied the new rules.</p>"})

    def test_attendance_entries_come_only_from_a_confirmation(self):
        with self.assertRaisesRegex(UserError, "confirming the meeting"):
            self._entry(self.member_a1, self.r_meet, approve=False, origin="meeting")
        entry = self._entry(self.member_a1, self.r_meet, approve=False)
        meeting = self._meeting()
        with self.assertRaises(UserError):
            entry.with_user(self.officer_a).write({"meeting_id": meeting.id})

    @freeze_time(BEFORE)
    def test_leave_granted_makes_the_line_excused(self):
        meeting = self._meeting()
        line = meeting._request_leave(self.user_a1, "Business trip to Beijing")
        self.assertEqual(line.leave_state, "requested")
        self.assertEqual(line.status, "present")
        # a member grants nothing
        with self.assertRaises(Exception):  # noqa: B017 (AccessError or UserError)
            line.with_user(self.user_a1).action_grant_leave()
        # the officer of another branch neither
        with self.assertRaises(Exception):  # noqa: B017
            line.with_user(self.officer_b).action_grant_leave()
        line.with_user(self.officer_a).action_grant_leave()
        self.assertEqual(line.leave_state, "granted")
        self.assertEqual(line.status, "excused")
        self.assertEqual(line.excuse_reason, "Business trip to Beijing")
        with self.assertRaisesRegex(UserError, "Only requested leave"):
            line.with_user(self.officer_a).action_refuse_leave()

    @freeze_time(BEFORE)
    def test_leave_refused_keeps_the_member_expected(self):
        meeting = self._meeting()
        line = meeting._request_leave(self.user_a1, "Tired")
        line.with_user(self.officer_a).action_refuse_leave()
        self.assertEqual(line.leave_state, "refused")
        self.assertEqual(line.status, "present")
        # a member cannot write the leave of a line by hand either
        with self.assertRaises(UserError):
            line.with_user(self.officer_a).write({"leave_state": "granted"})

    def test_leave_refusals(self):
        with freeze_time(BEFORE):
            meeting = self._meeting()
            with self.assertRaisesRegex(UserError, "only for yourself"):
                meeting._request_leave(self.user_a1, "Trip", member=self.member_a2)
            with self.assertRaisesRegex(UserError, "not one of your branch"):
                meeting._request_leave(self.user_b1, "Trip")
            with self.assertRaisesRegex(UserError, "Give the reason"):
                meeting._request_leave(self.user_a1, "  ")
        with freeze_time(DURING), self.assertRaisesRegex(UserError, "already started"):
            meeting._request_leave(self.user_a1, "Trip")
        self.assertFalse(meeting.attendance_ids.filtered("leave_state"))

    def test_recorder_is_reminded_of_missing_minutes_once(self):
        with freeze_time(DURING):
            meeting = self._meeting(recorder_id=self.officer_a.id)
            written = self._meeting(
                recorder_id=self.officer_a.id, minutes="<p>Done.</p>"
            )
            meeting.with_user(self.officer_a).action_hold()
            written.with_user(self.officer_a).action_hold()
        Activity = self.env["mail.activity"]
        domain = [
            ("res_model", "=", "party.meeting"),
            ("user_id", "=", self.officer_a.id),
        ]
        with freeze_time("2031-02-13 12:00:00"):
            self.Meeting._cron_minutes_reminder()
        self.assertFalse(Activity.search(domain))
        with freeze_time("2031-02-15 12:00:00"):
            self.Meeting._cron_minutes_reminder()
            self.Meeting._cron_minutes_reminder()
        reminders = Activity.search(domain)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.res_id, meeting.id)
