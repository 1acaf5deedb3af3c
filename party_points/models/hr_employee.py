from odoo import Command, api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    party_member_ids = fields.One2many(
        "party.member",
        "employee_id",
        string="Party Records",
        groups="party_points.group_party_officer",
    )
    party_member_id = fields.Many2one(
        "party.member",
        string="Party Record",
        compute="_compute_party_member_id",
        groups="party_points.group_party_officer",
    )

    @api.depends("party_member_ids.active")
    def _compute_party_member_id(self):
        for employee in self:
            employee.party_member_id = employee.party_member_ids[:1]

    def action_open_party_member(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_member_action"
        )
        if self.party_member_id:
            action.update(
                res_id=self.party_member_id.id,
                view_mode="form",
                views=[(False, "form")],
            )
        else:
            action.update(
                views=[(False, "form")],
                view_mode="form",
                context={"default_employee_id": self.id},
            )
        return action

    def action_grant_portal(self):
        """Open the standard portal access wizard on the employee's work
        contact: the portal user it creates (and invites by email) sees the
        employee's suggestions and, for a member, their points and claims
        on /my."""
        self.ensure_one()
        employee = self.sudo()
        if not employee.work_contact_id:
            employee._create_work_contacts()
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [Command.set(employee.work_contact_id.ids)]}
        )
        return wizard._action_open_modal()

    @api.model
    def _party_demo_archive_sample_employees(self):
        """Demo data only: archive the sample employees of Odoo's HR demo
        (Abigail Peterson, Marc Demo...), which no plant has, so that the
        pickers offer the demo plant's people. The administrator's employee
        stays (renamed by the demo data)."""
        sample = self.env["ir.model.data"].search(
            [
                ("module", "=", "hr"),
                ("model", "=", "hr.employee"),
                ("name", "!=", "employee_admin"),
            ]
        )
        self.browse(sample.mapped("res_id")).exists().action_archive()
        return True
