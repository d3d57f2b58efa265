"""Our own ReportLab stylesheet for administrative documents (sizes per Decree 30/2020)."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from app.documents.fonts import FONT_NAMES
from app.documents.model import FIRST_LINE_INDENT_MM

ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
REGULAR, BOLD = FONT_NAMES["regular"], FONT_NAMES["bold"]
ITALIC, BOLD_ITALIC = FONT_NAMES["italic"], FONT_NAMES["bolditalic"]


def _style(name: str, font: str, size: float, **kwargs: object) -> ParagraphStyle:
    kwargs.setdefault("leading", size * 1.2)
    return ParagraphStyle(name, fontName=font, fontSize=size, **kwargs)  # type: ignore[arg-type]


def build_styles() -> StyleSheet1:
    sheet = StyleSheet1()
    centred = {"alignment": TA_CENTER}
    for style in (
        _style("ParentBody", REGULAR, 13, **centred),
        _style("IssuingBody", BOLD, 13, **centred),
        _style("Number", REGULAR, 13, spaceBefore=4, **centred),
        _style("NationalTitle", BOLD, 12, **centred),
        _style("Motto", BOLD, 13, **centred),
        _style("PlaceDate", ITALIC, 14, spaceBefore=6, **centred),
        _style("DocType", BOLD, 14, spaceBefore=18, **centred),
        _style("Subject", BOLD, 14, **centred),
        _style(
            "LegalBasis",
            ITALIC,
            14,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT_MM * mm,
            spaceAfter=3,
        ),
        _style(
            "Body",
            REGULAR,
            14,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT_MM * mm,
            spaceAfter=6,
        ),
        _style(
            "Heading1",
            BOLD,
            14,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT_MM * mm,
            spaceBefore=6,
            spaceAfter=6,
        ),
        _style(
            "Heading2",
            BOLD,
            14,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT_MM * mm,
            spaceAfter=6,
        ),
        _style(
            "Heading3",
            BOLD_ITALIC,
            14,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT_MM * mm,
            spaceAfter=6,
        ),
        _style("RecipientsHeading", BOLD_ITALIC, 12),
        _style("Recipient", REGULAR, 11, leading=13),
        _style("SignerTitle", BOLD, 14, **centred),
        _style("SignerName", BOLD, 14, **centred),
        _style("Cell", REGULAR, 12, leading=14),
        _style("CellHead", BOLD, 12, leading=14, **centred),
        _style("PageNumber", REGULAR, 13, **centred),
    ):
        sheet.add(style)
    return sheet
