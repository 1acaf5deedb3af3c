"""The secretary's meeting flow in a browser (issue 14)."""

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
