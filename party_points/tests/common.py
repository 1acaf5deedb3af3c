from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class PartyCase(TransactionCase):
    """A committee with two branches, an officer and two members in each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.manager = new_test_user(
            cls.env,
            "party_manager",
            groups="party_points.group_party_manager",
            name="Manager Wang",
        )
        cls.officer_a = new_test_user(
            cls.env,
            "party_officer_a",
            groups="party_points.group_party_officer",
            name="Officer Li",
        )
        cls.officer_b = new_test_user(
            cls.env,
            "party_officer_b",
            groups="party_points.group_party_officer",
            name="Officer Chen",
        )
        cls.user_a1 = new_test_user(
            cls.env,
            "party_member_a1",
            groups="party_points.group_party_user",
            name="Member Zhang",
        )
        cls.user_b1 = new_test_user(
            cls.env,
            "party_member_b1",
            groups="party_points.group_party_user",
            name="Member Zhao",
        )
        Employee = cls.env["hr.employee"]
        cls.emp_officer_a = Employee.create(
            {"name": "Officer Li", "user_id": cls.officer_a.id}
        )
        cls.emp_officer_b = Employee.create(
            {"name": "Officer Chen", "user_id": cls.officer_b.id}
        )
        cls.emp_a1 = Employee.create(
            {"name": "Member Zhang", "user_id": cls.user_a1.id}
        )
        cls.emp_a2 = Employee.create({"name": "Member Sun"})
        cls.emp_b1 = Employee.create({"name": "Member Zhao", "user_id": cls.user_b1.id})
        cls.emp_b2 = Employee.create({"name": "Member Qian"})
        Branch = cls.env["party.branch"]
        cls.committee = Branch.create(
            {"name": "Test Committee", "code": "T-DW", "org_type": "committee"}
        )
        cls.branch_a = Branch.create(
            {
                "name": "Branch A",
                "code": "T-A",
                "parent_id": cls.committee.id,
                "secretary_id": cls.emp_officer_a.id,
            }
        )
        cls.branch_b = Branch.create(
            {
                "name": "Branch B",
                "code": "T-B",
                "parent_id": cls.committee.id,
                "committee_member_ids": [Command.set(cls.emp_officer_b.ids)],
            }
        )
        Member = cls.env["party.member"]
        cls.member_a1 = Member.create(
            {"employee_id": cls.emp_a1.id, "branch_id": cls.branch_a.id}
        )
        cls.member_a2 = Member.create(
            {
                "employee_id": cls.emp_a2.id,
                "branch_id": cls.branch_a.id,
                "member_type": "probationary",
            }
        )
        cls.member_b1 = Member.create(
            {"employee_id": cls.emp_b1.id, "branch_id": cls.branch_b.id}
        )
        cls.member_b2 = Member.create(
            {
                "employee_id": cls.emp_b2.id,
                "branch_id": cls.branch_b.id,
                "member_type": "activist",
            }
        )
