from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, "ledger_portal_emp", groups="base.group_user", name="Worker Tang"
        )
        cls.other = new_test_user(
            cls.env, "ledger_portal_other", groups="base.group_user", name="Worker Yu"
        )
        Employee = cls.env["hr.employee"]
        cls.employee = Employee.create({"name": "Worker Tang", "user_id": cls.user.id})
        cls.other_employee = Employee.create(
            {"name": "Worker Yu", "user_id": cls.other.id}
        )
        cls.branch = cls.env["party.branch"].create(
            {"name": "Portal Branch", "code": "T-P"}
        )
        Suggestion = cls.env["party.suggestion"]
        cls.mine = Suggestion.create(
            {
                "title": "Broken locker",
                "employee_id": cls.employee.id,
                "branch_id": cls.branch.id,
                "kind": "explanation",
            }
        )
        cls.theirs = Suggestion.create(
            {
                "title": "Noisy fan",
                "employee_id": cls.other_employee.id,
                "branch_id": cls.branch.id,
            }
        )

    def test_list_and_detail_show_only_my_items(self):
        self.authenticate("ledger_portal_emp", "ledger_portal_emp")
        page = self.url_open("/my/suggestions")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Broken locker", page.text)
        self.assertNotIn("Noisy fan", page.text)
        page = self.url_open(self.mine.access_url)
        self.assertIn("Broken locker", page.text)
        page = self.url_open(self.theirs.access_url)
        self.assertNotIn("Noisy fan", page.text)

    def test_raise_an_anonymous_suggestion(self):
        self.authenticate("ledger_portal_emp", "ledger_portal_emp")
        self.url_open(
            "/my/suggestions/submit",
            data={
                "title": "Team leader shouts",
                "branch_id": self.branch.id,
                "is_anonymous": "1",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        item = self.env["party.suggestion"].search(
            [("title", "=", "Team leader shouts")]
        )
        self.assertEqual(item.channel, "portal")
        self.assertTrue(item.is_anonymous)
        self.assertFalse(item.employee_id)
        self.assertEqual(item.submitter_id, self.employee)
        page = self.url_open("/my/suggestions")
        self.assertIn("Team leader shouts", page.text)

    def test_feedback_from_the_portal_reopens_when_unsatisfied(self):
        self.mine.action_classify()
        self.mine.action_reply("Lockers are replaced in June.", close=True)
        self.authenticate("ledger_portal_emp", "ledger_portal_emp")
        page = self.url_open(self.mine.access_url)
        self.assertIn("Send my feedback", page.text)
        self.url_open(
            f"/my/suggestions/{self.mine.id}/feedback",
            data={
                "satisfaction": "unsatisfied",
                "comment": "June is too late",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(self.mine.satisfaction, "unsatisfied")
        self.assertEqual(self.mine.reopen_count, 1)
        # another employee cannot rate it
        self.authenticate("ledger_portal_other", "ledger_portal_other")
        self.url_open(
            f"/my/suggestions/{self.mine.id}/feedback",
            data={
                "satisfaction": "satisfied",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(self.mine.satisfaction, "unsatisfied")
