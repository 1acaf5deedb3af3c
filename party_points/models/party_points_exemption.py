from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import compat


@compat.sql_constraints
class PartyPointsExemption(models.Model):
    """A member excused from grading for a period (elderly, ill, away)."""

    _name = "party.points.exemption"
    _description = "Points Exemption"
    _inherit = ["mail.thread", "party.input.mixin"]
    _order = "period_id desc, member_id"
    _check_company_auto = True

    member_id = fields.Many2one(
        "party.member",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    branch_id = fields.Many2one(
        related="member_id.branch_id", store=True, index=True, string="Branch"
    )
    period_id = fields.Many2one(
        "party.points.period",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('state', '=', 'open')]",
        check_company=True,
    )
    reason = fields.Text(required=True, tracking=True)
    company_id = fields.Many2one(related="member_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "member_period_uniq",
            "unique (member_id, period_id)",
            "This member is already exempt for this period.",
        ),
    ]

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Exemption created")

    @api.constrains("period_id", "member_id", "reason")
    def _check_period_open(self):
        for exemption in self:
            if exemption.period_id.state == "closed":
                raise ValidationError(
                    _(
                        "Period %(period)s is closed: reopen it before changing "
                        "its exemptions.",
                        period=exemption.period_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        self._check_period_open()

    @api.depends("member_id", "period_id")
    def _compute_display_name(self):
        for exemption in self:
            exemption.display_name = (
                f"{exemption.member_id.name} · {exemption.period_id.name}"
            )
