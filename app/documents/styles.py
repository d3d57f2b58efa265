"""Our own ReportLab stylesheet for administrative documents (sizes per Decree 30/2020)."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from app.documents import layout as lay
from app.documents.fonts import FONT_NAMES

ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
REGULAR, BOLD = FONT_NAMES["regular"], FONT_NAMES["bold"]
ITALIC, BOLD_ITALIC = FONT_NAMES["italic"], FONT_NAMES["bolditalic"]
FONT_FOR = {
    (False, False): REGULAR,
    (True, False): BOLD,
    (False, True): ITALIC,
    (True, True): BOLD_ITALIC,
}
LEADING = 1.2  # header, title and signature lines
BODY_LEADING = 1.25
INDENT = lay.FIRST_LINE_INDENT_MM * mm
CELL_LEADING = lay.SIZE_CELL * 1.2
CELL_PADDING = (4.0, 2.0, 4.0, 3.0)  # left, top, right, bottom, in points


def _style(name: str, font: str, size: float, **kwargs: object) -> ParagraphStyle:
    kwargs.setdefault("leading", size * LEADING)
    return ParagraphStyle(name, fontName=font, fontSize=size, **kwargs)  # type: ignore[arg-type]


def _header_styles() -> list[ParagraphStyle]:
    # Each line of the left column shares its leading with the line beside it on the right,
    # so that the two rules end up at the same height.
    centred = {"alignment": TA_CENTER}
    return [
        _style("ParentBody", REGULAR, lay.SIZE_PARENT, leading=16, **centred),
        _style("IssuingBody", BOLD, lay.SIZE_ISSUING, leading=17, **centred),
        _style("Number", REGULAR, lay.SIZE_NUMBER, leading=17, spaceBefore=4, **centred),
        _style("CvSubject", REGULAR, lay.SIZE_CV_SUBJECT, spaceBefore=2, **centred),
        _style("NationalTitle", BOLD, lay.SIZE_NATIONAL, leading=16, **centred),
        _style("Motto", BOLD, lay.SIZE_MOTTO, leading=17, **centred),
        _style("PlaceDate", ITALIC, lay.SIZE_PLACE_DATE, leading=17, spaceBefore=4, **centred),
    ]


def _title_styles() -> list[ParagraphStyle]:
    centred = {"alignment": TA_CENTER}
    return [
        _style("DocType", BOLD, lay.SIZE_TITLE, spaceBefore=20, **centred),
        _style("Subject", BOLD, lay.SIZE_TITLE, **centred),
        _style(
            "LegalBasis",
            ITALIC,
            lay.SIZE_BODY,
            leading=lay.SIZE_BODY * BODY_LEADING,
            alignment=TA_JUSTIFY,
            firstLineIndent=INDENT,
            spaceAfter=3,
        ),
    ]


def _body_styles() -> list[ParagraphStyle]:
    size = lay.SIZE_BODY
    hang = lay.DASH_EM * size
    body = {
        "leading": size * BODY_LEADING,
        "alignment": TA_JUSTIFY,
        "firstLineIndent": INDENT,
        "spaceAfter": 6,
        # widow and orphan control (as Word's): never one line of a paragraph alone at the
        # head or the foot of a page
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    # Headings are kept with the first lines of what follows, not with the whole next
    # paragraph (a long one would leave a quarter page empty): see pdf_keep.py.
    headings = dict(body)
    return [
        _style("Body", REGULAR, size, **body),
        _style("Heading1", BOLD, size, spaceBefore=6, **headings),
        _style("Heading2", BOLD, size, **headings),
        _style("Heading3", BOLD_ITALIC, size, **headings),
        # "- text": the dash at the paragraph indent, wrapped lines aligned after it
        _style(
            "Dash", REGULAR, size, **{**body, "leftIndent": INDENT + hang, "firstLineIndent": -hang}
        ),
    ]


def _closing_styles() -> list[ParagraphStyle]:
    centred = {"alignment": TA_CENTER}
    return [
        _style("RecipientsHeading", BOLD_ITALIC, lay.SIZE_RECIPIENTS_HEADING, spaceAfter=1),
        _style(
            "Recipient",
            REGULAR,
            lay.SIZE_RECIPIENT,
            leading=13.5,
            leftIndent=lay.DASH_EM * lay.SIZE_RECIPIENT,
            firstLineIndent=-lay.DASH_EM * lay.SIZE_RECIPIENT,
        ),
        _style("SignerTitle", BOLD, lay.SIZE_SIGNER, **centred),
        _style("SignerName", BOLD, lay.SIZE_SIGNER, **centred),
        _style("SignatureNote", ITALIC, lay.SIZE_CELL, leading=lay.SIZE_CELL * BODY_LEADING),
    ]


def _table_styles() -> list[ParagraphStyle]:
    return [
        _style("Cell", REGULAR, lay.SIZE_CELL, leading=CELL_LEADING),
        _style("CellHead", BOLD, lay.SIZE_CELL, leading=CELL_LEADING, alignment=TA_CENTER),
        _style("PageNumber", REGULAR, lay.SIZE_PAGE_NUMBER, alignment=TA_CENTER),
    ]


def build_styles() -> StyleSheet1:
    """A new stylesheet (call after fonts.register_fonts, which names the faces)."""
    sheet = StyleSheet1()
    for style in (
        *_header_styles(),
        *_title_styles(),
        *_body_styles(),
        *_closing_styles(),
        *_table_styles(),
    ):
        sheet.add(style)
    return sheet


def body_variant(
    sheet: StyleSheet1, *, bold: bool, italic: bool, align: str, indent: bool
) -> ParagraphStyle:
    """The body style in another face or alignment, made once per stylesheet."""
    base: ParagraphStyle = sheet["Body"]
    name = f"Body-{int(bold)}{int(italic)}-{align}-{int(indent)}"
    if name not in sheet:
        sheet.add(
            ParagraphStyle(
                name,
                parent=base,
                fontName=FONT_FOR[(bold, italic)],
                alignment=ALIGN[align],
                firstLineIndent=base.firstLineIndent if indent else 0,
            )
        )
    return sheet[name]


def display_style(sheet: StyleSheet1, block: object) -> ParagraphStyle:
    """A centred style of the display block's size and face, made once per stylesheet."""
    size, bold, italic = block.size, block.bold, block.italic  # type: ignore[attr-defined]
    name = f"Display-{size:g}-{int(bold)}{int(italic)}"
    if name not in sheet:
        sheet.add(
            _style(
                name, FONT_FOR[(bold, italic)], size, alignment=TA_CENTER, spaceAfter=size * 0.35
            )
        )
    return sheet[name]
