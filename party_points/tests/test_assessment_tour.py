"""The committee's assessment flow in a browser (issue 15)."""

from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestAssessmentTour(PointsCase, HttpCase):
    def test_committee_creates_computes_and_publishes(self):
        self._entry(self.member_a1, self.r_meet, quantity=5)
        self.period.with_user(self.manager).action_close()
        self.start_tour(
            "/web#action=party_points.party_points_assessment_action",
            "party_points_assessment_publish",
            login=self.manager.login,
        )
        assessment = self.env["party.points.assessment"].search(
            [("name", "=", "2031年一季度考评")]
        )
        self.assertEqual(assessment.state, "notice")
        self.assertEqual(assessment.period_ids, self.period)
        self.assertEqual(
            assessment.notice_end - assessment.notice_start, timedelta(days=7)
        )
        line = assessment.line_ids.filtered(
            lambda line: line.member_id == self.member_a1
        )
        self.assertEqual(line.year_points, 80)
        self.assertEqual(line.final_grade, "qualified")
