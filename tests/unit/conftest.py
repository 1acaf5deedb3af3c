"""Plain-Python tests: no Odoo, no database.

The domain rules live in ``<addon>/lib/*.py`` and import nothing from Odoo;
``load_lib`` loads such a file on its own, without running the addon's
``__init__`` (which needs Odoo).
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_lib(addon, name, folder="lib"):
    """``<addon>/<folder>/<name>.py`` loaded on its own (``folder="tests"``
    for the plain-Python oracles the addon's tests share)."""
    module_name = f"_plain_{addon}_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    path = ROOT / addon / folder / f"{name}.py"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def root():
    return ROOT
