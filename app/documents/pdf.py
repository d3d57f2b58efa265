"""Render an AdminDocument to PDF with ReportLab: same data, same bytes (invariant mode)."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from app.documents import model as m
from app.documents.fonts import FONT_NAMES, register_fonts
from app.documents.styles import ALIGN, build_styles
from app.vntext import nfc

CHUNK_ROWS = 500  # long tables are split: one 10,000-row Table is several times slower


def _text(value: str) -> str:
    """User text made safe for a Paragraph: NFC, escaped, line breaks kept."""
    return escape(nfc(value)).replace("\n", "<br/>")


class Rule(Flowable):
    """A short solid line, centred in the available width (under the issuing body, the motto)."""

    def __init__(
        self,
        width: float,
        thickness: float = 0.6,
        space_before: float = 6,
        space_after: float = 2,
    ) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space_before = space_before
        self.space_after = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.available_width = available_width
        return available_width, self.space_before + self.space_after + self.thickness

    def draw(self) -> None:
        x = (self.available_width - self.rule_width) / 2
        y = self.space_after
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, y, x + self.rule_width, y)


def _header(doc: m.AdminDocument, styles: StyleSheet1, width: float) -> RLTable:
    left_width, right_width = width * m.HEADER_SPLIT, width * (1 - m.HEADER_SPLIT)
    issuing = nfc(doc.header.issuing_body)
    issuing_width = stringWidth(issuing.split("\n")[-1], styles["IssuingBody"].fontName, 13)
    left: list[Flowable] = [
        RLParagraph(_text(doc.header.parent_body), styles["ParentBody"]),
        RLParagraph(_text(issuing), styles["IssuingBody"]),
        Rule(min(left_width * 0.5, max(issuing_width * 0.6, 20 * mm))),
        RLParagraph(_text(doc.header.number_symbol), styles["Number"]),
    ]
    motto_width = stringWidth(m.MOTTO, styles["Motto"].fontName, 13)
    right: list[Flowable] = [
        RLParagraph(m.NATIONAL_TITLE, styles["NationalTitle"]),
        RLParagraph(m.MOTTO, styles["Motto"]),
        Rule(motto_width),
        RLParagraph(_text(doc.header.place_date), styles["PlaceDate"]),
    ]
    table = RLTable([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(_plain_style())
    return table


def _plain_style() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT_NAMES["regular"], 12),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def _title(doc: m.AdminDocument, styles: StyleSheet1) -> list[Flowable]:
    out: list[Flowable] = []
    if doc.doc_type:
        out.append(RLParagraph(_text(doc.doc_type), styles["DocType"]))
    subject_style = styles["Subject"] if doc.doc_type else styles["DocType"]
    for line in doc.subject:
        out.append(RLParagraph(_text(line), subject_style))
    if doc.subject:
        widest = max(stringWidth(nfc(s), subject_style.fontName, 14) for s in doc.subject)
        out.append(Rule(min(widest * 0.4, 60 * mm), space_before=7, space_after=10))
    for basis in doc.legal_bases:
        out.append(RLParagraph(_text(basis), styles["LegalBasis"]))
    return out


def _paragraph(block: m.Paragraph, styles: StyleSheet1) -> RLParagraph:
    style: ParagraphStyle = styles["Body"]
    font = {
        (False, False): style.fontName,
        (True, False): styles["Heading1"].fontName,
        (False, True): styles["LegalBasis"].fontName,
        (True, True): styles["Heading3"].fontName,
    }[(block.bold, block.italic)]
    variant = ParagraphStyle(
        f"Body-{block.bold}-{block.italic}-{block.align}-{block.indent_first_line}",
        parent=style,
        fontName=font,
        alignment=ALIGN.get(block.align, ALIGN["justify"]),
        firstLineIndent=style.firstLineIndent if block.indent_first_line else 0,
    )
    return RLParagraph(_text(block.text), variant)


def _table(block: m.Table, styles: StyleSheet1, width: float) -> list[Flowable]:
    count = max(len(block.columns), 1)
    fractions = block.widths or tuple(1 / count for _ in range(count))
    col_widths = [width * f for f in fractions]
    head = [RLParagraph(_text(c), styles["CellHead"]) for c in block.columns]
    out: list[Flowable] = []
    rows = list(block.rows) or [tuple("" for _ in block.columns)]
    for start in range(0, len(rows), CHUNK_ROWS):
        data: list[list[Any]] = [head]
        for row in rows[start : start + CHUNK_ROWS]:
            cells = []
            for i, value in enumerate(row):
                align = block.align[i] if i < len(block.align) else "left"
                style = ParagraphStyle(
                    f"Cell-{align}", parent=styles["Cell"], alignment=ALIGN.get(align, 0)
                )
                cells.append(RLParagraph(_text(value), style))
            data.append(cells)
        table = RLTable(data, colWidths=col_widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT_NAMES["regular"], 12),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
                ]
            )
        )
        out.append(table)
    out.append(RLSpacer(1, 6))
    return out


def _body(doc: m.AdminDocument, styles: StyleSheet1, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for block in doc.body:
        if isinstance(block, m.Heading):
            out.append(
                RLParagraph(_text(block.text), styles[f"Heading{min(max(block.level, 1), 3)}"])
            )
        elif isinstance(block, m.Paragraph):
            out.append(_paragraph(block, styles))
        elif isinstance(block, m.LabelledLine):
            out.append(RLParagraph(_text(f"- {block.label}: {block.text}"), styles["Body"]))
        elif isinstance(block, m.Bullet):
            out.append(RLParagraph(_text(f"- {block.text}"), styles["Body"]))
        elif isinstance(block, m.Table):
            out.extend(_table(block, styles, width))
        elif isinstance(block, m.Spacer):
            out.append(RLSpacer(1, block.height_mm * mm))
        elif isinstance(block, m.PageBreak):
            out.append(RLPageBreak())
    return out


def _closing(doc: m.AdminDocument, styles: StyleSheet1, width: float) -> list[Flowable]:
    if not doc.recipients and not (doc.signer.title or doc.signer.name):
        return []
    left: list[Flowable] = []
    if doc.recipients:
        left.append(RLParagraph(_text(doc.recipients_heading), styles["RecipientsHeading"]))
        left.extend(RLParagraph(_text(f"- {r}"), styles["Recipient"]) for r in doc.recipients)
    right: list[Flowable] = []
    for line in (doc.signer.authority, doc.signer.title):
        if line:
            right.append(RLParagraph(_text(line.upper()), styles["SignerTitle"]))
    right.append(RLSpacer(1, 25 * mm))
    if doc.signer.name:
        right.append(RLParagraph(_text(doc.signer.name), styles["SignerName"]))
    table = RLTable(
        [[left, right]], colWidths=[width * m.CLOSING_SPLIT, width * (1 - m.CLOSING_SPLIT)]
    )
    table.setStyle(_plain_style())
    return [RLSpacer(1, 8), KeepTogether([table])]


def render_pdf(doc: m.AdminDocument) -> bytes:
    """The document as PDF bytes; fonts embedded; identical bytes for identical input."""
    register_fonts()
    styles = build_styles()
    page = landscape(A4) if doc.landscape else A4
    width = page[0] - (m.MARGIN_LEFT_MM + m.MARGIN_RIGHT_MM) * mm
    height = page[1] - (m.MARGIN_TOP_MM + m.MARGIN_BOTTOM_MM) * mm
    frame = Frame(
        m.MARGIN_LEFT_MM * mm, m.MARGIN_BOTTOM_MM * mm, width, height, 0, 0, 0, 0, id="body"
    )

    def page_number(canvas: Canvas, template: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(styles["PageNumber"].fontName, 13)
        canvas.drawCentredString(page[0] / 2, page[1] - 13 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=m.MARGIN_LEFT_MM * mm,
        rightMargin=m.MARGIN_RIGHT_MM * mm,
        topMargin=m.MARGIN_TOP_MM * mm,
        bottomMargin=m.MARGIN_BOTTOM_MM * mm,
        title=nfc(doc.title or doc.doc_type),
        author=nfc(doc.author),
        creator="TĐKT Desk",
        producer="TĐKT Desk",
        subject=nfc(" ".join(doc.subject)),
        invariant=1,
        initialFontName=styles["Body"].fontName,
        initialFontSize=14,
        pageTemplates=[
            PageTemplate(id="first", frames=[frame]),
            PageTemplate(id="later", frames=[frame], onPage=page_number),
        ],
    )
    story: list[Flowable] = [NextPageTemplate("later"), _header(doc, styles, width)]
    story += _title(doc, styles)
    story += _body(doc, styles, width)
    story += _closing(doc, styles, width)
    template.build(story)
    return buffer.getvalue()
