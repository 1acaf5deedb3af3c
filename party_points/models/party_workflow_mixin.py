from odoo import _, api, models
from odoo.exceptions import UserError

# A Python object no RPC call can put in a context (a context travels as
# JSON or XML-RPC data): proof that a write comes from a workflow method.
_WORKFLOW = object()
_WORKFLOW_KEY = "party_workflow_seal"


class PartyWorkflowSealMixin(models.AbstractModel):
    """The seal of a workflow document: the fields in ``_sealed_fields``
    (its state, approval, verification, scores...) are written only by its
    workflow methods, through :meth:`_workflow_write` or
    :meth:`_workflow_env`. Anyone else, the superuser included, may send
    them on ``create`` only at their starting values (empty, or the field's
    default, as the web form sends them) and never on ``write``.

    Optionally, the fields in ``_locked_fields`` no longer change once a
    record is in one of the ``_locked_states``.

    A model using the seal declares its fields and a whole sentence for each
    refusal (:meth:`_seal_refusal`, :meth:`_lock_refusal`)."""

    _name = "party.workflow.seal.mixin"
    _description = "Sealed Workflow Document"

    # Written only by the workflow methods.
    _sealed_fields = frozenset()
    # Never changed, by anyone, once the record is in a locked state.
    _locked_fields = frozenset()
    _locked_states = ()

    # -- to override ------------------------------------------------------------

    def _seal_refusal(self, fnames, creating=False):
        """The message refusing sealed ``fnames`` set on a new record
        (``creating``) or written on an existing one."""
        return _(
            "%(document)s changes its state and its decisions only through its "
            "buttons.",
            document=self._description,
        )

    def _lock_refusal(self, records):
        """The message refusing a change of locked fields of ``records``."""
        return _(
            "%(document)s %(record)s is closed: its record cannot be changed.",
            document=self._description,
            record=records[:1].display_name,
        )

    # -- the marker -------------------------------------------------------------

    def _is_workflow(self):
        """Whether sealed fields may be written here: by the workflow
        methods (the marker), or by a module's data files while the registry
        loads (demo ledgers in every state; no RPC reaches a registry that
        is still loading, Odoo holds the registry lock meanwhile)."""
        return self.env.context.get(_WORKFLOW_KEY) is _WORKFLOW or bool(
            not self.env.registry.ready and self.env.context.get("install_filename")
        )

    def _workflow_env(self, sudo=True):
        """``self`` with the marker that lets sealed fields be written: the
        one way workflow methods create and write them. As superuser unless
        ``sudo`` is False (then the user's access rights and record rules
        still apply)."""
        records = self.sudo() if sudo else self
        return records.with_context(**{_WORKFLOW_KEY: _WORKFLOW})

    def _workflow_write(self, vals, sudo=True):
        return self._workflow_env(sudo=sudo).write(vals)

    # -- the checks -------------------------------------------------------------

    def _seal_at_rest(self, fname, value):
        """Whether ``value`` is the starting value of sealed field ``fname``:
        empty, or the field's default (a form sends these on create)."""
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            # x2many commands that set nothing: [], [(6, 0, [])], [(5,)]
            return all(
                isinstance(command, (list, tuple))
                and (command[0] == 5 or (command[0] == 6 and not command[2]))
                for command in value or ()
            )
        if not value:
            return True
        default = field.default(self) if field.default else False
        return value == default

    def _sealed_in(self, vals):
        """The sealed fields ``vals`` sets away from their starting values."""
        return {
            fname
            for fname in self._sealed_fields.intersection(vals)
            if not self._seal_at_rest(fname, vals[fname])
        }

    def _check_seal_write(self, vals):
        if self._is_workflow():
            return
        forged = self._sealed_fields.intersection(vals)
        if forged:
            raise UserError(self._seal_refusal(forged))
        if self._locked_fields.intersection(vals):
            locked = self.filtered(lambda record: record.state in self._locked_states)
            if locked:
                raise UserError(self._lock_refusal(locked))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_workflow():
            for vals in vals_list:
                forged = self._sealed_in(vals)
                if forged:
                    raise UserError(self._seal_refusal(forged, creating=True))
                # A computed field given a value on create keeps it instead
                # of computing it: those at rest are computed instead.
                for fname in self._sealed_fields.intersection(vals):
                    if self._fields[fname].compute:
                        del vals[fname]
        return super().create(vals_list)

    def write(self, vals):
        self._check_seal_write(vals)
        return super().write(vals)
