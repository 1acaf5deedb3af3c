"""Issue 16: the half-year staff rating of the branches (半年职工评议支部):
rating once, only one's own branch, only while the round is open, scores
from 1 to 5, results hidden below five respondents, and the averages the
star rating reads."""

from datetime import datetime

import psycopg2

from odoo import SUPERUSER_ID, Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PartyCase

GOOD = {"score_service": 5, "score_response": 4, "score_practical": 3}


class StaffRatingCase(PartyCase):
    """PartyCase with a draft round over branches A and B in 2031, a
    department served by branch B, and a portal employee of it who is no
    Party member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Round = cls.env["party.staff.rating.round"]
        # the demo's open round makes way (one open round per company)
        Round.search([("state", "=", "open")]).action_close()
        cls.department_b = cls.env["hr.department"].create(
            {"name": "Boiler Workshop", "party_branch_id": cls.branch_b.id}
        )
        cls.team_b = cls.env["hr.department"].create(
            {"name": "Boiler Team 1", "parent_id": cls.department_b.id}
        )
        cls.portal_user = new_test_user(
            cls.env, "staff_portal", groups="base.group_portal", name="Worker Wu"
        )
        cls.emp_portal = cls.env["hr.employee"].create(
            {
                "name": "Worker Wu",
                "user_id": cls.portal_user.id,
                "department_id": cls.team_b.id,
            }
        )
        cls.round = Round.create(
            {
                "name": "2031年上半年职工评议支部",
                "date_from": "2031-01-01",
                "date_to": "2031-06-30",
                "branch_ids": [Command.set((cls.branch_a | cls.branch_b).ids)],
            }
        )

    @classmethod
    def _staff(cls, count, branch, prefix):
        """``count`` employees who are members of ``branch``."""
        employees = cls.env["hr.employee"].create(
            [{"name": f"{prefix} {index}"} for index in range(count)]
        )
        cls.env["party.member"].create(
            [
                {"employee_id": employee.id, "branch_id": branch.id}
                for employee in employees
            ]
        )
        return employees

    @classmethod
    def _rate_many(cls, rating_round, count, branch, score=4, prefix="Staff"):
        employees = cls._staff(count, branch, prefix)
        scores = {name: score for name in GOOD}
        rating_round._insert_rating(
            employees,
            branch,
            [dict(scores) for _employee in employees],
            [f"{prefix} comment {index}" for index in range(count)],
        )
        return employees

    def _ballots(self, rating_round):
        return (
            self.env["party.staff.rating.ballot"]
            .sudo()
            .search([("round_id", "=", rating_round.id)])
        )

    def _responses(self, rating_round):
        return (
            self.env["party.staff.rating.response"]
            .sudo()
            .search([("round_id", "=", rating_round.id)])
        )


@tagged("post_install", "-at_install")
class TestStaffRating(StaffRatingCase):
    def test_member_rates_own_branch_once(self):
        self.round.with_user(self.manager).action_open()
        self.round.with_user(self.user_a1).action_rate(
            self.branch_a.id, GOOD, "  多到班组听听意见  "
        )
        ballot = self._ballots(self.round)
        self.assertEqual(ballot.employee_id, self.emp_a1)
        response = self._responses(self.round)
        self.assertEqual(
            (response.branch_id, response.score_service, response.score_practical),
            (self.branch_a, 5, 3),
        )
        comment = (
            self.env["party.staff.rating.comment"]
            .sudo()
            .search([("round_id", "=", self.round.id)])
        )
        self.assertEqual(comment.body, "多到班组听听意见")
        self.assertEqual(self.round.respondent_count, 1)
        with self.assertRaisesRegex(UserError, "already rated your branch"):
            self.round.with_user(self.user_a1).action_rate(self.branch_a.id, GOOD)
        self.assertEqual(len(self._responses(self.round)), 1)

    def test_nothing_ties_a_response_to_its_rater(self):
        self.round.with_user(self.manager).action_open()
        self.round.with_user(self.user_a1).action_rate(self.branch_a.id, GOOD, "好")
        stamp = datetime(2031, 1, 1)
        response = self._responses(self.round)
        comment = (
            self.env["party.staff.rating.comment"]
            .sudo()
            .search([("round_id", "=", self.round.id)])
        )
        ballot = self._ballots(self.round)
        for record in (response, comment, ballot):
            self.assertEqual(record.create_uid.id, SUPERUSER_ID, record._name)
            self.assertEqual(record.write_uid.id, SUPERUSER_ID, record._name)
            self.assertEqual(record.create_date, stamp, record._name)
            self.assertEqual(record.write_date, stamp, record._name)
        for model in ("party.staff.rating.response", "party.staff.rating.comment"):
            fields = self.env[model]._fields.values()
            self.assertFalse(
                [
                    field.name
                    for field in fields
                    if field.comodel_name in ("hr.employee", "res.users", "res.partner")
                    and field.name not in ("create_uid", "write_uid")
                ],
                f"{model} names nobody",
            )

    def test_non_member_rates_the_branch_of_their_department(self):
        self.round.with_user(self.manager).action_open()
        with self.assertRaisesRegex(UserError, "only your own branch"):
            self.round.with_user(self.portal_user).action_rate(self.branch_a.id, GOOD)
        self.round.with_user(self.portal_user).action_rate(self.branch_b.id, GOOD)
        self.assertEqual(self._responses(self.round).branch_id, self.branch_b)
        self.assertEqual(self._ballots(self.round).employee_id, self.emp_portal)

    def test_another_branch_is_refused(self):
        self.round.with_user(self.manager).action_open()
        for branch_id in (self.branch_b.id, "x", None, self.committee.id):
            with self.assertRaisesRegex(UserError, "only your own branch"):
                self.round.with_user(self.user_a1).action_rate(branch_id, GOOD)
        self.assertFalse(self._ballots(self.round))

    def test_employee_without_branch_is_refused(self):
        self.emp_portal.department_id = False
        self.round.with_user(self.manager).action_open()
        with self.assertRaisesRegex(UserError, "No branch of yours"):
            self.round.with_user(self.portal_user).action_rate(self.branch_b.id, GOOD)
        nobody = new_test_user(self.env, "staff_nobody", groups="base.group_portal")
        with self.assertRaisesRegex(UserError, "Only the employees"):
            self.round.with_user(nobody).action_rate(self.branch_b.id, GOOD)

    def test_draft_and_closed_rounds_are_refused(self):
        with self.assertRaisesRegex(UserError, "is not open"):
            self.round.with_user(self.user_a1).action_rate(self.branch_a.id, GOOD)
        self.round.with_user(self.manager).action_open()
        self.round.with_user(self.manager).action_close()
        with self.assertRaisesRegex(UserError, "is not open"):
            self.round.with_user(self.user_a1).action_rate(self.branch_a.id, GOOD)
        self.assertFalse(self._ballots(self.round))

    def test_bad_scores_are_refused(self):
        self.round.with_user(self.manager).action_open()
        for value in (0, 6, "good", "", None, 2.5, "3.5", -1):
            scores = dict(GOOD, score_response=value)
            with self.assertRaisesRegex(UserError, "from 1 \\(poor\\) to 5"):
                self.round.with_user(self.user_a1).action_rate(self.branch_a.id, scores)
        with self.assertRaisesRegex(UserError, "questions the round does not ask"):
            self.round.with_user(self.user_a1).action_rate(
                self.branch_a.id, dict(GOOD, score_extra=5)
            )
        with self.assertRaisesRegex(UserError, "comment is too long"):
            self.round.with_user(self.user_a1).action_rate(
                self.branch_a.id, GOOD, "长" * 10_001
            )
        self.assertFalse(self._ballots(self.round))
        # the database refuses what the ORM would not check
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.round._insert_rating(
                self.emp_a2, self.branch_a, dict(GOOD, score_service=9), ""
            )

    def test_close_counts_results_and_hides_small_branches(self):
        self.round.with_user(self.manager).action_open()
        self.round.with_user(self.user_a1).action_rate(self.branch_a.id, GOOD)
        self._rate_many(self.round, 4, self.branch_a, score=3)
        self._rate_many(self.round, 4, self.branch_b, score=2, prefix="B")
        self.round.with_user(self.manager).action_close()
        results = {
            result.branch_id: result
            for result in self.round.with_user(self.manager).result_ids
        }
        shown = results[self.branch_a]
        self.assertEqual(shown.respondent_count, 5)
        self.assertTrue(shown.is_shown)
        self.assertAlmostEqual(shown.avg_service, (5 + 4 * 3) / 5)
        self.assertAlmostEqual(shown.avg_practical, 3.0)
        self.assertAlmostEqual(shown.avg_overall, round((12 + 4 * 9) / 15, 2))
        self.assertFalse(shown.note)
        hidden = results[self.branch_b]
        self.assertEqual(hidden.respondent_count, 4)
        self.assertFalse(hidden.is_shown)
        for fname in ("avg_service", "avg_response", "avg_practical", "avg_overall"):
            self.assertFalse(hidden[fname], fname)
        self.assertEqual(hidden.note, "Fewer than 5 responses")
        # the comments of the small branch stay unread
        Comment = self.env["party.staff.rating.comment"].with_user(self.manager)
        readable = Comment.search([("round_id", "=", self.round.id)])
        self.assertEqual(readable.branch_id, self.branch_a)
        self.assertEqual(len(readable), 4)

    def test_participation(self):
        self.assertEqual(self.round.eligible_count, 5, "4 members and Worker Wu")
        self.round.with_user(self.manager).action_open()
        self.round.with_user(self.portal_user).action_rate(self.branch_b.id, GOOD)
        self.round.invalidate_recordset()
        self.assertEqual(self.round.respondent_count, 1)
        self.assertAlmostEqual(self.round.participation, 20.0)

    def test_one_open_round_per_company(self):
        self.round.with_user(self.manager).action_open()
        other = self.round.copy({"name": "Again"})
        with self.assertRaisesRegex(UserError, "Another rating round"):
            other.with_user(self.manager).action_open()

    def test_branch_averages_for_the_star_rating(self):
        Round = self.env["party.staff.rating.round"]
        second = self.round.copy(
            {"name": "下半年", "date_from": "2031-07-01", "date_to": "2031-12-31"}
        )
        self.round.action_open()
        self._rate_many(self.round, 5, self.branch_a, score=4)
        self._rate_many(self.round, 3, self.branch_b, score=1, prefix="B")
        self.round.action_close()
        second.action_open()
        self._rate_many(second, 6, self.branch_a, score=2, prefix="A2")
        self._rate_many(second, 4, self.branch_b, score=1, prefix="B2")
        # an open round does not count
        self.assertEqual(
            Round._branch_averages(
                self.branch_a | self.branch_b, "2031-01-01", "2031-12-31"
            ),
            {self.branch_a.id: (4.0, 5)},
        )
        second.action_close()
        averages = Round._branch_averages(
            self.branch_a | self.branch_b | self.committee, "2031-01-01", "2031-12-31"
        )
        # B: 3 + 4 respondents in two hidden groups, never pooled
        self.assertEqual(averages, {self.branch_a.id: (round(96 / 33, 2), 11)})
        self.assertEqual(
            Round._branch_averages(self.branch_a, "2031-09-01", "2032-03-01"),
            {self.branch_a.id: (2.0, 6)},
        )
        self.assertEqual(
            Round._branch_averages(self.branch_a, "2032-01-01", "2032-12-31"), {}
        )
        self.assertEqual(
            Round._branch_averages(self.branch_a.browse(), "2031-01-01", "2031-12-31"),
            {},
        )


@tagged("post_install", "-at_install")
class TestStaffRatingDemo(PartyCase):
    def test_demo_year_rated(self):
        office = self.env.ref("party_points.party_branch_office_demo", False)
        if not office:
            self.skipTest("without demo data")
        Round = self.env["party.staff.rating.round"]
        first = Round.search([("name", "=", "2026年上半年职工评议支部")])
        self.assertEqual(first.state, "closed")
        # every branch rated by five or more: its averages show
        self.assertEqual(first.result_ids.filtered("is_shown"), first.result_ids)
        self.assertIn(office, first.result_ids.branch_id)
        self.assertTrue(all(result.avg_overall >= 1 for result in first.result_ids))
        self.assertEqual(
            set(Round._branch_averages(first.branch_ids, "2026-01-01", "2026-12-31")),
            set(first.branch_ids.ids),
        )
        second = Round.search([("name", "=", "2026年下半年职工评议支部")])
        self.assertEqual(second.state, "open")
        self.assertTrue(second.respondent_count)
        self.assertFalse(second.result_ids)


@tagged("post_install", "-at_install")
class TestStaffRatingStarCriterion(StaffRatingCase):
    def test_star_rating_reads_the_staff_rating(self):
        """The star rating's staff-rating criterion reads _branch_averages:
        a branch of five respondents meets it from the threshold, a branch
        of fewer has no figure."""
        criterion = self.env["party.rating.criterion"].search(
            [("method", "=", "staff_rating")], limit=1
        )
        if not criterion:
            self.skipTest("no staff-rating criterion in the catalogue")
        self.round.action_open()
        self._rate_many(self.round, 5, self.branch_a, score=5)
        self._rate_many(self.round, 2, self.branch_b, score=5, prefix="B")
        self.round.action_close()
        results = self.env["party.branch.rating"]._rating_check_staff_rating(
            criterion, self.branch_a | self.branch_b, "2031-01-01", "2031-12-31"
        )
        self.assertEqual(set(results), {self.branch_a.id})
        met, figure = results[self.branch_a.id]
        self.assertTrue(met)
        self.assertIn("5.00", figure)
