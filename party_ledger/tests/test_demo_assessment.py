"""The demo year assessed (issue 15): generated last by the ledger's demo,
once the talk sessions of the quarters it closes are held."""

from datetime import date, datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoAssessment(TransactionCase):
    def setUp(self):
        super().setUp()
        self.assessment = self.env["party.points.assessment"].search(
            [("name", "=", "2026年度党员考评")], limit=1
        )
        if not self.assessment:
            self.skipTest("no demo data")

    def test_the_demo_year_is_assessed_by_the_book(self):
        assessment = self.assessment
        self.assertEqual(assessment.state, "final")
        self.assertEqual(len(assessment.period_ids), 3)
        # the notice ran its days, before the grades were made final
        self.assertLess(assessment.notice_start, assessment.notice_end)
        self.assertLess(assessment.notice_end, assessment.final_date)
        self.assertLessEqual(assessment.final_date, datetime(2026, 11, 22))
        self.assertEqual(
            sorted(assessment.objection_ids.mapped("state")), ["rejected", "upheld"]
        )
        for objection in assessment.objection_ids:
            self.assertTrue(
                assessment.notice_start
                <= objection.filed_date
                <= objection.answered_date
                <= objection.decided_date
                <= assessment.notice_end
            )
        upheld = assessment.objection_ids.filtered(lambda o: o.state == "upheld")
        self.assertTrue(upheld.line_id.republished)
        # the chatter tells the notice it had
        self.assertTrue(
            any(
                str(assessment.notice_end) in message.body
                for message in assessment.message_ids
            )
        )
        followups = self.env["party.points.assessment.followup"].search(
            [("assessment_id", "=", assessment.id)]
        )
        # the veto proposed 不合格; the branch meeting did not carry it and
        # the committee graded the member 基本合格, with its reason
        vetoed = assessment.line_ids.filtered(
            lambda line: line.veto_effect == "unqualified"
        )
        self.assertEqual(len(vetoed), 1)
        self.assertEqual(vetoed.final_grade, "basic")
        self.assertIn("未过半数", vetoed.decision_reason)
        self.assertFalse(
            assessment.line_ids.filtered(lambda l: l.final_grade == "unqualified")
        )
        basic = followups.filtered(lambda followup: followup.grade == "basic")
        self.assertEqual(len(basic), 2)
        self.assertEqual(set(basic.mapped("plan_state")), {"planned"})
        self.assertTrue(all(basic.mapped("plan_text")))
        self.assertTrue(all(basic.mapped("plan_deadline")))
        self.assertIn(vetoed, basic.line_id)
        self.assertTrue(assessment.line_ids.filtered("self_assessment"))

    def test_probationary_members_turn_full_within_their_first_year(self):
        probationary = self.env["party.member"].search(
            [("member_type", "=", "probationary"), ("join_date", "!=", False)]
        )
        self.assertTrue(probationary)
        for member in probationary:
            with self.subTest(member=member.name):
                self.assertTrue(member.probation_end_date)
                days = (member.probation_end_date - member.join_date).days
                self.assertTrue(0 < days <= 366)
        self.assertLessEqual(
            max(probationary.mapped("probation_end_date")), date(2027, 12, 31)
        )
