"""Page breaking as a clerk does it: a heading never ends a page, the signature never starts one.

Two containers decide where the page breaks when their content does not fit; like ReportLab's
KeepTogether they always ask to be split (``wrap`` claims more than any page) and their
``split`` returns the flowables to lay out, but unlike it they move only what must move:

- ``KeepWithFollowing``: headings (and a lead-in line ending with ":") go to the next page
  unless the start of what follows (two lines of a paragraph, the header and a row of a table)
  fits under them on this one; a long paragraph after a heading is not moved whole.
- ``KeepWithEnd``: the closing (recipients and signature) goes with the end of the body before
  it: the last paragraph (its last two lines when it is long), or the last rows of a table
  (its header row repeated above them).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, FrameBreak, KeepTogether
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import _listWrapOn

from app.documents.pdf_table import RowsTable

FORCE_SPLIT = 0xFFFFFF  # what KeepTogether claims, so that the frame asks it to split
END_LINES = 2  # lines of a long last paragraph that go with the signature
END_ROWS = 2  # rows of a table that go with the signature (with the header row repeated)


def _at_top(flowable: Flowable) -> bool:
    """Whether the frame the flowable is being laid out in is still empty."""
    frame = getattr(flowable, "_frame", None)
    return bool(getattr(frame, "_atTop", False))


def _gap(before: Flowable, after: Flowable) -> float:
    """The space between two flowables, at most (the frame merges them; we add them)."""
    return before.getSpaceAfter() + after.getSpaceBefore()


class KeepWithFollowing(Flowable):
    """Headings (or lead-in lines) kept with the first lines or rows of the block after them."""

    def __init__(self, heads: list[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.heads, self.follower = heads, follower

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.heads[0].getSpaceBefore()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, FORCE_SPLIT

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        everything = [*self.heads, self.follower]
        _width, heads_height = _listWrapOn(self.heads, available_width, self.canv)
        room = available_height - heads_height - _gap(self.heads[-1], self.follower)
        if room > 0:
            follower = self.follower
            _width, height = follower.wrapOn(self.canv, available_width, room)
            if height <= room:
                return everything
            if not isinstance(follower, KeepTogether):
                parts = follower.splitOn(self.canv, available_width, room)
                # (a split that starts with a page break puts nothing under the heading)
                if len(parts) > 1 and not isinstance(parts[0], ActionFlowable):
                    return [*self.heads, *parts]
        if _at_top(self):
            return everything  # a whole page cannot do better: let the frame break it
        # nothing of the follower fits under the heading here: all to the next page
        return [FrameBreak(), KeepWithFollowing(self.heads, self.follower)]


def _cut_end(lead: Flowable, width: float, height: float) -> tuple[Flowable, Flowable] | None:
    """The lead cut in two so that its end can go to the next page; None when too short."""
    if isinstance(lead, RowsTable):
        if len(lead.rows) < 2 * END_ROWS:
            return None
        return lead.without_last(END_ROWS)
    if isinstance(lead, RLParagraph):
        lines = len(getattr(lead.blPara, "lines", ()))
        if lines < 2 * END_LINES:
            return None
        leading = lead.style.leading
        parts = lead.split(width, (lines - END_LINES) * leading + 0.01)
        if len(parts) == 2:
            return parts[0], parts[1]
    return None


class KeepWithEnd(Flowable):
    """The closing (``tail``) kept on one page with the end of the block before it (``lead``)."""

    def __init__(self, lead: Flowable, tail: list[Flowable]) -> None:
        super().__init__()
        self.lead, self.tail = lead, tail

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.lead.getSpaceBefore()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, FORCE_SPLIT

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lead, tail = self.lead, self.tail
        _width, tail_height = _listWrapOn(tail, available_width, self.canv)
        # a RowsTable with more rows than fit claims more than the height it is given
        _width, lead_height = lead.wrapOn(self.canv, available_width, available_height)
        if lead_height + _gap(lead, tail[0]) + tail_height <= available_height:
            return [lead, *tail]
        at_top = _at_top(self)
        if lead_height <= available_height:
            # the lead fits here but the closing does not: its end goes over with the closing
            cut = _cut_end(lead, available_width, lead_height)
            if cut is not None:
                return [cut[0], FrameBreak(), KeepWithEnd(cut[1], tail)]
            if at_top:
                return [lead, *tail]  # a whole page cannot do better
        else:
            parts = self._split_lead(available_width, available_height)
            if len(parts) > 1:
                return [*parts[:-1], KeepWithEnd(parts[-1], tail)]
            if at_top:
                return [*(parts or [lead]), *tail]
        # what split returns first is laid out at once and must fit: the page break goes first
        return [FrameBreak(), KeepWithEnd(lead, tail)]

    def _split_lead(self, width: float, height: float) -> list[Flowable]:
        """The lead split to the height, leaving at least END_ROWS rows of a table to go
        with the closing (a paragraph leaves two lines: widow control)."""
        parts = self.lead.splitOn(self.canv, width, height)
        while (
            len(parts) > 1
            and isinstance(self.lead, RowsTable)
            and isinstance(parts[-1], RowsTable)
            and len(parts[-1].rows) < END_ROWS
            and height > 0
        ):
            height -= self.lead.min_row_height  # one row fewer here
            parts = self.lead.splitOn(self.canv, width, height)
        return parts
