"""The document model: defaults, checks on tables and blocks, derived values."""

from __future__ import annotations

import pytest

from app.documents import AdminDocument, Header, Heading, Paragraph, Signer, Table


def test_signer_defaults_to_empty() -> None:
    assert Signer().is_empty
    assert not Signer(title="GIÁM ĐỐC").is_empty
    assert Signer("  ", " ", "").is_empty


@pytest.mark.parametrize("level", [0, 4])
def test_heading_levels_are_one_to_three(level: int) -> None:
    with pytest.raises(ValueError, match="level"):
        Heading("I. MỤC ĐÍCH", level=level)


def test_paragraph_alignment_is_checked() -> None:
    assert Paragraph("x", align="center").align == "center"
    with pytest.raises(ValueError, match="align"):
        Paragraph("x", align="middle")


def test_table_widths_are_fractions_of_the_text_width() -> None:
    assert Table(("A", "B"), ()).fractions() == (0.5, 0.5)
    assert Table(("A", "B"), (), widths=(1, 3)).fractions() == (0.25, 0.75)
    assert Table((), (("1", "2", "3"),)).column_count == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"columns": ("A", "B"), "rows": (("1", "2", "3"),)}, "3 cells"),
        ({"columns": ("A", "B"), "rows": (), "widths": (1.0,)}, "2 positive widths"),
        ({"columns": ("A", "B"), "rows": (), "widths": (1.0, 0.0)}, "2 positive widths"),
        ({"columns": ("A",), "rows": (), "align": ("justify",)}, "alignments"),
        ({"columns": ("A",), "rows": (), "align": ("left", "left")}, "alignments"),
        ({"columns": (), "rows": ()}, "at least one column"),
    ],
)
def test_malformed_tables_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Table(**kwargs)  # type: ignore[arg-type]


def test_short_rows_are_padded_and_alignment_defaults_to_left() -> None:
    table = Table(("A", "B", "C"), (("1",), ("1", "2", "3")), align=("center",))
    assert table.padded_rows() == [("1", "", ""), ("1", "2", "3")]
    assert [table.column_align(i) for i in range(3)] == ["center", "left", "left"]


def test_metadata_defaults_from_type_subject_and_issuer() -> None:
    header = Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "", "")
    doc = AdminDocument(header, "GIẤY MỜI", ("Dự phiên họp",), ())
    assert doc.metadata_title == "GIẤY MỜI Dự phiên họp"
    assert doc.metadata_author == "SỞ NGOẠI VỤ"
    assert doc.signer == Signer() and doc.recipients_heading == "Nơi nhận:"
    named = AdminDocument(header, "", (), (), title="Giấy mời", author="Văn phòng")
    assert (named.metadata_title, named.metadata_author) == ("Giấy mời", "Văn phòng")
