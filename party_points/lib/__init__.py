# Plain-Python domain rules: no Odoo import here, so that they are unit-tested
# with pytest alone (tests/unit) and called by the models.
