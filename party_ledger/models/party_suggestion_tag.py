from odoo import fields, models

from odoo.addons.party_points import compat


@compat.sql_constraints
class PartySuggestionTag(models.Model):
    _name = "party.suggestion.tag"
    _inherit = ["party.input.mixin"]
    _description = "Suggestion Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A tag with this name already exists."),
    ]
