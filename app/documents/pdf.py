"""Render an AdminDocument to PDF with ReportLab: same data, same bytes (invariant mode)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import StyleSheet1
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

from app.documents import layout as lay
from app.documents import model as m
from app.documents.fonts import FontChoice, register_fonts
from app.documents.pdf_keep import KeepWithEnd, KeepWithFollowing
from app.documents.pdf_table import RowsTable, table_flowables
from app.documents.styles import REGULAR, body_variant, build_styles, display_style
from app.documents.text import printable, upper

CREATOR = "TĐKT Desk"


def _markup(value: str) -> str:
    """User text made safe for a Paragraph: NFC, escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def _para(value: str, style: object) -> RLParagraph:
    return RLParagraph(_markup(printable(value)), style)


class Rule(Flowable):
    """A short solid line, centred in the available width (under the issuing body, the motto)."""

    def __init__(self, width: float, space_before: float = 3, space_after: float = 2) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = 0.6
        self.space_before, self.space_after = space_before, space_after
        self.available_width = width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.available_width = available_width
        return available_width, self.space_before + self.space_after + self.thickness

    def draw(self) -> None:
        x = (self.available_width - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space_after, x + self.rule_width, self.space_after)


def _widest(text: str, font: str, size: float) -> float:
    return max((stringWidth(line, font, size) for line in text.split("\n")), default=0.0)


def _plain_table(rows: list[list[object]], widths: list[float]) -> RLTable:
    """A borderless layout table (header columns, recipients beside the signature)."""
    table = RLTable(rows, colWidths=widths, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, lay.SIZE_BODY),  # else cells set Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _header(doc: m.AdminDocument, styles: StyleSheet1, width: float) -> RLTable:
    header = doc.header
    left_width, right_width = width * lay.HEADER_SPLIT, width * (1 - lay.HEADER_SPLIT)
    left: list[Flowable] = []
    if header.parent_body.strip():
        left.append(_para(upper(header.parent_body), styles["ParentBody"]))
    issuing = upper(header.issuing_body).strip()
    if issuing:
        style = styles["IssuingBody"]
        left.append(_para(issuing, style))
        rule = _widest(issuing, style.fontName, style.fontSize) * lay.ISSUING_RULE_SHARE
        left.append(Rule(min(max(rule, 12 * mm), left_width * 0.6)))
    if header.number_symbol.strip():
        left.append(_para(header.number_symbol, styles["Number"]))
    if not doc.doc_type.strip():  # a công văn: its "V/v …" subject goes under the number
        left += [_para(line, styles["CvSubject"]) for line in doc.subject]
    motto = styles["Motto"]
    right: list[Flowable] = [
        _para(lay.NATIONAL_TITLE, styles["NationalTitle"]),
        _para(lay.MOTTO, motto),
        Rule(stringWidth(lay.MOTTO, motto.fontName, motto.fontSize)),
    ]
    if header.place_date.strip():
        right.append(_para(header.place_date, styles["PlaceDate"]))
    return _plain_table([[left, right]], [left_width, right_width])


def _title(doc: m.AdminDocument, styles: StyleSheet1) -> list[Flowable]:
    out: list[Flowable] = []
    if doc.doc_type.strip():
        out.append(_para(upper(doc.doc_type), styles["DocType"]))
        subject = styles["Subject"]
        out += [_para(line, subject) for line in doc.subject]
        if doc.subject:
            widest = max(
                _widest(printable(s), subject.fontName, subject.fontSize) for s in doc.subject
            )
            out.append(Rule(min(widest * lay.SUBJECT_RULE_SHARE, 60 * mm), 5, 10))
        else:
            out.append(RLSpacer(1, 10))
    else:
        out.append(RLSpacer(1, 14))
    out += [_para(basis, styles["LegalBasis"]) for basis in doc.legal_bases]
    return out


def _kept_with_next(flowable: Flowable) -> Flowable:
    """Marked to stay on one page with the start of what follows (see _keep_headings)."""
    flowable.tdkt_keep_next = True  # type: ignore[attr-defined]
    return flowable


