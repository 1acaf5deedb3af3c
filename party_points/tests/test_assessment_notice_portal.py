"""The branch-wide 公示 on the portal (issue 15): during the notice window
the members of a branch read the published names and grades of their
branch (ranks only where ranking is on), nothing of other branches and
nothing outside the window, in a number of queries that does not grow
with the branch."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import query_bound
from .test_assessment import AssessmentCase

# measured on 17.0 for any branch size (see the test)
NOTICE_QUERIES = 8


@tagged("post_install", "-at_install")
class TestBranchNotice(AssessmentCase):
    def _notice(self, member):
        self.env.invalidate_all()
        return self.env["party.points.assessment"]._branch_notice(member)

    def test_names_and_grades_of_the_own_branch_during_the_window(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.assertEqual(self._notice(self.member_a1), [], "not before the notice")
        assessment.action_publish()
        [notice] = self._notice(self.member_a1)
        self.assertEqual(notice["assessment"], assessment)
        self.assertTrue(notice["ranked"])
        lines = {line["name"]: line for line in notice["lines"]}
        self.assertEqual(lines["Member Wu"]["grade"], "Excellent")
        self.assertEqual(lines["Member Wu"]["rank"], 1)
        self.assertEqual(lines["Member Zheng"]["rank"], 2)
        self.assertNotIn("Member Zhao", lines, "nothing of another branch")
        [other] = self._notice(self.member_b1)
        self.assertEqual({line["name"] for line in other["lines"]} & set(lines), set())
        # nothing outside the window
        with freeze_time(assessment.notice_end + timedelta(seconds=1)):
            self.assertEqual(self._notice(self.member_a1), [])
        with freeze_time(assessment.notice_start - timedelta(seconds=1)):
            self.assertEqual(self._notice(self.member_a1), [])

    def test_no_ranks_when_ranking_is_off(self):
        assessment = self._assessment(combine_method="average", ranking_enabled=False)
        assessment.action_compute()
        assessment.action_publish()
        [notice] = self._notice(self.member_a1)
        self.assertFalse(notice["ranked"])
        self.assertEqual({line["rank"] for line in notice["lines"]}, {None})
        names = [line["name"] for line in notice["lines"]]
        self.assertEqual(names, sorted(names), "by name, not by score")

    def test_query_count_flat_in_the_branch_size(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        assessment.action_publish()
        # branch A has five lines, branch B two: the same queries
        for member in (self.member_a1, self.member_b1):
            self.env.invalidate_all()
            with self.assertQueryCount(query_bound(NOTICE_QUERIES)):
                notice = self.env["party.points.assessment"]._branch_notice(member)
            self.assertTrue(notice[0]["lines"])


@tagged("post_install", "-at_install")
class TestBranchNoticePage(AssessmentCase, HttpCase):
    def test_members_read_their_branch_notice(self):
        assessment = self._assessment(name="2031 年度考评", combine_method="average")
        assessment.action_compute()
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/assessment/notice")
        self.assertEqual(page.status_code, 200)
        self.assertIn("No assessment of your branch is on public notice now", page.text)
        self.assertNotIn("Member Wu", page.text)
        assessment.action_publish()
        page = self.url_open("/my/assessment")
        self.assertIn("/my/assessment/notice", page.text)
        page = self.url_open("/my/assessment/notice")
        self.assertIn("2031 年度考评", page.text)
        self.assertIn("Member Wu", page.text)
        self.assertIn("Member Zheng", page.text)
        self.assertIn("<th>Rank</th>", page.text)
        self.assertNotIn("Member Zhao", page.text)
        self.authenticate(self.user_b1.login, self.user_b1.login)
        page = self.url_open("/my/assessment/notice")
        self.assertIn("Member Zhao", page.text)
        self.assertNotIn("Member Wu", page.text)
        # the window closed: nothing is shown any more
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/assessment/notice")
        self.assertNotIn("Member Wu", page.text)

    def test_a_user_without_a_party_record_is_sent_home(self):
        self.authenticate(self.officer_a.login, self.officer_a.login)
        response = self.url_open("/my/assessment/notice", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

    def test_member_objects_from_the_notice_in_a_browser(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        assessment.action_publish()
        self.start_tour(
            "/my/assessment",
            "party_points_portal_assessment_notice",
            login=self.user_a1.login,
        )
        line = assessment.line_ids.filtered(
            lambda line: line.member_id == self.member_a4
        )
        self.assertEqual(line.objection_ids.member_id, self.member_a1)
        self.assertEqual(line.objection_ids.reason, "二季度创新成果未计入")
