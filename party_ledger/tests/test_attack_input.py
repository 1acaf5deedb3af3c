"""Issue 11, section 3, in the suggestion ledger: bad input gets a clear
error and saves nothing (portal forms, ORM as employees and officers,
XML-RPC, the export route)."""

import base64
from xmlrpc import client as xmlrpclib

from odoo import Command, http
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.party_ledger.tests.common import LedgerCase

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
RPC_WARNING = 2


@tagged("post_install", "-at_install")
class TestAttackInputLedgerOrm(LedgerCase):
    def _count(self):
        return self.Suggestion.sudo().search_count([])

    def test_employee_items_with_bad_dates_or_texts_are_refused(self):
        Suggestion = self.Suggestion.with_user(self.user_emp)
        before = self._count()
        for change, message in (
            ({"title": "x" * 1000}, "Title is too long"),
            ({"description": "x" * 10_001}, "Description is too long"),
            ({"date_received": "9999-12-31 23:00:00"}, "not a plausible date"),
            ({"date_received": "0001-01-01 00:00:00"}, "not a plausible date"),
            ({"date_received": "2031-02-10 08:00:00junk"}, "is not a date"),
        ):
            with (
                self.subTest(change=change),
                self.assertRaisesRegex(ValidationError, message),
            ):
                Suggestion.create(
                    dict(
                        {
                            "title": "Dusty conveyor",
                            "employee_id": self.emp_worker.id,
                            "branch_id": self.branch_a.id,
                        },
                        **change,
                    )
                )
        self.assertEqual(self._count(), before)

    def test_officer_deadlines_and_replies_are_checked(self):
        item = self._classified()
        mine = item.with_user(self.officer_a)
        for day in ("9999-12-31", "0001-01-01", "2031-02-10xyz"):
            with self.subTest(day=day), self.assertRaises(ValidationError):
                mine.write({"date_deadline": day})
        deadline = item.date_deadline
        item.invalidate_recordset()
        self.assertEqual(item.date_deadline, deadline)
        with self.assertRaisesRegex(ValidationError, "Reply is too long"):
            mine.action_reply("x" * 10_001)
        item.invalidate_recordset()
        self.assertFalse(item.reply)

    def test_projects_and_monthly_tasks_refuse_bad_dates(self):
        Project = self.env["party.practical.project"].with_user(self.officer_a)
        for day in ("9999-12-31", "2031-02-10xyz"):
            with self.subTest(day=day), self.assertRaises(ValidationError):
                Project.create(
                    {
                        "name": "Canteen",
                        "branch_id": self.branch_a.id,
                        "date_deadline": day,
                    }
                )
        self.assertFalse(Project.search([("name", "=", "Canteen")]))
        project = Project.create({"name": "Canteen", "branch_id": self.branch_a.id})
        with self.assertRaisesRegex(ValidationError, "is not a date"):
            project.write(
                {
                    "milestone_ids": [
                        Command.create({"month": "2031-02-10xyz", "task": "Plan"})
                    ]
                }
            )

    def test_feedback_comments_have_a_limit(self):
        item = self._done()
        with self.assertRaisesRegex(ValidationError, "too long"):
            item.with_user(self.user_emp).action_feedback("satisfied", "x" * 10_001)
        item.invalidate_recordset()
        self.assertFalse(item.satisfaction)

    def test_company_clocks_are_bounded(self):
        company = self.env.company
        for value in (-1, 10**6):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValidationError, "Response Hours"),
                self.env.cr.savepoint(),
            ):
                company.write({"party_response_hours_normal": value})
        company.invalidate_recordset()
        self.assertEqual(company.party_response_hours_normal, 72)


