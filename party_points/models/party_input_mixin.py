from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..lib import validation
from ..lib.validation import InputError

# The field types checked before anything is stored, and how.
_CHECKS = {
    "float": validation.to_number,
    "monetary": validation.to_number,
    "integer": validation.check_integer,
    "date": validation.parse_datetime,
    "datetime": validation.parse_datetime,
}
# Longest value echoed back in a message.
_ECHO = 40


class PartyInputMixin(models.AbstractModel):
    """What every Party document does with the values it is given, whatever
    the path (forms, the portal, XML-RPC and JSON-RPC, imports): numbers are
    finite numbers, dates are whole dates in a plausible range (no trailing
    text cut away silently), texts have a length limit. Checked on the
    values of ``create``/``write`` before anything is stored or computed;
    the models add their own bounds as constraints."""

    _name = "party.input.mixin"
    _description = "Party Input Checks"

    # Longest text per field name; otherwise a line for Char fields and
    # validation.MAX_TEXT for Text and Html fields.
    _party_text_limits = {}
    # The model's own bounds: field name -> a check of lib.validation that
    # returns the value or raises InputError. Applied to the values given
    # and, by the models' constraints, to what is stored.
    _party_number_checks = {}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._party_check_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._party_check_values(vals)
        return super().write(vals)

    @api.model
    def load(self, fields, data):
        """Imports: a date cell with trailing text is refused here, before
        the import converter cuts it to its first ten characters."""
        for column, path in enumerate(fields):
            field = self._fields.get(path)
            if field is None or field.type not in ("date", "datetime"):
                continue
            for row, cells in enumerate(data):
                cell = cells[column] if column < len(cells) else False
                if not cell:
                    continue
                try:
                    validation.parse_datetime(cell)
                except InputError as error:
                    return {
                        "ids": False,
                        "messages": [
                            {
                                "type": "error",
                                "message": self._party_input_message(error, field),
                                "record": row,
                                "rows": {"from": row, "to": row},
                                "field": path,
                            }
                        ],
                    }
        return super().load(fields, data)

    @api.model
    def _party_text_limit(self, field):
        if field.name in self._party_text_limits:
            return self._party_text_limits[field.name]
        if field.type == "char":
            return validation.MAX_LINE
        if field.type in ("text", "html"):
            return validation.MAX_TEXT
        return None

    @api.model
    def _party_check_values(self, vals):
        """Raise a ValidationError naming the first value of ``vals`` that
        is no finite number, no plausible date or too long a text."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is None or value is False or value == "":
                continue
            try:
                if name in self._party_number_checks:
                    self._party_number_checks[name](value)
                elif field.type in _CHECKS:
                    _CHECKS[field.type](value)
                elif isinstance(value, str):
                    limit = self._party_text_limit(field)
                    if limit:
                        validation.check_text(value, limit)
            except InputError as error:
                raise ValidationError(
                    self._party_input_message(error, field)
                ) from error

    def _party_check_numbers(self):
        """Constraint helper: raise a ValidationError unless every stored
        value of :attr:`_party_number_checks` passes its check."""
        for record in self:
            for name, check in self._party_number_checks.items():
                try:
                    check(record[name])
                except InputError as error:
                    raise ValidationError(
                        self._party_input_message(error, self._fields[name])
                    ) from error

    @api.model
    def _party_input_message(self, error, field=None, label=None):
        """The sentence a branch secretary reads for a refused value;
        ``field`` (or ``label``) names what was refused."""
        if label is None:
            label = field._description_string(self.env) if field else _("The value")
        params = dict(error.params)
        value = params.get("value")
        if isinstance(value, str) and len(value) > _ECHO:
            params["value"] = value[:_ECHO] + "…"
        code = error.code
        if code == "not_a_number":
            return _(
                "%(field)s must be a number; “%(value)s” is not one.",
                field=label,
                value=params["value"],
            )
        if code == "not_an_integer":
            return _(
                "%(field)s must be a whole number; “%(value)s” is not one.",
                field=label,
                value=params["value"],
            )
        if code == "not_positive":
            return _("%(field)s must be above 0.", field=label)
        if code == "out_of_bounds":
            return _(
                "%(field)s must lie between %(low)s and %(high)s; %(value)s is "
                "outside that range.",
                field=label,
                low=params["low"],
                high=params["high"],
                value=params["value"],
            )
        if code == "too_long":
            return _(
                "%(field)s is too long: %(length)s characters, at most "
                "%(limit)s are allowed.",
                field=label,
                length=params["length"],
                limit=params["limit"],
            )
        if code == "bad_date":
            return _(
                "%(field)s: “%(value)s” is not a date. Write it as "
                "YYYY-MM-DD, for example 2031-02-10.",
                field=label,
                value=params["value"],
            )
        if code == "date_out_of_range":
            return _(
                "%(field)s: %(value)s is not a plausible date; dates run from "
                "%(low)s to %(high)s.",
                field=label,
                value=params["value"],
                low=params["low"],
                high=params["high"],
            )
        if code == "bad_type":
            return _(
                "%(file)s is not a photo (JPEG, PNG, GIF, WebP) or a PDF document.",
                file=params["filename"],
            )
        if code == "wrong_extension":
            return _(
                "%(file)s is a %(type)s file, but its name ends in "
                "%(extension)s: rename it to end in %(expected)s and send it "
                "again.",
                file=params["filename"],
                type=params["mimetype"],
                extension=params["extension"],
                expected=params["expected"],
            )
        return _("%(field)s: this value is not accepted.", field=label)
