"""The annual assessment (issue 15): the year over closed periods, vetoes
with an effect window, the quota of the year, the notice with objections,
and the seal of a final assessment."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PointsCase


class AssessmentCase(PointsCase):
    """PointsCase plus three more full members in branch A and two closed
    quarters of 2031."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three more full members in branch A: four graded there, quota 1
        Employee = cls.env["hr.employee"]
        cls.member_a3, cls.member_a4, cls.member_a5 = cls.env["party.member"].create(
            [
                {
                    "employee_id": Employee.create({"name": name}).id,
                    "branch_id": cls.branch_a.id,
                }
                for name in ("Member Wu", "Member Zheng", "Member Feng")
            ]
        )
        Period = cls.env["party.points.period"]
        cls.q2 = Period.create(
            {
                "name": "2031 Q2",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2031-04-01",
                "date_end": "2031-06-30",
                "branch_ids": [Command.set(cls.committee.ids)],
            }
        )
        # Q1: a3 90, a4 90 (tied on the quota line), a1 70
        for member in (cls.member_a3, cls.member_a4):
            cls._entry(member, cls.r_meet, quantity=5)
            cls._entry(member, cls.r_innov, unit_points=10)
        # Q2: a3 90, a4 85
        q2_day = "2031-05-10"
        cls._entry(cls.member_a3, cls.r_meet, quantity=5, day=q2_day)
        cls._entry(cls.member_a3, cls.r_innov, unit_points=10, day=q2_day)
        cls._entry(cls.member_a4, cls.r_meet, quantity=5, day=q2_day)
        cls._entry(cls.member_a4, cls.r_innov, unit_points=5, day=q2_day)
        (cls.period | cls.q2).with_user(cls.manager).action_close()

    def _assessment(self, **vals):
        values = {
            "name": "2031 H1",
            "date_start": "2031-01-01",
            "date_end": "2031-06-30",
            "period_ids": [Command.set((self.period | self.q2).ids)],
        }
        values.update(vals)
        return (
            self.env["party.points.assessment"].with_user(self.manager).create(values)
        )

    def _lines(self, assessment):
        return {line.member_id: line for line in assessment.line_ids}

    def _record_meeting(self, followup, **vals):
        """The branch secretary records the 支部大会 decision (branch A has
        five members)."""
        values = {
            "meeting_date": "2032-01-10",
            "members_present": 5,
            "votes_for": 4,
            "votes_against": 1,
            "votes_abstain": 0,
        }
        values.update(vals)
        as_secretary = followup.with_user(self.officer_a)
        as_secretary.write(values)
        as_secretary.action_record_meeting()

    def _settle_grades(self, assessment, branch=None):
        """Everything the book asks before the final: each 不合格 decided by
        the branch meeting and approved, each 基本合格 with a plan."""
        domain = [("assessment_id", "=", assessment.id)]
        if branch:
            domain.append(("branch_id", "=", branch.id))
        for followup in self.env["party.points.assessment.followup"].search(domain):
            if followup.grade == "unqualified":
                self._record_meeting(followup)
                followup.with_user(self.manager).action_approve()
            elif followup.grade == "basic":
                as_secretary = followup.with_user(
                    followup.branch_id.sudo().secretary_id.user_id or self.manager
                )
                as_secretary.write({"plan_text": "整改", "plan_deadline": "2032-06-30"})
                as_secretary.action_record_plan()


