from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.party_points import compat


class PartyZone(models.Model):
    """A Party member responsibility zone (党员责任区): the dual link ties a
    branch committee member to the zone's member representative, and the
    representative to the employees of the teams the zone covers."""

    _name = "party.zone"
    _description = "Party Responsibility Zone"
    _inherit = ["mail.thread", "party.input.mixin"] + compat.HR_MIXIN
    _order = "branch_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    branch_id = fields.Many2one(
        "party.branch",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    representative_id = fields.Many2one(
        "party.member",
        string="Member Representative",
        index=True,
        tracking=True,
        check_company=True,
        help="The Party member who represents this zone and collects its "
        "employees' suggestions.",
    )
    representative_user_id = fields.Many2one(
        related="representative_id.user_id", string="Representative User"
    )
    committee_member_id = fields.Many2one(
        "party.member",
        string="Linked Committee Member",
        index=True,
        tracking=True,
        check_company=True,
        help="The branch committee member linked to the representative.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "party_zone_employee_rel",
        "zone_id",
        "employee_id",
        string="Employees",
        check_company=True,
        help="The employees of the teams the zone covers.",
    )
    employee_count = fields.Integer(compute="_compute_counts")
    suggestion_ids = fields.One2many("party.suggestion", "zone_id")
    suggestion_count = fields.Integer(compute="_compute_counts")
    company_id = fields.Many2one(
        related="branch_id.company_id", store=True, index=True, string="Company"
    )
    active = fields.Boolean(default=True)

    def _creation_message(self):
        # one translated sentence, not "%s created" around the
        # model's description (untranslated while demo data loads)
        return _("Responsibility zone created")

    @api.model_create_multi
    def create(self, vals_list):
        branch_ids = {vals["branch_id"] for vals in vals_list if vals.get("branch_id")}
        self.env["party.branch"].browse(branch_ids)._check_user_works_here()
        return super().create(vals_list)

    def write(self, vals):
        """Officers move a zone only between branches they work (the record
        rules already keep them to their own branches' zones)."""
        if vals.get("branch_id"):
            self.env["party.branch"].browse(vals["branch_id"])._check_user_works_here()
        return super().write(vals)

    @api.depends("employee_ids")
    def _compute_counts(self):
        counts = dict(
            self.env["party.suggestion"]._read_group(
                [("zone_id", "in", self.ids)], ["zone_id"], ["__count"]
            )
        )
        for zone in self:
            zone.employee_count = len(zone.employee_ids)
            zone.suggestion_count = counts.get(zone, 0)

    @api.constrains("representative_id", "committee_member_id", "branch_id")
    def _check_dual_link(self):
        for zone in self.sudo():
            if (
                zone.committee_member_id
                and zone.committee_member_id == zone.representative_id
            ):
                raise ValidationError(
                    _(
                        "In zone %(zone)s the representative and the linked "
                        "committee member must be two different people.",
                        zone=zone.name,
                    )
                )
            committee = (
                zone.branch_id.committee_member_ids | zone.branch_id.secretary_id
            )
            member = zone.committee_member_id
            if member and member.employee_id not in committee:
                raise ValidationError(
                    _(
                        "%(member)s does not sit on the committee of %(branch)s: "
                        "the dual link ties a zone to its own branch committee.",
                        member=member.name,
                        branch=zone.branch_id.display_name,
                    )
                )

    def action_view_suggestions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_suggestion_action"
        )
        action["domain"] = [("zone_id", "=", self.id)]
        action["context"] = {
            "default_zone_id": self.id,
            "default_branch_id": self.branch_id.id,
            "default_channel": "dual_link",
        }
        return action
