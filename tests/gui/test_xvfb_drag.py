"""One real end-to-end drag from the palette to the canvas, under Xvfb with the xcb platform.

Offscreen, QDrag.exec returns at once, so the other tests check the two halves separately. Here a
child process runs the real window on an X server (xvfb-run, which ./run.sh test installs) and
drags the Multiply entry onto the canvas with mouse events sent inside the drag's own loop.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.canvas.node_item import HEADER, WIDTH

SCRIPT = Path(__file__).with_name("xvfb_drag.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (./run.sh test installs it as root)")
def test_real_drag_from_palette_to_canvas(tmp_path):
    out = tmp_path / "drag.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(SCRIPT), str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["platform"] == "xcb"
    assert [(n["kind"], n["op"]) for n in result["nodes"]] == [("op", "mul")]
    (x, y), (dx, dy) = result["nodes"][0]["pos"], result["drop_scene"]
    assert abs(x + WIDTH / 2 - dx) <= 10 and abs(y + HEADER / 2 - dy) <= 10  # header centred on the drop (grid snap)
    assert result["undo"] == 1
