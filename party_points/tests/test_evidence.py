"""Evidence is a link on the member's portal page, served only to the
member whose entry it proves."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestPortalEvidence(PointsCase, HttpCase):
    def test_member_opens_own_evidence_and_no_one_else_does(self):
        entry = self._entry(
            self.member_a1,
            self.r_essay,
            approve=False,
            attachment_ids=[
                Command.create({"name": "notes.pdf", "raw": b"%PDF-1.4 x"})
            ],
        )
        attachment = entry.attachment_ids
        url = f"/my/points/entries/{entry.id}/evidence/{attachment.id}"
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open(f"/my/points/entries/{entry.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(url, page.text)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 x")
        self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
        download = self.url_open(url + "?download=1")
        self.assertIn("attachment", download.headers["Content-Disposition"])
        # another member, and an attachment that is not this entry's
        other = self.env["ir.attachment"].create({"name": "x.txt", "raw": b"secret"})
        self.assertEqual(
            self.url_open(
                f"/my/points/entries/{entry.id}/evidence/{other.id}"
            ).status_code,
            404,
        )
        self.authenticate(self.user_b1.login, self.user_b1.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"%PDF", response.content)
