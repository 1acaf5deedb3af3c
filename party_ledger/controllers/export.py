from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from odoo.addons.party_points.controllers.export import parse_ids, xlsx_response
from odoo.addons.party_points.lib import validation


class PartyLedgerExportController(http.Controller):
    @http.route("/party_ledger/export/suggestions", type="http", auth="user")
    def party_ledger_export(self, date_from=None, date_to=None, branch_ids=None):
        """Stream the suggestion ledger; access is checked again here,
        whatever the URL names."""
        try:
            date_from = date_from and validation.parse_date(date_from)
            date_to = date_to and validation.parse_date(date_to)
        except validation.InputError as error:
            raise BadRequest(
                request.env["party.input.mixin"]._party_input_message(error)
            ) from error
        env = request.env
        filename, content = env["party.suggestion.export"]._export_file(
            date_from, date_to, env["party.branch"].browse(parse_ids(branch_ids))
        )
        return xlsx_response(filename, content)
