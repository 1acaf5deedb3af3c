"""The chatter line logged when a record is created, as one translated
sentence per model (see party_points/models/creation_messages.py)."""

from odoo import _, models


class PartySuggestion(models.Model):
    _inherit = "party.suggestion"

    def _creation_message(self):
        return _("Suggestion recorded")


class PartyPracticalProject(models.Model):
    _inherit = "party.practical.project"

    def _creation_message(self):
        return _("Key project created")


class PartyZone(models.Model):
    _inherit = "party.zone"

    def _creation_message(self):
        return _("Responsibility zone created")
