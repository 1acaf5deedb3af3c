# Views and actions written for Odoo 18.0 and later, told to 17.0 as they are
# loaded (see lib/series_views.py and docs/series.md). On 18.0 and later these
# overrides pass everything through untouched.
from odoo import api, models

from .. import compat
from ..lib.series_views import arch_for_series, view_mode_for_series

# Addons whose data files are written in the newest form: every addon of this
# project is named party_*.
_OWN_PREFIX = "party_"


def _own_values(data_list):
    """The values of the records in ``data_list`` that this project's data
    files load (others are left as their modules wrote them)."""
    return (
        data["values"]
        for data in data_list
        if (data.get("xml_id") or "").startswith(_OWN_PREFIX)
    )


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def _load_records(self, data_list, update=False):
        # Fields 19.0 renamed, as the data files name them (17.0 and 18.0).
        if compat.SERIES >= 19:
            for values in _own_values(data_list):
                for old, new in compat.RENAMED_FIELDS.get(self._name, {}).items():
                    if old in values:
                        values[new] = values.pop(old)
        return super()._load_records(data_list, update=update)


class IrUiView(models.Model):
    _inherit = "ir.ui.view"

    @api.model
    def _load_records(self, data_list, update=False):
        if compat.SERIES < 18:
            for values in _own_values(data_list):
                if not values.get("arch") or values.get("type") == "qweb":
                    continue
                model = (
                    values.get("model") or self.browse(values.get("inherit_id")).model
                )
                fields = self.env[model]._fields if model in self.env else {}
                values["arch"] = arch_for_series(
                    values["arch"], compat.SERIES, has_field=fields.__contains__
                )
        return super()._load_records(data_list, update=update)


class IrActionsActWindow(models.Model):
    _inherit = "ir.actions.act_window"

    @api.model
    def _load_records(self, data_list, update=False):
        for values in _own_values(data_list):
            if compat.SERIES < 19 and values.get("res_model") == "res.config.settings":
                # (settings open "inline" before 19.0, which dropped that target)
                values.setdefault("target", "inline")
            if compat.SERIES < 18 and values.get("view_mode"):
                values["view_mode"] = view_mode_for_series(
                    values["view_mode"], compat.SERIES
                )
                for command in values.get("view_ids") or ():
                    if len(command) == 3 and isinstance(command[2], dict):
                        command[2]["view_mode"] = view_mode_for_series(
                            command[2].get("view_mode"), compat.SERIES
                        )
        return super()._load_records(data_list, update=update)


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _load_records(self, data_list, update=False):
        # A 17.0 job runs as many times as numbercall says (1 by default);
        # since 18.0 every job repeats until it is archived.
        if compat.SERIES < 18:
            for values in _own_values(data_list):
                values.setdefault("numbercall", -1)
        return super()._load_records(data_list, update=update)


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model
    def _load_records(self, data_list, update=False):
        # 19.0 files a group under a privilege of an application category,
        # where earlier series file it under the category itself. Each
        # category the groups name gets its privilege (same external id,
        # suffixed _privilege).
        if compat.SERIES >= 19:
            for values in _own_values(data_list):
                if values.get("category_id"):
                    values["privilege_id"] = self._party_privilege(
                        values.pop("category_id"), update
                    ).id
        return super()._load_records(data_list, update=update)

    @api.model
    def _party_privilege(self, category_id, update):
        category = self.env["ir.module.category"].browse(category_id)
        return self.env["res.groups.privilege"]._load_records(
            [
                {
                    "xml_id": category.get_external_id()[category.id] + "_privilege",
                    "values": {
                        "name": category.name,
                        "sequence": category.sequence,
                        "category_id": category.id,
                    },
                }
            ],
            update,
        )
