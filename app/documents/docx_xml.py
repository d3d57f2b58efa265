"""WordprocessingML pieces python-docx has no API for: fonts, borders, fields, fast table rows."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable, Sequence

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

TWIPS_PER_MM = 1440 / 25.4
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_FONT_KEYS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_KEYS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# what may follow w:pBdr inside w:pPr (the schema fixes the order)
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """The first child called ``tag``, made (at the end) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_fonts(rpr: etree._Element, name: str) -> None:
    """One font for every script: Vietnamese letters are looked up in ascii, hAnsi and cs."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in _THEME_KEYS:  # a theme font would win over the named one
        fonts.attrib.pop(qn(key), None)
    for key in _FONT_KEYS:
        fonts.set(qn(key), name)


def set_defaults(document: Document, font: str, size_pt: float) -> None:
    """Document defaults: the font for every script, the size, Vietnamese, no spacing."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, font)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = _child(ppr, "w:spacing")
    for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "240")):
        spacing.set(qn(key), value)
    spacing.set(qn("w:lineRule"), "auto")
    # widow and orphan control, as in Word's own Normal template: never one line of a
    # paragraph alone at the foot or the head of a page (absent, the schema means off)
    ppr.get_or_add_widowControl()


def bottom_border(paragraph: Paragraph, size_eighths: int = 6) -> None:
    """A solid line under the paragraph, as wide as the paragraph (between its indents)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1")):
        bottom.set(qn(key), value)
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def layout_table(table: Table, widths_mm: Sequence[float], borders: bool) -> None:
    """Fixed column widths (grid and cells), and single black borders or none at all."""
    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    for child in list(tblpr):
        tblpr.remove(child)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), twips(sum(widths_mm)))
    width.set(qn("w:type"), "dxa")
    tblpr.append(width)
    tblpr.append(_borders(borders))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    # a layout table's text lines up with the page's; a ruled table's cells get some air
    margins = OxmlElement("w:tblCellMar")
    sides = ("top", "left", "bottom", "right")
    for side, value in zip(sides, (40, 80, 40, 80) if borders else (0, 0, 0, 0), strict=True):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(value))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tblpr.append(margins)
    if look is not None:
        tblpr.append(look)
    for col, mm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), twips(mm))
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=False):
            cell_width(cell._tc, mm)


def _borders(visible: bool) -> etree._Element:
    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        edges.append(line)
    return edges


def cell_width(tc: etree._Element, mm: float) -> None:
    tcpr = tc.get_or_add_tcPr()
    width = tcpr.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        tcpr.insert(0, width)
    width.set(qn("w:w"), twips(mm))
    width.set(qn("w:type"), "dxa")


def row_flag(tr: etree._Element, tag: str) -> None:
    """w:tblHeader (repeat the row on every page) or w:cantSplit on a table row."""
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(flag)


def text_runs(parent: etree._Element, text: str, rpr: etree._Element | None) -> None:
    """Runs of ``text`` under a w:p, a w:br for each line break."""
    for index, line in enumerate(text.split("\n")):
        run = etree.SubElement(parent, qn("w:r"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        if index:
            etree.SubElement(run, qn("w:br"))
        t = etree.SubElement(run, qn("w:t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def run_properties(size_pt: float, bold: bool = False) -> etree._Element:
    rpr = etree.Element(qn("w:rPr"))
    if bold:
        etree.SubElement(rpr, qn("w:b"))
    for tag in ("w:sz", "w:szCs"):
        etree.SubElement(rpr, qn(tag)).set(qn("w:val"), str(round(size_pt * 2)))
    return rpr


def append_rows(
    table: Table,
    rows: Iterable[Sequence[str]],
    widths_mm: Sequence[float],
    aligns: Sequence[str],
    size_pt: float,
) -> None:
    """Rows written straight into the XML: python-docx's add_row() slows down as n²."""
    tbl = table._tbl
    rpr = run_properties(size_pt)
    widths = [twips(mm) for mm in widths_mm]
    for values in rows:
        tr = etree.SubElement(tbl, qn("w:tr"))
        # a row is never broken across two pages (the PDF breaks only a row taller than one)
        flag = etree.SubElement(etree.SubElement(tr, qn("w:trPr")), qn("w:cantSplit"))
        flag.set(qn("w:val"), "true")
        for value, width, align in zip(values, widths, aligns, strict=False):
            tc = etree.SubElement(tr, qn("w:tc"))
            tcw = etree.SubElement(etree.SubElement(tc, qn("w:tcPr")), qn("w:tcW"))
            tcw.set(qn("w:w"), width)
            tcw.set(qn("w:type"), "dxa")
            p = etree.SubElement(tc, qn("w:p"))
            etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:jc")).set(
                qn("w:val"), JC[align]
            )
            if value:
                text_runs(p, value, rpr)


def keep_rows_with_next(tbl: etree._Element, count: int) -> None:
    """The last ``count`` rows of a table kept on one page with what follows the table (Word
    keeps a row with the next when its paragraphs are kept with the next)."""
    for tr in tbl.findall(qn("w:tr"))[-count:]:
        keep_row_with_next(tr)


def keep_row_with_next(tr: etree._Element) -> None:
    """Every paragraph of the row kept with the next: the row stays with what follows it."""
    for p in tr.iter(qn("w:p")):
        Paragraph(p, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]


def page_number_field(paragraph: Paragraph, size_pt: float) -> None:
    """A PAGE field (Word fills in the number of each page)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    text_runs(field, "2", run_properties(size_pt))
    paragraph._p.append(field)


def stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry times, so that equal documents give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
