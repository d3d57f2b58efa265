"""Choosing the font: Times New Roman when all four faces are installed, else Liberation Serif."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.documents import fonts, render_pdf
from app.documents.fonts import FACES, bundled_family, font_family, installed_times
from tests.documents import pdftext as pt
from tests.documents.sample import sample_plan

WINDOWS_NAMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
LINUX_NAMES = (
    "Times_New_Roman.ttf",
    "Times_New_Roman_Bold.ttf",
    "Times_New_Roman_Italic.ttf",
    "Times_New_Roman_Bold_Italic.ttf",
)


def _fake_times(folder: Path, names: tuple[str, ...]) -> Path:
    """Liberation Serif copied under Times New Roman's file names (same metrics)."""
    folder.mkdir(parents=True, exist_ok=True)
    for face, name in zip(FACES, names, strict=False):
        shutil.copyfile(bundled_family().file(face), folder / name)
    return folder


def test_bundled_family_exists_with_its_licence() -> None:
    family = bundled_family()
    assert not family.is_times and family.name == "Liberation Serif"
    assert all(path.is_file() for path in family.files)
    assert (family.files[0].parent / "LICENSE-LiberationSerif.txt").is_file()


def test_the_environment_forces_the_bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "installed_times", lambda: (Path("x"),) * 4)
    assert font_family().name == "Liberation Serif"  # the fixture sets TDKT_DOC_FONT=bundled
    monkeypatch.delenv("TDKT_DOC_FONT")
    assert font_family().is_times
    assert not font_family("bundled").is_times


@pytest.mark.parametrize("names", [WINDOWS_NAMES, LINUX_NAMES])
def test_times_is_found_by_its_usual_file_names(tmp_path: Path, names: tuple[str, ...]) -> None:
    folder = _fake_times(tmp_path / "Fonts", names)
    found = installed_times([tmp_path / "missing", folder])
    assert found is not None
    assert [p.name for p in found] == list(names)


def test_three_faces_are_not_enough(tmp_path: Path) -> None:
    folder = _fake_times(tmp_path / "Fonts", WINDOWS_NAMES[:3])
    assert installed_times([folder]) is None


def test_windows_fonts_folder_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", r"D:\Win")
    assert fonts.font_dirs()[0] == Path(r"D:\Win") / "Fonts"


def test_switching_families_registers_the_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_times(tmp_path / "Fonts", WINDOWS_NAMES)
    monkeypatch.setattr(fonts, "font_dirs", lambda: [folder])
    times = font_family("auto")
    assert times.is_times and times.file("bold").name == "timesbd.ttf"
    as_times = render_pdf(sample_plan(), font=times)
    bundled = render_pdf(sample_plan(), font=bundled_family())
    assert pt.body_text(as_times) == pt.body_text(bundled)
    assert render_pdf(sample_plan()) == bundled  # back to the bundled files


def test_an_unreadable_times_gives_way_to_the_bundled_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in WINDOWS_NAMES:
        (folder / name).write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "font_dirs", lambda: [folder])
    choice = font_family("auto")
    assert choice.is_times
    assert not fonts.register_fonts(choice).is_times
    names = {name.split("+")[-1] for name, _ in pt.fonts(render_pdf(sample_plan(), font=choice))}
    assert "LiberationSerif" in names
