"""The demo year assessed (issue 15): generated last by the ledger's demo,
once the talk sessions of the quarters it closes are held."""

from datetime import date

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
        self.assertEqual(assessment.state, "notice")
        self.assertEqual(len(assessment.period_ids), 3)
        self.assertEqual(
            sorted(assessment.objection_ids.mapped("state")), ["rejected", "upheld"]
        )
        upheld = assessment.objection_ids.filtered(lambda o: o.state == "upheld")
        self.assertTrue(upheld.line_id.republished)
        followups = self.env["party.points.assessment.followup"].search(
            [("assessment_id", "=", assessment.id)]
        )
        basic = followups.filtered(lambda followup: followup.grade == "basic")
        self.assertEqual(basic.plan_state, "planned")
        self.assertTrue(basic.plan_text and basic.plan_deadline)
        unqualified = followups.filtered(lambda f: f.grade == "unqualified")
        self.assertEqual(unqualified.meeting_state, "recorded")
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
