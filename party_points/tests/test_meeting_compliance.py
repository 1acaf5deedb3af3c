"""Plan and compliance of organisational life (issue 14): the figures of
the compliance report, the yearly plan, the secretary's warning of three
absences in a row, and who reads the report."""

from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..lib import meeting_plan
from .test_meeting import MeetingCase

# after the meetings of the tests (in 2031 Q1, an open period)
AFTER = "2031-06-30 12:00:00"


class ComplianceCase(MeetingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["party.meeting.compliance.report"]
        cls.quarterly = cls.env["party.meeting.type"].create(
            {"name": "Test Lecture", "frequency": "quarterly", "audience": "branch"}
        )

    def _confirmed(self, day, absent=(), meeting_type=None, drop=()):
        meeting = self._meeting(
            date_start=datetime(2031, day.month, day.day, 9, 0),
            date_end=False,
            type_id=(meeting_type or self.meeting_type).id,
        )
        for member in drop:
            self._line(meeting, member).with_user(self.officer_a).unlink()
        for member in absent:
            self._mark(meeting, member, "absent")
        meeting.with_user(self.officer_a).action_confirm()
        return meeting

    def _row(self, month, meeting_type=None, branch=None):
        return self.Report.search(
            [
                ("branch_id", "=", (branch or self.branch_a).id),
                ("type_id", "=", (meeting_type or self.meeting_type).id),
                ("month", "=", month),
            ]
        )


@tagged("post_install", "-at_install")
@freeze_time(AFTER)
class TestComplianceFigures(ComplianceCase):
    def test_a_month_required_held_confirmed_and_its_attendance(self):
        self._confirmed(date(2031, 2, 12), absent=[self.member_a2])
        held = self._meeting(date_start=datetime(2031, 2, 20, 9, 0), date_end=False)
        held.with_user(self.officer_a).action_hold()
        cancelled = self._meeting(
            date_start=datetime(2031, 2, 25, 9, 0), date_end=False
        )
        cancelled.with_user(self.officer_a).action_cancel()
        self._meeting(date_start=datetime(2031, 2, 27, 9, 0), date_end=False)
        row = self._row("2031-02-01")
        self.assertEqual(len(row), 1)
        self.assertEqual(
            (
                row.required_count,
                row.planned_count,
                row.held_count,
                row.confirmed_count,
                row.expected_count,
                row.attended_count,
                row.compliant,
            ),
            (1, 1, 2, 1, 3, 2, True),
        )
        self.assertAlmostEqual(row.attendance_rate, 200 / 3)
        january = self._row("2031-01-01")
        self.assertEqual((january.required_count, january.held_count), (1, 0))
        self.assertFalse(january.compliant)
        other = self._row("2031-02-01", branch=self.branch_b)
        self.assertEqual((other.required_count, other.held_count), (1, 0))

    def test_a_quarter_is_required_in_its_last_month_and_met_by_any(self):
        self._confirmed(date(2031, 2, 12), meeting_type=self.quarterly)
        rows = {
            row.month.month: row
            for row in self.Report.search(
                [
                    ("branch_id", "=", self.branch_a.id),
                    ("type_id", "=", self.quarterly.id),
                    ("month", ">=", "2031-01-01"),
                    ("month", "<=", "2031-12-01"),
                ]
            )
        }
        self.assertEqual(sorted(rows), list(range(1, 13)))
        for month, row in rows.items():
            self.assertEqual(
                row.required_count,
                meeting_plan.required_in_month("quarterly", month),
            )
            self.assertEqual(row.compliant, month <= 3, month)
        self.assertEqual(rows[2].held_count, 1)

    def test_the_rate_of_a_group_weighs_its_lines(self):
        self._confirmed(date(2031, 2, 12), absent=[self.member_a2])
        self._confirmed(date(2031, 3, 12), drop=[self.member_a3])
        groups = self.Report._read_group(
            [
                ("branch_id", "=", self.branch_a.id),
                ("type_id", "=", self.meeting_type.id),
                ("month", ">=", "2031-01-01"),
                ("month", "<=", "2031-12-01"),
            ],
            ["branch_id"],
            ["attendance_rate:avg", "expected_count:sum", "attended_count:sum"],
        )
        ((_branch, rate, expected, attended),) = groups
        self.assertEqual((expected, attended), (5, 4))
        # 4 of 5 lines, not the average of 2/3 and 2/2
        self.assertAlmostEqual(rate, 80.0)

    def test_a_committee_type_needs_a_committee_and_groups_count_each(self):
        committee_type = self.env["party.meeting.type"].create(
            {"name": "Test Committee", "audience": "committee"}
        )
        group_type = self.env["party.meeting.type"].create(
            {"name": "Test Group", "audience": "group"}
        )
        self.env["party.group"].create(
            [
                {"name": "G1", "branch_id": self.branch_a.id},
                {"name": "G2", "branch_id": self.branch_a.id},
            ]
        )
        # a meeting of 2031 brings the report to that year
        self._meeting()
        self.assertEqual(self._row("2031-02-01", committee_type).required_count, 1)
        self.assertEqual(self._row("2031-02-01", group_type).required_count, 2)
        self.assertFalse(self._row("2031-02-01", group_type, self.branch_b))
        # the Party committee holds no branch meetings
        self.assertFalse(self._row("2031-02-01", branch=self.committee))


@tagged("post_install", "-at_install")
@freeze_time(AFTER)
class TestComplianceAccess(ComplianceCase):
    def test_an_officer_reads_only_their_branches(self):
        self._confirmed(date(2031, 2, 12))
        domain = [("branch_id", "=", self.branch_a.id)]
        self.assertTrue(self.Report.with_user(self.officer_a).search(domain))
        as_b = self.Report.with_user(self.officer_b)
        self.assertFalse(as_b.search(domain))
        self.assertFalse(
            as_b.search([("held_count", ">", 0)]).branch_id - self.branch_b
        )
        self.assertFalse(as_b._read_group(domain, ["branch_id"], ["held_count:sum"]))
        groups = as_b._read_group([], ["branch_id"], ["held_count:sum"])
        self.assertEqual({branch for branch, _held in groups}, {self.branch_b})
        self.assertTrue(self.Report.with_user(self.manager).search(domain))

    def test_a_member_has_no_report(self):
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_a1).search([])


