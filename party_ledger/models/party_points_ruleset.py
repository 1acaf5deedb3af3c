from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PartyPointsRuleset(models.Model):
    _inherit = "party.points.ruleset"

    serving_rule_id = fields.Many2one(
        "party.points.rule",
        string="Serving-the-People Rule",
        domain="[('ruleset_id', '=', id), ('list_type', '=', 'positive')]",
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="When a suggestion closes with satisfied or better feedback and "
        "its responsible person is a Party member, that member receives an "
        "entry on this rule, submitted for approval.",
    )

    wish_rule_id = fields.Many2one(
        "party.points.rule",
        domain="[('ruleset_id', '=', id), ('list_type', '=', 'positive')]",
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="When an employee confirms a claimed wish fulfilled with "
        "satisfied or better, the Party member who claimed it receives an "
        "entry on this rule, submitted for approval.",
    )

    @api.constrains("serving_rule_id")
    def _check_serving_rule(self):
        for ruleset in self.filtered("serving_rule_id"):
            rule = ruleset.serving_rule_id
            if rule.ruleset_id != ruleset or rule.list_type != "positive":
                raise ValidationError(
                    _(
                        "The serving-the-people rule must be a positive-list "
                        "rule of the rule book %(ruleset)s.",
                        ruleset=ruleset.name,
                    )
                )

    @api.constrains("wish_rule_id")
    def _check_wish_rule(self):
        for ruleset in self.filtered("wish_rule_id"):
            rule = ruleset.wish_rule_id
            if rule.ruleset_id != ruleset or rule.list_type != "positive":
                raise ValidationError(
                    _(
                        "The wish rule must be a positive-list rule of the "
                        "rule book %(ruleset)s.",
                        ruleset=ruleset.name,
                    )
                )
