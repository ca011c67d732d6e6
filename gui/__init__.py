"""The PySide6 + pyqtgraph view of the engine's circuits."""


def show(root):
    """Open the app on a Value graph (or a Circuit): `from gui import show; show(L)`."""
    from .app import show as _show

    return _show(root)
