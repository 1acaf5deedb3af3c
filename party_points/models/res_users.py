from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _party_member(self):
        """The active Party record this user acts as (sudo), or an empty one."""
        self.ensure_one()
        return (
            self.env["party.member"].sudo().search([("user_id", "=", self.id)], limit=1)
        )

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
