"""/my/meetings (issue 14): a member's coming meetings, leave requests and
attendance; each refusal over HTTP."""

import json
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .test_meeting import MeetingCase


@tagged("post_install", "-at_install")
class TestMeetingPortal(MeetingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.coming = cls._meeting(
            name="Coming theme day", date_start=now + timedelta(days=3), date_end=False
        )
        cls.started = cls._meeting(
            name="Started theme day",
            date_start=now - timedelta(hours=1),
            date_end=False,
        )
        cls.coming_b = cls._meeting(
            user=cls.officer_b,
            name="Branch B theme day",
            branch_id=cls.branch_b.id,
            date_start=now + timedelta(days=3),
            date_end=False,
        )

    def _leave(self, meeting, reason="Business trip", **extra):
        return self.url_open(
            f"/my/meetings/{meeting.id}/leave",
            data={
                "reason": reason,
                "csrf_token": http.Request.csrf_token(self),
                **extra,
            },
        )

    def _state(self, meeting, member):
        return self._line(meeting, member).leave_state

    def test_member_sees_coming_meetings_and_asks_for_leave(self):
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/meetings")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Coming theme day", page.text)
        self.assertNotIn("Branch B theme day", page.text)
        self.assertNotIn("Started theme day", page.text)
        # the card on /my counts the coming meetings
        self.assertIn(
            'data-placeholder_count="meeting_count"', self.url_open("/my").text
        )
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["meeting_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters, {"meeting_count": 1})
        response = self._leave(self.coming, "Business trip to Beijing")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/meetings", response.url)
        line = self._line(self.coming, self.member_a1)
        self.assertEqual(line.leave_state, "requested")
        self.assertEqual(line.leave_reason, "Business trip to Beijing")
        self.assertIn("Leave Requested", self.url_open("/my/meetings").text)
        # the secretary grants it: the line is excused
        line.with_user(self.officer_a).action_grant_leave()
        self.assertEqual(line.status, "excused")

    def test_leave_after_the_meeting_started_is_refused(self):
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self._leave(self.started)
        self.assertIn("already started", page.text)
        self.assertFalse(self._state(self.started, self.member_a1))

    def test_leave_for_someone_else_is_refused(self):
        self.authenticate(self.user_a1.login, self.user_a1.login)
        for named in (self.member_a2.id, "not-a-number", 999999):
            page = self._leave(self.coming, member_id=named)
            self.assertIn("only for yourself", page.text)
        self.assertFalse(self.coming.attendance_ids.filtered("leave_state"))

    def test_leave_from_another_branchs_meeting_is_refused(self):
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self._leave(self.coming_b)
        self.assertIn("not one of your branch", page.text)
        self.assertFalse(self.coming_b.attendance_ids.filtered("leave_state"))
        # a meeting that does not exist
        page = self.url_open(
            "/my/meetings/999999/leave",
            data={"reason": "x", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("does not exist", page.text)

    def test_a_portal_member_uses_the_same_page(self):
        portal = new_test_user(
            self.env, "meeting_portal_sun", groups="base.group_portal", name="Sun"
        )
        self.emp_a2.user_id = portal
        self.authenticate(portal.login, portal.login)
        self.assertIn("Coming theme day", self.url_open("/my/meetings").text)
        self._leave(self.coming, "Sick")
        self.assertEqual(self._state(self.coming, self.member_a2), "requested")

    def test_attendance_history(self):
        self._period_covering_today()
        self.started.with_user(self.officer_a).action_confirm()
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/meetings").text
        self.assertIn("Started theme day", page)
        self.assertIn("Present", page)
