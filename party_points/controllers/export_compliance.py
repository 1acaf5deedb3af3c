from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from ..lib import validation
from .export import parse_ids, xlsx_response


class PartyMeetingComplianceExportController(http.Controller):
    @http.route("/party_points/meeting_compliance/export", type="http", auth="user")
    def party_meeting_compliance_export(self, year=None, branch_ids=None):
        """Stream a year's meeting compliance; the report reads as the user
        (its record rules apply), whatever the URL names."""
        try:
            year = validation.check_integer(year, 2000, 2100)
        except validation.InputError as error:
            raise BadRequest() from error
        env = request.env
        filename, content = env["party.meeting.compliance.xlsx"]._compliance_file(
            year, env["party.branch"].browse(parse_ids(branch_ids))
        )
        return xlsx_response(filename, content)
