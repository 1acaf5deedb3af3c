from werkzeug.exceptions import BadRequest

from odoo import fields, http
from odoo.http import request

from odoo.addons.party_points.controllers.export import parse_ids, xlsx_response


class PartyLedgerExportController(http.Controller):
    @http.route("/party_ledger/export/suggestions", type="http", auth="user")
    def party_ledger_export(self, date_from=None, date_to=None, branch_ids=None):
        """Stream the suggestion ledger; access is checked again here,
        whatever the URL names."""
        try:
            date_from = fields.Date.to_date(date_from)
            date_to = fields.Date.to_date(date_to)
        except ValueError as error:
            raise BadRequest() from error
        env = request.env
        filename, content = env["party.suggestion.export"]._export_file(
            date_from, date_to, env["party.branch"].browse(parse_ids(branch_ids))
        )
        return xlsx_response(filename, content)
