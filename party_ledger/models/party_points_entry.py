from odoo import api, fields, models


class PartyPointsEntry(models.Model):
    _inherit = "party.points.entry"

    origin = fields.Selection(
        selection_add=[
            ("import",),
            ("ledger", "Suggestion Ledger"),
            ("wish", "Wish List"),
        ],
        ondelete={"ledger": "set default", "wish": "set default"},
    )

    @api.model
    def _duplicate_exempt_origins(self):
        # The ledger creates one entry per satisfied item (see
        # party.suggestion._on_satisfied_feedback): two on the same day are
        # two deeds, not one recorded twice.
        # Likewise one entry per fulfilled wish (party.wish._award_points).
        return super()._duplicate_exempt_origins() | {"ledger", "wish"}
