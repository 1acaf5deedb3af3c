from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.party_points import compat

# Query-count pins are upper bounds (assertQueryCount fails only above them):
# what a series measured plus this headroom, so that a patch release adding a
# query or two passes, while a query per record (member, entry, item) still
# goes over.
QUERY_HEADROOM = 2


def query_bound(measured):
    """The upper bound of a query-count pin: ``measured`` (a count, or a dict
    of counts by series) plus QUERY_HEADROOM."""
    if isinstance(measured, dict):
        measured = measured[compat.SERIES]
    return measured + QUERY_HEADROOM


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

    @classmethod
    def _other_company_and_hr_user(cls, prefix):
        """Another plant with its own Party committee user and branch, and
        an HR user without Party rights: the outsiders of the attack tests."""
        cls.other_company = cls.env["res.company"].create({"name": "Other Plant"})
        cls.other_committee = new_test_user(
            cls.env,
            f"{prefix}_other_committee",
            groups="party_points.group_party_manager",
            name="Committee Bai",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.hr_user = new_test_user(
            cls.env, f"{prefix}_hr_user", groups="hr.group_hr_user", name="HR Qin"
        )
        cls.other_branch = cls.env["party.branch"].create(
            {
                "name": "Other Branch",
                "code": "W-OTHER",
                "company_id": cls.other_company.id,
            }
        )


class PointsCase(PartyCase):
    """PartyCase plus a small rule book and an open period over its branches
    (in 2031, clear of the demo year)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ruleset = cls.env["party.points.ruleset"].create(
            {
                "name": "Test Rules",
                "base_score": 70,
                "min_score": 0,
                "max_score": 100,
                "excellent_min": 90,
                "qualified_min": 75,
                "basic_min": 60,
                "excellent_quota": 1 / 3,
            }
        )
        Category = cls.env["party.points.category"]
        cls.cat_study = Category.create(
            {
                "name": "Study",
                "ruleset_id": cls.ruleset.id,
                "list_type": "positive",
                "period_cap": 15,
            }
        )
        cls.cat_vanguard = Category.create(
            {"name": "Vanguard", "ruleset_id": cls.ruleset.id, "list_type": "positive"}
        )
        cls.cat_discipline = Category.create(
            {
                "name": "Discipline",
                "ruleset_id": cls.ruleset.id,
                "list_type": "negative",
            }
        )
        Rule = cls.env["party.points.rule"]

        def rule(code, category, points, **vals):
            return Rule.create(
                dict(
                    code=code,
                    name=code,
                    ruleset_id=cls.ruleset.id,
                    category_id=category.id,
                    points=points,
                    **vals,
                )
            )

        cls.r_meet = rule(
            "MEET", cls.cat_study, 2, period_cap=10, member_claimable=True
        )
        cls.r_essay = rule(
            "ESSAY", cls.cat_study, 3, member_claimable=True, evidence_required=True
        )
        cls.r_innov = rule("INNOV", cls.cat_vanguard, 5, points_min=2, points_max=10)
        cls.r_absent = rule("ABSENT", cls.cat_discipline, 2)
        cls.v_zero = rule(
            "VZERO", cls.cat_discipline, 5, is_veto=True, veto_effect="zero"
        )
        cls.v_unq = rule(
            "VUNQ", cls.cat_discipline, 5, is_veto=True, veto_effect="unqualified"
        )
        cls.v_noex = rule(
            "VNOEX", cls.cat_discipline, 1, is_veto=True, veto_effect="no_excellent"
        )
        cls.period = cls.env["party.points.period"].create(
            {
                "name": "2031 Q1",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2031-01-01",
                "date_end": "2031-03-31",
                "branch_ids": [Command.set(cls.committee.ids)],
            }
        )
        cls.day = date(2031, 2, 10)

    @classmethod
    def _entry(cls, member, rule, approve=True, **vals):
        """An entry recorded by the superuser, approved unless told."""
        entry = cls.env["party.points.entry"].create(
            dict(
                member_id=member.id,
                rule_id=rule.id,
                date=vals.pop("day", cls.day),
                **vals,
            )
        )
        if approve:
            entry.action_approve()
        return entry

    def _close(self):
        self.period.with_user(self.manager).action_close()
        return {result.member_id: result for result in self.period.result_ids}
