from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PartySuggestionTag(models.Model):
    _name = "party.suggestion.tag"
    _inherit = ["party.input.mixin"]
    _description = "Suggestion Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    @api.constrains("name")
    def _check_name_unique(self):
        # Not a SQL unique: the translated name is a JSON column of all its
        # languages, where two tags named alike in one language still differ.
        # Checked in the language the name is written in, archived tags too.
        Tag = self.with_context(active_test=False)
        for tag in self:
            if Tag.search_count(
                [("name", "=", tag.name), ("id", "!=", tag.id)], limit=1
            ):
                raise ValidationError(_("A tag with this name already exists."))
