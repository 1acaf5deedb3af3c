from odoo import _, fields, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    party_staff_representative = fields.Boolean(
        string="Employee Representative",
        groups="hr.group_hr_user,party_points.group_party_officer",
        help="An employee representative (职工代表) elected by the workers' "
        "congress: takes part in the measures, supervision and effect "
        "verification of the ledger's items on the employees' behalf.",
    )

    def _check_party_verifiers(self, target):
        """Refuse verifiers of ``target`` (the name of an item or key
        project) who are not employee representatives: the representatives
        verify on the employees' behalf."""
        others = self.sudo().filtered(
            lambda employee: not employee.party_staff_representative
        )
        if others:
            raise UserError(
                _(
                    "%(names)s cannot verify %(target)s: only employee "
                    "representatives verify. Name the employee representatives "
                    "who verified, or have HR mark them as representatives on "
                    "their employee form.",
                    names=", ".join(others.mapped("name")),
                    target=target,
                )
            )


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # public like the employee's job: officers without HR rights read it when
    # they pick verifiers (the employee's other fields stay private)
    party_staff_representative = fields.Boolean(
        string="Employee Representative", readonly=True
    )
