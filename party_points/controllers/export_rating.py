from odoo import http
from odoo.http import request

from .export import parse_ids, xlsx_response


class PartyBranchRatingExportController(http.Controller):
    @http.route("/party_points/branch_rating/export", type="http", auth="user")
    def party_branch_rating_export(self, ids=None):
        """Stream the named star ratings, read as the user: a rating the
        user may not read refuses the whole file."""
        env = request.env
        ratings = env["party.branch.rating"].browse(parse_ids(ids))
        filename, content = env["party.branch.rating.xlsx"]._rating_file(ratings)
        return xlsx_response(filename, content)