@tagged("post_install", "-at_install")
class TestAssessment(AssessmentCase):
    def _published(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        assessment.action_publish()
        return assessment

    def _object(self, assessment, user, member, reason="分数有误"):
        line = self._lines(assessment)[member]
        return (
            self.env["party.points.assessment.objection"]
            .with_user(user)
            .create({"line_id": line.id, "reason": reason})
        )

    # -- computing ------------------------------------------------------------

    def test_defaults_from_the_rule_book(self):
        assessment = self._assessment()
        self.assertEqual(assessment.ruleset_id, self.ruleset)
        self.assertEqual(
            (assessment.excellent_min, assessment.qualified_min, assessment.basic_min),
            (90, 75, 60),
        )
        self.assertAlmostEqual(assessment.excellent_quota, 1 / 3, places=4)
        self.assertEqual((assessment.points_weight, assessment.review_weight), (70, 30))
        self.assertEqual(assessment.notice_days, 7)

    def test_bad_setup_refused(self):
        with self.assertRaises(ValidationError):
            self._assessment(points_weight=80, review_weight=30)
        with self.assertRaises(ValidationError):
            self._assessment(notice_days=3)
        open_period = self.env["party.points.period"].create(
            {
                "name": "2031 Q3",
                "ruleset_id": self.ruleset.id,
                "date_start": "2031-07-01",
                "date_end": "2031-09-30",
            }
        )
        with self.assertRaisesRegex(UserError, "closed periods"):
            self._assessment(period_ids=[Command.set(open_period.ids)])

    def test_no_numbers_huge_numbers_and_bad_dates_are_refused(self):
        Assessment = self.env["party.points.assessment"]
        before = Assessment.search_count([])
        for vals in (
            {"excellent_min": float("nan")},
            {"qualified_min": float("inf")},
            {"excellent_quota": 1e308},
            {"points_weight": 10**12, "review_weight": -(10**12) + 100},
            {"notice_days": 10**12},
            {"date_start": "2031-01-01xyz"},
            {"date_end": "9999-12-31"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._assessment(**vals)
        self.assertEqual(Assessment.search_count([]), before)

    def test_sum_of_two_quarters_quota_of_the_year(self):
        assessment = self._assessment(
            combine_method="sum", excellent_min=170, qualified_min=150, basic_min=120
        )
        with self.assertQueryCount(40):  # the same at any size
            assessment.action_compute()
        self.assertEqual(assessment.state, "computed")
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a3].year_points, 180)
        self.assertEqual(lines[self.member_a4].year_points, 175)
        self.assertEqual(lines[self.member_a1].year_points, 140)
        self.assertEqual(
            lines[self.member_a3].period_summary, "2031 Q1: 90 · 2031 Q2: 90"
        )
        # in Q1 a3 and a4 tied for the branch's one excellent place; the year
        # has one place for the four graded members of A
        self.assertEqual(lines[self.member_a3].proposed_grade, "excellent")
        self.assertEqual(lines[self.member_a4].proposed_grade, "qualified")
        self.assertEqual(lines[self.member_a1].proposed_grade, "basic")
        self.assertEqual(lines[self.member_a3].rank, 1)
        self.assertEqual(lines[self.member_a4].rank, 2)
        self.assertEqual(lines[self.member_a3].final_grade, "excellent")
        # probationary members are exempt unless the rule book grades them
        self.assertEqual(lines[self.member_a2].category, "exempt")
        self.assertEqual(lines[self.member_a2].proposed_grade, "exempt")
        self.assertEqual(lines[self.member_a1].category, "full")

    def test_compute_queries_do_not_grow_with_the_members(self):
        """Computing, then recomputing in place, takes as many queries for
        thirty members more: one aggregate read, one write, at any size."""

        def queries(assessment):
            counts = []
            for _run in ("computed", "recomputed"):
                # (a recompute within the second of the computation writes
                # the same state and date, which the ORM skips: one UPDATE
                # fewer on a fast run)
                assessment._workflow_write({"computed_date": False})
                self.env.flush_all()
                self.env.invalidate_all()
                start = self.env.cr.sql_log_count
                assessment.action_compute()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - start)
            return counts

        Employee = self.env["hr.employee"]
        self.env["party.member"].create(
            [
                {
                    "employee_id": Employee.create({"name": f"Member {n}"}).id,
                    "branch_id": (self.branch_a, self.branch_b)[n % 2].id,
                }
                for n in range(30)
            ]
        )
        # the thirty more members are scored in Q3 only
        q3 = self.env["party.points.period"].create(
            {
                "name": "2031 Q3",
                "ruleset_id": self.ruleset.id,
                "date_start": "2031-07-01",
                "date_end": "2031-09-30",
                "branch_ids": [Command.set(self.committee.ids)],
            }
        )
        q3.with_user(self.manager).action_close()
        big = self._assessment(
            name="2031 Q3",
            date_start="2031-07-01",
            date_end="2031-09-30",
            period_ids=[Command.set(q3.ids)],
        )
        small = self._assessment()
        # the caches of a first computation (rules, mail) warmed up
        queries(self._assessment(name="warm-up"))
        small_queries = queries(small)
        big_queries = queries(big)
        self.assertEqual(len(big.line_ids), len(small.line_ids) + 30)
        self.assertEqual(big_queries, small_queries)

    def test_average_of_two_quarters_without_ranks(self):
        assessment = self._assessment(combine_method="average", ranking_enabled=False)
        assessment.action_compute()
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a4].year_points, 87.5)
        self.assertEqual(lines[self.member_a3].composite, 90)
        self.assertEqual(lines[self.member_a3].proposed_grade, "excellent")
        self.assertEqual(lines[self.member_a4].proposed_grade, "qualified")
        self.assertEqual(lines[self.member_a1].proposed_grade, "basic")
        self.assertFalse(any(line.rank for line in assessment.line_ids))

    def test_veto_of_last_year_within_its_window_caps_excellent(self):
        last_q4 = self.env["party.points.period"].create(
            {
                "name": "2030 Q4",
                "ruleset_id": self.ruleset.id,
                "date_start": "2030-10-01",
                "date_end": "2030-12-31",
                "branch_ids": [Command.set(self.committee.ids)],
            }
        )
        veto = self._entry(self.member_a3, self.v_noex, day="2030-11-15")
        self.assertEqual(veto.period_id, last_q4)
        # no window: the veto stays in its own span
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.assertEqual(
            self._lines(assessment)[self.member_a3].proposed_grade, "excellent"
        )
        # a 12-month window reaches into 2031
        self.v_noex.veto_effect_months = 12
        assessment = self._assessment(
            combine_method="average", excellent_min=85, qualified_min=75
        )
        assessment.action_compute()
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a3].veto_effect, "no_excellent")
        self.assertEqual(lines[self.member_a3].veto_entry_ids, veto)
        self.assertEqual(lines[self.member_a3].proposed_grade, "qualified")
        self.assertEqual(lines[self.member_a4].proposed_grade, "excellent")
        # a reversed veto no longer counts
        veto.action_reverse("Recorded by mistake")
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.assertFalse(self._lines(assessment)[self.member_a3].veto_effect)

    # -- the notice and objections ------------------------------------------

    def test_publish_opens_the_notice(self):
        assessment = self._published()
        self.assertEqual(assessment.state, "notice")
        self.assertEqual(
            assessment.notice_end - assessment.notice_start, timedelta(days=7)
        )
        with self.assertRaisesRegex(UserError, "published"):
            assessment.action_compute()

    def test_member_sees_own_line_once_published(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        Line = self.env["party.points.assessment.line"].with_user(self.user_a1)
        self.assertFalse(Line.search([("assessment_id", "=", assessment.id)]))
        assessment.action_publish()
        self.assertEqual(
            Line.search([("assessment_id", "=", assessment.id)]).member_id,
            self.member_a1,
        )
        officer_lines = (
            self.env["party.points.assessment.line"]
            .with_user(self.officer_b)
            .search([("assessment_id", "=", assessment.id)])
        )
        self.assertEqual(officer_lines.branch_id, self.branch_b)

    def test_objection_outside_the_window_refused(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        with self.assertRaisesRegex(UserError, "notice is open"):
            self._object(assessment, self.user_a1, self.member_a3)
        assessment.action_publish()
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )
        with self.assertRaisesRegex(UserError, "notice is open"):
            self._object(assessment, self.user_a1, self.member_a3)

    def test_objection_by_another_branch_refused(self):
        assessment = self._published()
        with self.assertRaisesRegex(UserError, "Only members of branch"):
            self._object(assessment, self.user_b1, self.member_a3)
        # an officer with no Party record of that branch neither
        with self.assertRaisesRegex(UserError, "Only members of branch"):
            self._object(assessment, self.officer_b, self.member_a3)

    def test_objection_answered_upheld_and_republished(self):
        assessment = self._published()
        objection = self._object(
            assessment, self.user_a1, self.member_a1, "会议记录漏登"
        )
        self.assertEqual(objection.member_id, self.member_a1)
        self.assertTrue(objection.filed_date)
        self.assertEqual(objection.state, "filed")
        # the member cannot answer or decide it
        with self.assertRaises(AccessError):
            objection.with_user(self.user_a1).write({"answer": "x"})
        # an officer of another branch does not even see it
        self.assertFalse(
            objection.with_user(self.officer_b).search([("id", "=", objection.id)])
        )
        as_officer = objection.with_user(self.officer_a)
        with self.assertRaisesRegex(UserError, "Write the answer"):
            as_officer.action_answer()
        as_officer.answer = "已核对会议记录"
        as_officer.action_answer()
        self.assertEqual(objection.state, "answered")
        self.assertEqual(objection.answered_by_id, self.officer_a)
        with self.assertRaises(AccessError):
            as_officer.write({"new_grade": "excellent"})
        as_manager = objection.with_user(self.manager)
        as_manager.write({"new_grade": "qualified", "decision_note": "补登后合格"})
        as_manager.action_uphold()
        line = objection.line_id
        self.assertEqual(objection.state, "upheld")
        self.assertTrue(objection.decided_date)
        self.assertEqual(line.proposed_grade, "basic")
        self.assertEqual(line.final_grade, "qualified")
        self.assertTrue(line.republished)

    def test_finalize_refused_while_an_objection_is_undecided(self):
        assessment = self._published()
        with self.assertRaisesRegex(UserError, "notice is open"):
            assessment.action_finalize()
        objection = self._object(assessment, self.user_a1, self.member_a3)
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )
        with self.assertRaisesRegex(UserError, "1 objections are not decided"):
            assessment.action_finalize()
        objection.with_user(self.officer_a).write({"answer": "成绩无误"})
        objection.with_user(self.officer_a).action_answer()
        with self.assertRaisesRegex(UserError, "not decided"):
            assessment.action_finalize()
        objection.with_user(self.manager).decision_note = "维持原评定"
        objection.with_user(self.manager).action_reject()
        self._settle_grades(assessment)
        assessment.action_finalize()
        self.assertEqual(assessment.state, "final")

    # -- the seal ---------------------------------------------------------------

    def test_sealed_fields_refused_over_the_orm(self):
        assessment = self._assessment(combine_method="average")
        with self.assertRaisesRegex(UserError, "buttons"):
            assessment.write({"state": "final"})
        with self.assertRaisesRegex(UserError, "buttons"):
            self._assessment(state="final")
        assessment.action_compute()
        line = assessment.line_ids[:1]
        # an officer has no write access at all
        with self.assertRaises(AccessError):
            assessment.with_user(self.officer_a).write({"name": "Renamed"})
        with self.assertRaisesRegex(UserError, "no longer change"):
            assessment.with_user(self.officer_a).write({"basic_min": 0})
        with self.assertRaisesRegex(UserError, "buttons"):
            assessment.with_user(self.officer_a).write({"state": "final"})
        with self.assertRaisesRegex(UserError, "changed only"):
            line.with_user(self.officer_a).write({"final_grade": "excellent"})
        with self.assertRaises(AccessError):
            line.with_user(self.officer_a).unlink()
        with self.assertRaises(AccessError):
            assessment.with_user(self.officer_a).action_compute()
        # the committee changes the grading of a computed one by no path but
        # the buttons
        with self.assertRaisesRegex(UserError, "no longer change"):
            assessment.write({"excellent_min": 50})
        with self.assertRaisesRegex(UserError, "no longer change"):
            assessment.write({"points_weight": 100, "review_weight": 0})
        with self.assertRaisesRegex(UserError, "changed only"):
            line.with_user(self.manager).sudo().write({"final_grade": "excellent"})

    def test_final_assessment_sealed(self):
        assessment = self._published()
        objection = self._object(assessment, self.user_a1, self.member_a3)
        objection.with_user(self.officer_a).write({"answer": "成绩无误"})
        objection.with_user(self.officer_a).action_answer()
        objection.with_user(self.manager).decision_note = "维持原评定"
        objection.with_user(self.manager).action_reject()
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )
        self._settle_grades(assessment)
        assessment.action_finalize()
        with self.assertRaisesRegex(UserError, "final"):
            assessment.write({"name": "Renamed"})
        with self.assertRaisesRegex(UserError, "kept"):
            assessment.unlink()
        with self.assertRaisesRegex(UserError, "published assessment"):
            assessment.line_ids.sudo().unlink()
        with self.assertRaisesRegex(UserError, "final"):
            objection.sudo().write({"decision_note": "改"})
        with self.assertRaisesRegex(UserError, "kept"):
            objection.sudo().unlink()

    def test_member_reads_own_line_only_on_every_path(self):
        assessment = self._published()
        Line = self.env["party.points.assessment.line"].with_user(self.user_a1)
        own = Line.search([])
        self.assertEqual(own.member_id, self.member_a1)
        groups = Line.read_group([], ["composite:sum"], ["branch_id"])
        self.assertEqual([group["branch_id_count"] for group in groups], [1])
        other = self._lines(assessment)[self.member_a3].with_user(self.user_a1)
        with self.assertRaises(AccessError):
            other.read(["final_grade"])
        with self.assertRaises(UserError):  # no export right, nor access
            other.export_data(["member_id", "final_grade"])
        # ranks are the officers' (as in the periods): no search, no read
        with self.assertRaises(AccessError):
            Line.search([("rank", "=", 1)])
        with self.assertRaises(AccessError):
            own.read(["rank"])
        # the assessment's chatter is the committee's
        with self.assertRaises(AccessError):
            assessment.with_user(self.user_a1).message_post(body="我有意见")
        # an objection is seen by its member, not by another branch's member
        objection = self._object(assessment, self.user_a1, self.member_a3)
        Objection = self.env["party.points.assessment.objection"]
        self.assertEqual(Objection.with_user(self.user_a1).search([]), objection)
        self.assertFalse(Objection.with_user(self.user_b1).search([]))
        with self.assertRaises(AccessError):
            objection.with_user(self.user_b1).message_post(body="附议")

    # -- 民主评议 ---------------------------------------------------------------

    def test_votes_are_counts_one_per_voter_per_member(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        as_a1 = assessment.with_user(self.user_a1)
        as_a1.action_cast_votes(
            {str(self.member_a3.id): "excellent", self.member_a4.id: "basic"}
        )
        lines = self._lines(assessment)
        a3, a4 = lines[self.member_a3], lines[self.member_a4]
        self.assertEqual((a3.review_excellent, a3.review_qualified), (1, 0))
        self.assertEqual((a4.review_basic, a4.review_excellent), (1, 0))
        self.assertEqual(a3.review_score, 100)
        # nothing on the lines names the voter
        self.assertNotEqual(a3.write_uid, self.user_a1)
        Ballot = self.env["party.points.assessment.ballot"]
        self.assertFalse(
            {"choice", "grade", "vote"} & set(Ballot._fields),
            "a ballot records who voted on whom, never the choice",
        )
        ballots = Ballot.with_user(self.user_a1).search([])
        self.assertEqual(ballots.member_id, self.member_a3 | self.member_a4)
        self.assertFalse(Ballot.with_user(self.user_b1).search([]))
        with self.assertRaisesRegex(UserError, "already voted"):
            as_a1.action_cast_votes({self.member_a3.id: "qualified"})
        with self.assertRaisesRegex(UserError, "themselves"):
            as_a1.action_cast_votes({self.member_a1.id: "excellent"})
        with self.assertRaisesRegex(UserError, "own branch"):
            assessment.with_user(self.user_b1).action_cast_votes(
                {self.member_a3.id: "unqualified"}
            )
        with self.assertRaisesRegex(UserError, "excellent, qualified"):
            as_a1.action_cast_votes({self.member_a5.id: "best"})
        # recomputing keeps the counts and weighs them in: 70/30
        assessment.action_compute()
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a3].review_excellent, 1)
        self.assertEqual(lines[self.member_a3].composite, 93)  # 90*.7 + 100*.3
        self.assertEqual(lines[self.member_a4].composite, 79.25)  # 87.5*.7 + 60*.3
        self.assertEqual(lines[self.member_a1].composite, 70, "no votes: points")
        # the 民主评议 ends with the publication
        assessment.action_publish()
        with self.assertRaisesRegex(UserError, "closed"):
            as_a1.action_cast_votes({self.member_a5.id: "qualified"})
