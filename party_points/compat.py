"""What differs between the Odoo series these addons run on (17.0, 18.0,
19.0), in one place.

The addons are written for the newest API. Where an older series names a
thing differently, the difference is answered here, and this is the only
module that reads ``odoo.release.version_info``; see docs/series.md.
Everything here goes when the oldest series it serves is dropped.
"""

from contextlib import ExitStack, contextmanager

from odoo import models
from odoo.release import version_info

SERIES = version_info[0]
"""The major version of the running Odoo (17, 18 or 19)."""

USER_GROUPS = "group_ids" if SERIES >= 19 else "groups_id"
"""The field of ``res.users`` holding a user's groups (renamed in 19.0)."""

RENAMED_FIELDS = (
    {
        "res.users": {"groups_id": "group_ids"},
        "res.groups": {"users": "user_ids"},
        "ir.actions.act_window": {"groups_id": "group_ids"},
        "ir.actions.server": {"groups_id": "group_ids"},
        "ir.ui.view": {"groups_id": "group_ids"},
    }
    if SERIES >= 19
    else {}
)
"""Fields renamed in 19.0, by model: old name to new name."""

PARENT_PATH = {"unaccent": False} if SERIES < 18 else {}
"""The parameters of a ``parent_path`` field (17.0 wants unaccent off)."""

HR_MIXIN = ["hr.mixin"] if SERIES >= 19 else []
"""Inherited by models with many2many fields to employees: since 19.0,
linking employees asks for read access on them (which Party users without
HR rights lack) except through ``hr.mixin``."""

LIST_VIEW = "list" if SERIES >= 18 else "tree"
"""The type of a list view, as ``get_view`` and ``ir.ui.view`` name it."""


def sql_constraints(cls):
    """Class decorator for a model declaring ``_sql_constraints``: from 19.0
    on, they become the ``models.Constraint`` attributes that series reads
    (it ignores ``_sql_constraints``)."""
    if SERIES >= 19 and "_sql_constraints" in vars(cls):
        for name, definition, message in cls._sql_constraints:
            constraint = models.Constraint(definition, message)
            setattr(cls, "_" + name, constraint)
            # (what the class statement would have called)
            constraint.__set_name__(cls, "_" + name)
        del cls._sql_constraints
    return cls


AGGREGATOR = "aggregator" if SERIES >= 18 else "group_operator"
"""The field parameter (and ``fields_get`` key) naming its aggregate."""


def aggregator(function):
    """The keyword of a field's aggregate function (``aggregator`` since
    18.0, ``group_operator`` before): ``fields.Float(**aggregator("avg"))``."""
    return {AGGREGATOR: function}


def check_access(records, operation):
    """Raise an AccessError unless the user may ``operation`` (read, write,
    create, unlink) on every record of ``records`` (on the model, for an
    empty recordset): access rights, then record rules. One call since
    18.0, two before."""
    if SERIES >= 18:
        records.check_access(operation)
    else:
        records.check_access_rights(operation)
        records.check_access_rule(operation)


def has_access_rights(model, operation):
    """Whether the user's access rights allow ``operation`` on ``model``."""
    if SERIES >= 18:
        return model.browse().has_access(operation)
    return model.check_access_rights(operation, raise_exception=False)


def xmlrpc_dumps(value):
    """``value`` as the XML-RPC endpoint answers it (tests check that what
    the actions return can go over XML-RPC). The endpoint has its own
    ``dumps`` since 18.0 (in the rpc addon since 19.0); before, it installs
    its marshaller into ``xmlrpc.client``."""
    if SERIES >= 19:
        from odoo.addons.rpc.controllers.xmlrpc import dumps
    elif SERIES >= 18:
        from odoo.addons.base.controllers.rpc import dumps
    else:
        import xmlrpc.client

        return xmlrpc.client.dumps((value,), methodresponse=1, allow_none=False)
    return dumps((value,))


def web_read_group(model, domain, fnames, groupby):
    """The groups the list view asks for when grouped by ``groupby`` and
    showing ``fnames``, keyed by field name: before 19.0 the client names
    the fields and the server aggregates those that declare an aggregate;
    since 19.0 it asks for ``field:aggregate`` of those fields only."""
    if SERIES < 19:
        return model.web_read_group(domain, fnames, groupby)["groups"]
    aggregates = [
        f"{name}:{model._fields[name].aggregator}"
        for name in fnames
        if model._fields[name].aggregator
    ]
    groups = model.web_read_group(domain, groupby, aggregates)["groups"]
    return [
        {key.split(":")[0]: value for key, value in group.items()} for group in groups
    ]


def portal_chatter_post(thread, body, **access):
    """The route and JSON-RPC parameters with which the portal's chatter
    posts ``body`` on ``thread`` (``access``: token, or hash and pid): its own
    route before 18.0, the mail module's since."""
    if SERIES < 18:
        return "/mail/chatter_post", {
            "res_model": thread._name,
            "res_id": thread.id,
            "message": body,
            **access,
        }
    return "/mail/message/post", {
        "thread_model": thread._name,
        "thread_id": thread.id,
        "post_data": {"body": body, "message_type": "comment"},
        **access,
    }


class _StandaloneRequests:
    """What 19.0's test cursor asks of the running test, for requests served
    in-process outside a test (the benchmark)."""

    test_cursor_lock_timeout = 60

    def assertCanOpenTestCursor(self):
        """Every in-process request may open one."""


@contextmanager
def registry_test_mode(registry, cr):
    """Requests served in-process on ``cr`` (as ``HttpCase`` serves them),
    for the benchmark's page measures, in a test or not: the registry's own
    test mode before 19.0, the test framework's patches of the registry
    since (whose cursors ask the running test, or a stand-in, for leave)."""
    if SERIES < 19:
        registry.enter_test_mode(cr)
        try:
            yield
        finally:
            registry.leave_test_mode()
        return
    from unittest.mock import patch

    from odoo.modules import module
    from odoo.tests.common import BaseCase

    with ExitStack() as stack:
        if not module.current_test:
            stack.enter_context(
                patch.object(module, "current_test", _StandaloneRequests())
            )
        else:
            stack.enter_context(
                patch.object(module.current_test, "http_request_allow_all", True)
            )
        for registry_patch in BaseCase._registry_test_mode_patches(
            cr=cr, registry=registry
        ):
            stack.enter_context(registry_patch)
        yield
