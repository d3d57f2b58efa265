"""The serif family documents use: an installed Times New Roman, else bundled Liberation Serif."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

FAMILY = "DocSerif"
FACES = ("regular", "bold", "italic", "bolditalic")
FONT_NAMES = {face: f"{FAMILY}-{face}" for face in FACES}
WORD_FONT = "Times New Roman"  # what the Word file names; Word substitutes when missing
ENV_FONT = "TDKT_DOC_FONT"  # "bundled" forces Liberation Serif (reproducible output)

_TIMES_FILES = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf"),
    "italic": ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf"),
    "bolditalic": (
        "timesbi.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
        "Times New Roman Bold Italic.ttf",
    ),
}
_BUNDLED = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontChoice:
    name: str
    files: dict[str, Path]
    is_times: bool


def _font_dirs() -> list[Path]:
    windir = os.environ.get("WINDIR", r"C:\Windows")
    return [
        Path(windir) / "Fonts",
        Path.home() / "AppData/Local/Microsoft/Windows/Fonts",
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/TTF"),
        Path.home() / ".fonts",
        Path.home() / ".local/share/fonts",
        Path("/Library/Fonts"),
    ]


def _installed_times() -> dict[str, Path] | None:
    found: dict[str, Path] = {}
    for face, names in _TIMES_FILES.items():
        for folder in _font_dirs():
            match = next((folder / n for n in names if (folder / n).is_file()), None)
            if match is not None:
                found[face] = match
                break
    return found if len(found) == len(FACES) else None


def font_choice() -> FontChoice:
    times = None if os.environ.get(ENV_FONT) == "bundled" else _installed_times()
    if times is not None:
        return FontChoice("Times New Roman", times, True)
    bundled = {face: resource_path("fonts", name) for face, name in _BUNDLED.items()}
    return FontChoice("Liberation Serif", bundled, False)


@cache
def _register(files: tuple[tuple[str, str], ...]) -> str:
    for face, path in files:
        pdfmetrics.registerFont(TTFont(FONT_NAMES[face], path))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FONT_NAMES["regular"],
        bold=FONT_NAMES["bold"],
        italic=FONT_NAMES["italic"],
        boldItalic=FONT_NAMES["bolditalic"],
    )
    for bold in (0, 1):
        for italic in (0, 1):
            face = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
            addMapping(FAMILY, bold, italic, FONT_NAMES[face])
    return FAMILY


def register_fonts() -> FontChoice:
    """Register the chosen family with ReportLab (once per set of files)."""
    choice = font_choice()
    _register(tuple(sorted((face, str(path)) for face, path in choice.files.items())))
    return choice
