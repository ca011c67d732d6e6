"""Pictures of the canvas (PNG, SVG) for slides and notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

MARGIN = 30
PNG_SCALE = 2  # crisp on high-DPI screens and in print


def _canvas_rect(scene) -> QRectF:
    return scene.nodes_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _paint(scene, painter, rect: QRectF, target: QRectF, background: QColor) -> None:
    painter.setRenderHint(QPainter.Antialiasing)
    painter.fillRect(target, background)
    selected = scene.selected_ids()
    scene.clearSelection()  # a picture shows the circuit, not the current selection
    try:
        scene.render(painter, target=target, source=rect)
    finally:
        scene.select_ids(selected)


def export_png(scene, path, background: QColor) -> Path:
    rect = _canvas_rect(scene)
    image = QImage(int(rect.width() * PNG_SCALE), int(rect.height() * PNG_SCALE), QImage.Format_ARGB32)
    painter = QPainter(image)
    _paint(scene, painter, rect, QRectF(image.rect()), background)
    painter.end()
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return Path(path)


def export_svg(scene, path, background: QColor, title: str = "circuit") -> Path:
    rect = _canvas_rect(scene)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription("Backprop Playground circuit: each node shows its data and grad")
    painter = QPainter(generator)
    _paint(scene, painter, rect, QRectF(0, 0, rect.width(), rect.height()), background)
    painter.end()
    if not Path(path).exists():
        raise OSError(f"could not write {path}")
    return Path(path)


def background_of(theme: str) -> QColor:
    return QColor(Qt.white) if theme != "dark" else QColor("#1f2023")