@tagged("post_install", "-at_install")
@freeze_time(AFTER)
class TestMeetingPlan(ComplianceCase):
    def test_an_officer_plans_the_year_in_one_create(self):
        Meeting = self.env["party.meeting"]
        create = type(Meeting).create
        calls = []

        def counted(records, vals_list):
            calls.append(len(vals_list))
            return create(records, vals_list)

        with patch.object(type(Meeting), "create", counted):
            self.branch_a.with_user(self.officer_a).with_context(
                plan_year=2032
            ).action_plan_meetings()
        self.assertEqual(len(calls), 1)
        planned = Meeting.search(
            [("branch_id", "=", self.branch_a.id), ("plan_year", "=", 2032)]
        )
        self.assertEqual(len(planned), calls[0])
        self.assertEqual(set(planned.mapped("state")), {"planned"})
        types = self.env["party.meeting.type"].search(
            [
                ("frequency", "!=", "none"),
                ("audience", "not in", ("one_to_one", "group")),
            ]
        )
        for meeting_type in types:
            mine = planned.filtered(lambda m, t=meeting_type: m.type_id == t)
            self.assertEqual(
                len(mine),
                len(meeting_plan.PLAN_MONTHS[meeting_type.frequency]),
                meeting_type.name,
            )
            self.assertEqual({m.date_start.year for m in mine}, {2032})
        self.assertFalse(planned.filtered(lambda m: m.type_id.audience == "group"))
        theme = planned.filtered(lambda m: m.type_id == self.meeting_type)
        self.assertEqual(
            set(theme[0].attendance_ids.member_id.ids),
            set(self.branch_a.member_ids.ids),
        )
        with self.assertRaisesRegex(UserError, "already planned"):
            self.branch_a.with_user(self.officer_a).with_context(
                plan_year=2032
            ).action_plan_meetings()

    def test_a_year_begun_is_planned_from_today_and_a_past_one_not(self):
        self.branch_a.with_user(self.officer_a).with_context(
            plan_year=2031
        ).action_plan_meetings()
        planned = self.env["party.meeting"].search(
            [("branch_id", "=", self.branch_a.id), ("plan_year", "=", 2031)]
        )
        self.assertTrue(planned)
        self.assertGreaterEqual(
            min(planned.mapped("date_start")), datetime(2031, 6, 30)
        )
        with self.assertRaisesRegex(UserError, "Nothing left to plan"):
            self.branch_b.with_user(self.officer_b).with_context(
                plan_year=2030
            ).action_plan_meetings()

    def test_another_branchs_officer_cannot_plan_and_the_year_is_sealed(self):
        with self.assertRaises(AccessError):
            self.branch_a.with_user(self.officer_b).with_context(
                plan_year=2031
            ).action_plan_meetings()
        meeting = self._meeting()
        with self.assertRaises(UserError):
            meeting.with_user(self.officer_a).write({"plan_year": 2031})
        with self.assertRaises(UserError):
            self._meeting(plan_year=2031)
        with self.assertRaises(UserError):
            self.branch_a.with_user(self.officer_a).with_context(
                plan_year=1900
            ).action_plan_meetings()


