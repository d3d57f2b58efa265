"""User text as both renderers print it: NFC, no control characters, upper case where due."""

from __future__ import annotations

import re

from app.vntext import nfc

# C0 controls other than tab and line feed, DEL, and C1 controls: not valid in XML (Word) and
# drawn as boxes in a PDF.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: str | None) -> str:
    """NFC text without control characters; a tab becomes a space; line breaks stay."""
    text = nfc(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


def upper(value: str | None) -> str:
    """Upper case for the parts Decree 30 prints in capitals (Vietnamese letters included)."""
    return printable(value).upper()
