from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    party_branch_id = fields.Many2one(
        "party.branch",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        groups="party_points.group_party_user",
        help="The Party branch that serves this department: its employees "
        "who are not Party members rate this branch in the half-year staff "
        "rating. A sub-department without a branch of its own follows its "
        "parent department.",
    )

    def _party_staff_branch(self):
        """The branch serving this department (sudo): its own, else the
        nearest parent department's, else an empty record."""
        self.ensure_one()
        department = self.sudo()
        while department and not department.party_branch_id:
            department = department.parent_id
        return department.party_branch_id