@tagged("post_install", "-at_install")
@freeze_time(AFTER)
class TestAbsenceStreak(ComplianceCase):
    def _activities(self, member):
        return self.env["mail.activity"].search(
            [("res_model", "=", "party.member"), ("res_id", "=", member.id)]
        )

    def test_three_absences_in_a_row_once_per_streak(self):
        Line = self.env["party.meeting.attendance"]
        self._confirmed(date(2031, 1, 10), absent=[self.member_a2, self.member_a1])
        self._confirmed(date(2031, 1, 20), absent=[self.member_a2])
        Line._cron_absence_streaks(today=date(2031, 3, 31))
        self.assertFalse(self._activities(self.member_a2))
        self._confirmed(date(2031, 2, 10), absent=[self.member_a2, self.member_a1])
        Line._cron_absence_streaks(today=date(2031, 3, 31))
        activity = self._activities(self.member_a2)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.officer_a)
        self.assertFalse(self._activities(self.member_a1))
        self._confirmed(date(2031, 2, 20), absent=[self.member_a2])
        Line._cron_absence_streaks(today=date(2031, 3, 31))
        self.assertEqual(len(self._activities(self.member_a2)), 1)
        with self.assertRaises(UserError):
            Line.search([("member_id", "=", self.member_a2.id)])[:1].with_user(
                self.officer_a
            ).write({"streak_notified": False})

    def test_an_excused_meeting_breaks_the_run(self):
        Line = self.env["party.meeting.attendance"]
        self._confirmed(date(2031, 1, 10), absent=[self.member_a2])
        self._confirmed(date(2031, 1, 20), absent=[self.member_a2])
        meeting = self._meeting(date_start=datetime(2031, 1, 25, 9), date_end=False)
        self._mark(meeting, self.member_a2, "excused", "Sick")
        meeting.with_user(self.officer_a).action_confirm()
        self._confirmed(date(2031, 2, 10), absent=[self.member_a2])
        Line._cron_absence_streaks(today=date(2031, 3, 31))
        self.assertFalse(self._activities(self.member_a2))


@tagged("post_install", "-at_install")
class TestComplianceTour(ComplianceCase, HttpCase):
    def test_the_secretary_opens_the_compliance_pivot(self):
        self._meeting()
        self.start_tour(
            "/web#action=party_points.party_meeting_compliance_report_action",
            "party_points_meeting_compliance",
            login=self.officer_a.login,
        )


