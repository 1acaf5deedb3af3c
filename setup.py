"""Install both addons as ``odoo.addons.party_points`` and
``odoo.addons.party_ledger`` beside an installed Odoo 17.0, 18.0 or 19.0
(``pip install .``).

Odoo finds addons installed this way by itself: ``odoo.addons`` is a namespace
that extends over every ``odoo/addons`` folder on ``sys.path``.
"""

import ast
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
ADDONS = ("party_points", "party_ledger")


def manifest(addon):
    return ast.literal_eval((HERE / addon / "__manifest__.py").read_text("utf-8"))


def addon_packages(addon):
    return [f"odoo.addons.{addon}"] + [
        f"odoo.addons.{addon}.{pkg}" for pkg in find_packages(str(HERE / addon))
    ]


def addon_dirs(addon):
    return {f"odoo.addons.{addon}": addon} | {
        f"odoo.addons.{addon}.{pkg}": f"{addon}/{pkg.replace('.', '/')}"
        for pkg in find_packages(str(HERE / addon))
    }


def addon_data(addon):
    """Every non-Python file of the addon (views, data, i18n, static, ...)."""
    root = HERE / addon
    return [
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
    ]


points = manifest("party_points")
setup(
    name="odoo-addons-party-work",
    version=points["version"],
    description="Party member points and the suggestion ledger for Odoo 17.0 to 19.0",
    long_description=(HERE / "README.md").read_text("utf-8"),
    long_description_content_type="text/markdown",
    license="LGPL-3",
    python_requires=">=3.10, <3.13",
    packages=[pkg for addon in ADDONS for pkg in addon_packages(addon)],
    package_dir={k: v for addon in ADDONS for k, v in addon_dirs(addon).items()},
    package_data={f"odoo.addons.{addon}": addon_data(addon) for addon in ADDONS},
    include_package_data=False,
    zip_safe=False,
    classifiers=[
        "Framework :: Odoo",
        "Framework :: Odoo :: 17.0",
        "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
        "Programming Language :: Python :: 3",
    ],
)
