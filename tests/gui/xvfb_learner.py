"""A learner's first lesson in the real app, under X (run inside xvfb-run by test_xvfb_learner.py).

The app starts as a user starts it (python main.py, fresh settings) and offers its lessons; Escape closes
that list. xdotool clicks the formula field,
types the lecture's L with its values after the formula, presses Enter and chooses to replace the
example, presses F8 (one gradient step: the lecture's nudge), then Ctrl+S and types a file name into
the save dialog. The test reads the saved file back with the engine.

Usage: python tests/gui/xvfb_learner.py WORKDIR   (writes WORKDIR/result.json and screenshots)
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.gui.waiting import wait_for  # noqa: E402

FORMULA = "L = (a*b + c) * f; a=2; b=-3; c=10; f=-2"


def xdo(*args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True, timeout=30).stdout


def window(name: str) -> str | None:
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True)
    ids = out.stdout.split()
    return ids[-1] if ids else None


def shot(work: Path, name: str) -> None:
    if shutil.which("import") is None:  # imagemagick: screenshots are for people, the test does not need them
        return
    subprocess.run(["import", "-window", "root", str(work / f"{name}.png")], check=False, timeout=30)


def main(work: str) -> int:
    work = Path(work)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(work / "config"),
           "XDG_DATA_HOME": str(work / "data")}
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env, cwd=work,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result = {}
    try:
        win = wait_for(lambda: window("Backprop Playground"), 60, "the main window")
        time.sleep(1.5)  # first paint and layout
        geometry = xdo("getwindowgeometry", "--shell", win)
        pos = dict(line.split("=") for line in geometry.split())
        left, top = int(pos["X"]), int(pos["Y"])
        welcome = wait_for(lambda: window("Learn backpropagation"), 20, "the lesson list shown at first start")
        shot(work, "1-start")
        xdo("windowfocus", welcome)
        xdo("key", "Escape")  # this learner goes straight to the formula field
        wait_for(lambda: window("Learn backpropagation") is None or None, 10, "the lesson list to close")
        time.sleep(0.5)
        xdo("mousemove", str(left + 80), str(top + 36), "click", "1")  # the formula field, first in the toolbar
        time.sleep(0.3)
        xdo("type", "--delay", "20", FORMULA)
        xdo("key", "Return")
        ask = wait_for(lambda: window("Build the formula"), 10, "the replace-or-add question")
        shot(work, "2-ask")
        xdo("windowfocus", ask)
        xdo("key", "Return")  # the default answer: replace the example with the formula's circuit
        time.sleep(1.0)
        shot(work, "3-formula")
        # without a window manager nothing gives the window back its focus after the dialog: click the field
        xdo("mousemove", str(left + 80), str(top + 36), "click", "1")
        time.sleep(0.3)
        xdo("key", "F8")  # a window shortcut: it works with the cursor still in the formula field
        time.sleep(1.0)
        shot(work, "4-step")
        target = work / "lesson1.json"
        xdo("key", "ctrl+s")
        dialog = wait_for(lambda: window("Save"), 10, "the save dialog")
        xdo("windowfocus", dialog)
        time.sleep(0.5)
        xdo("key", "ctrl+a")
        xdo("type", "--delay", "10", str(target))
        xdo("key", "Return")
        wait_for(target.exists, 15, "the saved file")
        time.sleep(0.5)
        shot(work, "5-saved")
        result = {"saved": str(target), "title": xdo("getwindowname", win).strip()}
    finally:
        app.terminate()
        try:
            out, err = app.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            out, err = app.communicate()
        result["stderr"] = err[-3000:]
        (work / "result.json").write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
