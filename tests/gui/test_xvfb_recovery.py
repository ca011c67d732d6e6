"""Kill -9 and restart: the real app under Xvfb (platform xcb) autosaves an edit, is killed, and the next
start offers the work in its real restore question; Yes brings it back unsaved, at its own path."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.waiting import wait_for

SCRIPT = Path(__file__).with_name("xvfb_recovery.py")
XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1400x1000x24"]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (./run.sh test installs it as root)")
def test_kill_9_then_restart_offers_and_restores_the_work(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fresh: the user's settings are never touched
    circuit = tmp_path / "work.json"
    shutil.copy(EXAMPLES / "L.json", circuit)
    first = subprocess.Popen([*XVFB, sys.executable, str(SCRIPT), "edit", str(tmp_path), str(circuit)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        def autosaved():
            """the first app's autosave of its edit"""
            if not (tmp_path / "pid").exists():
                return None
            return [p for p in (tmp_path / "data").rglob("recovery-*.json") if not p.name.endswith(".meta.json")]

        (recovery,) = wait_for(autosaved)
        edited = json.loads((tmp_path / "edited.json").read_text())
        wait_for(lambda: json.loads(recovery.read_text())["nodes"] == edited["doc"]["nodes"] or None, 10)
        os.kill(edited["pid"], signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    assert recovery.exists()  # kill -9: nothing cleaned up
    second = subprocess.run([*XVFB, sys.executable, str(SCRIPT), "restore", str(tmp_path)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-2000:]
    result = json.loads((tmp_path / "restored.json").read_text())
    assert result["platform"] == "xcb"
    (prompt,) = result["prompts"]
    assert "work.json" in prompt and "No: discard" in prompt
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(tmp_path / "prompt.png", SCREENSHOTS / "recovery_prompt.png")
    (window,) = result["windows"]
    assert window["doc"]["nodes"] == edited["doc"]["nodes"] and window["doc"]["nodes"][0]["value"] == 4.25
    assert window["path"] == str(circuit) and window["title"].startswith("work.json*") and not window["clean"]
    assert window["recovery"] == str(recovery) and recovery.exists()  # adopted, for a second crash
