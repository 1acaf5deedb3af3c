"""The star rating of branches (星级评定, issue 16): all-or-nothing levels,
the figures of the automatic checks, evidence decided by the committee, the
committee's level with its reason, and the walls and seals around them."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import query_bound
from .test_assessment import AssessmentCase
from .test_meeting import DURING, MeetingCase

YEAR = 2031
# Rating branches of a year with the whole sample catalogue (every
# automatic check, the ledger's too when party_ledger is installed):
# creating the ratings, one query per family of checks, the lines in one
# INSERT, the levels proposed. Measured on 17.0.
EVALUATE_QUERIES = 22
# the same ratings evaluated again
EVALUATE_AGAIN_QUERIES = 20


class RatingCase(MeetingCase):
    """MeetingCase with a catalogue of its own (the sample one archived):
    one class asking one optional criterion from 4 stars on, evidence
    criteria required at 3, 4 and 5 stars, an optional one at 4, and the
    attendance rate (at least 60 %) required at 3."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["party.rating.criterion"].search([]).write({"active": False})
        cls.rating_class = cls.env["party.rating.class"].create(
            {"name": "Test Class", "optional_min_4": 1, "optional_min_5": 1}
        )

        def criterion(name, level, kind="required", method="evidence", **vals):
            return cls.env["party.rating.criterion"].create(
                dict(
                    name=name,
                    class_id=cls.rating_class.id,
                    level=level,
                    kind=kind,
                    method=method,
                    **vals,
                )
            )

        cls.e3 = criterion("Dues collected", "3")
        cls.e4 = criterion("Files complete", "4")
        cls.e5 = criterion("Branch brand", "5")
        cls.o4 = criterion("Volunteer service", "4", kind="optional")
        cls.att = criterion(
            "Attendance 60 %", "3", method="attendance_rate", threshold=60
        )
        cls.Rating = cls.env["party.branch.rating"]

    @classmethod
    def _held_meeting(cls, absent=()):
        """A confirmed meeting of branch A in February of YEAR (its three
        members listed, ``absent`` ones absent)."""
        meeting = cls._meeting()
        for line in meeting.attendance_ids:
            if line.member_id in absent:
                line.write({"status": "absent"})
        with freeze_time(DURING):
            meeting.with_user(cls.officer_a).action_confirm()
        return meeting

    def _rate(self, user=None, branches=None, year=YEAR):
        return self.Rating.with_user(user or self.officer_a)._rate(
            branches or self.branch_a, year
        )

    def _line(self, rating, criterion):
        return rating.line_ids.filtered(lambda line: line.criterion_id == criterion)

    def _prove(self, rating, *criteria):
        """The branch's officer submits evidence for ``criteria``, the
        committee accepts it."""
        for criterion in criteria:
            line = self._line(rating, criterion).with_user(self.officer_a)
            line.write({"evidence_note": f"Proof of {criterion.name}"})
            line.action_submit()
            line.with_user(self.manager).action_accept()


