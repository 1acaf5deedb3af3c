"""View architectures written for the newest Odoo series, told to older ones.

The addons' views are written as Odoo 18.0 and later read them: ``<list>``
views, a ``<chatter/>`` element, kanban cards (``t-name="card"``) and
``list`` in an action's view modes. Odoo 17.0 knows none of these, so, when
the addons are installed on 17.0, every view and action they load passes
through :func:`arch_for_series` and :func:`view_mode_for_series` first (see
``models/series_compat.py``). On 18.0 and later both return what they are
given.

Plain functions on strings: no Odoo import, unit-tested with pytest.
"""

import re

from lxml import etree

NEWEST_FORM = 18
"""The first series that reads the views as written."""

# A location step naming a list view in an XPath ("//list", "form/list[1]").
_LIST_STEP = re.compile(r"(?<=/)list(?=[\[/]|$)")
_CHATTER_FIELDS = ("message_follower_ids", "activity_ids", "message_ids")


def view_mode_for_series(view_mode, series):
    """An action's ``view_mode`` ("list,form") as ``series`` names it."""
    if series >= NEWEST_FORM or not view_mode:
        return view_mode
    return ",".join(
        "tree" if mode.strip() == "list" else mode.strip()
        for mode in view_mode.split(",")
    )


def _chatter_for_17(node, has_field):
    div = etree.Element("div", {"class": "oe_chatter"})
    for name in _CHATTER_FIELDS:
        if has_field(name):
            etree.SubElement(div, "field", {"name": name})
    div.tail = node.tail
    node.getparent().replace(node, div)


def _card_for_17(template):
    """A kanban card (18.0) as a 17.0 ``kanban-box`` whose whole surface
    opens the record, as a card does."""
    template.set("t-name", "kanban-box")
    box = etree.Element("div", {"class": "oe_kanban_global_click"})
    box.text, template.text = template.text, None
    for child in list(template):
        box.append(child)
    template.append(box)


def arch_for_series(arch, series, has_field=lambda name: True):
    """A view's architecture (a string) as ``series`` reads it.

    ``has_field(name)`` tells whether the view's model has a field: a 17.0
    chatter names the activities only on models that have them."""
    if series >= NEWEST_FORM or not arch or not arch.strip():
        return arch
    root = etree.fromstring(arch.encode())
    changed = False
    for node in root.iter("list"):
        node.tag = "tree"
        changed = True
    for node in root.iter("xpath"):
        expr = _LIST_STEP.sub("tree", node.get("expr", ""))
        if expr != node.get("expr", ""):
            node.set("expr", expr)
            changed = True
    for node in list(root.iter("chatter")):
        _chatter_for_17(node, has_field)
        changed = True
    for template in root.iter("t"):
        if template.get("t-name") == "card":
            _card_for_17(template)
            changed = True
    if not changed:
        return arch
    return etree.tostring(root, encoding="unicode")
