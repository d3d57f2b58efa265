"""The BarChart block: vector graphics in the PDF, a PNG of the same drawing in Word."""

from __future__ import annotations

import io

import docx
import pytest
from PIL import Image

from app.documents import AdminDocument, BarChart, Header, Paragraph, render_docx, render_pdf
from app.documents.chart import SERIES_COLOURS, chart_drawing, drawing_png
from app.documents.layout import geometry
from tests.documents import pdftext as pt

CHART = BarChart(
    ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen của Giám đốc Sở"),
    (("Năm 2023", (40.0, 5.0, 0.0)), ("Năm 2024", (45.0, 6.0, 12.0))),
    caption="Biểu đồ: Khen thưởng theo danh hiệu",
)


def _document(*body: object) -> AdminDocument:
    return AdminDocument(
        header=Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 1/BC", "Bình Phước"),
        doc_type="BÁO CÁO",
        subject=("Thử biểu đồ",),
        body=(Paragraph("Trước biểu đồ."), *body, Paragraph("Sau biểu đồ.")),  # type: ignore[arg-type]
    )


def test_a_chart_needs_one_value_per_category_in_every_series() -> None:
    with pytest.raises(ValueError, match="one value per category"):
        BarChart(("A", "B"), (("2024", (1.0,)),))
    with pytest.raises(ValueError, match="at least one series"):
        BarChart(("A",), ())
    with pytest.raises(ValueError, match="negative"):
        BarChart(("A",), (("2024", (1.0,)),), height_mm=-1)


def test_the_pdf_draws_the_chart_with_its_labels_legend_values_and_caption() -> None:
    text = pt.body_text(render_pdf(_document(CHART)))
    for expected in (
        "Lao động tiên tiến",
        "Giấy khen của Giám đốc Sở",
        "Năm 2023",
        "Năm 2024",
        "45",
        "Biểu đồ: Khen thưởng theo danh hiệu",
    ):
        assert expected in text, expected
    assert text.index("Trước biểu đồ.") < text.index("Năm 2024") < text.index("Sau biểu đồ.")


def test_word_gets_the_same_drawing_as_a_picture_the_width_of_the_text() -> None:
    word = docx.Document(io.BytesIO(render_docx(_document(CHART))))
    (shape,) = word.inline_shapes
    text_mm = geometry(False).text_width_mm
    assert abs(shape.width.mm - text_mm) < 0.5
    texts = [p.text for p in word.paragraphs]
    assert texts.index("Trước biểu đồ.") < texts.index(CHART.caption) < texts.index("Sau biểu đồ.")
    blob = next(r.target_part.blob for r in word.part.rels.values() if "image" in r.reltype)
    image = Image.open(io.BytesIO(blob))
    drawing = chart_drawing(CHART, text_mm / 25.4 * 72)
    assert image.size == (round(drawing.width * 200 / 72), round(drawing.height * 200 / 72))
    colours = {c for _n, c in image.getcolors(1 << 20)}
    for colour in SERIES_COLOURS[:2]:
        rgb = tuple(round(v * 255) for v in colour.rgb())
        assert any(all(abs(a - b) <= 1 for a, b in zip(rgb, c, strict=True)) for c in colours)
    assert any(max(c) < 60 for c in colours)  # the labels' dark text is drawn too


def test_the_png_is_the_same_every_time() -> None:
    drawing = chart_drawing(CHART, 400)
    assert drawing_png(drawing) == drawing_png(chart_drawing(CHART, 400))
    assert render_docx(_document(CHART)) == render_docx(_document(CHART))
    assert render_pdf(_document(CHART)) == render_pdf(_document(CHART))


def test_an_empty_chart_still_draws() -> None:
    empty = BarChart((), (("Năm 2024", ()),))
    assert render_pdf(_document(empty)).startswith(b"%PDF")
    assert render_docx(_document(empty))
