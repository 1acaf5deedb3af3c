from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestMultiCompany(PointsCase):
    """The company rules: even the Party committee of one company sees
    nothing of another company's Party work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Plant"})
        cls.other_branch = cls.env["party.branch"].create(
            {
                "name": "Other Branch",
                "code": "T-OTHER",
                "company_id": cls.other_company.id,
            }
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Member Bai", "company_id": cls.other_company.id}
        )
        cls.other_member = cls.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": cls.other_branch.id}
        )
        cls.other_period = cls.env["party.points.period"].create(
            {
                "name": "Other 2031 Q1",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2031-01-01",
                "date_end": "2031-03-31",
                "branch_ids": [Command.set(cls.other_branch.ids)],
                "company_id": cls.other_company.id,
            }
        )
        cls.other_entry = cls._entry(cls.other_member, cls.r_absent)
        cls.other_period.action_close()

    def test_another_companys_records_stay_out_of_reach(self):
        self.assertEqual(self.other_entry.period_id, self.other_period)
        self.assertEqual(self.other_entry.company_id, self.other_company)
        result = self.other_period.result_ids
        self.assertEqual(result.member_id, self.other_member)
        for record in (
            self.other_branch,
            self.other_member,
            self.other_period,
            self.other_entry,
            result,
        ):
            as_manager = record.with_user(self.manager)
            self.assertFalse(as_manager.search([("id", "=", record.id)]), record._name)
            with self.assertRaises(AccessError, msg=record._name):
                as_manager.read(["display_name"])
        # the committee's own company stays in reach
        self.assertTrue(self.member_a1.with_user(self.manager).read(["display_name"]))
