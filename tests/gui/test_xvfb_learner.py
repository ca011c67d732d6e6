"""The lecture's first lesson in the real app under Xvfb (platform xcb), driven by xdotool as a learner would:
type the formula with its values after it, replace the example, F8 (the lecture's nudge), Ctrl+S, and the
saved circuit's L is the lecture's -7.2865 (seed 001: L = (a*b + c) * f nudged by 0.01 x gradient)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.circuit.evaluate import Evaluator
from engine.circuit.io import load
from tests.conftest import SCREENSHOTS

SCRIPT = Path(__file__).with_name("xvfb_learner.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool (./run.sh test installs them as root)")
def test_formula_then_f8_then_save_gives_the_lectures_L(tmp_path):
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPT),
                           str(tmp_path)], env={**os.environ}, capture_output=True, text=True, timeout=180)
    for png in tmp_path.glob("*.png"):
        shutil.copy(png, SCREENSHOTS / f"xvfb_learner_{png.name}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((tmp_path / "result.json").read_text())
    assert "saved" in result, result.get("stderr")
    doc = load(result["saved"])
    values = {n.label: n.value for n in doc.nodes() if n.kind in ("input", "weight")}
    assert values == pytest.approx({"a": 2.06, "b": -3.04, "c": 9.98, "f": -1.96})  # every leaf nudged up its gradient
    ev = Evaluator(doc)
    ev.forward()
    (root,) = [n for n in doc.nodes() if n.label == "L"]
    assert ev.values[root.id] == pytest.approx(-7.286496, abs=1e-6)
    assert result["title"].startswith("lesson1") and "*" not in result["title"]  # saved, nothing pending
