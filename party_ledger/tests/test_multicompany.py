from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestMultiCompany(LedgerCase):
    """The company rules of the ledger: the Party committee of one company
    sees no item, zone or key project of another."""

    def test_another_companys_ledger_stays_out_of_reach(self):
        company = self.env["res.company"].create({"name": "Other Plant"})
        branch = self.env["party.branch"].create(
            {"name": "Other Branch", "code": "T-OTHER", "company_id": company.id}
        )
        employee = self.env["hr.employee"].create(
            {"name": "Worker Bai", "company_id": company.id}
        )
        item = self._item(employee_id=employee.id, branch_id=branch.id)
        zone = self.env["party.zone"].create(
            {"name": "Other Zone", "branch_id": branch.id}
        )
        project = self.env["party.practical.project"].create(
            {"name": "Other canteen", "branch_id": branch.id}
        )
        for record in (item, zone, project):
            self.assertEqual(record.company_id, company)
            as_manager = record.with_user(self.manager)
            self.assertFalse(as_manager.search([("id", "=", record.id)]), record._name)
            with self.assertRaises(AccessError, msg=record._name):
                as_manager.read(["display_name"])
        self.assertTrue(self._item().with_user(self.manager).read(["title"]))
