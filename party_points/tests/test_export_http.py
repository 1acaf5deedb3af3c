"""The download routes check access again, whatever the URL names."""

from odoo.tests import HttpCase, tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestPointsExportRoute(PointsCase, HttpCase):
    def _get(self, login, **params):
        self.authenticate(login, login)
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return self.url_open(f"/party_points/export/ledger?{query}")

    def test_officer_downloads_their_branch(self):
        response = self._get(
            "party_officer_a", period_id=self.period.id, branch_ids=self.branch_a.id
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        self.assertEqual(
            response.headers["Content-Disposition"],
            "attachment; filename*=UTF-8''Points%20Ledger%202031%20Q1.xlsx",
        )
        self.assertEqual(response.content[:2], b"PK")

    def test_crafted_url_for_another_branch_is_refused(self):
        response = self._get(
            "party_officer_a",
            period_id=self.period.id,
            branch_ids=f"{self.branch_a.id},{self.branch_b.id}",
        )
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(response.content[:2], b"PK")

    def test_member_downloads_only_their_entries(self):
        self.authenticate("party_member_a1", "party_member_a1")
        base = f"/party_points/export/member?period_id={self.period.id}&member_id="
        self.assertEqual(self.url_open(base + str(self.member_a1.id)).status_code, 200)
        self.assertEqual(self.url_open(base + str(self.member_a2.id)).status_code, 403)

    def test_malformed_ids(self):
        self.authenticate("party_officer_a", "party_officer_a")
        response = self.url_open("/party_points/export/ledger?period_id=x")
        self.assertEqual(response.status_code, 400)
