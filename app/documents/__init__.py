"""The documents engine: administrative documents (Decree 30/2020) rendered to PDF and Word."""

from app.documents.files import write_atomically
from app.documents.model import (
    AdminDocument,
    Block,
    Bullet,
    Header,
    Heading,
    LabelledLine,
    PageBreak,
    Paragraph,
    Signer,
    Spacer,
    Table,
)
from app.documents.pdf import render_pdf
from app.documents.word import render_docx

__all__ = [
    "AdminDocument",
    "Block",
    "Bullet",
    "Header",
    "Heading",
    "LabelledLine",
    "PageBreak",
    "Paragraph",
    "Signer",
    "Spacer",
    "Table",
    "render_docx",
    "render_pdf",
    "write_atomically",
]
