"""Page geometry and fixed texts of a Decree 30/2020 document, shared by both renderers."""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_POINT = 25.4 / 72

# Decree 30/2020 page layout, in millimetres (ranges: top and bottom 20-25, left 30-35,
# right 15-20).
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 20.0, 20.0
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 30.0, 15.0
PAGE_NUMBER_BASELINE_MM = 14.0  # from the top edge, inside the top margin
FIRST_LINE_INDENT_MM = 12.7
SIGNATURE_SPACE_MM = 25.0  # room to sign and stamp between the title and the name

HEADER_SPLIT = 0.4  # the left header column's share of the text width
CLOSING_SPLIT = 0.45  # the recipients' share of the closing block
ISSUING_RULE_SHARE = 0.4  # the rule under the issuing body: 1/3 to 1/2 of its line
SUBJECT_RULE_SHARE = 0.35  # the rule under the subject of a named document

DASH = "- "
DASH_EM = 0.583  # width of "- " in Times New Roman (and Liberation Serif), in em

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # the Decree's spelling
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Sizes in points (Decree 30/2020 Appendix I as one practitioner's checklist applies it).
SIZE_PARENT = SIZE_ISSUING = SIZE_NUMBER = 13
SIZE_NATIONAL = 13
SIZE_MOTTO = 14
SIZE_PLACE_DATE = 14
SIZE_TITLE = 14
SIZE_BODY = 14
SIZE_RECIPIENTS_HEADING = 12
SIZE_RECIPIENT = 11
SIZE_SIGNER = 14
SIZE_CELL = 12
SIZE_PAGE_NUMBER = 13
SIZE_CV_SUBJECT = 12  # "V/v …" of a công văn, under the number


LEAD_IN_MAX_CHARS = 300  # about four lines: a longer paragraph is not moved to keep it


def is_lead_in(text: str) -> bool:
    """A short line announcing what follows ("… như sau:"): kept on a page with its start."""
    text = text.rstrip()
    return text.endswith(":") and len(text) <= LEAD_IN_MAX_CHARS


@dataclass(frozen=True)
class PageGeometry:
    """The page and text area of one orientation, in millimetres."""

    width_mm: float
    height_mm: float

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - MARGIN_TOP_MM - MARGIN_BOTTOM_MM


def geometry(landscape: bool) -> PageGeometry:
    if landscape:
        return PageGeometry(PAGE_HEIGHT_MM, PAGE_WIDTH_MM)
    return PageGeometry(PAGE_WIDTH_MM, PAGE_HEIGHT_MM)
