from odoo import _, api, models
from odoo.exceptions import ValidationError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.constrains("user_id", "res_model", "res_id")
    def _check_anonymous_submitter(self):
        """No activity on an anonymous suggestion is created by or assigned
        to its submitter: the chatter would show their name."""
        activities = self.filtered(lambda act: act.res_model == "party.suggestion")
        if not activities:
            return
        items = self.env["party.suggestion"].sudo().browse(activities.mapped("res_id"))
        submitters = {
            item.id: item.submitter_id.user_id for item in items if item.is_anonymous
        }
        for activity in activities.sudo():
            user = submitters.get(activity.res_id)
            if user and user in (activity.user_id | activity.create_uid):
                raise ValidationError(
                    _(
                        "This suggestion is anonymous: no activity on it may "
                        "be created by or assigned to the employee who raised it."
                    )
                )
