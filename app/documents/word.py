"""Render an AdminDocument to DOCX with python-docx: the same structure, for editing in Word."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from app.documents import model as m
from app.documents.fonts import WORD_FONT
from app.vntext import nfc

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
FIXED_TIME = datetime(2000, 1, 1)


def _set_fonts(element: object, size: float) -> None:
    """Times New Roman for every script (Vietnamese needs ascii, hAnsi and cs set)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), WORD_FONT)


def _setup(document: Document, doc: m.AdminDocument) -> None:
    section = document.sections[0]
    width, height = Mm(m.PAGE_WIDTH_MM), Mm(m.PAGE_HEIGHT_MM)
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(m.MARGIN_TOP_MM), Mm(m.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(m.MARGIN_LEFT_MM), Mm(m.MARGIN_RIGHT_MM)
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element, 14)
    normal.paragraph_format.space_after = Pt(0)
    properties = document.core_properties
    properties.title = nfc(doc.title or doc.doc_type)
    properties.author = nfc(doc.author)
    properties.last_modified_by = "TĐKT Desk"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1


def _line(
    container: Document | _Cell,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    first_indent: bool = False,
    space_after: float = 0,
    space_before: float = 0,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(space_after), Pt(space_before)
    if first_indent:
        fmt.first_line_indent = Mm(m.FIRST_LINE_INDENT_MM)
    run = paragraph.add_run(nfc(text))
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return paragraph


def _rule(container: Document | _Cell, cell_width_mm: float, rule_width_mm: float) -> None:
    """A short solid line: an empty paragraph with a bottom border, indented to its width."""
    paragraph = container.add_paragraph()
    side = max((cell_width_mm - rule_width_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.space_after = Pt(2)
    run = paragraph.add_run()
    run.font.size = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _two_columns(document: Document, split: float) -> tuple[_Cell, _Cell, float, float]:
    text_width = m.PAGE_WIDTH_MM - m.MARGIN_LEFT_MM - m.MARGIN_RIGHT_MM
    left_mm, right_mm = text_width * split, text_width * (1 - split)
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    # Readers size columns from the table grid; Word also reads the cell widths.
    table.columns[0].width, table.columns[1].width = Mm(left_mm), Mm(right_mm)
    left.width, right.width = Mm(left_mm), Mm(right_mm)
    # the new cells hold one empty paragraph each; drop it so content starts at the top
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right, left_mm, right_mm


def _header(document: Document, doc: m.AdminDocument) -> None:
    left, right, left_mm, right_mm = _two_columns(document, m.HEADER_SPLIT)
    _line(left, doc.header.parent_body, size=13)
    _line(left, doc.header.issuing_body, size=13, bold=True)
    _rule(left, left_mm, min(left_mm * 0.5, 30))
    _line(left, doc.header.number_symbol, size=13, space_before=4)
    _line(right, m.NATIONAL_TITLE, size=12, bold=True)
    _line(right, m.MOTTO, size=13, bold=True)
    _rule(right, right_mm, 62)
    _line(right, doc.header.place_date, italic=True, space_before=6)


def _title(document: Document, doc: m.AdminDocument) -> None:
    if doc.doc_type:
        _line(document, doc.doc_type, bold=True, space_before=18)
    for line in doc.subject:
        _line(document, line, bold=True)
    if doc.subject:
        text_width = m.PAGE_WIDTH_MM - m.MARGIN_LEFT_MM - m.MARGIN_RIGHT_MM
        _rule(document, text_width, 50)
    for basis in doc.legal_bases:
        _line(document, basis, italic=True, align="justify", first_indent=True, space_after=3)


def _table(document: Document, block: m.Table) -> None:
    text_width = m.PAGE_WIDTH_MM - m.MARGIN_LEFT_MM - m.MARGIN_RIGHT_MM
    count = max(len(block.columns), 1)
    fractions = block.widths or tuple(1 / count for _ in range(count))
    table = document.add_table(rows=1, cols=count)
    table.style = "Table Grid"
    for column, fraction in zip(table.columns, fractions, strict=False):
        column.width = Mm(text_width * fraction)
    header = table.rows[0]
    trpr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for cell, title, fraction in zip(header.cells, block.columns, fractions, strict=False):
        cell.width = Mm(text_width * fraction)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = cell.paragraphs[0].add_run(nfc(title))
        run.bold, run.font.size = True, Pt(12)
    for values in block.rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, values, strict=False)):
            cell.width = Mm(text_width * fractions[i])
            align = block.align[i] if i < len(block.align) else "left"
            cell.paragraphs[0].alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
            cell.paragraphs[0].add_run(nfc(value)).font.size = Pt(12)
    document.add_paragraph()


def _body(document: Document, doc: m.AdminDocument) -> None:
    body_style = {"align": "justify", "first_indent": True, "space_after": 6}
    for block in doc.body:
        if isinstance(block, m.Heading):
            _line(document, block.text, bold=True, italic=block.level >= 3, **body_style)  # type: ignore[arg-type]
        elif isinstance(block, m.Paragraph):
            _line(
                document,
                block.text,
                bold=block.bold,
                italic=block.italic,
                align=block.align,
                first_indent=block.indent_first_line,
                space_after=6,
            )
        elif isinstance(block, m.LabelledLine):
            _line(document, f"- {block.label}: {block.text}", **body_style)  # type: ignore[arg-type]
        elif isinstance(block, m.Bullet):
            _line(document, f"- {block.text}", **body_style)  # type: ignore[arg-type]
        elif isinstance(block, m.Table):
            _table(document, block)
        elif isinstance(block, m.Spacer):
            document.add_paragraph().paragraph_format.space_after = Mm(block.height_mm)
        elif isinstance(block, m.PageBreak):
            document.add_page_break()


def _closing(document: Document, doc: m.AdminDocument) -> None:
    if not doc.recipients and not (doc.signer.title or doc.signer.name):
        return
    document.add_paragraph()
    left, right, _, _ = _two_columns(document, m.CLOSING_SPLIT)
    if doc.recipients:
        _line(left, doc.recipients_heading, size=12, bold=True, italic=True, align="left")
        for recipient in doc.recipients:
            _line(left, f"- {recipient}", size=11, align="left")
    else:
        left.add_paragraph()
    for line in (doc.signer.authority, doc.signer.title):
        if line:
            _line(right, line.upper(), bold=True)
    for _ in range(4):
        right.add_paragraph()
    if doc.signer.name:
        _line(right, doc.signer.name, bold=True)


def _page_numbers(document: Document) -> None:
    """Page numbers centred at the top from page 2 on (the first page has its own empty header)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def render_docx(doc: m.AdminDocument) -> bytes:
    document = docx.Document()
    _setup(document, doc)
    _header(document, doc)
    _title(document, doc)
    _body(document, doc)
    _closing(document, doc)
    _page_numbers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
