from odoo import models


class PortalWizardUser(models.TransientModel):
    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        """Granting portal access on an employee's work contact also binds
        the new portal user to that employee (see
        :meth:`res.users._party_link_employees`)."""
        result = super().action_grant_access()
        self.user_id._party_link_employees()
        return result
