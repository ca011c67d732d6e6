"""The engine never loads Qt: import every engine module in a fresh interpreter and look."""

import json
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


GC_SCRIPT = """
import gc, importlib, json, pkgutil
before = gc.get_threshold()
import engine
for mod in pkgutil.walk_packages(engine.__path__, 'engine.'):
    importlib.import_module(mod.name)
from engine import Value
x = Value(2.0)
(x * x + x).tanh().backward()
print(json.dumps([before, gc.get_threshold(), gc.isenabled()]))
"""


def test_importing_engine_leaves_the_garbage_collector_alone():
    """No process-wide side effect: thresholds unchanged by import and by a backward pass, collector still on."""
    out = subprocess.run([sys.executable, "-c", GC_SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True)
    before, after, enabled = json.loads(out.stdout)
    assert after == before and enabled is True


def test_relaxed_restores_the_thresholds_it_changed():
    import gc

    from engine import gc_policy

    before = gc.get_threshold()
    with gc_policy.relaxed():
        assert gc.get_threshold()[0] == max(gc_policy.RELAXED_GEN0, before[0])
    assert gc.get_threshold() == before
