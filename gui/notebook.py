"""The app as a live window from a script or a Jupyter notebook: `from gui import show; h = show(L)`.

In a Jupyter kernel (or IPython) the window runs on IPython's Qt event-loop integration (`%gui qt`,
switched on here when it is not already), so the kernel stays free; in a plain script show() blocks
until the window closes, as before. The returned Handle reads and writes the window's numbers.
"""

from __future__ import annotations

import sys

import shiboken6

from engine.circuit import Circuit
from engine.circuit.from_value import circuit_from_value
from engine.commands import SetValue
from engine.value import Value, topological_order


def _parents(v) -> tuple:
    """Inputs in the order circuit_from_value visits them (engine Values in order, micrograd's set as is)."""
    return v._parents if isinstance(v, Value) else tuple(getattr(v, "_prev", ()))


def _kernel_shell():
    """The running IPython shell (a Jupyter kernel's or a terminal's), or None in a plain script."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell


def use_qt_event_loop(shell) -> str | None:
    """Make IPython run Qt's event loop between cells (`%gui qt`); a message saying what to do when it cannot."""
    if str(getattr(shell, "active_eventloop", None) or "").startswith("qt"):
        _watch_kernel_stream(shell)
        return None
    try:
        shell.enable_gui("qt")
    except Exception as exc:  # noqa: BLE001 (any failure becomes advice, the window still opens)
        return (f"Backprop Playground: could not switch on IPython's Qt event loop ({exc}). "
                "Run %gui qt in a cell, then show() again; until then the window only responds while a cell "
                "waits for it to close.")
    _watch_kernel_stream(shell)
    return None


def _watch_kernel_stream(shell) -> None:
    """Work around ipykernel's %gui qt race ("Run All" hangs, ipykernel issue 559): a cell the kernel has
    already read from its socket, but not yet run, when it enters Qt's loop waits there until some other
    message arrives. So leave Qt's loop every 50 ms, as ipykernel's own notifier does when a message comes:
    the kernel runs what is pending and re-enters the loop 1 ms later. Does nothing outside ipykernel."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    kernel = getattr(shell, "kernel", None)
    if app is None or kernel is None or getattr(app, "_bpp_kernel_watch", None) is not None:
        return

    def time_slice() -> None:
        qt_app = getattr(kernel, "app", None)
        if getattr(qt_app, "_in_event_loop", False) and hasattr(qt_app, "qt_event_loop"):
            notifier = getattr(kernel, "_qt_notifier", None)
            if notifier is not None:
                notifier.setEnabled(False)  # loop_qt enables it again when it re-enters
            qt_app.qt_event_loop.quit()

    timer = QTimer(app)
    timer.timeout.connect(time_slice)
    timer.start(50)
    app._bpp_kernel_watch = timer


class Handle:
    """A live window on a Value graph: read its numbers, nudge leaves, take edits back to the Values."""

    def __init__(self, window, root=None):
        self.window = window
        self._by_label: dict[str, object] = {}
        if root is not None:
            self._bind(root)

    # ------------------------------------------------------------ reading
    def _doc(self):
        if not shiboken6.isValid(self.window):
            raise RuntimeError("the Backprop Playground window was closed; call show() again for a new one")
        return self.window.doc

    def values(self) -> dict[str, float]:
        """Every node's current value, by label."""
        doc, shown = self._doc(), self.window.display
        return {n.label: _float(shown.value(n.id)) for n in doc.nodes()}

    def grads(self) -> dict[str, float]:
        """Every node's current gradient, by label (None while the app has no gradient for it)."""
        doc, shown = self._doc(), self.window.display
        return {n.label: _float(shown.grad(n.id)) for n in doc.nodes()}

    # ------------------------------------------------------------ writing
    def set(self, label: str, value: float) -> None:
        """Set a leaf as its slider would (one undoable edit); the app recomputes values and gradients."""
        node = self._doc().by_label(label)
        if not node.is_leaf:
            raise ValueError(f"{label!r} is computed by the circuit; set one of its inputs instead")
        self.window.undo.push(SetValue(node.id, float(value)))
        self.window.undo.seal()

    def update(self, root) -> Handle:
        """Show a recomputed graph (the notebook built a new L) in the same window."""
        self._doc()
        self.window._replace(_circuit(root), None, _name(root))
        self._bind(root)
        return self

    def to_values(self) -> dict[str, float]:
        """Write the app's numbers back into the Value objects (leaves edited in the app, and everything they
        feed, with the app's gradients), so the notebook continues from there; returns the leaves by label."""
        values, grads = self.values(), self.grads()
        doc = self._doc()
        leaves = {}
        for label, v in self._by_label.items():
            if label not in values:
                continue
            v.data = values[label]
            if grads.get(label) is not None:
                v.grad = grads[label]
            if doc.by_label(label).is_leaf:
                leaves[label] = values[label]
        return leaves

    def close(self) -> None:
        if shiboken6.isValid(self.window):
            self.window.close()

    def _bind(self, root) -> None:
        """Label of each node -> the Value it came from (circuit_from_value adds them in this same order)."""
        self._by_label = {}
        if isinstance(root, Circuit):
            return
        nodes = [n for n in self._doc().nodes() if n.kind != "output"]
        values = topological_order(root, _parents)
        if len(nodes) != len(values):
            raise AssertionError(f"{len(nodes)} nodes for {len(values)} values")
        for node, v in zip(nodes, values, strict=True):
            if node.is_leaf and node.value != float(v.data):
                raise AssertionError(f"node {node.label} does not match its value")
            self._by_label[node.label] = v

    def __repr__(self) -> str:
        if not shiboken6.isValid(self.window):
            return "<Backprop Playground window (closed)>"
        return f"<Backprop Playground window: {len(self.window.doc.nodes())} nodes; .values() .grads() .set() " \
               f".update(L) .to_values()>"


def _float(x):
    return None if x is None else float(x)


def _circuit(root) -> Circuit:
    return root if isinstance(root, Circuit) else circuit_from_value(root)


def _name(root) -> str | None:
    label = getattr(root, "label", "")
    return f"{label}.json" if isinstance(label, str) and label else None


def show(root) -> Handle:
    """Open the app on a Value graph (or a Circuit); in IPython/Jupyter return at once, else block until closed."""
    from .app import application
    from .main_window import MainWindow

    app = application()
    window = MainWindow(_circuit(root))
    window.name = _name(root)
    window._update_title()
    window.show()
    window.view.fit_all()
    handle = Handle(window, root)
    shell = _kernel_shell()
    message = use_qt_event_loop(shell) if shell is not None else "script"
    if message and message != "script":
        print(message, file=sys.stderr)
    if message and not getattr(app, "_bpp_running", False):  # a plain script: run the app until it closes
        app._bpp_running = True
        try:
            app.exec()
        finally:
            app._bpp_running = False
    return handle
