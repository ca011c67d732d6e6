"""Where the app's data lives: resources/ next to engine/ in a checkout, or the installed wheel's copy.

The wheel installs resources/ as the data-only package `backprop_playground_resources` (see
pyproject.toml), so the same files are found whether the code runs from a checkout or from
`pip install .`.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

INSTALLED_NAME = "backprop_playground_resources"
_MARKER = Path("examples") / "index.json"


@cache
def resources_dir() -> Path:
    """The folder holding examples/, i18n/ and the icon; a clear error when neither copy is there."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / _MARKER).is_file():
        return checkout
    spec = importlib.util.find_spec(INSTALLED_NAME)
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / _MARKER).is_file():
            return Path(location)
    raise FileNotFoundError(f"Backprop Playground's resources are missing: neither {checkout} nor an installed "
                            f"{INSTALLED_NAME} package holds {_MARKER}; reinstall the app")


def examples_dir() -> Path:
    return resources_dir() / "examples"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def icon_path() -> Path:
    return resources_dir() / "icon.svg"
