import re

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSuggestionPortalOnAPhone(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, "ledger_phone_emp", groups="base.group_user", name="Worker Lu"
        )
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Worker Lu", "user_id": cls.user.id}
        )
        cls.branch = cls.env["party.branch"].create(
            {"name": "Phone Branch", "code": "T-PH"}
        )
        cls.item = cls.env["party.suggestion"].create(
            {
                "title": "Wet floor by the turbine hall stairs",
                "employee_id": cls.employee.id,
                "branch_id": cls.branch.id,
                "kind": "explanation",
            }
        )

    def test_the_list_keeps_its_status_column_on_a_phone(self):
        self.authenticate("ledger_phone_emp", "ledger_phone_emp")
        page = self.url_open("/my/suggestions").text
        head = re.search(r"<thead>(.*?)</thead>", page, re.DOTALL).group(1)
        cells = re.findall(r"<th([^>]*)>\s*([^<]*?)\s*<", head)
        shown_on_phone = [label for attrs, label in cells if "d-none" not in attrs]
        self.assertIn("Status", shown_on_phone)
        self.assertIn("Title", shown_on_phone)
        # the status itself is in the row, not hidden on a phone either
        self.assertRegex(page, r'<td class="text-end">\s*<span[^>]*o_party_state')

    def test_the_submitter_reads_their_feedback_back(self):
        self.item.action_classify()
        self.item.action_reply("The mat is replaced today.", close=True)
        self.authenticate("ledger_phone_emp", "ledger_phone_emp")
        self.url_open(
            f"/my/suggestions/{self.item.id}/feedback",
            data={
                "satisfaction": "satisfied",
                "comment": "Dry now, thank you",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(self.item.feedback_comment, "Dry now, thank you")
        page = self.url_open(self.item.access_url).text
        self.assertRegex(page, r'o_party_feedback_comment"[^>]*>\s*Dry now, thank you')
