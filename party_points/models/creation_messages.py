"""The chatter line logged when a record is created, as one translated
sentence per model.

Odoo's own line splices the model's description into "%s created": records
created before the module's translations are loaded (the demo data, at
install) then read "Points Entry 创建". These sentences come from the code
translations, available at any time."""

from odoo import _, models


class PartyBranch(models.Model):
    _inherit = "party.branch"

    def _creation_message(self):
        return _("Party organisation created")


class PartyMember(models.Model):
    _inherit = "party.member"

    def _creation_message(self):
        return _("Party member record created")


class PartyPointsRuleset(models.Model):
    _inherit = "party.points.ruleset"

    def _creation_message(self):
        return _("Rule book created")


class PartyPointsPeriod(models.Model):
    _inherit = "party.points.period"

    def _creation_message(self):
        return _("Points period created")


class PartyPointsEntry(models.Model):
    _inherit = "party.points.entry"

    def _creation_message(self):
        return _("Points entry created")


class PartyPointsExemption(models.Model):
    _inherit = "party.points.exemption"

    def _creation_message(self):
        return _("Exemption created")
