"""Issue 11, section 2, in the suggestion ledger: companies, zones, the
anonymous submitter, the portal link and the files a portal item shows,
tried as a member, a portal member, an officer of another branch, an HR user
without Party rights and the Party committee of another company, through the
ORM and through HTTP."""

import base64
import io

import openpyxl

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.party_points import compat
from odoo.addons.party_points.tests.test_portal import PNG

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestAttackWalls(LedgerCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("walls_ledger")
        cls.other_zone = cls.env["party.zone"].create(
            {"name": "Other Zone", "branch_id": cls.other_branch.id}
        )
        # a portal employee of branch A, bound at grant time
        cls.emp_portal = cls.env["hr.employee"].create({"name": "Worker Xu"})
        cls.user_portal = new_test_user(
            cls.env,
            "walls_ledger_portal",
            groups="base.group_portal",
            partner_id=cls.emp_portal.work_contact_id.id,
        )
        cls.user_portal._party_link_employees()
        cls.item = cls._item(title="Dusty conveyor", zone_id=cls.zone_a.id)
        cls.project = cls.env["party.practical.project"].create(
            {
                "name": "Canteen hours",
                "branch_id": cls.branch_a.id,
                "milestone_ids": [
                    Command.create({"month": "2026-04-01", "task": "Survey"})
                ],
            }
        )
        cls.anon = cls.Suggestion.with_user(cls.user_emp).create(
            {
                "title": "My team leader shouts at us",
                "branch_id": cls.branch_a.id,
                "channel": "mailbox",
                "is_anonymous": True,
            }
        )

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def assertNoFile(self, response):
        self.assertIn(response.status_code, (400, 403, 404))
        self.assertNotEqual(response.content[:2], b"PK")

    def _snapshot(self, item):
        item = item.sudo()
        item.invalidate_recordset()
        return {
            "messages": set(item.message_ids.ids),
            "followers": set(item.message_follower_ids.partner_id.ids),
            "activities": set(item.activity_ids.ids),
            "attachments": set(
                self.env["ir.attachment"]
                .sudo()
                .search([("res_model", "=", item._name), ("res_id", "=", item.id)])
                .ids
            ),
            "write_date": item.write_date,
            "title": item.title,
        }

    def assertNamesNobody(self, item, user):
        """No user-bearing field of ``item`` names ``user`` (or their
        employee's work contact)."""
        item = item.sudo()
        self.env.flush_all()
        item.invalidate_recordset()
        self.env.cr.precommit.run()  # tracking values are written at commit
        partners = user.partner_id | user.employee_ids.work_contact_id
        self.assertNotEqual(item.create_uid, user)
        self.assertNotEqual(item.write_uid, user)
        self.assertFalse(item.message_ids.author_id & partners)
        self.assertFalse(item.message_ids.create_uid & user)
        tracking = item.message_ids.tracking_value_ids
        self.assertFalse(tracking.create_uid & user)
        self.assertFalse(item.message_follower_ids.partner_id & partners)
        self.assertFalse(item.activity_ids.user_id & user)
        self.assertFalse(item.activity_ids.create_uid & user)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", item._name), ("res_id", "=", item.id)])
        )
        self.assertFalse(attachments.create_uid & user)
        self.assertFalse(item.message_ids.attachment_ids.create_uid & user)

    # ------------------------------------------------------------------
    # companies
    # ------------------------------------------------------------------
    def test_committee_of_another_company_reads_nothing_of_ours(self):
        report = self.env["party.suggestion.report"].search(
            [("suggestion_id", "=", self.item.id)]
        )
        self.assertTrue(report)
        for record in (
            self.item,
            self.zone_a,
            self.project,
            self.project.milestone_ids,
            report,
        ):
            as_other = record.with_user(self.other_committee)
            self.assertFalse(as_other.search([("id", "=", record.id)]), record._name)
            with self.assertRaises(AccessError, msg=record._name):
                as_other.read(["display_name"])
        groups = (
            self.env["party.suggestion.report"]
            .with_user(self.other_committee)
            .read_group([], ["item_count:sum"], ["branch_id"])
        )
        self.assertNotIn(
            self.branch_a.id,
            [group["branch_id"][0] for group in groups if group["branch_id"]],
        )
        self.assertEqual(self.project.milestone_ids.company_id, self.env.company)

    def test_records_of_two_companies_never_meet(self):
        with self.assertRaises(UserError):
            self._item(zone_id=self.other_zone.id)
        with self.assertRaises(UserError):
            self.item.project_id = self.env["party.practical.project"].create(
                {"name": "Elsewhere", "branch_id": self.other_branch.id}
            )
        outsider = self.env["hr.employee"].create(
            {"name": "Outsider", "company_id": self.other_company.id}
        )
        with self.assertRaises(UserError):
            self.zone_a.employee_ids = [Command.set(outsider.ids)]
        self.assertFalse(self.item.project_id)
        self.assertNotIn(outsider, self.zone_a.employee_ids)

    def test_committee_of_another_company_exports_nothing_of_ours(self):
        Export = self.env["party.suggestion.export"].with_user(self.other_committee)
        with self.assertRaises(AccessError):
            Export._export_file("2026-01-01", "2026-12-31", self.branch_a)
        # their own ledger holds none of our items
        _name, content = Export._export_file(
            "2026-01-01", "2026-12-31", self.env["party.branch"]
        )
        self.assertNotIn(self.item.title, self._cells(content))
        self._login(self.other_committee)
        url = "/party_ledger/export/suggestions?date_from=2026-01-01&date_to=2026-12-31"
        with mute_logger("odoo.http"):
            self.assertNoFile(self.url_open(f"{url}&branch_ids={self.branch_a.id}"))
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(self.item.title, self._cells(response.content))

    @staticmethod
    def _cells(content):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return {
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        }

    def test_officer_of_another_branch_and_hr_user_export_nothing(self):
        url = (
            "/party_ledger/export/suggestions?date_from=2026-01-01"
            f"&date_to=2026-12-31&branch_ids={self.branch_a.id}"
        )
        for user in (self.officer_b, self.hr_user, self.user_a1):
            with self.assertRaises(AccessError):
                self.env["party.suggestion.export"].with_user(user)._export_file(
                    "2026-01-01", "2026-12-31", self.branch_a
                )
            self._login(user)
            with mute_logger("odoo.http"):
                self.assertNoFile(self.url_open(url))

    # ------------------------------------------------------------------
    # zones
    # ------------------------------------------------------------------
    def test_officer_of_another_branch_cannot_repoint_a_zone(self):
        member_b = self.env["party.member"].create(
            {"employee_id": self.emp_officer_b.id, "branch_id": self.branch_b.id}
        )
        before = self.zone_a.read(["branch_id", "representative_id", "name"])
        zone = self.zone_a.with_user(self.officer_b)
        for vals in (
            {"representative_id": member_b.id},
            {"branch_id": self.branch_b.id},
            {"name": "Mine now"},
        ):
            with self.assertRaises(AccessError, msg=vals):
                zone.write(vals)
        with self.assertRaises(AccessError):
            zone.unlink()
        # nor create one in branch A, nor move their own zone there
        Zone = self.env["party.zone"].with_user(self.officer_b)
        with self.assertRaises(AccessError):
            Zone.create({"name": "Planted", "branch_id": self.branch_a.id})
        own = Zone.create({"name": "B Zone", "branch_id": self.branch_b.id})
        with self.assertRaises(AccessError):
            own.write({"branch_id": self.branch_a.id})
        self.assertEqual(own.branch_id, self.branch_b)
        self.zone_a.invalidate_recordset()
        self.assertEqual(
            self.zone_a.read(["branch_id", "representative_id", "name"]), before
        )
        # ... and the zone's items stay out of their reach
        with self.assertRaises(AccessError):
            self.item.with_user(self.officer_b).read(["title"])
        # the zone's own officer still works it
        self.zone_a.with_user(self.officer_a).name = "Boiler House Zone"

    def test_an_officer_moves_no_item_into_another_branch(self):
        """The rules check the branch an item leaves; the branch it goes to
        must be one the officer works too (a meeting of that branch does not
        open it either)."""
        item = self.item.with_user(self.officer_a)
        with self.assertRaises(AccessError):
            item.write({"branch_id": self.branch_b.id})
        self.assertEqual(self.item.branch_id, self.branch_a)
        # writing the branch it already has is no move
        item.write({"branch_id": self.branch_a.id, "title": "Dusty conveyor belt"})
        # the committee moves items anywhere
        self.item.with_user(self.manager).write(
            {"branch_id": self.branch_b.id, "zone_id": False}
        )
        self.assertEqual(self.item.branch_id, self.branch_b)

    def test_members_and_hr_users_do_not_edit_zones(self):
        for user in (self.user_a1, self.hr_user, self.user_emp):
            with self.assertRaises(AccessError):
                self.zone_a.with_user(user).write({"name": "Renamed"})
        self.assertEqual(self.zone_a.name, "Boiler Zone")

    # ------------------------------------------------------------------
    # the anonymous submitter
    # ------------------------------------------------------------------
    def test_anonymous_item_names_nobody_after_intake(self):
        self.assertNamesNobody(self.anon, self.user_emp)
        # the submitter's own changes are refused, and change nothing
        before = self._snapshot(self.anon)
        with self.assertRaises(AccessError):
            self.anon.with_user(self.user_emp).write({"title": "Signed"})
        self.assertEqual(self._snapshot(self.anon), before)

    def test_the_workflow_leaves_no_name_on_an_anonymous_item(self):
        item = self.anon.with_user(self.officer_a).with_context(tracking_disable=False)
        item.write({"kind": "explanation", "urgency": "urgent"})
        item.action_classify()
        item.action_reply("We talked to the team leader.", close=True)
        self.anon.with_user(self.user_emp).action_feedback("unsatisfied", "Same.")
        self.assertEqual(self.anon.state, "in_progress")
        self.assertNamesNobody(self.anon, self.user_emp)

    def test_the_submitter_posts_nothing_by_rpc(self):
        before = self._snapshot(self.anon)
        as_submitter = self.anon.with_user(self.user_emp)
        with self.assertRaises(AccessError):
            as_submitter.message_post(body="It is me", message_type="comment")
        with self.assertRaises(AccessError):
            as_submitter.sudo().message_post(
                body="It is me", author_id=self.user_emp.partner_id.id
            )
        with self.assertRaises(AccessError):
            self.anon.with_user(self.officer_a).message_post(
                body="Posted for them", author_id=self.emp_worker.work_contact_id.id
            )
        attachment = {
            "name": "me.png",
            "datas": base64.b64encode(PNG),
            "res_model": self.anon._name,
            "res_id": self.anon.id,
        }
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.user_emp).create(attachment)
        with self.assertRaises(Exception) as caught:
            as_submitter.activity_schedule(
                "mail.mail_activity_data_todo", summary="Chase"
            )
        self.assertIsInstance(caught.exception, AccessError | ValidationError)
        self.assertEqual(self._snapshot(self.anon), before)

    def test_nobody_makes_the_submitter_a_follower_or_an_assignee(self):
        before = self._snapshot(self.anon)
        item = self.anon.with_user(self.officer_a)
        item.message_subscribe(partner_ids=self.user_emp.partner_id.ids)
        self.anon.with_user(self.manager).message_subscribe(
            partner_ids=self.emp_worker.work_contact_id.ids
        )
        with self.assertRaises(ValidationError):
            item.activity_schedule(
                "mail.mail_activity_data_todo", user_id=self.user_emp.id
            )
        self.assertEqual(self._snapshot(self.anon), before)
        self.assertNamesNobody(self.anon, self.user_emp)

    def test_making_an_item_anonymous_drops_its_submitter_links(self):
        item = self._item(title="Locker room", employee_id=self.emp_worker.id)
        item.message_subscribe(partner_ids=self.user_emp.partner_id.ids)
        item.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_emp.id)
        item.with_user(self.manager).write({"is_anonymous": True})
        self.assertFalse(item.employee_id)
        self.assertFalse(
            item.message_follower_ids.partner_id & self.user_emp.partner_id
        )
        self.assertFalse(item.activity_ids.user_id & self.user_emp)

    def test_the_submitter_posts_nothing_over_http(self):
        before = self._snapshot(self.anon)
        self._login(self.user_emp)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": self.anon._name,
                    "thread_id": self.anon.id,
                    "post_data": {"body": "It is me", "message_type": "comment"},
                },
            )
        # the portal composer, with the item's token
        token = self.anon.sudo()._portal_ensure_token()
        route, params = compat.portal_chatter_post(self.anon, "It is me", token=token)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(route, params)
        self.assertEqual(self._snapshot(self.anon), before)

    def test_portal_submitter_stays_anonymous(self):
        self._login(self.user_portal)
        response = self.url_open(
            "/my/suggestions/submit",
            data={
                "title": "Unsafe ladder",
                "branch_id": self.branch_a.id,
                "is_anonymous": "1",
                "csrf_token": http.Request.csrf_token(self),
            },
            files=[("attachments", ("ladder.png", PNG, "image/png"))],
        )
        self.assertEqual(response.status_code, 200)
        item = self.Suggestion.sudo().search([("title", "=", "Unsafe ladder")])
        self.assertTrue(item.is_anonymous)
        self.assertEqual(item.submitter_id, self.emp_portal)
        self.assertEqual(item.submitter_attachment_ids.mapped("name"), ["ladder.png"])
        self.assertNamesNobody(item, self.user_portal)
        # the portal page has no composer for them, and the route refuses
        before = self._snapshot(item)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": item._name,
                    "thread_id": item.id,
                    "post_data": {"body": "It is me", "message_type": "comment"},
                },
            )
        self.assertEqual(self._snapshot(item), before)

    def test_lifting_anonymity_is_logged_on_the_portal_item(self):
        self._login(self.user_portal)
        item = self.Suggestion.with_user(self.user_portal).create(
            {
                "title": "Night shift bus",
                "branch_id": self.branch_a.id,
                "employee_id": self.emp_portal.id,
                "is_anonymous": True,
            }
        )
        for user in (self.officer_a, self.user_portal, self.other_committee):
            with self.assertRaises(AccessError):
                item.with_user(user).action_lift_anonymity("Curious")
        self.assertTrue(item.is_anonymous)
        self.assertNotIn("Anonymity Lifted", self.url_open(item.access_url).text)
        item.with_user(self.manager).action_lift_anonymity("The employee asked us to")
        page = self.url_open(item.access_url).text
        self.assertIn("Anonymity Lifted", page)
        self.assertIn("Manager Wang", page)
        self.assertIn("The employee asked us to", page)
        self.assertEqual(item.sudo().employee_id, self.emp_portal)

    # ------------------------------------------------------------------
    # the portal item and the portal link
    # ------------------------------------------------------------------
    def test_portal_item_shows_only_the_files_meant_for_the_submitter(self):
        item = self.Suggestion.with_user(self.user_portal).create(
            {
                "title": "Broken heater",
                "branch_id": self.branch_a.id,
                "employee_id": self.emp_portal.id,
            }
        )
        Attachment = self.env["ir.attachment"]
        mine = Attachment.create(
            {"name": "my-photo.png", "datas": base64.b64encode(PNG)}
            | {"res_model": item._name, "res_id": item.id}
        )
        item.sudo().submitter_attachment_ids = mine
        # back-office files: attached to the record, and in an internal note
        Attachment.create(
            {"name": "staff-memo.pdf", "raw": b"%PDF-1.4 memo"}
            | {"res_model": item._name, "res_id": item.id}
        )
        note = Attachment.with_user(self.officer_a).create(
            {"name": "note-file.pdf", "raw": b"%PDF-1.4 note"}
        )
        item.with_user(self.officer_a).message_post(
            body="Internal", subtype_xmlid="mail.mt_note", attachment_ids=note.ids
        )
        shared = Attachment.with_user(self.officer_a).create(
            {"name": "schedule.pdf", "raw": b"%PDF-1.4 sched"}
        )
        item.with_user(self.officer_a).message_post(
            body="Here is the repair schedule",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=shared.ids,
        )
        self._login(self.user_portal)
        page = self.url_open(item.access_url).text
        self.assertIn("my-photo.png", page)
        self.assertIn("schedule.pdf", page)
        self.assertNotIn("staff-memo.pdf", page)
        self.assertNotIn("note-file.pdf", page)

    def test_a_page_view_binds_nobody(self):
        employee = self.env["hr.employee"].create({"name": "Worker Lone"})
        user = new_test_user(
            self.env,
            "walls_ledger_unbound",
            groups="base.group_portal",
            partner_id=employee.work_contact_id.id,
        )
        self._login(user)
        for url in ("/my/suggestions", "/my/suggestions/new", "/my"):
            self.url_open(url)
        employee.invalidate_recordset(["user_id"])
        self.assertFalse(employee.user_id)
