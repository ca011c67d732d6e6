"""show(L) from a real Jupyter kernel (jupyter_client + ipykernel, offscreen Qt): the cell returns while the
window stays live on IPython's Qt event loop; the handle reads the numbers, a leaf changed through the handle
and one changed through the window's document (as a slider does) give the recomputed gradients, and
to_values() writes them back into the notebook's Values. Oracle: L = (a*b + c) * f by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from tests.conftest import ROOT

jupyter_client = pytest.importorskip("jupyter_client", reason="jupyter_client is a dev dependency (pyproject.toml)")
pytest.importorskip("ipykernel", reason="ipykernel is a dev dependency (pyproject.toml)")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402


@contextmanager
def started_kernel(tmp):
    """A kernel run by this interpreter (the project's venv) with offscreen Qt, importing the checkout."""
    spec_dir = tmp / "kernels" / "bpp"
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Backprop Playground test", "language": "python"}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), MPLBACKEND="Agg",
               XDG_CONFIG_HOME=str(tmp / "config"), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
    km = KernelManager(kernel_name="bpp", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))
    try:
        km.start_kernel(env=env, cwd=str(ROOT))
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=90)
    except Exception as exc:  # noqa: BLE001
        km.shutdown_kernel(now=True) if km.has_kernel else None
        pytest.skip(f"a Jupyter kernel cannot start here: {type(exc).__name__}: {exc}")
    try:
        yield client
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    with started_kernel(tmp_path_factory.mktemp("kernel")) as client:
        yield client


def run(client, code: str, timeout=60, results: list | None = None) -> str:
    """Execute a cell; its printed output (its displayed results go to `results`), or fail with the traceback."""
    out, errors = [], []

    def hook(msg):
        kind, content = msg["header"]["msg_type"], msg["content"]
        if kind == "execute_result" and results is not None:
            results.append(content["data"])
        elif kind == "stream" and content["name"] == "stdout":
            out.append(content["text"])
        elif kind == "stream":
            errors.append(content["text"])
        elif kind == "error":
            errors.append("\n".join(content["traceback"]))

    reply = client.execute_interactive(code, timeout=timeout, output_hook=hook)
    assert reply["content"]["status"] == "ok", "".join(errors)
    return "".join(out)


def numbers(client, code: str):
    return json.loads(run(client, f"import json; print(json.dumps({code}))").strip().splitlines()[-1])


def test_show_from_a_kernel_is_live_and_writes_back(kernel):
    run(kernel, """
from engine import Value
from gui import show
a, b, c, f = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c"), Value(-2.0, label="f")
e = a * b; e.label = "e"
d = e + c; d.label = "d"
L = d * f; L.label = "L"
h = show(L)
""", timeout=90)
    # a Value as a cell's result is its graph: SVG, HTML around it, and the plain repr
    results = []
    run(kernel, "L", results=results)
    assert set(results[0]) == {"image/svg+xml", "text/html", "text/plain"}
    assert 'class="note"' in results[0]["image/svg+xml"] and "-8.0000" in results[0]["image/svg+xml"]
    assert results[0]["text/plain"] == "Value(data=-8.0, grad=0.0)"
    # the cell returned: the kernel now runs Qt's loop between cells, and the window is up
    assert numbers(kernel, "[get_ipython().active_eventloop, h.window.isVisible()]") == ["qt", True]
    assert numbers(kernel, "[h.values()['L'], h.grads()['a'], h.grads()['b']]") == [-8.0, 6.0, -4.0]
    # Qt events are processed while the kernel waits for the next cell: a queued timer fires
    run(kernel, "from PySide6.QtCore import QTimer\nfired = []\nQTimer.singleShot(0, lambda: fired.append(1))")
    time.sleep(0.5)
    assert numbers(kernel, "fired") == [1]

    run(kernel, "h.set('a', 3.0)")  # L = (3*-3 + 10)*-2 = -2; dL/db = a*f = -6; dL/dc = f = -2
    assert numbers(kernel, "[h.values()['L'], h.grads()['b'], h.grads()['a']]") == [-2.0, -6.0, 6.0]

    # as a slider does: one SetValue through the window's undo stack; c = 5 gives L = (-9 + 5)*-2 = 8
    run(kernel, "from engine.commands import SetValue\n"
                "h.window.undo.push(SetValue(h.window.doc.by_label('c').id, 5.0))")
    assert numbers(kernel, "[h.values()['L'], h.grads()['d']]") == [8.0, -2.0]

    assert numbers(kernel, "h.to_values()") == {"a": 3.0, "b": -3.0, "c": 5.0, "f": -2.0}
    assert numbers(kernel, "[a.data, c.data, e.data, L.data, b.grad, f.grad]") == [3.0, 5.0, -9.0, 8.0, -6.0, -4.0]

    # the notebook recomputes; update() puts the new graph in the same window
    run(kernel, "M = (a * b + c).tanh(); M.label = 'M'; h2 = h.update(M)")
    values = numbers(kernel, "[h2 is h, h.values()['M'], len(h.values()), h.window.isVisible()]")
    assert values[0] is True and values[1] == pytest.approx(-0.999329299739067) and values[2:] == [6, True]


SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from engine import Value
from gui import show
from gui.app import application
application()  # the timer below needs the app's event dispatcher
a = Value(2.0, label="a")
L = a * a; L.label = "L"
def close():
    print("closing", flush=True)
    for w in QApplication.topLevelWidgets():
        w.close()
QTimer.singleShot(300, close)
h = show(L)
print("returned", flush=True)
"""


def test_show_in_a_plain_script_blocks_until_the_window_closes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["closing", "returned"]


def test_a_shell_without_qt_support_gets_advice():
    from gui.notebook import use_qt_event_loop

    class Shell:
        active_eventloop = None

        def enable_gui(self, gui):
            raise RuntimeError("no Qt loop for you")

    message = use_qt_event_loop(Shell())
    assert "no Qt loop for you" in message and "%gui qt" in message

    class Ready:
        active_eventloop = "qt"

        def enable_gui(self, gui):
            raise AssertionError("already on")

    assert use_qt_event_loop(Ready()) is None


def test_run_all_after_show_does_not_hang(tmp_path):
    """ipykernel issue 559: cells sent back to back as a fresh kernel enters Qt's loop used to wait forever
    (2-4 runs in 10 hung before gui.notebook's time slices); all must be answered."""
    with started_kernel(tmp_path) as kernel:
        run_all(kernel)


def run_all(kernel):
    ids = [kernel.execute("from engine import Value\nfrom gui import show\nh3 = show(Value(1.0, label='z') * 2)")]
    ids += [kernel.execute(f"x{i} = {i}") for i in range(5)]
    replies = {}
    while len(replies) < len(ids):
        msg = kernel.get_shell_msg(timeout=30)
        if msg["parent_header"].get("msg_id") in ids:  # not a late kernel_info reply from wait_for_ready
            replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
    assert [replies[i] for i in ids] == ["ok"] * len(ids)
    assert numbers(kernel, "[x4, h3.values()['z']]") == [4, 1.0]
