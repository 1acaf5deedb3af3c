import json
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, tagged

from .test_attack_input import PNG, SVG
from .test_portal_employee import PortalLedgerCase
from .test_wish import WishCase


@tagged("post_install", "-at_install")
class TestWishPortal(WishCase, HttpCase):
    """/my/wishes: Worker Liu raises a wish, Member Zhang claims it on the
    campaign's list, reports progress with a photo, and Worker Liu
    confirms it fulfilled."""

    def _post(self, url, files=None, **data):
        data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, files=files)

    def test_raise_claim_report_and_confirm_on_the_portal(self):
        self.authenticate(self.user_emp.login, self.user_emp.login)
        page = self.url_open("/my/wishes")
        self.assertIn("Micro-wishes 2031", page.text)
        self._post(
            "/my/wishes/submit",
            name="一盏护眼台灯",
            description="孩子上初中，晚上写作业灯光太暗。",
            campaign_id=self.campaign.id,
            branch_id=self.branch_a.id,
        )
        wish = self.Wish.search([("name", "=", "一盏护眼台灯")])
        self.assertEqual(wish.sudo().wisher_id, self.emp_worker)
        self.assertNotEqual(wish.create_uid, self.user_emp)
        self.assertIn("一盏护眼台灯", self.url_open("/my/wishes").text)
        wish.with_user(self.officer_a).action_accept()

        # a member of branch A sees it without the wisher's name, and claims it
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open(f"/my/wishes/campaign/{self.campaign.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("一盏护眼台灯", page.text)
        self.assertNotIn("Worker Liu", page.text)
        self.assertIn("o_party_wish_claim", page.text)
        self._post(f"/my/wishes/{wish.id}/claim")
        self.assertEqual(wish.claimant_id, self.member_a1)
        page = self.url_open(f"/my/wishes/{wish.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_party_wish_progress_form", page.text)
        self.assertNotIn("Worker Liu", page.text)
        # the same upload checks as claims and suggestions
        page = self._post(
            f"/my/wishes/{wish.id}/progress",
            files=[("photos", ("lamp.png", SVG, "image/png"))],
            note="已买好台灯。",
        )
        self.assertIn("alert-danger", page.text)
        self.assertFalse(wish.message_ids.filtered(lambda m: "已买好" in m.body))
        self._post(
            f"/my/wishes/{wish.id}/progress",
            files=[("photos", ("lamp.png", PNG, "image/png"))],
            note="已买好台灯，周六送到家。<script>alert(1)</script>",
        )
        report = wish.message_ids.filtered(lambda m: "周六送到家" in m.body)
        self.assertEqual(report.attachment_ids.mimetype, "image/png")
        photo = self.url_open(f"/my/wishes/{wish.id}/photos/{report.attachment_ids.id}")
        self.assertEqual(photo.status_code, 200)

        # a member of another branch sees nothing of it
        self.authenticate(self.user_b1.login, self.user_b1.login)
        self.assertEqual(self.url_open(f"/my/wishes/{wish.id}").status_code, 404)
        self.assertEqual(
            self.url_open(
                f"/my/wishes/{wish.id}/photos/{report.attachment_ids.id}"
            ).status_code,
            404,
        )

        # the wisher confirms
        self.authenticate(self.user_emp.login, self.user_emp.login)
        page = self.url_open(f"/my/wishes/{wish.id}")
        self.assertIn("o_party_wish_confirm_form", page.text)
        self.assertIn("周六送到家", page.text)
        self.assertNotIn("<script>alert(1)", page.text)
        self._post(f"/my/wishes/{wish.id}/confirm", satisfaction="very_satisfied")
        self.assertEqual(wish.state, "fulfilled")
        self.assertNotIn(self.user_emp.partner_id, wish.message_ids.author_id)
        # the home page's card counts the employee's wishes
        self.assertIn('data-placeholder_count="wish_count"', self.url_open("/my").text)
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["wish_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters, {"wish_count": 1})

    def test_refusals_read_as_sentences(self):
        self.authenticate(self.user_emp.login, self.user_emp.login)
        page = self._post(
            "/my/wishes/submit",
            name="",
            campaign_id=self.campaign.id,
            branch_id=self.branch_a.id,
        )
        self.assertIn("Say what you wish for.", page.text)
        page = self._post(
            "/my/wishes/submit",
            name="A coat",
            campaign_id="x",
            branch_id=self.branch_a.id,
        )
        self.assertIn("alert-danger", page.text)
        self.assertFalse(self.Wish.search([("name", "=", "A coat")]))
        wish = self._accepted()
        # not a member: no claim
        page = self.url_open(f"/my/wishes/campaign/{self.campaign.id}")
        self.assertNotIn("o_party_wish_claim", page.text)
        page = self._post(f"/my/wishes/{wish.id}/claim")
        self.assertIn("Only Party members claim wishes.", page.text)
        self.assertEqual(wish.state, "accepted")


@tagged("post_install", "-at_install")
class TestWishPortalUsers(PortalLedgerCase):
    """Employees and members who are portal users (no back office): worker
    Shi raises a wish, member Fang claims and fulfils it, member Kong sees
    it without Shi's name."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["party.wish.campaign"].create(
            {
                "name": "Portal wishes",
                "company_id": cls.company.id,
                "branch_ids": [Command.set(cls.branch.ids)],
                "date_open": fields.Date.today() - timedelta(days=1),
                "date_close": fields.Date.today() + timedelta(days=30),
            }
        )
        cls.campaign.action_open()

    def _post(self, url, files=None, **data):
        data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, files=files)

    def test_portal_users_raise_claim_and_confirm(self):
        self.authenticate(self.user_worker.login, self.user_worker.login)
        self.assertIn("Portal wishes", self.url_open("/my/wishes").text)
        self._post(
            "/my/wishes/submit",
            name="一副老花镜",
            campaign_id=self.campaign.id,
            branch_id=self.branch.id,
        )
        wish = self.env["party.wish"].search([("name", "=", "一副老花镜")])
        self.assertEqual(wish.wisher_id, self.emp_worker)
        wish.action_accept()

        self.authenticate(self.user_other.login, self.user_other.login)
        page = self.url_open(f"/my/wishes/campaign/{self.campaign.id}")
        self.assertIn("一副老花镜", page.text)
        self.assertNotIn(self.emp_worker.name, page.text)

        self.authenticate(self.user_me.login, self.user_me.login)
        self._post(f"/my/wishes/{wish.id}/claim")
        self.assertEqual(wish.claimant_id, self.member_me)
        self._post(
            f"/my/wishes/{wish.id}/progress",
            files=[("photos", ("glasses.png", PNG, "image/png"))],
            note="已配好老花镜。",
        )
        self.assertTrue(
            wish.message_ids.filtered(lambda m: "已配好" in m.body).attachment_ids
        )

        self.authenticate(self.user_worker.login, self.user_worker.login)
        page = self.url_open(f"/my/wishes/{wish.id}")
        self.assertIn("o_party_wish_confirm_form", page.text)
        self._post(f"/my/wishes/{wish.id}/confirm", satisfaction="satisfied")
        self.assertEqual(wish.state, "fulfilled")
