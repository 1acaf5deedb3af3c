"""The printable and Excel versions of a committee meeting's agenda pack
(issue 14): what they list, and who gets them (the model, the report and
the download route check as the user)."""

import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .test_meeting_compliance import ComplianceCase


class AgendaCase(ComplianceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee_meeting = cls._meeting(
            name="支委会 2031-02",
            type_id=cls.env.ref("party_points.meeting_type_committee").id,
        )
        cls._entry(cls.member_a1, cls.r_meet, approve=False).action_submit()
        cls._entry(cls.member_b1, cls.r_meet, approve=False).action_submit()


@tagged("post_install", "-at_install")
class TestAgendaPrint(AgendaCase):
    def _html(self, user):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(
                "party_points.report_meeting_agenda", self.committee_meeting.ids
            )[0]
            .decode()
        )

    def test_rows_name_the_items(self):
        rows = self.committee_meeting.with_user(self.officer_a)._agenda_pack_rows()
        title, count, names = rows[0]
        self.assertEqual((title, count), ("Entries waiting for approval", 1))
        self.assertEqual(len(names), 1)
        self.assertIn("Member Zhang", names[0])

    def test_the_printed_pack(self):
        action = self.committee_meeting.with_user(self.officer_a).action_agenda_print()
        self.assertEqual(action["report_name"], "party_points.report_meeting_agenda")
        html = self._html(self.officer_a)
        self.assertIn("Agenda Pack", html)
        self.assertIn("支委会 2031-02", html)
        self.assertIn("Entries waiting for approval", html)
        self.assertIn("Member Zhang", html)
        self.assertNotIn("Member Zhao", html, "not another branch's entries")
        # the Chinese font of the printed page
        self.assertIn("WenQuanYi Micro Hei", html)

    def test_the_excel_pack(self):
        filename, content = (
            self.env["party.meeting.agenda.xlsx"]
            .with_user(self.officer_a)
            ._agenda_file(self.committee_meeting.with_user(self.officer_a))
        )
        self.assertEqual(filename, "Agenda Pack 支委会 2031-02.xlsx")
        rows = [
            list(row)
            for row in openpyxl.load_workbook(io.BytesIO(content))
            .worksheets[0]
            .iter_rows(values_only=True)
        ]
        self.assertEqual(rows[2], ["No.", "Item", "Count", "Details"])
        self.assertEqual(rows[3][:3], [1, "Entries waiting for approval", 1])
        self.assertIn("Member Zhang", rows[3][3])

    def test_only_the_branch_committee_gets_the_pack(self):
        for user in (self.officer_b, self.user_a1):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.committee_meeting.with_user(user).action_agenda_print()
                with self.assertRaises(AccessError):
                    self._html(user)
                with self.assertRaises(AccessError):
                    self.env["party.meeting.agenda.xlsx"].with_user(user)._agenda_file(
                        self.committee_meeting.with_user(user)
                    )
        with self.assertRaises(UserError):
            self._meeting().with_user(self.officer_a).action_agenda_xlsx()


@tagged("post_install", "-at_install")
class TestAgendaExportRoute(AgendaCase, HttpCase):
    def _get(self, login, meeting_id):
        self.authenticate(login, login)
        return self.url_open(
            f"/party_points/meeting/agenda/export?meeting_id={meeting_id}"
        )

    def test_who_downloads_the_pack(self):
        meeting_id = self.committee_meeting.id
        response = self._get("party_officer_a", meeting_id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        for login in ("party_officer_b", "party_member_a1"):
            with self.subTest(login=login):
                response = self._get(login, meeting_id)
                self.assertEqual(response.status_code, 403)
                self.assertNotEqual(response.content[:2], b"PK")
        self.assertEqual(self._get("party_officer_a", 999999).status_code, 404)
        self.assertEqual(self._get("party_officer_a", "x").status_code, 400)
