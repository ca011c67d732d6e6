"""The lecture's nudge with real key events under Xvfb (platform xcb): formula -> F8 -> Ctrl+S.

Offscreen, shortcuts are not always delivered; here a child process runs the real window on an X
server, and the saved file is read back with the engine: L after one step is -7.2865 (seed 001/004).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.circuit import io
from engine.circuit.evaluate import Evaluator

SCRIPT = Path(__file__).with_name("xvfb_training.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (./run.sh test installs it as root)")
def test_formula_f8_and_save_give_the_lectures_nudge(tmp_path):
    out, saved = tmp_path / "result.json", tmp_path / "L.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(SCRIPT), str(out),
                           str(saved)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["platform"] == "xcb"
    assert result["before"] == -8.0
    assert result["after"] == pytest.approx(-7.286496, abs=1e-12)
    assert result["values"] == pytest.approx({"a": 2.06, "b": -3.04, "c": 9.98, "f": -1.96}, rel=1e-15)
    assert result["line"] == "Next step: nudges a, b, c, f by 0.01 × gradient to raise L."
    assert result["undo"] == "gradient step"
    doc = io.load(saved)  # what Ctrl+S wrote, read back with the engine
    ev = Evaluator(doc)
    assert round(ev.root_value(), 4) == -7.2865
    assert {n.label: n.value for n in doc.nodes() if n.is_leaf} == result["values"]
    assert saved.name in result["title"] and "*" not in result["title"]
