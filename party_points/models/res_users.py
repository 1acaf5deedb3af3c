from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _party_employee(self):
        """The employee this user is (sudo), or an empty record: the one
        place that says so, for the back office and every Party portal page.

        An internal user is their ``employee_id`` (in the current company).
        A portal user is the employee whose user they are: the portal access
        wizard binds them when access is granted (see
        :meth:`_party_link_employees`); serving a page writes nothing. The
        public user is nobody."""
        self.ensure_one()
        Employee = self.env["hr.employee"].sudo()
        if self._is_public():
            return Employee
        if not self.share:
            return self.sudo().employee_id
        return Employee.search([("user_id", "=", self.id)], limit=1)

    def _party_member(self):
        """The active Party record of the employee this user is (sudo), or
        an empty one."""
        employee = self._party_employee()
        Member = self.env["party.member"].sudo()
        if not employee:
            return Member
        return Member.search([("employee_id", "=", employee.id)], limit=1)

    def _party_owns(self, members):
        """The members of ``members`` who are this user (sudo): the member's
        employee is one of the user's employees, or the member acts as the
        user. Deciding "own" by the employee too keeps an officer from
        deciding on their own record by clearing the member's user."""
        self.ensure_one()
        employees = self.sudo().with_context(active_test=False).employee_ids
        return members.sudo().filtered(
            lambda member: member.user_id == self or member.employee_id in employees
        )

    def _party_link_employees(self):
        """Bind each portal user to the employee whose work contact is their
        partner (the contact their access was granted on), when that employee
        has no user yet and works in one of the user's companies: the record
        rules, which all follow ``user_id``, then recognise them. Called when
        portal access is granted, never while serving a page."""
        for user in self.sudo().filtered("share"):
            employee = (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [
                        ("user_id", "=", False),
                        ("work_contact_id", "=", user.partner_id.id),
                        ("company_id", "in", user.company_ids.ids),
                    ],
                    limit=1,
                )
            )
            if employee:
                employee.user_id = user
        return True
