"""The documents engine: administrative documents (Decree 30/2020) rendered to PDF and Word.

Gather the data into an ``AdminDocument`` (plain frozen dataclasses), then call
``render_pdf`` or ``render_docx`` for the bytes and ``write_atomically`` to save them.
"""

from app.documents.docx import render_docx
from app.documents.files import write_atomically
from app.documents.fonts import FontChoice, font_family
from app.documents.model import (
    AdminDocument,
    BarChart,
    Block,
    Bullet,
    Display,
    Header,
    Heading,
    LabelledLine,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Signer,
    Spacer,
    Table,
)
from app.documents.pdf import render_pdf

__all__ = [
    "AdminDocument",
    "BarChart",
    "Block",
    "Bullet",
    "Display",
    "FontChoice",
    "Header",
    "Heading",
    "LabelledLine",
    "PageBreak",
    "Paragraph",
    "SignatureBlock",
    "Signer",
    "Spacer",
    "Table",
    "font_family",
    "render_docx",
    "render_pdf",
    "write_atomically",
]
