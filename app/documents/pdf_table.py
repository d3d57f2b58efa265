"""Ruled tables in the PDF: plain cells where text fits, long tables laid out a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from app.documents import layout as lay
from app.documents import model as m
from app.documents.styles import ALIGN, BOLD, CELL_LEADING, CELL_PADDING, REGULAR
from app.documents.text import printable

Cell = Any  # a plain str, or a Paragraph when the text must wrap (or a split remainder)
GRID_WIDTH = 0.5


def _cell(value: str, width: float, style: ParagraphStyle, font: str) -> Cell:
    """A plain string when it fits on one line (much faster to lay out), else a Paragraph."""
    text = printable(value)
    if "\n" not in text and stringWidth(text, font, lay.SIZE_CELL) <= width:
        return text
    return RLParagraph(escape(text).replace("\n", "<br/>"), style)


def table_flowables(
    block: m.Table, styles: StyleSheet1, text_width: float, text_height: float
) -> list[Flowable]:
    """The flowables of one ruled table, followed by the space after it."""
    widths = [text_width * f for f in block.fractions()]
    inner = [w - CELL_PADDING[0] - CELL_PADDING[2] - GRID_WIDTH for w in widths]
    aligns = [block.column_align(i) for i in range(len(widths))]
    cell_styles = [
        ParagraphStyle(f"Cell-{a}", parent=styles["Cell"], alignment=ALIGN[a]) for a in aligns
    ]
    head = None
    if block.columns:
        head = [_cell(t, inner[i], styles["CellHead"], BOLD) for i, t in enumerate(block.columns)]
    rows = [
        [_cell(v, inner[i], cell_styles[i], REGULAR) for i, v in enumerate(row)]
        for row in block.padded_rows()
    ]
    if not rows and head is None:
        return []
    table = RowsTable(head, rows, widths, aligns, block.header_repeat, text_height)
    return [table, RLSpacer(1, 6)]


def _table_style(aligns: Sequence[str], has_head: bool) -> TableStyle:
    left, top, right, bottom = CELL_PADDING
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, lay.SIZE_CELL, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), left),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), a.upper()) for i, a in enumerate(aligns)]
    if has_head:
        commands += [
            ("FONT", (0, 0), (-1, 0), BOLD, lay.SIZE_CELL, CELL_LEADING),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    return TableStyle(commands)


class RowsTable(Flowable):
    """A ruled table that builds a ReportLab Table of one page's rows at a time.

    ReportLab measures every remaining row of a Table again at each page break, so a table of
    10,000 rows takes seconds (stack notes). This flowable gives the frame a Table of about a
    page of rows, keeps the rows that did not fit, and continues on the next page with the
    header row repeated: the time grows with the rows, and no header row shows up in the
    middle of a page (as it would between fixed chunks).
    """

    def __init__(
        self,
        head: list[Cell] | None,
        rows: list[list[Cell]],
        widths: list[float],
        aligns: Sequence[str],
        repeat_head: bool,
        frame_height: float,
    ) -> None:
        super().__init__()
        self.head, self.rows, self.widths = head, rows, widths
        self.aligns, self.repeat_head, self.frame_height = aligns, repeat_head, frame_height
        self._min_row = CELL_LEADING + CELL_PADDING[1] + CELL_PADDING[3]
        self._table: RLTable | None = None

    @property
    def min_row_height(self) -> float:
        """The height of a row of one line."""
        return self._min_row

    def _window(self, available_height: float) -> int:
        """More rows than can fit in the height (every row is at least one line high)."""
        return min(len(self.rows), int(available_height / self._min_row) + 2)

    def _build(self, count: int, split_in_row: bool = False) -> RLTable:
        data = ([list(self.head)] if self.head else []) + [list(r) for r in self.rows[:count]]
        return RLTable(
            data,
            colWidths=self.widths,
            repeatRows=1 if self.head else 0,
            style=_table_style(self.aligns, bool(self.head)),
            splitInRow=1 if split_in_row else 0,
            hAlign="LEFT",
        )

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        count = self._window(available_height)
        self._table = self._build(count)
        width, height = self._table.wrap(available_width, available_height)
        if count < len(self.rows):  # more rows follow: never claim that everything fits
            height = max(height, available_height + 1)
        self.width, self.height = width, height
        return width, height

    def _split_window(self, width: float, height: float) -> tuple[int, list[Flowable]]:
        count = self._window(height)
        while True:
            parts = self._build(count).split(width, height)
            if not parts and height >= self.frame_height - 1:
                # not even one row fits on a whole page: break inside the row
                parts = self._build(count, split_in_row=True).split(width, height)
            if len(parts) == 1 and count < len(self.rows):
                count = min(len(self.rows), count * 2)  # the window fitted: take more rows
                continue
            return count, parts

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        count, parts = self._split_window(available_width, available_height)
        if not parts:
            return []
        rest: list[list[Cell]] = []
        if len(parts) > 1:
            # the second part repeats the header row, then holds the rows (or the rest of a
            # row broken inside) that did not fit; Table keeps its cells in _cellvalues
            skip = parts[1].repeatRows if isinstance(parts[1], RLTable) else 0
            rest = [list(r) for r in parts[1]._cellvalues[skip:]]
        rest += self.rows[count:]
        if not rest:
            return [parts[0]]
        head = self.head if self.repeat_head else None
        following = RowsTable(
            head, rest, self.widths, self.aligns, self.repeat_head, self.frame_height
        )
        return [parts[0], following]

    def without_last(self, count: int) -> tuple[RowsTable, RowsTable]:
        """The table without its last ``count`` rows, and those rows as a table continuing it
        on the next page (the header row repeated when the table repeats it)."""
        head = self.head if self.repeat_head else None
        first = RowsTable(
            self.head, self.rows[:-count], self.widths, self.aligns, self.repeat_head,
            self.frame_height,
        )  # fmt: skip
        rest = RowsTable(
            head, self.rows[-count:], self.widths, self.aligns, self.repeat_head, self.frame_height
        )
        return first, rest

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)