@tagged("post_install", "-at_install")
class TestBranchRating(RatingCase):
    def test_a_level_needs_every_hard_criterion_of_it_and_below(self):
        self._held_meeting(absent=self.member_a2)
        rating = self._rate()
        self.assertEqual(rating.state, "evaluated")
        self.assertEqual(rating.proposed_level, "0")
        self.assertIn("Dues collected", rating.blocker_note)
        self._prove(rating, self.e3)
        self.assertEqual(rating.proposed_level, "3")
        # 4 stars need Files complete and one optional criterion of the class
        self.assertIn("Files complete", rating.blocker_note)
        self.assertIn("0 of the 1 optional criteria met", rating.blocker_note)
        self._prove(rating, self.e4)
        self.assertEqual(rating.proposed_level, "3")
        self._prove(rating, self.o4)
        self.assertEqual(rating.proposed_level, "4")
        self.assertIn("Branch brand", rating.blocker_note)
        self.assertNotIn("Files complete", rating.blocker_note)
        self._prove(rating, self.e5)
        self.assertEqual(rating.proposed_level, "5")
        self.assertEqual(rating.hard_summary, "★3 2/2 · ★4 4/4 · ★5 5/5")

    def test_one_unmet_lower_criterion_loses_every_level_above(self):
        # every evidence accepted, but attendance (a 3-star criterion) fails
        self._held_meeting(absent=self.member_a2 | self.member_a3)
        rating = self._rate()
        self._prove(rating, self.e3, self.e4, self.e5, self.o4)
        self.assertEqual(rating.proposed_level, "0")
        self.assertEqual(
            rating.blocker_note,
            "For 3 stars:\n- Test Class: Attendance 60 %",
        )

    def test_an_automatic_check_shows_the_figures_it_used(self):
        self._held_meeting(absent=self.member_a2)
        rating = self._rate()
        line = self._line(rating, self.att)
        self.assertTrue(line.met)
        self.assertEqual(line.figure, "Attendance 66.7 % (2 of 3)")
        # the committee raises the bar; evaluating again follows it
        self.att.threshold = 70
        rating.with_user(self.officer_a).action_evaluate()
        self.assertFalse(line.met)

    def test_required_meetings_count_the_times_they_were_due(self):
        self._held_meeting()
        self.att.write(
            {"method": "meetings_held", "meeting_type_id": self.meeting_type.id}
        )
        rating = self._rate()
        line = self._line(rating, self.att)
        self.assertFalse(line.met)
        self.assertEqual(line.figure, "Test Theme Day: requirement met 1 of 12 times")
        # branch B held none; a year without any meeting recorded has no data
        self.assertEqual(
            self._line(self._rate(self.manager, self.branch_b), self.att).figure,
            "Test Theme Day: requirement met 0 of 12 times",
        )
        self.assertEqual(
            self._line(self._rate(self.manager, year=YEAR + 1), self.att).figure,
            "No data this year",
        )

    def test_this_months_meeting_is_not_missed_before_the_month_ends(self):
        """The year in progress, rated on a day: the months ended count,
        the month in progress only once its meeting is held."""
        self._held_meeting()  # February's
        self.att.write(
            {"method": "meetings_held", "meeting_type_id": self.meeting_type.id}
        )
        for day, figure in (
            # January missed, February's held while February runs
            (f"{YEAR}-02-20", "met 1 of 2 times"),
            # March runs without its meeting yet: not missed
            (f"{YEAR}-03-20", "met 1 of 2 times"),
            # March is over
            (f"{YEAR}-04-01", "met 1 of 3 times"),
        ):
            with self.subTest(day=day), freeze_time(f"{day} 12:00:00"):
                line = self._line(self._rate(), self.att)
                self.assertEqual(line.figure, f"Test Theme Day: requirement {figure}")

    def test_refused_evidence_is_unmet_and_can_be_submitted_again(self):
        rating = self._rate()
        line = self._line(rating, self.e3).with_user(self.officer_a)
        with self.assertRaisesRegex(UserError, "Describe or attach the proof"):
            line.action_submit()
        line.write({"evidence_note": "Dues book photographed"})
        line.action_submit()
        with self.assertRaisesRegex(UserError, "Say why"):
            line.with_user(self.manager).action_refuse("  ")
        wizard = (
            self.env["party.points.reason.wizard"]
            .with_user(self.manager)
            .with_context(active_model=line._name, active_ids=line.ids)
            .create({"operation": "refuse_evidence", "reason": "March is missing"})
        )
        wizard.action_confirm()
        self.assertEqual(line.evidence_state, "refused")
        self.assertEqual(line.refusal_reason, "March is missing")
        self.assertFalse(line.met)
        self.assertIn("March is missing", rating.message_ids[0].body)
        line.write({"evidence_note": "Dues book with March"})
        line.action_submit()
        self.assertEqual(line.evidence_state, "submitted")

    def test_the_committee_decides_another_level_only_with_a_reason(self):
        last_year = self._rate(self.manager, year=YEAR - 1)
        self._prove(last_year, self.e3, self.e4, self.o4)
        last_year.with_user(self.manager).action_confirm()
        self.assertEqual(last_year.final_level, "0")  # attendance had no data
        self.assertEqual(last_year.change, "new")
        self._held_meeting()
        rating = self._rate()
        self._prove(rating, self.e3)
        rating = rating.with_user(self.manager)
        rating.decided_level = "4"
        with self.assertRaisesRegex(UserError, "say why"):
            rating.action_confirm()
        rating.decision_reason = "Provincial model branch title this year"
        rating.action_confirm()
        self.assertEqual(
            (rating.proposed_level, rating.final_level, rating.previous_level),
            ("3", "4", "0"),
        )
        self.assertEqual(rating.change, "up")
        # confirmed: sealed, no longer evaluated, evidence no longer decided
        with self.assertRaises(UserError):
            rating.with_user(self.officer_a).action_evaluate()
        with self.assertRaises(UserError):
            rating.write({"decided_level": "5"})
        with self.assertRaises(UserError):
            self._line(rating, self.e4).with_user(self.officer_a).write(
                {"evidence_note": "late proof"}
            )
        self.assertEqual(self.branch_a.with_user(self.officer_a).star_level, "4")

    def test_the_branch_button_rates_this_year_and_says_what_blocks(self):
        action = self.branch_a.with_user(self.officer_a).action_star_rating()
        rating = self.Rating.browse(action["res_id"])
        self.assertEqual(rating.branch_id, self.branch_a)
        self.assertEqual(rating.year, datetime.now().year)
        self.assertEqual(rating.state, "evaluated")
        self.assertEqual(
            self.branch_a.with_user(self.officer_a).star_blockers, rating.blocker_note
        )
        # pressed again: the same rating, evaluated again
        again = self.branch_a.with_user(self.officer_a).action_star_rating()
        self.assertEqual(again["res_id"], rating.id)
        # the branch form shows the stars and blockers to officers, to
        # members not even the button
        Branch = self.env["party.branch"]
        for user, shown in ((self.officer_a, True), (self.user_a1, False)):
            arch = Branch.with_user(user).get_view(view_type="form")["arch"]
            for name in ("star_level", "star_blockers", "action_star_rating"):
                self.assertEqual(f'name="{name}"' in arch, shown, (user.login, name))


