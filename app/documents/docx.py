"""Render an AdminDocument to DOCX with python-docx: the same structure, for editing in Word."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import datetime

import docx  # python-docx (absolute import: this module is app.documents.docx)
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents import docx_xml as x
from app.documents import layout as lay
from app.documents import model as m
from app.documents.fonts import FONT_NAMES, WORD_FONT, register_fonts
from app.documents.text import printable, upper

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
END_ROWS = 2  # rows of a table ending the body that go with the signature (as in the PDF)
FIXED_TIME = datetime(2000, 1, 1)  # core properties carry no real date: same data, same bytes
CREATOR = "TĐKT Desk"
Container = Document | _Cell


@dataclass(frozen=True)
class Look:
    """How one paragraph looks (sizes in points)."""

    size: float = lay.SIZE_BODY
    bold: bool = False
    italic: bool = False
    align: str = "center"
    first_indent: bool = False
    space_before: float = 0
    space_after: float = 0
    keep_next: bool = False
    keep_lines: bool = False  # all its lines on one page
    hanging: bool = False  # a "- " line: the dash hangs out of the text after it


BODY = Look(align="justify", first_indent=True, space_after=6)
DASH = Look(align="justify", first_indent=True, space_after=6, hanging=True)


def _width_mm(text: str, face: str, size: float) -> float:
    """Printed width of the widest line (the PDF font's metrics; Times has the same)."""
    lines = printable(text).split("\n")
    return max(stringWidth(line, FONT_NAMES[face], size) for line in lines) * lay.MM_PER_POINT


def _paragraph(container: Container) -> Paragraph:
    """A new paragraph; a new table cell's own empty paragraph is used first."""
    if isinstance(container, _Cell):
        paragraphs = container.paragraphs
        if len(paragraphs) == 1 and len(paragraphs[0]._p) == 0:
            return paragraphs[0]
    return container.add_paragraph()


def _line(container: Container, text: str, look: Look) -> Paragraph:
    paragraph = _paragraph(container)
    paragraph.alignment = ALIGN[look.align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(look.space_before), Pt(look.space_after)
    start = Mm(lay.FIRST_LINE_INDENT_MM if look.first_indent else 0)
    if look.hanging:  # "- text": the dash at the start, wrapped lines aligned after it
        hang = Pt(lay.DASH_EM * look.size)
        fmt.left_indent, fmt.first_line_indent = Emu(start + hang), Emu(-hang)
    elif look.first_indent:
        fmt.first_line_indent = start
    if look.keep_next:
        fmt.keep_with_next = True
    if look.keep_lines:
        fmt.keep_together = True
    run = paragraph.add_run(printable(text))  # python-docx turns "\n" into a line break
    run.bold, run.italic = look.bold or None, look.italic or None
    run.font.size = Pt(look.size)
    return paragraph


def _rule(container: Container, box_mm: float, rule_mm: float, after: float = 2) -> None:
    """A short solid line: a tiny empty paragraph with a bottom border, indented to its width."""
    paragraph = _paragraph(container)
    side = Mm(max((box_mm - rule_mm) / 2, 0))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    fmt.line_spacing = Pt(3)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    x.bottom_border(paragraph)


def _setup(document: Document, doc: m.AdminDocument, page: lay.PageGeometry) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if doc.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(lay.MARGIN_TOP_MM), Mm(lay.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(lay.MARGIN_LEFT_MM), Mm(lay.MARGIN_RIGHT_MM)
    section.header_distance = Mm(lay.PAGE_NUMBER_BASELINE_MM - 4)
    x.set_defaults(document, WORD_FONT, lay.SIZE_BODY)
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(lay.SIZE_BODY)
    x.set_fonts(normal.element.get_or_add_rPr(), WORD_FONT)
    properties = document.core_properties
    properties.title = printable(doc.metadata_title)
    properties.author = printable(doc.metadata_author)
    properties.subject = printable(" ".join(doc.subject))
    properties.last_modified_by = CREATOR
    properties.comments = ""
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1


def _two_columns(
    document: Document, text_mm: float, split: float, rows: int = 1
) -> list[tuple[_Cell, _Cell]]:
    """A borderless layout table of two columns (rows kept on one page)."""
    widths = [text_mm * split, text_mm * (1 - split)]
    table = document.add_table(rows=rows, cols=2)
    x.layout_table(table, widths, borders=False)
    out = []
    for row in table.rows:
        x.row_flag(row._tr, "w:cantSplit")
        left, right = row.cells
        out.append((left, right))
    return out


def _header(document: Document, doc: m.AdminDocument, text_mm: float) -> None:
    header = doc.header
    ((left, right),) = _two_columns(document, text_mm, lay.HEADER_SPLIT)
    left_mm, right_mm = text_mm * lay.HEADER_SPLIT, text_mm * (1 - lay.HEADER_SPLIT)
    if header.parent_body.strip():
        _line(left, upper(header.parent_body), Look(size=lay.SIZE_PARENT))
    issuing = upper(header.issuing_body).strip()
    if issuing:
        _line(left, issuing, Look(size=lay.SIZE_ISSUING, bold=True))
        rule = _width_mm(issuing, "bold", lay.SIZE_ISSUING) * lay.ISSUING_RULE_SHARE
        _rule(left, left_mm, min(max(rule, 12), left_mm * 0.6))
    if header.number_symbol.strip():
        _line(left, header.number_symbol, Look(size=lay.SIZE_NUMBER, space_before=4))
    if not doc.doc_type.strip():
        for line in doc.subject:
            _line(left, line, Look(size=lay.SIZE_CV_SUBJECT, space_before=2))
    _line(right, lay.NATIONAL_TITLE, Look(size=lay.SIZE_NATIONAL, bold=True))
    _line(right, lay.MOTTO, Look(size=lay.SIZE_MOTTO, bold=True))
    _rule(right, right_mm, _width_mm(lay.MOTTO, "bold", lay.SIZE_MOTTO))
    if header.place_date.strip():
        _line(right, header.place_date, Look(size=lay.SIZE_PLACE_DATE, italic=True, space_before=4))


def _title(document: Document, doc: m.AdminDocument, text_mm: float) -> None:
    if doc.doc_type.strip():
        _line(document, upper(doc.doc_type), Look(bold=True, space_before=20, keep_next=True))
        for line in doc.subject:
            _line(document, line, Look(bold=True, keep_next=True))
        if doc.subject:
            widest = max(_width_mm(s, "bold", lay.SIZE_TITLE) for s in doc.subject)
            _rule(document, text_mm, min(widest * lay.SUBJECT_RULE_SHARE, 60), after=10)
    else:
        _line(document, "", Look(size=6))
    for basis in doc.legal_bases:
        _line(document, basis, Look(italic=True, align="justify", first_indent=True, space_after=3))


def _table(document: Document, block: m.Table, text_mm: float) -> None:
    widths = [text_mm * f for f in block.fractions()]
    aligns = [block.column_align(i) for i in range(len(widths))]
    table = document.add_table(rows=1 if block.columns else 0, cols=len(widths))
    x.layout_table(table, widths, borders=True)
    if block.columns:
        head = table.rows[0]
        x.row_flag(head._tr, "w:cantSplit")
        if block.header_repeat:
            x.row_flag(head._tr, "w:tblHeader")
        for cell, title in zip(head.cells, block.columns, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(printable(title))
            run.bold, run.font.size = True, Pt(lay.SIZE_CELL)
    rows = ([printable(v) for v in row] for row in block.padded_rows())
    x.append_rows(table, rows, widths, aligns, lay.SIZE_CELL)
    _line(document, "", Look(size=6))  # Word needs a paragraph between two tables


def _chart(document: Document, block: m.BarChart, text_mm: float) -> None:
    """The chart as a PNG of the PDF's own drawing, as wide as the text, centred."""
    from app.documents.chart import chart_drawing, drawing_png

    drawing = chart_drawing(block, text_mm / lay.MM_PER_POINT)
    paragraph = _line(document, "", Look(space_before=4, keep_next=bool(block.caption.strip())))
    paragraph.runs[0].add_picture(io.BytesIO(drawing_png(drawing)), width=Mm(text_mm))
    if block.caption.strip():
        _line(document, block.caption, Look(italic=True, space_after=6))


def _certificate_block(
    document: Document, block: m.Display | m.SignatureBlock, text_mm: float
) -> None:
    """Large centred type, or a signature inside the body (certificates, attached lists)."""
    if isinstance(block, m.Display):
        look = Look(
            size=block.size, bold=block.bold, italic=block.italic, space_after=block.size * 0.35
        )
        look = replace(look, space_before=block.space_before_mm / lay.MM_PER_POINT)
        _line(document, block.text, look)
    else:
        _space_before_closing(document)
        ((left, right),) = _two_columns(document, text_mm, lay.CLOSING_SPLIT)
        if block.recipients:
            _recipients(left, block)
        elif block.note.strip():
            _line(left, block.note, Look(size=lay.SIZE_CELL, italic=True, align="left"))
        if block.place_date.strip():
            _line(right, block.place_date, Look(size=lay.SIZE_PLACE_DATE, italic=True))
        _signature(right, block.signer)
        # Word needs a paragraph after a table: 1 pt high, so that it never spills onto a page
        # of its own (a certificate filling its page would be followed by a blank one)
        fmt = _line(document, "", Look(size=1)).paragraph_format
        fmt.line_spacing, fmt.line_spacing_rule = Pt(1), WD_LINE_SPACING.EXACTLY


def _lead_in(document: Document, text: str, look: Look) -> None:
    """A body line; a short one ending with ":" (it announces what follows) is kept with it."""
    _line(document, text, replace(look, keep_next=lay.is_lead_in(text)))


def _block(document: Document, block: m.Block, text_mm: float) -> None:
    if isinstance(block, m.Heading):
        space = 6 if block.level == 1 else 0
        look = replace(BODY, bold=True, italic=block.level == 3, space_before=space)
        _line(document, block.text, replace(look, keep_next=True, keep_lines=True))
    elif isinstance(block, m.Paragraph):
        look = Look(
            bold=block.bold,
            italic=block.italic,
            align=block.align,
            first_indent=block.indent_first_line,
            space_after=6,
        )
        _lead_in(document, block.text, look)
    elif isinstance(block, m.LabelledLine):
        _lead_in(document, f"{lay.DASH}{block.label}: {block.text}", DASH)
    elif isinstance(block, m.Bullet):
        _lead_in(document, f"{lay.DASH}{block.text}", DASH)
    elif isinstance(block, m.Table):
        _table(document, block, text_mm)
    elif isinstance(block, m.Spacer):
        _line(document, "", Look(size=1)).paragraph_format.space_after = Mm(block.height_mm)
    elif isinstance(block, m.PageBreak):
        document.add_page_break()
    elif isinstance(block, m.BarChart):
        _chart(document, block, text_mm)

    elif isinstance(block, m.Display | m.SignatureBlock):
        _certificate_block(document, block, text_mm)
    else:
        raise TypeError(f"not a document block: {block!r}")


def _signature(cell: _Cell, signer: m.Signer) -> None:
    for line in (signer.authority, signer.title):
        if line.strip():
            _line(cell, upper(line), Look(size=lay.SIZE_SIGNER, bold=True, keep_next=True))
    name = signer.name.strip()
    space = lay.SIGNATURE_SPACE_MM / lay.MM_PER_POINT
    _line(
        cell, signer.name if name else "", Look(size=lay.SIZE_SIGNER, bold=True, space_before=space)
    )


def _recipients(
    cell: _Cell, doc: m.AdminDocument | m.SignatureBlock, space_before: float = 0
) -> None:
    _line(
        cell,
        doc.recipients_heading,
        Look(
            size=lay.SIZE_RECIPIENTS_HEADING,
            bold=True,
            italic=True,
            align="left",
            space_before=space_before,
        ),
    )
    for recipient in doc.recipients:
        look = Look(size=lay.SIZE_RECIPIENT, align="left", hanging=True)
        _line(cell, f"{lay.DASH}{recipient}", look)


def _space_before_closing(document: Document) -> None:
    """A little space; the end of the body and the space stay on the signature's page: the
    last paragraph (its last two lines, widow control), or the last rows of a table."""
    body = document.element.body
    last = body[-2] if len(body) > 1 else None  # the final child is the section properties
    if last is not None and last.tag == qn("w:p"):
        Paragraph(last, document._body).paragraph_format.keep_with_next = True
        before = body[-3] if len(body) > 2 else None  # an empty paragraph follows each table
        if before is not None and before.tag == qn("w:tbl") and not "".join(last.itertext()):
            x.keep_rows_with_next(before, END_ROWS)
    _line(document, "", Look(size=6, keep_next=True))


def _closing(document: Document, doc: m.AdminDocument, text_mm: float) -> None:
    has_signer = not doc.signer.is_empty
    if not doc.left_signer.is_empty:
        _space_before_closing(document)
        rows = _two_columns(document, text_mm, 0.5, rows=2 if doc.recipients else 1)
        _signature(rows[0][0], doc.left_signer)
        if has_signer:
            _signature(rows[0][1], doc.signer)
        if doc.recipients:
            _recipients(rows[1][0], doc, space_before=8)
            x.keep_row_with_next(rows[0][0]._tc.getparent())  # with the recipients' row
    elif doc.recipients or has_signer:
        _space_before_closing(document)
        ((left, right),) = _two_columns(document, text_mm, lay.CLOSING_SPLIT)
        if doc.recipients:
            _recipients(left, doc)
        if has_signer:
            _signature(right, doc.signer)
    else:
        return
    _line(document, "", Look(size=6))  # the body ends with a paragraph, not a table


def _page_numbers(document: Document) -> None:
    """Page numbers centred at the top from page 2 on; the first page has an empty header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    x.page_number_field(paragraph, lay.SIZE_PAGE_NUMBER)


def render_docx(doc: m.AdminDocument) -> bytes:
    """The document as a Word file; the font is named Times New Roman (Word substitutes)."""
    register_fonts()  # for the metrics that size the rules
    page = lay.geometry(doc.landscape)
    document = docx.Document()
    _setup(document, doc, page)
    text_mm = page.text_width_mm
    if not doc.bare:
        _header(document, doc, text_mm)
        _title(document, doc, text_mm)
    for block in doc.body:
        _block(document, block, text_mm)
    _closing(document, doc, text_mm)
    if not doc.bare:
        _page_numbers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return x.stable_zip(buffer.getvalue())
