"""Light and dark themes for the whole window: a Qt palette plus the canvas colours and plot colours."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .canvas import colors

DARK_ROLES = {
    QPalette.Window: "#2b2d31", QPalette.WindowText: "#e6e6e6", QPalette.Base: "#1f2023",
    QPalette.AlternateBase: "#2b2d31", QPalette.Text: "#e6e6e6", QPalette.Button: "#33363b",
    QPalette.ButtonText: "#e6e6e6", QPalette.Highlight: "#3d6fd8", QPalette.HighlightedText: "#ffffff",
    QPalette.ToolTipBase: "#33363b", QPalette.ToolTipText: "#e6e6e6", QPalette.PlaceholderText: "#8a8d93",
    QPalette.Link: "#7aa7ff",
}


def qt_palette(name: str) -> QPalette:
    """The application palette of a theme (light: the platform's standard palette)."""
    app = QApplication.instance()
    palette = app.style().standardPalette()
    if name == "dark":
        for role, color in DARK_ROLES.items():
            palette.setColor(role, QColor(color))
        palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#6f7277"))
        palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#6f7277"))
    return palette


SEPARATOR = 7  # px: the handle between panels is easy to grab, and lights up under the mouse


def separator_style(name: str) -> str:
    """The style of the handles between docks (and between a dock and the canvas)."""
    rest, hover = ("#3a3d42", "#3d6fd8") if name == "dark" else ("#d9dce1", "#7aa7ff")
    return (f"QMainWindow::separator {{ background: {rest}; width: {SEPARATOR}px; height: {SEPARATOR}px; }}"
            f" QMainWindow::separator:hover {{ background: {hover}; }}")


def apply(window, name: str) -> None:
    """Switch the window (and the app) to a theme: Qt widgets, canvas and pyqtgraph plots."""
    name = "dark" if name == "dark" else "light"
    palette = qt_palette(name)
    QApplication.instance().setPalette(palette)
    window.setPalette(palette)  # existing widgets do not always pick up the application palette
    window.scene.set_theme(dict(colors.DARK if name == "dark" else colors.LIGHT))
    window.setStyleSheet(separator_style(name))
    bg, fg = ("#1f2023", "#d0d0d0") if name == "dark" else ("w", "#333")
    for plot in window.findChildren(pg.PlotWidget):
        plot.setBackground(bg)
        plot.getPlotItem().titleLabel.setText(plot.getPlotItem().titleLabel.text, color=fg)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen(fg)
            plot.getAxis(axis).setPen(fg)
    window.view.viewport().update()
