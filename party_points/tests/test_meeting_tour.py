"""The secretary's meeting flow in a browser (issue 14)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .test_meeting import MeetingCase


@tagged("post_install", "-at_install")
class TestMeetingTour(MeetingCase, HttpCase):
    def test_secretary_marks_the_exceptions_and_confirms(self):
        self._period_covering_today()
        self.start_tour(
            "/web#action=party_points.party_meeting_action",
            "party_points_meeting_attendance",
            login=self.officer_a.login,
        )
        meeting = self.env["party.meeting"].search([("name", "=", "学习安全生产规程")])
        self.assertEqual(meeting.state, "confirmed")
        self.assertEqual(meeting.branch_id, self.branch_a)
        status = {line.member_id: line.status for line in meeting.attendance_ids}
        self.assertEqual(
            status,
            {
                self.member_a1: "present",
                self.member_a2: "absent",
                self.member_a3: "excused",
            },
        )
        posted = {
            entry.member_id: (entry.rule_id, entry.state, entry.approved_by_id)
            for entry in meeting.entry_ids
        }
        self.assertEqual(
            posted,
            {
                self.member_a1: (self.r_meet, "approved", self.officer_a),
                self.member_a2: (self.r_absent, "approved", self.officer_a),
            },
        )

    def test_secretary_grants_a_leave(self):
        meeting = self._meeting(
            date_start=fields.Datetime.now() + timedelta(days=1), date_end=False
        )
        meeting._request_leave(self.user_a1, "Business trip")
        self.start_tour(
            "/web#action=party_points.party_meeting_action"
            f"&model=party.meeting&id={meeting.id}&view_type=form",
            "party_points_meeting_grant_leave",
            login=self.officer_a.login,
        )
        line = self._line(meeting, self.member_a1)
        self.assertEqual(line.leave_state, "granted")
        self.assertEqual(line.status, "excused")
        self.assertEqual(line.excuse_reason, "Business trip")
