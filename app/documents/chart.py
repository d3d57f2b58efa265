"""Bar charts: one ReportLab drawing, placed as vector graphics in the PDF and as a PNG in Word.

ReportLab 5 renders bitmaps only through rlPyCairo, which needs pycairo built from source on
Linux (no wheel). The PNG is therefore drawn here with Pillow (a ReportLab dependency) by
walking the very same drawing's shapes, so both formats show the same chart.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import (
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
    mmult,
)
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents import model as m
from app.documents.fonts import FONT_NAMES, register_fonts
from app.documents.text import printable

SERIES_COLOURS = (
    colors.HexColor("#9aa9c4"),
    colors.HexColor("#1f4e8c"),
    colors.HexColor("#c0504d"),
)
FONT_SIZE = 10
BAR_MM = 4.2
LABEL_CHARS = 42


def _short(label: str) -> str:
    label = printable(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _number(value: float) -> str:
    """2245 → "2.245", as Vietnamese writes thousands."""
    return f"{value:,.0f}".replace(",", ".")


def chart_height_mm(chart: m.BarChart) -> float:
    if chart.height_mm:
        return chart.height_mm
    bars = max(len(chart.categories), 1) * len(chart.series)
    return min(30 + bars * BAR_MM + max(len(chart.categories), 1) * 2.5, 200)


def chart_drawing(chart: m.BarChart, width: float) -> Drawing:
    """The chart as a ReportLab drawing ``width`` points wide (categories top to bottom)."""
    register_fonts()
    regular = FONT_NAMES["regular"]
    height = chart_height_mm(chart) * mm
    drawing = Drawing(width, height)
    labels = [_short(c) for c in chart.categories] or [""]
    label_width = max(stringWidth(text, regular, FONT_SIZE) for text in labels) + 8
    legend_height = 18.0
    bars = HorizontalBarChart()
    bars.x = min(label_width, width * 0.5)
    bars.y = legend_height + 14
    bars.width = width - bars.x - 28
    bars.height = height - bars.y - 6
    # the first category at the top, as a table reads
    bars.data = [tuple(reversed(values)) or (0,) for _name, values in chart.series]
    bars.categoryAxis.categoryNames = list(reversed(labels))
    bars.categoryAxis.labels.fontName = regular
    bars.categoryAxis.labels.fontSize = FONT_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -4
    bars.categoryAxis.reverseDirection = False
    top = max((max(values, default=0) for _n, values in chart.series), default=0)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(top * 1.12, 1)
    bars.valueAxis.labels.fontName = regular
    bars.valueAxis.labels.fontSize = FONT_SIZE - 1
    bars.valueAxis.labelTextFormat = lambda v: _number(v) if float(v).is_integer() else ""
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#d9d9d9")
    bars.barSpacing = 1
    bars.groupSpacing = 6
    bars.barLabelFormat = _number
    bars.barLabels.fontName = regular
    bars.barLabels.fontSize = FONT_SIZE - 1
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    x = bars.x
    for index, (name, _values) in enumerate(chart.series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        drawing.add(Rect(x, 4, 9, 9, fillColor=colour, strokeColor=None))
        text = printable(name)
        drawing.add(String(x + 13, 5, text, fontName=regular, fontSize=FONT_SIZE))
        x += 13 + stringWidth(text, regular, FONT_SIZE) + 18
    return drawing


# ---------------------------------------------------------------- the PNG, for Word


Matrix = tuple[float, float, float, float, float, float]


def _shapes(node: object, matrix: Matrix) -> Iterator[tuple[object, Matrix]]:
    if hasattr(node, "provideNode"):  # a widget (axis, label) not expanded yet
        yield from _shapes(node.provideNode(), matrix)
    elif isinstance(node, Group):
        inner = mmult(matrix, node.transform) if node.transform else matrix
        for child in node.contents:
            yield from _shapes(child, inner)
    else:
        yield node, matrix


def _rgb(colour: object) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    rgb = colour.rgb()  # type: ignore[attr-defined]
    return int(rgb[0] * 255), int(rgb[1] * 255), int(rgb[2] * 255)


class _Painter:
    def __init__(self, drawing: Drawing, scale: float) -> None:
        self.scale = scale
        self.height = drawing.height
        size = (round(drawing.width * scale), round(drawing.height * scale))
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)
        self.fonts: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}
        self.family = register_fonts()

    def point(self, matrix: Matrix, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = matrix
        px, py = a * x + c * y + e, b * x + d * y + f
        return px * self.scale, (self.height - py) * self.scale

    def font(self, name: str, size: float) -> ImageFont.FreeTypeFont:
        key = (name, round(size * self.scale))
        if key not in self.fonts:
            face = "bold" if name == FONT_NAMES["bold"] else "regular"
            self.fonts[key] = ImageFont.truetype(str(self.family.file(face)), key[1])
        return self.fonts[key]

    def paint(self, shape: object, matrix: Matrix) -> None:
        width = max(1, round(getattr(shape, "strokeWidth", 1) * self.scale))
        if isinstance(shape, Rect):
            corners = [
                self.point(matrix, shape.x, shape.y),
                self.point(matrix, shape.x + shape.width, shape.y + shape.height),
            ]
            (x0, y0), (x1, y1) = corners
            box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            self.draw.rectangle(
                box, fill=_rgb(shape.fillColor), outline=_rgb(shape.strokeColor), width=width
            )
        elif isinstance(shape, Line):
            if shape.strokeColor is not None:
                ends = [
                    self.point(matrix, shape.x1, shape.y1),
                    self.point(matrix, shape.x2, shape.y2),
                ]
                self.draw.line(ends, fill=_rgb(shape.strokeColor), width=width)
        elif isinstance(shape, PolyLine | Polygon):
            pts = shape.points
            xy = [self.point(matrix, pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)]
            if isinstance(shape, Polygon):
                self.draw.polygon(xy, fill=_rgb(shape.fillColor), outline=_rgb(shape.strokeColor))
            elif shape.strokeColor is not None:
                self.draw.line(xy, fill=_rgb(shape.strokeColor), width=width)
        elif isinstance(shape, String) and shape.text:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
            self.draw.text(
                self.point(matrix, shape.x, shape.y),
                shape.text,
                fill=_rgb(shape.fillColor) or (0, 0, 0),
                font=self.font(shape.fontName, shape.fontSize),
                anchor=anchor,
            )


def drawing_png(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing as PNG bytes at ``dpi`` (its shapes walked with their transforms)."""
    painter = _Painter(drawing, dpi / 72)
    expanded = drawing.expandUserNodes()
    for shape, matrix in _shapes(expanded, (1, 0, 0, 1, 0, 0)):
        painter.paint(shape, matrix)
    buffer = io.BytesIO()
    painter.image.save(buffer, "PNG", dpi=(dpi, dpi), optimize=False)
    return buffer.getvalue()