@tagged("post_install", "-at_install")
class TestAttackInputLedgerHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, "attack_ledger_emp", groups="base.group_user", name="Worker Qiu"
        )
        cls.officer = new_test_user(
            cls.env,
            "attack_ledger_officer",
            groups="party_points.group_party_officer",
            name="Officer Pan",
        )
        Employee = cls.env["hr.employee"]
        cls.employee = Employee.create({"name": "Worker Qiu", "user_id": cls.user.id})
        cls.branch = cls.env["party.branch"].create(
            {
                "name": "Attack Branch",
                "code": "T-ATK",
                "secretary_id": Employee.create(
                    {"name": "Officer Pan", "user_id": cls.officer.id}
                ).id,
            }
        )
        cls.Suggestion = cls.env["party.suggestion"]

    def _items(self):
        return self.Suggestion.search_count([("branch_id", "=", self.branch.id)])

    def _attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "party.suggestion")]
        )

    def _submit(self, files=None, **data):
        values = {
            "title": "Broken heater",
            "branch_id": self.branch.id,
            "csrf_token": http.Request.csrf_token(self),
        }
        values.update(data)
        return self.url_open("/my/suggestions/submit", data=values, files=files)

    def _assert_refused(self, message, files=None, **data):
        items, attachments = self._items(), self._attachments()
        page = self._submit(files=files, **data)
        self.assertEqual(page.status_code, 200)
        self.assertIn(message, page.text)
        self.assertNotIn("Traceback", page.text)
        self.assertEqual(self._items(), items)
        self.assertEqual(self._attachments(), attachments)

    def test_portal_suggestions_with_bad_input_are_refused(self):
        self.authenticate(self.user.login, self.user.login)
        self._assert_refused("Title is too long", title="x" * 1_000_000)
        self._assert_refused("Description is too long", description="x" * 10_001)
        self._assert_refused("Choose your branch", branch_id=str(10**20))
        self._assert_refused("Choose your branch", branch_id="nan")
        self._assert_refused(
            "rename it to end in .png",
            files=[("attachments", ("photo.html", PNG, "text/html"))],
        )
        self._assert_refused(
            "is not a photo",
            files=[("attachments", ("drawing.png", SVG, "image/png"))],
        )
        # a long title with a good attachment: the file is not kept either
        self._assert_refused(
            "too long",
            title="x" * 300,
            files=[("attachments", ("photo.png", PNG, "image/png"))],
        )

    def test_portal_attachments_are_stored_with_their_sniffed_type(self):
        self.authenticate(self.user.login, self.user.login)
        self._submit(files=[("attachments", ("photo", PNG, "text/html"))])
        item = self.Suggestion.search([("branch_id", "=", self.branch.id)])
        self.assertEqual(len(item), 1)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", item._name), ("res_id", "=", item.id)]
        )
        self.assertEqual(
            (attachment.name, attachment.mimetype), ("photo.png", "image/png")
        )

    def test_feedback_with_a_long_comment_is_refused(self):
        item = self.Suggestion.create(
            {
                "title": "Broken heater",
                "branch_id": self.branch.id,
                "employee_id": self.employee.id,
                "kind": "explanation",
            }
        )
        item.action_classify()
        item.action_reply("A new heater comes on Monday.", close=True)
        self.authenticate(self.user.login, self.user.login)
        page = self.url_open(
            f"/my/suggestions/{item.id}/feedback",
            data={
                "satisfaction": "satisfied",
                "comment": "x" * 10_001,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("too long", page.text)
        item.invalidate_recordset()
        self.assertFalse(item.satisfaction)
        self.assertFalse(item.feedback_comment)

    def test_export_route_refuses_bad_dates(self):
        self.authenticate(self.officer.login, self.officer.login)
        for query in (
            "date_from=2031-01-01&date_to=9999-12-31",
            "date_from=0001-01-01&date_to=2031-12-31",
            "date_from=2031-01-01xyz&date_to=2031-12-31",
            "date_from=2031-01-01&date_to=2031-12-31%2000:00:00junk",
        ):
            with self.subTest(query=query):
                response = self.url_open(f"/party_ledger/export/suggestions?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertIn("date", response.text)
        ok = self.url_open(
            "/party_ledger/export/suggestions?date_from=2031-01-01&date_to=2031-12-31"
        )
        self.assertEqual(ok.status_code, 200)

    def test_rpc_items_with_bad_dates_are_refused(self):
        before = self._items()
        for change, message in (
            ({"date_received": "9999-12-31 23:00:00"}, "not a plausible date"),
            ({"date_received": "2031-02-10 08:00:00junk"}, "is not a date"),
            ({"date_deadline": "0001-01-01"}, "not a plausible date"),
            ({"title": "x" * 1000}, "too long"),
        ):
            with self.subTest(change=change):
                with self.assertRaises(xmlrpclib.Fault) as caught:
                    self.xmlrpc_object.execute_kw(
                        self.env.cr.dbname,
                        self.officer.id,
                        self.officer.login,
                        "party.suggestion",
                        "create",
                        [
                            dict(
                                {"title": "Heater", "branch_id": self.branch.id},
                                **change,
                            )
                        ],
                    )
                fault = caught.exception
                self.assertEqual(fault.faultCode, RPC_WARNING, fault.faultString)
                self.assertIn(message, fault.faultString)
        self.assertEqual(self._items(), before)
