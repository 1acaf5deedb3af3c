"""The addons are installable Odoo 17.0 addons with the layout OCA expects."""

import ast
import csv
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
ADDONS = ["party_points", "party_ledger"]


def manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text("utf-8"))


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_basics(addon):
    data = manifest(addon)
    # no series prefix: Odoo puts the series it is installed on in front
    # (17.0.1.0.0 on 17.0, 19.0.1.0.0 on 19.0), see docs/series.md
    assert len(data["version"].split(".")) == 3
    assert data["license"] == "LGPL-3"
    assert data.get("installable", True) is True


def test_dependencies():
    assert set(manifest("party_points")["depends"]) == {"hr", "mail", "portal"}
    assert manifest("party_ledger")["depends"] == ["party_points"]


@pytest.mark.parametrize("addon", ADDONS)
def test_layout(addon):
    base = ROOT / addon
    for part in (
        "__init__.py",
        "README.rst",
        "readme/DESCRIPTION.md",
        "static/description/icon.png",
        "i18n/zh_CN.po",
        f"i18n/{addon}.pot",
        "tests/__init__.py",
    ):
        assert (base / part).exists(), f"{addon}/{part} is missing"


@pytest.mark.parametrize("addon", ADDONS)
def test_listed_files_exist_and_parse(addon):
    data = manifest(addon)
    for key in ("data", "demo"):
        for rel in data.get(key, []):
            path = ROOT / addon / rel
            assert path.is_file(), f"{addon} lists {rel}, which does not exist"
            if path.suffix == ".xml":
                etree.parse(str(path))
            elif path.suffix == ".csv":
                rows = list(csv.reader(path.open(encoding="utf-8")))
                assert rows and all(len(r) == len(rows[0]) for r in rows), rel


@pytest.mark.parametrize("addon", ADDONS)
def test_every_data_file_is_listed(addon):
    """A view or data file nobody loads is dead code."""
    data = manifest(addon)
    listed = set(data.get("data", [])) | set(data.get("demo", []))
    for folder in ("views", "security", "data", "demo", "wizard", "report"):
        for path in (ROOT / addon / folder).glob("*.*"):
            if path.suffix in (".xml", ".csv"):
                rel = str(path.relative_to(ROOT / addon))
                assert rel in listed, f"{addon}/{rel} is not in the manifest"
