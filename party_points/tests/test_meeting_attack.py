"""Attacks on meetings (issue 14): each acts as a role over the ORM, as an
RPC client would, and asserts the refusal and that nothing changed."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.party_points import compat

from .test_meeting import DURING, MeetingCase


@tagged("post_install", "-at_install")
class TestMeetingAttack(MeetingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("meeting")
        cls.meeting_a = cls._meeting()
        cls.meeting_b = cls._meeting(user=cls.officer_b, branch_id=cls.branch_b.id)
        cls.committee_type = cls.meeting_type.copy(
            {"audience": "committee", "attendees_only": True}
        )
        cls.branch_a.committee_member_ids = cls.emp_a2
        cls.committee_a = cls._meeting(
            type_id=cls.committee_type.id, minutes="<p>Personnel matters.</p>"
        )

    def test_members_write_neither_state_nor_attendance(self):
        meeting = self.meeting_a.with_user(self.user_a1)
        line = self._line(self.meeting_a, self.member_a1).with_user(self.user_a1)
        with self.assertRaises(AccessError):
            meeting.write({"state": "confirmed"})
        with self.assertRaises(AccessError):
            line.write({"status": "excused", "excuse_reason": "Self-granted"})
        with self.assertRaises(AccessError):
            self.env["party.meeting.attendance"].with_user(self.user_a1).create(
                {"meeting_id": self.meeting_a.id, "member_id": self.member_a1.id}
            )
        with self.assertRaises(AccessError):
            line.unlink()
        with self.assertRaises(AccessError):
            self.Meeting.with_user(self.user_a1).create(
                {
                    "name": "Mine",
                    "type_id": self.meeting_type.id,
                    "branch_id": self.branch_a.id,
                }
            )
        self.assertEqual(self.meeting_a.state, "planned")
        self.assertEqual(self._line(self.meeting_a, self.member_a1).status, "present")

    @freeze_time(DURING)
    def test_members_and_other_officers_confirm_nothing(self):
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.user_a1).action_confirm()
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.officer_b).action_confirm()
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.officer_b).action_correct()
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.hr_user).action_confirm()
        self.assertEqual(self.meeting_a.state, "planned")
        self.assertFalse(self.meeting_a.entry_ids)

    def test_nobody_forges_the_seal(self):
        """Not even the committee or the superuser write a state."""
        for env_meeting in (
            self.meeting_a.with_user(self.officer_a),
            self.meeting_a.with_user(self.manager),
            self.meeting_a.sudo(),
        ):
            with self.assertRaises(UserError):
                env_meeting.write({"state": "confirmed"})
            with self.assertRaises(UserError):
                env_meeting.with_context(party_workflow_seal=True).write(
                    {"confirmed_by_id": self.officer_a.id}
                )
        with self.assertRaises(UserError):
            self.Meeting.with_user(self.officer_a).create(
                {
                    "name": "Already confirmed",
                    "type_id": self.meeting_type.id,
                    "branch_id": self.branch_a.id,
                    "state": "confirmed",
                }
            )
        self.assertEqual(self.meeting_a.state, "planned")

    def test_members_read_their_branch_and_their_own_attendance(self):
        Meeting = self.Meeting.with_user(self.user_a1)
        self.assertEqual(Meeting.search([]), self.meeting_a)
        with self.assertRaises(AccessError):
            self.meeting_b.with_user(self.user_a1).read(["name"])
        # no search, count or group reveals another branch's meetings
        self.assertFalse(Meeting.search([("branch_id", "=", self.branch_b.id)]))
        self.assertEqual(Meeting.search_count([("name", "ilike", "Theme")]), 1)
        groups = Meeting.read_group([], ["branch_id"], ["branch_id"])
        self.assertEqual([group["branch_id"][0] for group in groups], self.branch_a.ids)
        groups = compat.web_read_group(Meeting, [], ["name"], ["branch_id"])
        self.assertEqual([group["branch_id"][0] for group in groups], self.branch_a.ids)
        # their own line only
        Line = self.env["party.meeting.attendance"].with_user(self.user_a1)
        self.assertEqual(Line.search([]).member_id, self.member_a1)
        with self.assertRaises(AccessError):
            self._line(self.meeting_a, self.member_a2).with_user(self.user_a1).read(
                ["status"]
            )
        # what the form reads: the meeting and, of its list, their own line
        self.env.invalidate_all()
        [values] = self.meeting_a.with_user(self.user_a1).web_read(
            {"name": {}, "attendance_ids": {"fields": {"member_id": {}}}}
        )
        self.assertEqual(
            [line["member_id"] for line in values["attendance_ids"]],
            [self.member_a1.id],
        )

    def test_committee_meetings_are_for_the_committee(self):
        """A branch-committee meeting and its minutes: its attendees (the
        committee members), the branch's officers and the Party committee;
        not the other members of the branch."""
        with self.assertRaises(AccessError):
            self.committee_a.with_user(self.user_a1).read(["minutes"])
        self.assertNotIn(
            self.committee_a,
            self.Meeting.with_user(self.user_a1).search(
                [("minutes", "ilike", "Personnel")]
            ),
        )
        for user in (self.officer_a, self.manager):
            self.assertIn(
                "Personnel",
                self.committee_a.with_user(user).read(["minutes"])[0]["minutes"],
            )
        with self.assertRaises(AccessError):
            self.committee_a.with_user(self.officer_b).read(["minutes"])
        # the committee member on the list reads it
        self.member_a2.employee_id.user_id = self.user_b1.copy(
            {"login": "meeting_committee_member"}
        )
        reader = self.member_a2.user_id
        self.assertIn(
            "Personnel",
            self.committee_a.with_user(reader).read(["minutes"])[0]["minutes"],
        )

    def test_officers_work_only_their_branches(self):
        Meeting = self.Meeting.with_user(self.officer_b)
        self.assertNotIn(self.meeting_a, Meeting.search([]))
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.officer_b).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            Meeting.create(
                {
                    "name": "Elsewhere",
                    "type_id": self.meeting_type.id,
                    "branch_id": self.branch_a.id,
                }
            )
        with self.assertRaises(AccessError):
            self.meeting_b.with_user(self.officer_b).write(
                {"branch_id": self.branch_a.id}
            )
        with self.assertRaises(AccessError):
            self.env["party.group"].with_user(self.officer_b).create(
                {"name": "Group", "branch_id": self.branch_a.id}
            )
        self.assertEqual(self.meeting_a.name, "Theme Day")

    def test_committee_of_another_company_reads_nothing_of_ours(self):
        other = self.other_committee
        self.assertFalse(self.Meeting.with_user(other).search([]))
        self.assertFalse(
            self.env["party.meeting.attendance"].with_user(other).search([])
        )
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(other).read(["name"])
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(self.hr_user).read(["name"])

    @freeze_time(DURING)
    def test_an_attendee_from_another_company_is_refused(self):
        outsider_employee = self.env["hr.employee"].create(
            {"name": "Outsider", "company_id": self.other_company.id}
        )
        outsider = self.env["party.member"].create(
            {"employee_id": outsider_employee.id, "branch_id": self.other_branch.id}
        )
        with self.assertRaises(UserError):
            self.meeting_a.with_user(self.manager).write(
                {"attendance_ids": [Command.create({"member_id": outsider.id})]}
            )

    def test_an_officer_lists_no_member_of_another_branch(self):
        with self.assertRaises(ValidationError):
            self.meeting_a.with_user(self.officer_a).write(
                {"attendance_ids": [Command.create({"member_id": self.member_b1.id})]}
            )
        # the committee's meeting may list the members of the branches below
        committee_meeting = self._meeting(
            user=self.manager, branch_id=self.committee.id
        )
        committee_meeting.with_user(self.manager).write(
            {"attendance_ids": [Command.create({"member_id": self.member_b1.id})]}
        )
        self.assertIn(self.member_b1, committee_meeting.attendance_ids.member_id)

    def test_a_member_cannot_link_an_entry_to_a_meeting(self):
        with self.assertRaises(UserError):
            self.env["party.points.entry"].with_user(self.user_a1).create(
                {
                    "member_id": self.member_a1.id,
                    "rule_id": self.r_meet.id,
                    "date": "2031-02-12",
                    "meeting_id": self.meeting_a.id,
                }
            )
        self.assertFalse(self.meeting_a.entry_ids)

    def test_dates_are_checked(self):
        with self.assertRaises(Exception):  # noqa: B017 (ValidationError)
            self._meeting(
                date_start=datetime(2031, 2, 12, 9, 0),
                date_end=datetime(2031, 2, 12, 8, 0),
            )