@tagged("post_install", "-at_install")
class TestBranchRatingQueries(RatingCase):
    """Rating two hundred branches makes the queries rating one makes: one
    per family of checks over every branch, none per branch or line."""

    def test_rating_costs_the_same_queries_for_one_branch_as_for_three(self):
        self.env["party.rating.criterion"].with_context(active_test=False).search(
            []
        ).write({"active": True})
        branch_c = self.env["party.branch"].create(
            {
                "name": "Branch C",
                "code": "T-C",
                "parent_id": self.committee.id,
                "secretary_id": self.emp_officer_a.id,
            }
        )
        self.env["party.member"].create(
            {
                "employee_id": self.env["hr.employee"].create({"name": "C"}).id,
                "branch_id": branch_c.id,
            }
        )
        self._held_meeting(absent=self.member_a2)
        three = self.branch_a | self.branch_b | branch_c
        Rating = self.Rating.with_user(self.manager)
        # a first rating of each fills the caches (groups, rules, translations)
        Rating._rate(self.branch_a, YEAR - 2)
        Rating._rate(three, YEAR - 1)
        rating = Rating._rate(self.branch_a, YEAR)
        ratings = Rating._rate(three, YEAR + 1)
        counts = [
            self._queries(
                EVALUATE_QUERIES, lambda b=branches, y=year: Rating._rate(b, y)
            )
            for year, branches in ((YEAR + 2, self.branch_a), (YEAR + 3, three))
        ]
        self.assertEqual(counts[0], counts[1])
        criteria = self.env["party.rating.criterion"].search_count([])
        self.assertEqual(len(ratings.line_ids), 3 * criteria)
        # evaluated again (another time of day, so that the evaluation date
        # changes): the existing lines' figures in one UPDATE
        counts = []
        for moment, records in (
            ("2032-01-10 10:00", rating),
            ("2032-01-10 11:00", ratings),
        ):
            with freeze_time(moment):
                counts.append(
                    self._queries(EVALUATE_AGAIN_QUERIES, records.action_evaluate)
                )
        self.assertEqual(counts[0], counts[1])

    def _queries(self, measured, func):
        """The queries of ``func`` (flush included), at most ``measured``
        and the headroom."""
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(query_bound(measured)):
            before = self.cr.sql_log_count
            func()
            self.env.flush_all()
            return self.cr.sql_log_count - before

    def test_claims_days_to_approval_are_the_years(self):
        criterion = self.env["party.rating.criterion"].create(
            {
                "name": "Claims approved within a week",
                "class_id": self.rating_class.id,
                "level": "3",
                "kind": "optional",
                "method": "approval_days",
                "threshold": 7,
            }
        )
        self._period_covering_today()
        today = date.today()
        self._entry(self.member_a1, self.r_meet, origin="claim", day=today)
        line = self._line(self._rate(year=today.year), criterion)
        self.assertTrue(line.met)
        self.assertEqual(line.figure, "1 claims approved in 0.0 days on average")