def _lead_in(text: str, style: object) -> RLParagraph:
    """A body line; a short one ending with ":" (it announces what follows) is kept with it."""
    paragraph = _para(text, style)
    return _kept_with_next(paragraph) if lay.is_lead_in(text) else paragraph  # type: ignore[return-value]


def _block(block: m.Block, styles: StyleSheet1, width: float, height: float) -> list[Flowable]:
    if isinstance(block, m.Heading):
        return [_kept_with_next(_para(block.text, styles[f"Heading{block.level}"]))]
    if isinstance(block, m.Paragraph):
        style = body_variant(
            styles,
            bold=block.bold,
            italic=block.italic,
            align=block.align,
            indent=block.indent_first_line,
        )
        return [_lead_in(block.text, style)]
    if isinstance(block, m.LabelledLine):
        return [_lead_in(f"{lay.DASH}{block.label}: {block.text}", styles["Dash"])]
    if isinstance(block, m.Bullet):
        return [_lead_in(f"{lay.DASH}{block.text}", styles["Dash"])]
    if isinstance(block, m.Table):
        return table_flowables(block, styles, width, height)
    if isinstance(block, m.Spacer):
        return [RLSpacer(1, block.height_mm * mm)]
    if isinstance(block, m.PageBreak):
        return [RLPageBreak()]
    if isinstance(block, m.BarChart):
        return [_chart(block, styles, width)]
    if isinstance(block, m.Display):
        out: list[Flowable] = (
            [RLSpacer(1, block.space_before_mm * mm)] if block.space_before_mm else []
        )
        return [*out, _para(block.text, display_style(styles, block))]
    if isinstance(block, m.SignatureBlock):
        return [_signature_block(block, styles, width)]
    raise TypeError(f"not a document block: {block!r}")


def _chart(block: m.BarChart, styles: StyleSheet1, width: float) -> Flowable:
    from app.documents.chart import chart_drawing

    parts: list[Flowable] = [RLSpacer(1, 4), chart_drawing(block, width)]
    if block.caption.strip():
        style = body_variant(styles, bold=False, italic=True, align="center", indent=False)
        parts.append(_para(block.caption, style))
    return KeepTogether(parts)


def _signature(signer: m.Signer, styles: StyleSheet1) -> list[Flowable]:
    out: list[Flowable] = [
        _para(upper(line), styles["SignerTitle"])
        for line in (signer.authority, signer.title)
        if line.strip()
    ]
    out.append(RLSpacer(1, lay.SIGNATURE_SPACE_MM * mm))
    if signer.name.strip():
        out.append(_para(signer.name, styles["SignerName"]))
    return out


def _signature_block(block: m.SignatureBlock, styles: StyleSheet1, width: float) -> RLTable:
    right: list[Flowable] = []
    if block.place_date.strip():
        right.append(_para(block.place_date, styles["PlaceDate"]))
    right += _signature(block.signer, styles)
    left: list[Flowable] = []
    if block.recipients:
        left.append(_para(block.recipients_heading, styles["RecipientsHeading"]))
        left += [_para(f"{lay.DASH}{r}", styles["Recipient"]) for r in block.recipients]
    elif block.note.strip():
        left.append(_para(block.note, styles["SignatureNote"]))
    return _plain_table(
        [[left, right]], [width * lay.CLOSING_SPLIT, width * (1 - lay.CLOSING_SPLIT)]
    )


def _closing(doc: m.AdminDocument, styles: StyleSheet1, width: float) -> RLTable | None:
    recipients: list[Flowable] = []
    if doc.recipients:
        recipients.append(_para(doc.recipients_heading, styles["RecipientsHeading"]))
        recipients += [_para(f"{lay.DASH}{r}", styles["Recipient"]) for r in doc.recipients]
    signature = [] if doc.signer.is_empty else _signature(doc.signer, styles)
    if not doc.left_signer.is_empty:
        rows = [[_signature(doc.left_signer, styles), signature]]
        if recipients:
            rows.append([[RLSpacer(1, 8), *recipients], []])
        widths = [width / 2, width / 2]
    elif recipients or signature:
        rows = [[recipients, signature]]
        widths = [width * lay.CLOSING_SPLIT, width * (1 - lay.CLOSING_SPLIT)]
    else:
        return None
    return _plain_table(rows, widths)  # type: ignore[arg-type]


