"""/my/branch-rating (issue 16): the open round, the rating form of the
employee's own branch, "you have rated" afterwards and each refusal over
HTTP; the rating form in a browser."""

import json

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .test_staff_rating import StaffRatingCase


@tagged("post_install", "-at_install")
class TestStaffRatingPortal(StaffRatingCase, HttpCase):
    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def _counters(self):
        return self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["branch_rating_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]

    def test_portal_employee_rates_once(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open("/my/branch-rating")
        self.assertIn("No staff rating is open", page.text)
        self.assertEqual(self._counters()["branch_rating_count"], 0)
        self.round.action_open()
        page = self.url_open("/my/branch-rating")
        self.assertIn("Branch B", page.text)
        self.assertIn('name="score_service"', page.text)
        self.assertEqual(self._counters()["branch_rating_count"], 1)
        url = f"/my/branch-rating/{self.round.id}"
        # bad scores, another branch: refused with the reason
        response = self._post(
            url,
            branch_id=self.branch_b.id,
            score_service="6",
            score_response="3",
            score_practical="3",
        )
        self.assertIn("from 1 (poor) to 5", response.text)
        response = self._post(
            url,
            branch_id=self.branch_a.id,
            score_service="4",
            score_response="3",
            score_practical="3",
        )
        self.assertIn("only your own branch", response.text)
        self.assertFalse(self._ballots(self.round))
        response = self._post(
            url,
            branch_id=self.branch_b.id,
            score_service="4",
            score_response="3",
            score_practical="5",
            comment="锅炉班组的休息室该修了",
        )
        self.assertIn("You have rated your branch", response.text)
        self.assertNotIn('name="score_service"', response.text)
        self.assertEqual(self._counters()["branch_rating_count"], 0)
        # a second try (an old form, a replayed request): refused
        response = self._post(
            url,
            branch_id=self.branch_b.id,
            score_service="1",
            score_response="1",
            score_practical="1",
        )
        self.assertIn("already rated your branch", response.text)
        self.assertEqual(len(self._responses(self.round)), 1)
        self.assertEqual(self._responses(self.round).score_practical, 5)
        # a closed round
        self.round.action_close()
        response = self._post(
            url,
            branch_id=self.branch_b.id,
            score_service="1",
            score_response="1",
            score_practical="1",
        )
        self.assertIn("No staff rating is open", response.text)
        self.assertIn("is not open", response.text)

    def test_unknown_round_and_outsiders(self):
        self.round.action_open()
        self.authenticate(self.user_a1.login, self.user_a1.login)
        response = self._post(
            "/my/branch-rating/999999999",
            branch_id=self.branch_a.id,
            score_service="1",
            score_response="1",
            score_practical="1",
        )
        self.assertIn("does not exist", response.text)
        # a user who is no employee is sent home
        outsider = new_test_user(
            self.env, "rating_outsider", groups="base.group_portal"
        )
        self.authenticate(outsider.login, outsider.login)
        response = self.url_open("/my/branch-rating")
        self.assertTrue(response.url.endswith("/my"), response.url)

    def test_rating_in_a_browser(self):
        self.round.action_open()
        self.start_tour(
            "/my/branch-rating",
            "party_points_portal_branch_rating",
            login=self.portal_user.login,
        )
        response = self._responses(self.round)
        self.assertEqual(
            (response.score_service, response.score_response, response.score_practical),
            (4, 5, 3),
        )
        self.assertEqual(self._ballots(self.round).employee_id, self.emp_portal)
        comment = (
            self.env["party.staff.rating.comment"]
            .sudo()
            .search([("round_id", "=", self.round.id)])
        )
        self.assertEqual(comment.body, "希望多到班组听意见")

    def test_committee_opens_and_closes_a_round_in_a_browser(self):
        self.start_tour(
            "/web#action=party_points.party_staff_rating_round_action",
            "party_points_staff_rating_round",
            login=self.manager.login,
        )
        rating_round = self.env["party.staff.rating.round"].search(
            [("name", "=", "2031年上半年职工评议支部（测试）")]
        )
        self.assertEqual(rating_round.state, "closed")
        self.assertIn(self.branch_a, rating_round.branch_ids)
        result = rating_round.result_ids.filtered(
            lambda result: result.branch_id == self.branch_a
        )
        self.assertEqual(result.respondent_count, 0)
        self.assertFalse(result.is_shown)
