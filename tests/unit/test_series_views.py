"""party_points/lib/series_views.py: views written for Odoo 18.0 and later,
told to 17.0."""

from pathlib import Path

from conftest import ROOT, load_lib
from lxml import etree

views = load_lib("party_points", "series_views")


def tags(arch):
    return [node.tag for node in etree.fromstring(arch.encode()).iter()]


def test_newer_series_read_the_views_as_written():
    arch = '<list><field name="name"/></list>'
    assert views.arch_for_series(arch, 18) is arch
    assert views.arch_for_series(arch, 19) is arch
    assert views.view_mode_for_series("list,form", 19) == "list,form"


def test_lists_become_trees_with_their_xpaths():
    arch = (
        '<form><field name="line_ids"><list editable="bottom">'
        '<field name="name"/></list></field></form>'
    )
    assert tags(views.arch_for_series(arch, 17)) == ["form", "field", "tree", "field"]
    inherit = (
        '<data><xpath expr="//list" position="inside"><field name="x"/></xpath></data>'
    )
    assert 'expr="//tree"' in views.arch_for_series(inherit, 17)
    # a field whose name starts with "list" is left alone
    other = (
        '<data><xpath expr="//field[@name=\'list_price\']" position="after"/></data>'
    )
    assert views.arch_for_series(other, 17) is other
    assert views.view_mode_for_series("kanban, list,form", 17) == "kanban,tree,form"


def test_chatter_names_only_the_fields_the_model_has():
    arch = "<form><sheet/><chatter/></form>"
    told = etree.fromstring(views.arch_for_series(arch, 17).encode())
    names = [field.get("name") for field in told.find("div[@class='oe_chatter']")]
    assert names == ["message_follower_ids", "activity_ids", "message_ids"]
    no_activities = views.arch_for_series(
        arch, 17, has_field=lambda name: name != "activity_ids"
    )
    assert "activity_ids" not in no_activities


def test_a_card_becomes_a_box_that_opens_the_record():
    arch = (
        '<kanban><templates><t t-name="card">title'
        '<field name="name"/><div>x</div></t></templates></kanban>'
    )
    box = etree.fromstring(views.arch_for_series(arch, 17).encode()).find(".//t")
    assert box.get("t-name") == "kanban-box"
    (div,) = box
    assert div.get("class") == "oe_kanban_global_click"
    assert div.text == "title"
    assert [child.tag for child in div] == ["field", "div"]


def test_every_view_of_the_addons_is_told_to_17():
    """Each arch in the data files parses and, told to 17.0, holds nothing
    17.0 does not know."""
    seen = 0
    for path in sorted(Path(ROOT).glob("party_*/**/*.xml")):
        for node in etree.parse(str(path)).iter("field"):
            if node.get("name") != "arch" or not len(node):
                continue
            arch = etree.tostring(node[0], encoding="unicode")
            told = views.arch_for_series(arch, 17)
            assert not {"list", "chatter"} & set(tags(told)), path
            assert 't-name="card"' not in told, path
            seen += 1
    assert seen > 40