# what the closing can be kept with: the body's last paragraph, table or chart
_END_LEADS = (RLParagraph, RowsTable, KeepTogether, KeepWithEnd)


def _keep_end(story: list[Flowable], tail: list[Flowable]) -> list[Flowable]:
    """The closing (or a signature block) appended on one page with the end of the body."""
    spaces: list[Flowable] = []
    while story and isinstance(story[-1], RLSpacer):
        spaces.insert(0, story.pop())
    if story and isinstance(story[-1], _END_LEADS):
        return [*story[:-1], KeepWithEnd(story[-1], [*spaces, *tail])]
    return [*story, *spaces, *tail]


def _keep_headings(story: list[Flowable]) -> list[Flowable]:
    """Each run of headings (and lead-in lines) grouped with the block that follows it."""
    out: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable in story:
        if getattr(flowable, "tdkt_keep_next", False) or (heads and isinstance(flowable, RLSpacer)):
            heads.append(flowable)
        elif heads and not isinstance(flowable, RLPageBreak):
            out.append(KeepWithFollowing(heads, flowable))
            heads = []
        else:
            out += [*heads, flowable]
            heads = []
    return out + heads


def _story(
    doc: m.AdminDocument, styles: StyleSheet1, width: float, height: float
) -> list[Flowable]:
    if doc.bare:
        story: list[Flowable] = []
    else:
        story = [NextPageTemplate("later"), _header(doc, styles, width)]
        story += _title(doc, styles)
    for block in doc.body:
        flowables = _block(block, styles, width, height)
        if isinstance(block, m.SignatureBlock):  # kept with the end of what comes before it
            story = _keep_end(story, [RLSpacer(1, 10), *flowables])
        else:
            story += flowables
    closing = _closing(doc, styles, width)
    if closing is not None:
        # the signature never stands alone on a page: the end of the body goes with it
        story = _keep_end(story, [RLSpacer(1, 10), closing])
    return _keep_headings(story)


def render_pdf(doc: m.AdminDocument, *, font: FontChoice | None = None) -> bytes:
    """The document as PDF bytes: fonts embedded, identical bytes for identical input.

    ``font`` defaults to ``fonts.font_family()`` (Times New Roman when installed, unless
    $TDKT_DOC_FONT=bundled).
    """
    register_fonts(font)
    styles = build_styles()
    page = landscape(A4) if doc.landscape else A4
    width = page[0] - (lay.MARGIN_LEFT_MM + lay.MARGIN_RIGHT_MM) * mm
    height = page[1] - (lay.MARGIN_TOP_MM + lay.MARGIN_BOTTOM_MM) * mm
    frame = Frame(
        lay.MARGIN_LEFT_MM * mm, lay.MARGIN_BOTTOM_MM * mm, width, height, 0, 0, 0, 0, id="body"
    )
    number_style = styles["PageNumber"]

    def page_number(canvas: Canvas, template: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(number_style.fontName, number_style.fontSize)
        x = lay.MARGIN_LEFT_MM * mm + width / 2  # centred over the text, as Word's header
        canvas.drawCentredString(
            x, page[1] - lay.PAGE_NUMBER_BASELINE_MM * mm, str(canvas.getPageNumber())
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=lay.MARGIN_LEFT_MM * mm,
        rightMargin=lay.MARGIN_RIGHT_MM * mm,
        topMargin=lay.MARGIN_TOP_MM * mm,
        bottomMargin=lay.MARGIN_BOTTOM_MM * mm,
        title=printable(doc.metadata_title),
        author=printable(doc.metadata_author),
        subject=printable(" ".join(doc.subject)),
        creator=CREATOR,
        producer=CREATOR,
        lang="vi",
        invariant=1,
        initialFontName=styles["Body"].fontName,
        initialFontSize=lay.SIZE_BODY,
        pageTemplates=[
            PageTemplate(id="first", frames=[frame], pagesize=page),
            PageTemplate(id="later", frames=[frame], onPage=page_number, pagesize=page),
        ],
    )
    template.build(_story(doc, styles, width, height))
    return buffer.getvalue()
