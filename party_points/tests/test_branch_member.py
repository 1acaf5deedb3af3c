from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestBranchMember(PartyCase):
    def test_officers_come_from_secretary_committee_and_staff(self):
        self.assertEqual(self.branch_a.officer_user_ids, self.officer_a)
        self.assertEqual(self.branch_b.officer_user_ids, self.officer_b)
        self.branch_a.staff_user_ids = self.manager
        self.assertEqual(self.branch_a.officer_user_ids, self.officer_a | self.manager)

    def test_officers_above_work_the_branches_below(self):
        self.committee.staff_user_ids = self.manager
        self.assertIn(self.manager, self.branch_a.access_user_ids)
        self.assertIn(self.manager, self.branch_b.access_user_ids)
        self.assertNotIn(self.officer_a, self.branch_b.access_user_ids)

    def test_branch_tree_has_no_cycle(self):
        with self.assertRaises(UserError):
            self.committee.parent_id = self.branch_a

    def test_member_follows_employee(self):
        self.assertEqual(self.member_a1.name, "Member Zhang")
        self.assertEqual(self.member_a1.user_id, self.user_a1)
        self.assertEqual(self.member_a1.company_id, self.env.company)

    def test_one_active_member_per_employee(self):
        with self.assertRaises(ValidationError):
            self.env["party.member"].create(
                {"employee_id": self.emp_a1.id, "branch_id": self.branch_b.id}
            )
        # once archived, the employee may get a new record (a transfer)
        self.member_a1.active = False
        moved = self.env["party.member"].create(
            {"employee_id": self.emp_a1.id, "branch_id": self.branch_b.id}
        )
        self.assertTrue(moved.active)

    def test_one_active_member_is_held_by_the_database_too(self):
        self.env.cr.execute("SET CONSTRAINTS ALL IMMEDIATE")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "INSERT INTO party_member (employee_id, branch_id, member_type, active)"
                " VALUES (%s, %s, 'full', true)",
                [self.emp_a1.id, self.branch_b.id],
            )

    def test_member_sees_only_own_record(self):
        Member = self.env["party.member"].with_user(self.user_a1)
        self.assertEqual(Member.search([]), self.member_a1)
        with self.assertRaises(AccessError):
            self.member_a2.with_user(self.user_a1).read(["name"])
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.user_a1).write({"member_type": "activist"})

    def test_officer_sees_and_works_only_own_branches(self):
        Member = self.env["party.member"].with_user(self.officer_a)
        self.assertEqual(Member.search([]), self.member_a1 | self.member_a2)
        with self.assertRaises(AccessError):
            self.member_b1.with_user(self.officer_a).read(["name"])
        with self.assertRaises(AccessError):
            self.member_b1.with_user(self.officer_a).write({"member_type": "activist"})
        # nor can they move a member of theirs into another branch
        with self.assertRaises(AccessError):
            self.member_a2.with_user(self.officer_a).write(
                {"branch_id": self.branch_b.id}
            )
        newcomer = self.env["hr.employee"].create({"name": "Newcomer"})
        with self.assertRaises(AccessError):
            Member.create({"employee_id": newcomer.id, "branch_id": self.branch_b.id})
        self.assertTrue(
            Member.create({"employee_id": newcomer.id, "branch_id": self.branch_a.id})
        )

    def test_manager_sees_every_member(self):
        Member = self.env["party.member"].with_user(self.manager)
        found = Member.search([("branch_id", "child_of", self.committee.id)])
        self.assertEqual(
            found, self.member_a1 | self.member_a2 | self.member_b1 | self.member_b2
        )

    def test_only_managers_edit_branches(self):
        with self.assertRaises(AccessError):
            self.branch_a.with_user(self.officer_a).write({"name": "Renamed"})
        self.branch_a.with_user(self.manager).write({"name": "Renamed"})
        self.assertEqual(self.branch_a.complete_name, "Test Committee / Renamed")

    def test_party_users_without_hr_rights_find_members_by_name_and_badge(self):
        self.emp_a2.barcode = "TB9431"
        self.assertEqual(self.member_a2.badge, "TB9431")
        for user in (self.officer_a, self.manager):
            self.assertFalse(user.has_group("hr.group_hr_user"))
            Member = self.env["party.member"].with_user(user)
            found = Member.name_search("Member Sun")
            self.assertEqual([row[0] for row in found], self.member_a2.ids)
            found = Member.name_search("TB9431")
            self.assertEqual([row[0] for row in found], self.member_a2.ids)
            # the ledger's search bar searches entries by member
            self.env["party.points.entry"].with_user(user).search(
                [("member_id", "ilike", "Sun")]
            )
