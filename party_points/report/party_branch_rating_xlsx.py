"""The star ratings as an Excel file: the plant's table (one row per branch
and year) and every criterion with the figure that decided it, as
``party.branch.rating._export_rows`` returns them (party_xlsx.py layout)."""

from odoo import _, api, models

from ..lib import star_rating
from .party_xlsx import LedgerWorkbook


class PartyBranchRatingXlsx(models.AbstractModel):
    _name = "party.branch.rating.xlsx"
    _description = "Star Rating Excel File"

    @api.model
    def _rating_file(self, ratings):
        """``(filename, bytes)`` of ``ratings``, read as the user."""
        data = ratings._export_rows()
        company = self.env.company
        book = LedgerWorkbook(company.name)
        columns = [
            (_("No."), 6, "int"),
            (_("Branch"), 28, "text"),
            (_("Year"), 7, "center"),
            *[
                (_("%(class)s (met)", **{"class": name}), 11, "center")
                for name in data["classes"]
            ],
            *[
                (_("%(level)s-Star Hard Criteria Met", level=level), 11, "center")
                for level in star_rating.LEVELS
            ],
            (_("Proposed"), 10, "center"),
            (_("Final"), 10, "center"),
            (_("Change"), 10, "center"),
            (_("Status"), 10, "center"),
        ]
        sheet = book.add_sheet(
            _("Star Ratings"),
            _("Star Rating of Branches"),
            _("Organisation: %(name)s", name=company.name),
            columns,
        )
        for number, (branch, year, per_class, per_level, *rest) in enumerate(
            data["ratings"], start=1
        ):
            sheet.write_row(
                [
                    number,
                    branch,
                    str(year),
                    *[f"{met}/{count}" for met, count in per_class],
                    *[f"{met}/{needed}" for met, needed in per_level],
                    *rest,
                ]
            )
        sheet.add_filter()
        detail = book.add_sheet(
            _("Criteria"),
            _("Star Rating Criteria by Branch"),
            _("Organisation: %(name)s", name=company.name),
            [
                (_("No."), 6, "int"),
                (_("Branch"), 28, "text"),
                (_("Year"), 7, "center"),
                (_("Class"), 14, "text"),
                (_("From Level"), 12, "center"),
                (_("Kind"), 8, "center"),
                (_("Criterion"), 40, "text"),
                (_("Checked By"), 16, "text"),
                (_("Met"), 6, "center"),
                (_("Figure"), 36, "text"),
                (_("Evidence"), 12, "center"),
            ],
        )
        for number, (branch, year, *rest) in enumerate(data["criteria"], start=1):
            detail.write_row([number, branch, str(year), *rest])
        detail.add_filter()
        return _("Star Ratings.xlsx"), book.close()