@tagged("post_install", "-at_install")
class TestBranchRatingWalls(RatingCase):
    """Attacks with a login: secretaries see their own branch's rating and
    evidence, the committee all; members nothing; states, levels and
    decisions are written by the workflow only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("rating")
        cls.rating_a = cls.Rating.with_user(cls.manager)._rate(cls.branch_a, YEAR)
        cls.rating_b = cls.Rating.with_user(cls.manager)._rate(cls.branch_b, YEAR)

    def test_an_officer_sees_only_their_branches_ratings(self):
        Rating = self.Rating.with_user(self.officer_b)
        self.assertEqual(Rating.search([]), self.rating_b)
        self.assertEqual(Rating.search_count([("branch_id", "=", self.branch_a.id)]), 0)
        groups = Rating._read_group([], ["branch_id"], ["__count"])
        self.assertEqual([branch for branch, _count in groups], [self.branch_b])
        Line = self.env["party.branch.rating.line"].with_user(self.officer_b)
        self.assertFalse(Line.search([("rating_id", "=", self.rating_a.id)]))
        self.assertFalse(
            Line.search(
                [
                    ("figure", "ilike", "attendance"),
                    ("branch_id", "!=", self.branch_b.id),
                ]
            )
        )
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.officer_b).read(["proposed_level"])
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.officer_b).action_evaluate()
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.officer_b).message_post(body="peek")
        with self.assertRaises(AccessError):
            self._line(self.rating_a, self.e3).with_user(self.officer_b).write(
                {"evidence_note": "planted"}
            )
        with self.assertRaises(AccessError):
            self.branch_a.with_user(self.officer_b).action_star_rating()

    def test_an_officer_cannot_follow_another_branchs_rating(self):
        rating = self.rating_a.with_user(self.officer_b)
        partners = (self.officer_b | self.manager).partner_id
        # Odoo answers False to following oneself without read access.
        self.assertFalse(
            rating.message_subscribe(partner_ids=self.officer_b.partner_id.ids)
        )
        with self.assertRaises(AccessError):
            rating.message_subscribe(partner_ids=partners.ids)
        self.rating_a.message_subscribe(partner_ids=self.manager.partner_id.ids)
        with self.assertRaises(AccessError):
            rating.message_unsubscribe(partner_ids=self.manager.partner_id.ids)
        self.assertEqual(
            self.rating_a.message_partner_ids & partners, self.manager.partner_id
        )

    def test_members_and_outsiders_see_no_rating(self):
        for user in (self.user_a1, self.hr_user, self.other_committee):
            with self.subTest(user=user.name):
                Rating = self.Rating.with_user(user)
                try:
                    found = Rating.search([])
                except AccessError:
                    found = Rating
                self.assertFalse(found)
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).read(["final_level"])
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).action_evaluate()

    def test_only_the_committee_accepts_evidence_and_confirms(self):
        line = self._line(self.rating_a, self.e3).with_user(self.officer_a)
        line.write({"evidence_note": "Dues book"})
        line.action_submit()
        with self.assertRaises(AccessError):
            line.action_accept()
        with self.assertRaises(AccessError):
            line.action_refuse("not mine to refuse")
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.officer_a).action_confirm()
        for vals in (
            {"decided_level": "5"},
            {"decision_reason": "we say so"},
            {"year": YEAR - 1},
            {"branch_id": self.branch_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.rating_a.with_user(self.officer_a).write(vals)
        self.assertEqual(line.evidence_state, "submitted")

    def test_levels_states_and_decisions_are_sealed(self):
        line = self._line(self.rating_a, self.e3)
        for user in (self.officer_a, self.manager):
            for vals in (
                {"met": True},
                {"figure": "100 %"},
                {"evidence_state": "accepted"},
                {"decided_by_id": user.id},
            ):
                with (
                    self.subTest(user=user.name, vals=vals),
                    self.assertRaises(UserError),
                ):
                    line.with_user(user).write(vals)
        for vals in (
            {"state": "confirmed"},
            {"proposed_level": "5"},
            {"final_level": "5"},
            {"change": "up"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.rating_a.with_user(self.manager).write(vals)
            with self.subTest(vals=vals, sudo=True), self.assertRaises(UserError):
                self.rating_a.sudo().write(vals)
        with self.assertRaises(UserError):
            self.Rating.with_user(self.manager).create(
                {"branch_id": self.committee.id, "year": YEAR, "final_level": "5"}
            )
        self.assertFalse(self.rating_a.final_level)

    def test_another_companys_branch_is_not_rated_here(self):
        with self.assertRaises(AccessError):
            self.Rating.with_user(self.manager)._rate(self.other_branch, YEAR)

    def test_bad_input_is_refused_with_a_clear_message(self):
        Criterion = self.env["party.rating.criterion"].with_user(self.manager)
        for threshold in (-1, float("nan"), float("inf"), "lots"):
            with self.subTest(threshold=threshold), self.assertRaises(ValidationError):
                Criterion.create(
                    {
                        "name": "Bad",
                        "class_id": self.rating_class.id,
                        "threshold": threshold,
                    }
                )
        with self.assertRaisesRegex(ValidationError, "never fewer"):
            self.rating_class.with_user(self.manager).write(
                {"optional_min_4": 3, "optional_min_5": 2}
            )
        with self.assertRaises(ValidationError):
            self.rating_class.with_user(self.manager).write({"optional_min_3": -1})
        for year in (1899, 12345678901):
            with self.subTest(year=year), self.assertRaises(ValidationError):
                self.Rating.with_user(self.manager).create(
                    {"branch_id": self.committee.id, "year": year}
                )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.Rating.with_user(self.manager).create(
                {"branch_id": self.branch_a.id, "year": YEAR}
            )


@tagged("post_install", "-at_install")
class TestBranchRatingTour(RatingCase, HttpCase):
    def test_the_secretary_asks_the_branch_form_for_its_stars(self):
        url = f"/web#model=party.branch&id={self.branch_a.id}&view_type=form"
        self.start_tour(
            url, "party_points_branch_star_rating", login=self.officer_a.login
        )
        year = date.today().year
        rating = self.Rating.search(
            [("branch_id", "=", self.branch_a.id), ("year", "=", year)]
        )
        self.assertEqual(rating.state, "evaluated")
        self.assertIn("Dues collected", self.branch_a.star_blockers)

    def test_the_secretary_submits_and_the_committee_confirms(self):
        self._held_meeting()
        rating = self._rate()
        # (so that the tour sees the evaluation it asks for arrive)
        rating.flush_recordset()
        self.env.cr.execute(
            "UPDATE party_branch_rating SET evaluated_date = '2030-01-01' "
            "WHERE id = %s",
            [rating.id],
        )
        rating.invalidate_recordset(["evaluated_date"])
        url = (
            "/web#action=party_points.party_branch_rating_action"
            f"&model=party.branch.rating&id={rating.id}&view_type=form"
        )
        self.start_tour(
            url, "party_points_rating_submit_evidence", login=self.officer_a.login
        )
        line = self._line(rating, self.e3)
        self.assertEqual(line.evidence_state, "submitted")
        self.assertEqual(line.evidence_note, "党费收缴台账12个月齐全")
        self.start_tour(url, "party_points_rating_confirm", login=self.manager.login)
        self.assertEqual(line.evidence_state, "accepted")
        self.assertEqual(
            (rating.state, rating.proposed_level, rating.final_level, rating.change),
            ("confirmed", "3", "4", "new"),
        )
        self.assertEqual(rating.decision_reason, "获评省级先进基层党组织")


@tagged("post_install", "-at_install")
class TestBranchRatingExport(RatingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._held_meeting(absent=cls.member_a2)
        cls.rating_a = cls.Rating.with_user(cls.manager)._rate(cls.branch_a, YEAR)
        cls.rating_b = cls.Rating.with_user(cls.manager)._rate(cls.branch_b, YEAR)

    def test_the_rows_are_the_ratings_the_user_reads(self):
        data = self.rating_a.with_user(self.officer_a)._export_rows()
        self.assertEqual(data["classes"], ["Test Class"])
        [(branch, year, per_class, per_level, proposed, final, _change, state)] = data[
            "ratings"
        ]
        self.assertEqual((branch, year), ("Test Committee / Branch A", YEAR))
        self.assertEqual(per_class, [(1, 5)])  # attendance met of five
        self.assertEqual(per_level, [(1, 2), (1, 4), (1, 5)])
        self.assertEqual((proposed, final, state), ("No Star", "", "Evaluated"))
        figures = {row[5]: (row[7], row[8]) for row in data["criteria"]}
        self.assertEqual(
            figures["Attendance 60 %"], ("Yes", "Attendance 66.7 % (2 of 3)")
        )
        with self.assertRaises(AccessError):
            (self.rating_a | self.rating_b).with_user(self.officer_a)._export_rows()

    def test_the_download_is_walled_like_the_ratings(self):
        url = "/party_points/branch_rating/export?ids="
        self.authenticate(self.officer_a.login, self.officer_a.login)
        response = self.url_open(url + str(self.rating_a.id))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        for ids in (str(self.rating_b.id), f"{self.rating_a.id},{self.rating_b.id}"):
            with self.subTest(ids=ids):
                self.assertEqual(self.url_open(url + ids).status_code, 403)
        self.assertEqual(self.url_open(url + "1;DROP").status_code, 400)
        self.authenticate(self.user_a1.login, self.user_a1.login)
        self.assertEqual(self.url_open(url + str(self.rating_a.id)).status_code, 403)

    def test_the_download_keeps_each_company_to_its_own_ratings(self):
        self._other_company_and_hr_user("rating_export")
        other = self.Rating.with_user(self.other_committee)._rate(
            self.other_branch, YEAR
        )
        url = "/party_points/branch_rating/export?ids="
        self.authenticate(self.manager.login, self.manager.login)
        self.assertEqual(self.url_open(url + str(self.rating_a.id)).status_code, 200)
        for ids in (str(other.id), f"{self.rating_a.id},{other.id}"):
            with self.subTest(user="committee", ids=ids):
                self.assertEqual(self.url_open(url + ids).status_code, 403)
        login = self.other_committee.login
        self.authenticate(login, login)
        self.assertEqual(self.url_open(url + str(other.id)).status_code, 200)
        with self.subTest(user="other committee"):
            self.assertEqual(
                self.url_open(url + str(self.rating_a.id)).status_code, 403
            )


@tagged("post_install", "-at_install")
class TestBranchRatingAssessed(AssessmentCase):
    """ "Every member assessed" reads the final assessments of the year and
    counts Party members: an activist has no line to wait for."""

    def test_every_party_member_assessed_leaves_activists_out(self):
        self.env["party.rating.criterion"].search([]).write({"active": False})
        criterion = self.env["party.rating.criterion"].create(
            {
                "name": "All assessed",
                "class_id": self.env["party.rating.class"].create({"name": "T"}).id,
                "level": "3",
                "kind": "required",
                "method": "all_assessed",
            }
        )
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        assessment.action_publish()
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )
        self._settle_grades(assessment)
        assessment.action_finalize()
        # after the year, an activist joins branch B and a full member
        # branch A: neither has been assessed
        Employee = self.env["hr.employee"]
        self.env["party.member"].create(
            [
                {
                    "employee_id": Employee.create({"name": name}).id,
                    "branch_id": branch.id,
                    "member_type": member_type,
                }
                for name, branch, member_type in (
                    ("Activist Hu", self.branch_b, "activist"),
                    ("Member Jiang", self.branch_a, "full"),
                )
            ]
        )
        ratings = (
            self.env["party.branch.rating"]
            .with_user(self.manager)
            ._rate(self.branch_a | self.branch_b, 2031)
        )
        figures = {
            rating.branch_id: rating.line_ids.filtered(
                lambda line: line.criterion_id == criterion
            )
            for rating in ratings
        }
        self.assertEqual(
            (figures[self.branch_b].met, figures[self.branch_b].figure),
            (True, "1 of 1 members assessed"),
        )
        self.assertEqual(
            (figures[self.branch_a].met, figures[self.branch_a].figure),
            (False, "5 of 6 members assessed"),
        )
