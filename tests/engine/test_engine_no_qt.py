"""The engine never loads Qt: import every engine module in a fresh interpreter and look."""

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import importlib, pkgutil, sys
import engine
for mod in pkgutil.walk_packages(engine.__path__, 'engine.'):
    importlib.import_module(mod.name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'gui', 'shiboken6'))
print(len([m for m in sys.modules if m.startswith('engine')]), bad)
"""


def test_engine_imports_no_qt():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True)
    count, bad = out.stdout.strip().split(" ", 1)
    assert int(count) > 20 and bad == "[]"
