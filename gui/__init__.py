"""The PySide6 + pyqtgraph view of the engine's circuits."""


def show(root):
    """Open the app on a Value graph (or a Circuit): `from gui import show; h = show(L)`.

    In Jupyter the window stays live next to the notebook and `h` reads and writes its numbers:
    h.values(), h.grads(), h.set("a", 3.0), h.update(L), h.to_values() (gui/notebook.py)."""
    from .notebook import show as _show

    return _show(root)
