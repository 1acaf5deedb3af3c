import base64
import io
import json
import re
from datetime import date, timedelta

import openpyxl

from odoo import Command, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

# The smallest files the evidence check recognises by their content.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class PortalPointsCase(HttpCase):
    """A plant of its own (so that no other period covers its branch), a rule
    book, an open period in 2031 and two members who are portal users on
    their employees' work contacts; a third employee is not a member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create({"name": "Portal Test Plant"})
        cls.branch = cls.env["party.branch"].create(
            {"name": "Portal Branch", "code": "T-PORTAL", "company_id": cls.company.id}
        )
        Employee = cls.env["hr.employee"].with_company(cls.company)
        cls.emp_me, cls.emp_other, cls.emp_worker = Employee.create(
            [
                {"name": "Member Fang", "company_id": cls.company.id},
                {"name": "Member Kong", "company_id": cls.company.id},
                {"name": "Worker Shi", "company_id": cls.company.id},
            ]
        )
        cls.user_me = cls._portal_user("portal_member_fang", cls.emp_me)
        cls.user_other = cls._portal_user("portal_member_kong", cls.emp_other)
        cls.user_worker = cls._portal_user("portal_worker_shi", cls.emp_worker)
        Member = cls.env["party.member"]
        cls.member_me = Member.create(
            {"employee_id": cls.emp_me.id, "branch_id": cls.branch.id}
        )
        cls.member_other = Member.create(
            {"employee_id": cls.emp_other.id, "branch_id": cls.branch.id}
        )
        cls.ruleset = cls.env["party.points.ruleset"].create(
            {"name": "Portal Rules", "base_score": 70, "max_score": 100}
        )
        Category = cls.env["party.points.category"]
        cls.cat_study = Category.create(
            {"name": "Study", "ruleset_id": cls.ruleset.id, "list_type": "positive"}
        )
        cls.cat_discipline = Category.create(
            {
                "name": "Discipline",
                "ruleset_id": cls.ruleset.id,
                "list_type": "negative",
            }
        )
        Rule = cls.env["party.points.rule"]
        common = {"ruleset_id": cls.ruleset.id}
        cls.r_meet = Rule.create(
            dict(
                common,
                code="P-MEET",
                name="Branch meeting",
                category_id=cls.cat_study.id,
                points=2,
                member_claimable=True,
            )
        )
        cls.r_essay = Rule.create(
            dict(
                common,
                code="P-ESSAY",
                name="Study essay",
                category_id=cls.cat_study.id,
                points=3,
                member_claimable=True,
                evidence_required=True,
            )
        )
        cls.r_award = Rule.create(
            dict(
                common,
                code="P-AWARD",
                name="Plant award",
                category_id=cls.cat_study.id,
                points=5,
            )
        )
        cls.r_absent = Rule.create(
            dict(
                common,
                code="P-ABSENT",
                name="Missed meeting",
                category_id=cls.cat_discipline.id,
                points=2,
            )
        )
        cls.r_veto = Rule.create(
            dict(
                common,
                code="P-VETO",
                name="Serious breach",
                category_id=cls.cat_discipline.id,
                points=1,
                is_veto=True,
                veto_effect="zero",
            )
        )
        Period = cls.env["party.points.period"]
        cls.period_closed = Period.create(
            {
                "name": "2030 Q4",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2030-10-01",
                "date_end": "2030-12-31",
                "company_id": cls.company.id,
            }
        )
        cls.old_entry = cls._entry(cls.member_me, cls.r_meet, date(2030, 11, 5))
        cls._entry(cls.member_other, cls.r_award, date(2030, 11, 5))
        cls.period_closed.action_close()
        cls.period = Period.create(
            {
                "name": "2031 Q1",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2031-01-01",
                "date_end": "2031-03-31",
                "company_id": cls.company.id,
            }
        )
        cls.day = date(2031, 2, 10)

    @classmethod
    def _portal_user(cls, login, employee):
        """A portal user on the employee's work contact, bound to the
        employee as granting access binds them."""
        user = new_test_user(
            cls.env,
            login,
            groups="base.group_portal",
            partner_id=employee.work_contact_id.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        user._party_link_employees()
        return user

    @classmethod
    def _entry(cls, member, rule, day=None, approve=True, **vals):
        entry = cls.env["party.points.entry"].create(
            dict(member_id=member.id, rule_id=rule.id, date=day or cls.day, **vals)
        )
        if approve:
            entry.action_approve()
        return entry

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _claim(self, files=None, **data):
        values = {
            "rule_id": self.r_meet.id,
            "quantity": "1",
            "date": "2031-02-12",
            "description": "Led the study session",
            "csrf_token": http.Request.csrf_token(self),
        }
        values.update(data)
        uploads = [("evidence", upload) for upload in (files or {}).get("evidence", [])]
        return self.url_open("/my/points/claim", data=values, files=uploads or None)

    def _claims(self):
        return self.env["party.points.entry"].search(
            [("member_id", "=", self.member_me.id), ("origin", "=", "claim")]
        )


@tagged("post_install", "-at_install")
class TestPortalPoints(PortalPointsCase):
    def test_identity_binds_the_portal_user_to_the_employee(self):
        self.assertEqual(self.emp_me.user_id, self.user_me)
        self.assertEqual(self.member_me.user_id, self.user_me)
        self._login(self.user_me)
        self.assertEqual(self.url_open("/my/points").status_code, 200)

    def test_grant_portal_access_from_the_employee_form(self):
        employee = self.env["hr.employee"].create(
            {"name": "Worker Tang", "company_id": self.company.id}
        )
        action = employee.action_grant_portal()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.partner_ids, employee.work_contact_id)
        wizard.user_ids.email = "worker.tang@example.com"
        wizard.user_ids.action_grant_access()
        user = wizard.user_ids.user_id
        self.assertTrue(user.share)
        user.password = "worker-tang-secret"
        self.authenticate(user.login, "worker-tang-secret")
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        # not a member: no points card
        self.assertNotIn('href="/my/points"', home.text)

    def test_grant_portal_access_from_the_member_form(self):
        employee = self.env["hr.employee"].create(
            {"name": "Member Yan", "company_id": self.company.id}
        )
        member = self.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": self.branch.id}
        )
        action = member.action_grant_portal()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.partner_ids, employee.work_contact_id)
        wizard.user_ids.email = "member.yan@example.com"
        wizard.user_ids.action_grant_access()
        user = wizard.user_ids.user_id
        self.assertTrue(user.share)
        user.password = "member-yan-secret"
        self.authenticate(user.login, "member-yan-secret")
        page = self.url_open("/my/points")
        self.assertIn("Current period: 2031 Q1", page.text)
        self.assertEqual(member.user_id, user)

    def test_home_cards_apply_to_the_user(self):
        self._login(self.user_me)
        page = self.url_open("/my").text
        self.assertIn('data-placeholder_count="points_entry_count"', page)
        self._entry(self.member_me, self.r_meet, approve=False)
        counters = self.url_open(
            "/my/counters",
            data=json.dumps(
                {"params": {"counters": ["points_entry_count", "points_claim_count"]}}
            ),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        # the draft the branch recorded for him waits too: it is counted
        self.assertEqual(counters, {"points_entry_count": 2, "points_claim_count": 1})
        # an employee who is not a member sees no points card
        self._login(self.user_worker)
        page = self.url_open("/my").text
        self.assertNotIn("points_entry_count", page)
        self.assertEqual(self.url_open("/my/points").url.split("/", 3)[-1], "my")

    def test_points_page_shows_the_running_score_and_only_my_entries(self):
        self._entry(self.member_me, self.r_meet)
        self._entry(self.member_me, self.r_meet, quantity=2)
        self._entry(self.member_me, self.r_absent)
        rejected = self._entry(self.member_me, self.r_essay, approve=False)
        rejected.action_reject("No photo of the essay")
        self._entry(self.member_other, self.r_award)
        self._login(self.user_me)
        page = self.url_open("/my/points").text
        self.assertIn("2031 Q1", page)
        # 70 + 2 + 4 - 2, by the same scoring code that closes the period
        self.assertRegex(page, r'o_party_score"[^>]*>74.00<')
        self.assertIn("No photo of the essay", page)
        self.assertNotIn("Plant award", page)
        self.assertNotIn("One-vote veto", page)
        self._entry(self.member_me, self.r_veto)
        page = self.url_open("/my/points").text
        self.assertIn("One-vote veto", page)
        self.assertRegex(page, r'o_party_score"[^>]*>0.00<')

    def test_entries_sort_by_date(self):
        self._entry(self.member_me, self.r_meet, day=date(2031, 1, 5))
        self._entry(self.member_me, self.r_absent, day=date(2031, 3, 5))
        self._login(self.user_me)
        newest = self.url_open("/my/points").text
        oldest = self.url_open("/my/points?sortby=date_asc").text
        self.assertLess(newest.index("Missed meeting"), newest.index("Branch meeting"))
        self.assertLess(oldest.index("Branch meeting"), oldest.index("Missed meeting"))

    def test_past_results_show_grade_and_rank_only_when_allowed(self):
        self._login(self.user_me)
        page = self.url_open("/my/points").text
        self.assertIn("2030 Q4", page)
        result = self.period_closed.result_ids.filtered(
            lambda r: r.member_id == self.member_me
        )
        self.assertEqual(result.rank_in_branch, 2)
        self.assertNotRegex(page, r'<td class="text-end">\s*2\s*</td>')
        self.assertIn("Basically Qualified", page)
        self.ruleset.rank_visible_to_members = True
        page = self.url_open("/my/points").text
        self.assertRegex(page, r'<td class="text-end">\s*2\s*</td>')

    def test_members_download_only_their_own_ledger(self):
        self._entry(self.member_me, self.r_meet)
        self._entry(self.member_other, self.r_award)
        self._login(self.user_me)
        page = self.url_open("/my/points").text
        link = re.search(r'href="(/party_points/export/member\?[^"]+)"', page)
        response = self.url_open(link.group(1).replace("&amp;", "&"))
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        cells = {
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        }
        self.assertTrue(any("Branch meeting" in cell for cell in cells))
        self.assertFalse(any("Plant award" in cell for cell in cells))
        url = link.group(1).replace("&amp;", "&")
        theirs = url.replace(
            f"member_id={self.member_me.id}", f"member_id={self.member_other.id}"
        )
        self.assertEqual(self.url_open(theirs).status_code, 403)

    def test_entry_pages_of_other_members_are_not_found(self):
        mine = self._entry(self.member_me, self.r_meet)
        theirs = self._entry(self.member_other, self.r_award)
        self._login(self.user_me)
        self.assertEqual(
            self.url_open(f"/my/points/entries/{mine.id}").status_code, 200
        )
        page = self.url_open(f"/my/points/entries/{theirs.id}")
        self.assertEqual(page.status_code, 404)
        self.assertNotIn("Plant award", page.text)
        self.assertEqual(self.url_open("/my/points/entries/999999").status_code, 404)

    def test_portal_rules_hold_in_the_orm(self):
        theirs = self._entry(self.member_other, self.r_meet, approve=False)
        mine = self._entry(self.member_me, self.r_meet, approve=False)
        mine.action_submit()
        self.emp_me.user_id = self.user_me
        self.emp_other.user_id = self.user_other
        Entry = self.env["party.points.entry"].with_user(self.user_me)
        self.assertEqual(Entry.search([("period_id", "=", self.period.id)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_me).read(["points"])
        with self.assertRaises(AccessError):
            mine.with_user(self.user_me).write({"description": "changed"})
        with self.assertRaises(AccessError):
            Entry.create(
                {
                    "member_id": self.member_other.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                }
            )
        result = self.period_closed.result_ids.filtered(
            lambda r: r.member_id == self.member_other
        )
        with self.assertRaises(AccessError):
            result.with_user(self.user_me).read(["score"])
        with self.assertRaises(AccessError):
            self.member_other.with_user(self.user_me).read(["name"])


@tagged("post_install", "-at_install")
class TestPortalClaims(PortalPointsCase):
    def test_claim_form_lists_claimable_rules(self):
        self._login(self.user_me)
        page = self.url_open("/my/points/claim").text
        self.assertIn("Branch meeting", page)
        self.assertIn("Study essay", page)
        self.assertNotIn("Plant award", page)
        self.assertIn('name="csrf_token"', page)
        self.assertIn('min="2031-01-01"', page)

    def test_claim_with_evidence_is_submitted(self):
        self._login(self.user_me)
        page = self._claim(
            rule_id=self.r_essay.id,
            files={
                "evidence": [
                    ("essay.pdf", PDF, "application/pdf"),
                    ("photo.png", PNG, "image/png"),
                ]
            },
        )
        claim = self._claims()
        self.assertEqual(len(claim), 1)
        self.assertEqual(page.url.rsplit("/", 1)[-1], str(claim.id))
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.create_uid, self.user_me)
        self.assertEqual(claim.points, 3)
        self.assertEqual(
            sorted(claim.attachment_ids.mapped("name")), ["essay.pdf", "photo.png"]
        )
        self.assertIn("waits for the approval", page.text)

    def test_rejected_claim_shows_its_reason(self):
        self._login(self.user_me)
        self._claim()
        claim = self._claims()
        claim.action_reject("Not a Party meeting")
        page = self.url_open(f"/my/points/entries/{claim.id}").text
        self.assertIn("Not a Party meeting", page)

    def _assert_refused(self, message, files=None, **data):
        page = self._claim(files=files, **data)
        self.assertEqual(page.status_code, 200)
        self.assertIn(message, page.text)
        self.assertFalse(self._claims())
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "party.points.entry"), ("name", "=", "bad.txt")]
            )
        )

    def test_crafted_claims_are_refused_and_nothing_saved(self):
        self._login(self.user_me)
        self._assert_refused("cannot be claimed by members", rule_id=self.r_award.id)
        self._assert_refused("cannot be claimed by members", rule_id=self.r_veto.id)
        self._assert_refused("must fall within 2031 Q1", date="2030-11-20")
        self._assert_refused("only claim points for yourself", member_id=99)
        self._assert_refused("quantity must be above 0", quantity="-1")
        self._assert_refused(
            "needs evidence", rule_id=self.r_essay.id, description="no file"
        )
        self._assert_refused(
            "is not a photo",
            files={"evidence": [("bad.txt", b"just words", "image/png")]},
        )
        self._assert_refused(
            "larger than 5 MB",
            files={
                "evidence": [
                    ("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")
                ]
            },
        )
        # a posted file passes but the claim fails: the file is not kept
        self._assert_refused(
            "cannot be claimed by members",
            rule_id=self.r_award.id,
            files={"evidence": [("bad.txt", PDF, "application/pdf")]},
        )

    def test_claims_need_the_csrf_token(self):
        self._login(self.user_me)
        page = self._claim(csrf_token="forged")
        self.assertEqual(page.status_code, 400)
        self.assertFalse(self._claims())

    def test_no_open_period_refuses_claims(self):
        self.period.action_close()
        self._login(self.user_me)
        self.assertIn(
            "No points period is open", self.url_open("/my/points/claim").text
        )
        self._assert_refused("No points period is open")

    def test_claim_tour(self):
        self.emp_me.user_id = self.user_me
        self.start_tour(
            "/my/points", "party_points_portal_claim", login=self.user_me.login
        )
        claim = self._claims()
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.rule_id, self.r_meet)
        self.assertEqual(claim.description, "为车间班组讲授党课")


@tagged("post_install", "-at_install")
class TestPortalPointsQueries(PortalPointsCase):
    def _count(self, url):
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - before

    def test_points_page_queries_do_not_grow_with_entries(self):
        self._login(self.user_me)
        days = [date(2031, 1, 1) + timedelta(days=n) for n in range(40)]
        for day in days[:5]:
            self._entry(self.member_me, self.r_meet, day=day)
        few = self._count("/my/points")
        for day in days[5:]:
            self._entry(self.member_me, self.r_meet, day=day)
        many = self._count("/my/points")
        self.assertEqual(few, many)
