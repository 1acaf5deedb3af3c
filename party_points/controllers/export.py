from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import content_disposition, request

from ..lib import validation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_ids(text):
    """Record ids from a comma-separated query parameter."""
    try:
        return [
            validation.check_integer(part, 1)
            for part in (text or "").split(",")
            if part.strip()
        ]
    except validation.InputError as error:
        raise BadRequest() from error


def xlsx_response(filename, content):
    return request.make_response(
        content,
        headers=[
            ("Content-Type", XLSX),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )


class PartyPointsExportController(http.Controller):
    @http.route("/party_points/export/<string:kind>", type="http", auth="user")
    def party_points_export(
        self, kind, period_id=None, branch_ids=None, member_id=None
    ):
        """Stream a points ledger; access is checked again here, whatever
        the URL names."""
        env = request.env
        filename, content = env["party.points.export"]._export_file(
            kind,
            env["party.points.period"].browse(parse_ids(period_id)[:1]),
            env["party.branch"].browse(parse_ids(branch_ids)),
            env["party.member"].browse(parse_ids(member_id)[:1]),
        )
        return xlsx_response(filename, content)
