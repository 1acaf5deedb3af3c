from odoo import http
from odoo.http import request

from .export import parse_ids, xlsx_response


class PartyAssessmentExportController(http.Controller):
    @http.route("/party_points/assessment/export", type="http", auth="user")
    def party_assessment_export(self, assessment_id=None, branch_ids=None):
        """Stream an assessment's ledger and 公示 sheet; the lines are
        scoped as the user (record rules, companies, the branches they work)
        before anything is read as superuser, whatever the URL names."""
        env = request.env
        filename, content = env["party.points.assessment.xlsx"]._assessment_file(
            env["party.points.assessment"].browse(parse_ids(assessment_id)[:1]),
            env["party.branch"].browse(parse_ids(branch_ids)),
        )
        return xlsx_response(filename, content)
