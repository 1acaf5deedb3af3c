"""A ledger workbook in the layout superiors ask for: a title row, a line
naming the organisation and the period, a frozen header with filters, totals,
A4 landscape with the header repeated on every printed page.

Written with xlsxwriter in constant-memory mode into a memory buffer:
rows go out one by one, in order, and nothing is left on disk."""

import io

import xlsxwriter

from ..lib import xlsx_layout

# number formats by column kind
FORMATS = {
    "text": {},
    "wrap": {"text_wrap": True},
    "int": {"num_format": "0", "align": "center"},
    "points": {"num_format": "0.00;-0.00;0.00"},
    "percent": {"num_format": '0.0"%"'},
    "date": {"num_format": "yyyy-mm-dd", "align": "center"},
    "datetime": {"num_format": "yyyy-mm-dd hh:mm", "align": "center"},
    "center": {"align": "center"},
}
BASE = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter"}
A4 = 9


class LedgerWorkbook:
    def __init__(self, author=""):
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self.buffer, {"constant_memory": True, "default_date_format": "yyyy-mm-dd"}
        )
        self.book.set_properties({"author": author, "company": author})
        self.formats = {}
        for kind, spec in FORMATS.items():
            self.formats[kind] = self.book.add_format(dict(BASE, **spec))
            self.formats[f"{kind}_total"] = self.book.add_format(
                dict(BASE, bold=True, bg_color="#F2F2F2", **spec)
            )
        self.formats["title"] = self.book.add_format(
            {"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}
        )
        self.formats["subtitle"] = self.book.add_format(
            {"font_name": "宋体", "font_size": 10}
        )
        self.formats["header"] = self.book.add_format(
            dict(
                BASE,
                bold=True,
                align="center",
                text_wrap=True,
                bg_color="#D9E1F2",
            )
        )
        self.sheet_names = set()

    def add_sheet(self, name, title, subtitle, columns):
        """A sheet whose columns are ``[(header, width, kind)]``."""
        name = xlsx_layout.sheet_name(name, self.sheet_names)
        self.sheet_names.add(name)
        return LedgerSheet(
            self, self.book.add_worksheet(name), title, subtitle, columns
        )

    def close(self):
        """The finished file's bytes."""
        self.book.close()
        return self.buffer.getvalue()


class LedgerSheet:
    HEADER_ROW = 2

    def __init__(self, workbook, sheet, title, subtitle, columns):
        self.workbook = workbook
        self.sheet = sheet
        self.columns = columns
        self.row = self.HEADER_ROW + 1
        formats = workbook.formats
        # each column's cell formats, looked up once: rows are many
        self.formats = [formats[kind] for _header, _width, kind in columns]
        self.total_formats = [
            formats[f"{kind}_total"] for _header, _width, kind in columns
        ]
        self.date_columns = {
            col
            for col, (_header, _width, kind) in enumerate(columns)
            if kind in ("date", "datetime")
        }
        last = len(columns) - 1
        for col, (_header, width, _kind) in enumerate(columns):
            sheet.set_column(col, col, width)
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, last, title, formats["title"])
        sheet.merge_range(1, 0, 1, last, subtitle, formats["subtitle"])
        sheet.set_row(self.HEADER_ROW, 30)
        for col, (header, _width, _kind) in enumerate(columns):
            sheet.write_string(self.HEADER_ROW, col, header, formats["header"])
        sheet.freeze_panes(self.HEADER_ROW + 1, 0)
        sheet.set_paper(A4)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.center_horizontally()
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.repeat_rows(self.HEADER_ROW)
        sheet.set_footer("&C&P / &N")

    def write_row(self, values, total=False):
        """Write the next row; ``None`` leaves a cell empty, a
        :class:`xlsx_layout.Formula` writes a formula with its value."""
        sheet, row = self.sheet, self.row
        formats = self.total_formats if total else self.formats
        for col, value in enumerate(values):
            cell_format = formats[col]
            if value is None or value is False or value == "":
                sheet.write_blank(row, col, None, cell_format)
            elif isinstance(value, str):
                sheet.write_string(row, col, value, cell_format)
            elif isinstance(value, xlsx_layout.Formula):
                if col in self.date_columns:
                    # a count of dates
                    cell_format = self.workbook.formats["int_total" if total else "int"]
                sheet.write_formula(row, col, value.text, cell_format, value.value)
            elif col in self.date_columns:
                sheet.write_datetime(row, col, value, cell_format)
            else:
                sheet.write_number(row, col, value, cell_format)
        self.row += 1

    @property
    def first_data_row(self):
        return self.HEADER_ROW + 1

    def data_range(self, col):
        """The A1 range of column ``col`` over the rows written so far."""
        return xlsx_layout.column_range(col, self.first_data_row, self.row - 1)

    def add_filter(self):
        """Filters on the header over the data rows written so far."""
        self.sheet.autofilter(
            self.HEADER_ROW,
            0,
            max(self.row - 1, self.HEADER_ROW),
            len(self.columns) - 1,
        )
