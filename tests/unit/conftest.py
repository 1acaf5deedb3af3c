"""Plain-Python tests: no Odoo, no database.

The domain rules live in ``<addon>/lib/*.py`` and import nothing from Odoo;
``load_lib`` loads such a file on its own, without running the addon's
``__init__`` (which needs Odoo).
"""

import importlib
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_lib(addon, name, folder="lib"):
    """``<addon>/<folder>/<name>.py`` loaded without running the addon's
    ``__init__`` (``folder="tests"`` for the plain-Python oracles the
    addon's tests share). The folder becomes a package of its own, without
    running its ``__init__`` either, so that its modules import each other
    (``from .scoring import ...``)."""
    package = f"_plain_{addon}_{folder}"
    if package not in sys.modules:
        module = types.ModuleType(package)
        module.__path__ = [str(ROOT / addon / folder)]
        sys.modules[package] = module
    return importlib.import_module(f"{package}.{name}")


@pytest.fixture(scope="session")
def root():
    return ROOT
