"""Reading rendered PDFs back in tests: text in order, positions, fonts, word boxes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4
BASE_14_PREFIXES = ("Helvetica", "Times-", "Courier", "Symbol", "ZapfDingbats")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_lines(data: bytes) -> list[list[str]]:
    """The extracted lines of each page."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader(data).pages
    ]


def body_text(data: bytes) -> str:
    """All pages' text, without the page number each page after the first starts with."""
    pages = []
    for number, lines in enumerate(page_lines(data), start=1):
        if number > 1 and lines and lines[0] == str(number):
            lines = lines[1:]
        pages.append(" ".join(lines))
    return words(" ".join(pages))


def missing_in_order(haystack: str, lines: list[str]) -> list[str]:
    """The lines not found in ``haystack`` one after another (whitespace aside)."""
    missing, position = [], 0
    for line in lines:
        found = haystack.find(words(line), position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(words(line))
    return missing


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its page (from 1), start x and baseline y in points."""

    page: int
    text: str
    x: float
    y: float


def runs(data: bytes) -> list[Run]:
    out: list[Run] = []
    for number, page in enumerate(reader(data).pages, start=1):

        def visit(text: str, cm: list, tm: list, font: object, size: float, n: int = number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                out.append(Run(n, text.strip(), x, y))

        page.extract_text(visitor_text=visit)
    return out


def fonts(data: bytes) -> list[tuple[str, bool]]:
    """(BaseFont, has an embedded TrueType program) for every font the pages use."""
    out = []
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            else:
                descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            out.append((str(font["/BaseFont"]), embedded))
    return out


@dataclass(frozen=True)
class WordBox:
    """A word's box from poppler's pdftotext, in points from the top-left corner."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def word_boxes(pdf: Path) -> list[WordBox] | None:
    """Every word's box (poppler's pdftotext -bbox), or None without poppler-utils."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    html = subprocess.run(
        [tool, "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    boxes, page = [], 0
    pattern = re.compile(
        r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    for match in pattern.finditer(html):
        if match.group(0) == "<page ":
            page += 1
            continue
        x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
        boxes.append(WordBox(page, match.group(5), x0, y0, x1, y1))
    return boxes
