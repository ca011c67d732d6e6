"""The engine's SVG pictures are SVG that Qt's renderer reads too (the README's picture is rendered this
way): the neuron's picture paints the gradient-sign colours where its cards are."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from engine import draw_dot
from engine.draw import LIGHT
from tests.conftest import SCREENSHOTS
from tests.engine.test_from_value import lecture_neuron


def test_qt_renders_the_neuron_picture(qapp):
    o = lecture_neuron()[0]
    o.backward()
    picture = draw_dot(o)
    renderer = QSvgRenderer(picture.svg.encode())
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (round(picture.width),
                                                                                   round(picture.height))
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / "draw_dot_neuron.png"))
    colors = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    for key in ("canvas_bg", "node_bg", "header_input", "header_op", "header_output"):
        assert QColor(LIGHT[key]).name() in colors, key
    # the x1 card's outline is orange (negative gradient), the o card's blue
    assert QColor(LIGHT["wire_neg"]).name() in colors and QColor(LIGHT["wire_pos"]).name() in colors
