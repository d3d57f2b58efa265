"""The serif family documents use: an installed Times New Roman, else bundled Liberation Serif."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.paths import resource_path

FAMILY = "DocSerif"
FACES = ("regular", "bold", "italic", "bolditalic")
FONT_NAMES = {
    "regular": f"{FAMILY}-Regular",
    "bold": f"{FAMILY}-Bold",
    "italic": f"{FAMILY}-Italic",
    "bolditalic": f"{FAMILY}-BoldItalic",
}
WORD_FONT = "Times New Roman"  # what the Word file names; Word substitutes when it is missing
ENV_FONT = "TDKT_DOC_FONT"  # "bundled" forces Liberation Serif (the same output everywhere)
BUNDLED, TIMES, AUTO = "bundled", "times", "auto"

# File names per face, lower case (Windows: times*.ttf; Linux msttcorefonts: Times_New_Roman*).
_TIMES_FILES = {
    "regular": ("times.ttf", "times_new_roman.ttf", "times new roman.ttf"),
    "bold": ("timesbd.ttf", "times_new_roman_bold.ttf", "times new roman bold.ttf"),
    "italic": ("timesi.ttf", "times_new_roman_italic.ttf", "times new roman italic.ttf"),
    "bolditalic": (
        "timesbi.ttf",
        "times_new_roman_bold_italic.ttf",
        "times new roman bold italic.ttf",
    ),
}
_BUNDLED_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontChoice:
    """A family of four TrueType files, in the order of FACES."""

    name: str
    files: tuple[Path, Path, Path, Path]
    is_times: bool

    def file(self, face: str) -> Path:
        return self.files[FACES.index(face)]


def font_dirs() -> list[Path]:
    """Where an installed Times New Roman may be, most likely first."""
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
    local = os.environ.get("LOCALAPPDATA")
    dirs = [Path(windir) / "Fonts"]
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/msttcore"),
        Path("/usr/share/fonts/TTF"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
    ]
    return dirs


def _times_in(folder: Path) -> tuple[Path, Path, Path, Path] | None:
    """The four Times New Roman faces in one folder (names compared case-insensitively)."""
    try:
        entries = {p.name.lower(): p for p in folder.iterdir()}  # no stat: Windows has 1,000+
    except OSError:
        return None
    found = []
    for face in FACES:
        names = (n for n in _TIMES_FILES[face] if n in entries and entries[n].is_file())
        match = next(names, None)
        if match is None:
            return None
        found.append(entries[match])
    return found[0], found[1], found[2], found[3]


def installed_times(folders: Iterable[Path] | None = None) -> tuple[Path, Path, Path, Path] | None:
    """The first folder holding all four faces of Times New Roman; one or three are not enough."""
    for folder in font_dirs() if folders is None else folders:
        files = _times_in(folder)
        if files is not None:
            return files
    return None


def bundled_family() -> FontChoice:
    files = tuple(resource_path("fonts", _BUNDLED_FILES[face]) for face in FACES)
    return FontChoice("Liberation Serif", files, False)  # type: ignore[arg-type]


def font_family(prefer: str | None = None) -> FontChoice:
    """The family to embed: "bundled" forces Liberation Serif; otherwise Times when installed.

    ``prefer`` defaults to $TDKT_DOC_FONT, then "auto". Tests force "bundled" so that the
    output does not depend on the machine.
    """
    prefer = (prefer or os.environ.get(ENV_FONT) or AUTO).strip().lower()
    if prefer != BUNDLED:
        times = installed_times()
        if times is not None:
            return FontChoice("Times New Roman", times, True)
    return bundled_family()


_lock = threading.Lock()
_registered: tuple[Path, ...] | None = None


def _register(choice: FontChoice) -> None:
    loaded = [TTFont(FONT_NAMES[face], str(choice.file(face))) for face in FACES]  # all or none
    for font in loaded:
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FONT_NAMES["regular"],
        bold=FONT_NAMES["bold"],
        italic=FONT_NAMES["italic"],
        boldItalic=FONT_NAMES["bolditalic"],
    )


def register_fonts(choice: FontChoice | None = None) -> FontChoice:
    """Register the family with ReportLab as "DocSerif" (again only when the files change).

    An installed Times New Roman that ReportLab cannot read gives way to the bundled family.
    """
    global _registered
    choice = choice or font_family()
    with _lock:
        if _registered == choice.files:
            return choice
        try:
            _register(choice)
        except (TTFError, OSError):
            if not choice.is_times:
                raise
            choice = bundled_family()
            if _registered != choice.files:
                _register(choice)
        _registered = choice.files
    return choice