@tagged("post_install", "-at_install")
class TestComplianceExport(ComplianceCase, HttpCase):
    def _get(self, login, **params):
        self.authenticate(login, login)
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return self.url_open(f"/party_points/meeting_compliance/export?{query}")

    def test_the_rows_are_the_users(self):
        self._meeting()
        Report = self.env["party.meeting.compliance.report"]
        rows = Report.with_user(self.officer_a)._export_rows(2031, self.branch_a)
        self.assertEqual({row[0] for row in rows}, {self.branch_a.complete_name})
        self.assertEqual(len({row[1] for row in rows}), 12)
        everything = Report.with_user(self.officer_b)._export_rows(
            2031, self.env["party.branch"]
        )
        self.assertEqual({row[0] for row in everything}, {self.branch_b.complete_name})
        with self.assertRaises(AccessError):
            Report.with_user(self.user_a1)._export_rows(2031, self.branch_a)
        action = Report.with_user(self.officer_a).action_export_xlsx()
        self.assertTrue(
            action["params"]["url"].startswith(
                "/party_points/meeting_compliance/export?year="
            )
        )

    def test_the_download_is_scoped(self):
        self._meeting()
        response = self._get("party_officer_a", year=2031, branch_ids=self.branch_a.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.assertIn(
            "Meeting%20Compliance%202031.xlsx", response.headers["Content-Disposition"]
        )
        crafted = self._get(
            "party_officer_a",
            year=2031,
            branch_ids=f"{self.branch_a.id},{self.branch_b.id}",
        )
        self.assertEqual(crafted.status_code, 403)
        self.assertNotEqual(crafted.content[:2], b"PK")
        member = self._get("party_member_a1", year=2031)
        self.assertEqual(member.status_code, 403)
        bad = self._get("party_officer_a", year="x")
        self.assertEqual(bad.status_code, 400)


@tagged("post_install", "-at_install")
class TestAgendaPack(ComplianceCase):
    def test_the_committee_sees_what_waits_for_approval(self):
        committee_type = self.env.ref("party_points.meeting_type_committee")
        meeting = self._meeting(type_id=committee_type.id)
        self.assertTrue(meeting.is_committee_meeting)
        self._entry(self.member_a1, self.r_meet, approve=False).action_submit()
        self._entry(self.member_b1, self.r_meet, approve=False).action_submit()
        action = meeting.with_user(self.officer_a).action_agenda_pack()
        lines = self.env["party.meeting.agenda.line"].search(action["domain"])
        # (party_ledger adds its items after this one)
        self.assertEqual(
            [(line.name, line.count) for line in lines][:1],
            [("Entries waiting for approval", 1)],
        )
        listed = lines[:1].action_open()
        entries = (
            self.env["party.points.entry"]
            .with_user(self.officer_a)
            .search(listed["domain"])
        )
        self.assertEqual(entries.member_id, self.member_a1)

    def test_only_the_committee_meeting_has_a_pack_for_its_officers(self):
        with self.assertRaises(UserError):
            self._meeting().with_user(self.officer_a).action_agenda_pack()
        committee_type = self.env.ref("party_points.meeting_type_committee")
        meeting = self._meeting(type_id=committee_type.id)
        with self.assertRaises(AccessError):
            meeting.with_user(self.officer_b).action_agenda_pack()


@tagged("post_install", "-at_install")
class TestPlanTour(ComplianceCase, HttpCase):
    def test_the_secretary_plans_the_year(self):
        self.start_tour(
            "/web#action=party_points.party_branch_action"
            f"&model=party.branch&id={self.branch_a.id}&view_type=form",
            "party_points_meeting_plan",
            login=self.officer_a.login,
        )
        planned = self.env["party.meeting"].search(
            [("branch_id", "=", self.branch_a.id), ("plan_year", "!=", False)]
        )
        self.assertTrue(planned)
        self.assertEqual(set(planned.mapped("state")), {"planned"})


@tagged("post_install", "-at_install")
class TestAgendaTour(ComplianceCase, HttpCase):
    def test_the_committee_opens_its_agenda_pack(self):
        committee_type = self.env.ref("party_points.meeting_type_committee")
        meeting = self._meeting(type_id=committee_type.id)
        self._entry(self.member_a1, self.r_meet, approve=False).action_submit()
        self.start_tour(
            "/web#action=party_points.party_meeting_action"
            f"&model=party.meeting&id={meeting.id}&view_type=form",
            "party_points_meeting_agenda",
            login=self.officer_a.login,
        )
