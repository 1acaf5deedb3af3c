"""/my/assessment (issue 15): the member's published line with an objection
form while the notice is open, and the 民主评议 votes; each refusal over
HTTP."""

import json

from odoo import http
from odoo.tests import HttpCase, tagged

from .test_assessment import AssessmentCase


@tagged("post_install", "-at_install")
class TestAssessmentPortal(AssessmentCase, HttpCase):
    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def test_member_votes_then_objects_on_the_portal(self):
        assessment = self._assessment(name="2031 考评", combine_method="average")
        assessment.action_compute()
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/assessment")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Member Wu", page.text)
        self.assertNotIn(f'name="vote_{self.member_a1.id}"', page.text, "not oneself")
        self.assertNotIn("Member Zhao", page.text, "not another branch")
        response = self._post(
            f"/my/assessment/{assessment.id}/vote",
            **{
                f"vote_{self.member_a3.id}": "excellent",
                f"vote_{self.member_a4.id}": "qualified",
            },
        )
        self.assertIn("Your votes were counted", response.text)
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a3].review_excellent, 1)
        self.assertEqual(lines[self.member_a4].review_qualified, 1)
        self.assertNotIn(f'name="vote_{self.member_a3.id}"', response.text)
        # a second vote on the same member, a vote on oneself: refused
        response = self._post(
            f"/my/assessment/{assessment.id}/vote",
            **{f"vote_{self.member_a3.id}": "unqualified"},
        )
        self.assertIn("already voted", response.text)
        response = self._post(
            f"/my/assessment/{assessment.id}/vote",
            **{f"vote_{self.member_a1.id}": "excellent"},
        )
        self.assertIn("themselves", response.text)
        self.assertEqual(lines[self.member_a3].review_unqualified, 0)
        # published: the member's own line, with the objection form
        assessment.action_publish()
        page = self.url_open("/my/assessment")
        self.assertIn("2031 考评", page.text)
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["assessment_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters["assessment_count"], 1)
        self.assertIn("File an Objection", page.text)
        line = lines[self.member_a1]
        response = self._post(
            f"/my/assessment/line/{line.id}/objection", reason="漏登会议"
        )
        self.assertIn("Your objection was filed", response.text)
        self.assertEqual(line.objection_ids.member_id, self.member_a1)
        # another branch's member cannot object to it
        self.authenticate(self.user_b1.login, self.user_b1.login)
        response = self._post(f"/my/assessment/line/{line.id}/objection", reason="附议")
        self.assertIn("Only members of branch", response.text)
        self.assertEqual(len(line.objection_ids), 1)

    def test_member_votes_in_a_browser(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.start_tour(
            "/my/assessment",
            "party_points_portal_assessment_vote",
            login=self.user_a1.login,
        )
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a3].review_excellent, 1)
        self.assertEqual(
            sum(
                line.review_excellent + line.review_qualified for line in lines.values()
            ),
            1,
            "blank choices are no votes",
        )
