from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _party_member(self):
        """The active Party record this user acts as (sudo), or an empty one."""
        self.ensure_one()
        return (
            self.env["party.member"].sudo().search([("user_id", "=", self.id)], limit=1)
        )
