"""Pictures of the canvas (PNG, SVG) for slides and notes."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from engine.atomic_write import replacing

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
    with _replacing(path) as tmp:  # a temp file in the same folder, then replace: never a half-written picture
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"could not write {path}")
    return Path(path)


def export_svg(scene, path, background: QColor, title: str = "circuit") -> Path:
    rect = _canvas_rect(scene)
    with _replacing(path) as tmp:
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(title)
        generator.setDescription("Backprop Playground circuit: each node shows its data and grad")
        painter = QPainter(generator)
        _paint(scene, painter, rect, QRectF(0, 0, rect.width(), rect.height()), background)
        if not painter.end() or tmp.stat().st_size == 0:
            raise OSError(f"could not write {path}")
    return Path(path)


@contextlib.contextmanager
def _replacing(path):
    try:
        with replacing(path) as tmp:
            yield tmp
    except OSError as exc:
        if str(exc).startswith("could not write"):
            raise
        raise OSError(f"could not write {path}: {exc.strerror or exc}") from None


def background_of(theme: str) -> QColor:
    return QColor(Qt.white) if theme != "dark" else QColor("#1f2023")
