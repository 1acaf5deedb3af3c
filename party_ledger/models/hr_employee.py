from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    party_staff_representative = fields.Boolean(
        string="Employee Representative",
        groups="hr.group_hr_user,party_points.group_party_officer",
        help="An employee representative (职工代表) elected by the workers' "
        "congress: takes part in the measures, supervision and effect "
        "verification of the ledger's items on the employees' behalf.",
    )


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # public like the employee's job: officers without HR rights read it when
    # they pick verifiers (the employee's other fields stay private)
    party_staff_representative = fields.Boolean(
        string="Employee Representative", readonly=True
    )
