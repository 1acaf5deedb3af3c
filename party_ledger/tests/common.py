from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.party_points.tests.common import PartyCase


class LedgerCase(PartyCase):
    """PartyCase plus employees who are not members, a zone in branch A with
    Member Zhang as representative and Worker Ma, an employee
    representative, among its employees."""

    RECEIVED = datetime(2026, 3, 2, 1, 0)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_emp = new_test_user(
            cls.env, "ledger_employee", groups="base.group_user", name="Worker Liu"
        )
        cls.user_other = new_test_user(
            cls.env, "ledger_other", groups="base.group_user", name="Worker Ma"
        )
        cls.user_sup = new_test_user(
            cls.env, "ledger_supervisor", groups="base.group_user", name="Chief Gao"
        )
        Employee = cls.env["hr.employee"]
        cls.emp_worker = Employee.create(
            {"name": "Worker Liu", "user_id": cls.user_emp.id}
        )
        # the zone's employee representative (职工代表), who verifies its items
        cls.emp_other = Employee.create(
            {
                "name": "Worker Ma",
                "user_id": cls.user_other.id,
                "party_staff_representative": True,
            }
        )
        cls.emp_sup = Employee.create({"name": "Chief Gao", "user_id": cls.user_sup.id})
        cls.emp_manager = Employee.create(
            {"name": "Manager Wang", "user_id": cls.manager.id}
        )
        cls.member_officer_a = cls.env["party.member"].create(
            {"employee_id": cls.emp_officer_a.id, "branch_id": cls.branch_a.id}
        )
        cls.zone_a = cls.env["party.zone"].create(
            {
                "name": "Boiler Zone",
                "branch_id": cls.branch_a.id,
                "representative_id": cls.member_a1.id,
                "committee_member_id": cls.member_officer_a.id,
                "employee_ids": [Command.set((cls.emp_worker | cls.emp_other).ids)],
            }
        )
        cls.Suggestion = cls.env["party.suggestion"]

    @classmethod
    def _item(cls, **values):
        vals = {
            "title": "Dusty conveyor",
            "employee_id": cls.emp_worker.id,
            "branch_id": cls.branch_a.id,
            "channel": "team_meeting",
            "date_received": cls.RECEIVED,
        }
        vals.update(values)
        return cls.env["party.suggestion"].create(vals)

    @classmethod
    def _classified(cls, **values):
        vals = {
            "kind": "implementation",
            "difficulty": "easy",
            "objectivity": "4",
            "feasibility": "4",
            "importance": "3",
            "route": "workshop_task",
            "responsible_id": cls.emp_a2.id,
            "supervisor_id": cls.emp_sup.id,
        }
        vals.update(values)
        item = cls._item(**vals)
        item.action_classify()
        return item

    def _verifying(self, **values):
        """An implementation item worked and waiting for verification."""
        item = self._classified(
            **dict({"zone_id": self.zone_a.id, "channel": "dual_link"}, **values)
        )
        item.with_user(self.officer_a).action_start()
        item.with_user(self.user_sup).action_submit_verification()
        return item

    def _done(self, **values):
        """An implementation item verified and closed, awaiting feedback."""
        item = self._verifying(**values)
        item.with_user(self.officer_a).action_verify("Fixed.")
        return item
