"""Award statistics of a year: granted awards by title and form, by unit, individual or
collective, by rank group, by year (against the previous year), and the counts of Circular
02/2023/TT-BNV form 0603.N (awards at ministry and province level). A year is the year the
achievement was proposed for (Proposal.year); only granted proposals count. A person's award
counts for the unit the person was in during that year (app.membership.units_in_year), not the
unit they are in today."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.exports.tables import Cell, is_formula_like
from app.membership import rank_groups_in_years, units_in_year
from app.vntext import fold, nfc, sort_key
from db.enums import AwardFamily, AwardLevel, CommendationKind, ProposalStatus, RankGroup
from db.models import AwardType, Proposal, Unit

NO_UNIT = "(Chưa xếp đơn vị)"
NO_RANK = "Chưa phân loại"


@dataclass(frozen=True, slots=True)
class AwardCount:
    award_name: str
    family: AwardFamily
    level: AwardLevel
    individuals: int
    collectives: int
    previous_total: int

    @property
    def total(self) -> int:
        return self.individuals + self.collectives


@dataclass(frozen=True, slots=True)
class UnitCount:
    unit_name: str
    individuals: int  # awards to the unit's people
    collectives: int  # awards to the unit itself

    @property
    def total(self) -> int:
        return self.individuals + self.collectives


@dataclass(frozen=True, slots=True)
class KindCount:
    """A row label with this year's and the previous year's count."""

    label: str
    count: int
    previous: int


@dataclass(frozen=True, slots=True)
class YearCount:
    year: int
    individuals: int
    collectives: int

    @property
    def total(self) -> int:
        return self.individuals + self.collectives


@dataclass(frozen=True, slots=True)
class Form0603Row:
    label: str
    bang_khen: int
    emulation_fighter: int
    flag: int
    medal: int  # Huy hiệu, Kỷ niệm chương

    @property
    def total(self) -> int:
        return self.bang_khen + self.emulation_fighter + self.flag + self.medal


@dataclass(frozen=True, slots=True)
class StatTable:
    """A table as the tab shows it and the workbook holds it (numbers stay numbers)."""

    sheet: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class AwardStatistics:
    year: int
    total: int
    previous_total: int
    by_award: tuple[AwardCount, ...]
    by_unit: tuple[UnitCount, ...]
    by_recipient: tuple[KindCount, ...]  # Cá nhân, Tập thể
    by_rank: tuple[KindCount, ...]
    by_kind: tuple[KindCount, ...]  # Law 06/2022 Art. 8
    by_year: tuple[YearCount, ...]
    form_0603_recipients: tuple[Form0603Row, ...]
    form_0603_kinds: tuple[Form0603Row, ...]


@dataclass(frozen=True, slots=True)
class _Granted:
    year: int
    award_id: int
    individual: bool
    recipient_id: int  # the person, or the unit for a collective
    rank: RankGroup | None
    kind: CommendationKind


def _granted(years: tuple[int, ...] | None = None) -> list[_Granted]:
    query = Proposal.select(
        Proposal.year, Proposal.award_type, Proposal.person, Proposal.unit, Proposal.kind
    ).where(Proposal.status == ProposalStatus.GRANTED)
    if years is not None:
        query = query.where(Proposal.year.in_(list(years)))
    granted = list(query.tuples())
    # the group each person was in that year (a person promoted later counts as before)
    ranks = rank_groups_in_years(
        (person, year) for year, _award, person, _unit, _kind in granted if person is not None
    )
    kinds = {k.value: k for k in CommendationKind}
    out = []
    for year, award, person, unit, kind in granted:
        if person is not None:
            out.append(_Granted(year, award, True, person, ranks[(person, year)], kinds[kind]))
        else:
            out.append(_Granted(year, award, False, unit, None, kinds[kind]))
    return out


def _column_0603(award: AwardType) -> str:
    """Which column of form 0603 an award counts in ("" when none)."""
    if award.level not in (AwardLevel.PROVINCE, AwardLevel.MINISTRY):
        return ""
    key = fold(award.name)
    if key.startswith("bang khen"):
        return "bang_khen"
    if key.startswith("chien si thi dua"):
        return "emulation_fighter"
    if key.startswith("co thi dua"):
        return "flag"
    if "ky niem chuong" in key or "huy hieu" in key:
        return "medal"
    return ""


def _row_0603(label: str, items: list[tuple[str, _Granted]]) -> Form0603Row:
    counts = Counter(column for column, _ in items)
    return Form0603Row(
        label, counts["bang_khen"], counts["emulation_fighter"], counts["flag"], counts["medal"]
    )


def _form_0603(
    items: list[_Granted], awards: dict[int, AwardType]
) -> tuple[tuple[Form0603Row, ...], tuple[Form0603Row, ...]]:
    counted = [(c, g) for g in items if (c := _column_0603(awards[g.award_id]))]
    people = [(c, g) for c, g in counted if g.individual]
    by_recipient = (
        _row_0603("Tập thể", [(c, g) for c, g in counted if not g.individual]),
        _row_0603("Cá nhân", people),
        _row_0603(
            "- Lãnh đạo cấp sở và tương đương",
            [(c, g) for c, g in people if g.rank is RankGroup.DEPT_LEADER],
        ),
        _row_0603(
            "- Lãnh đạo từ cấp phó trưởng phòng trở lên",
            [(c, g) for c, g in people if g.rank is RankGroup.DIVISION_LEADER],
        ),
        _row_0603(
            "- Công nhân, nông dân, người lao động trực tiếp",
            [(c, g) for c, g in people if g.rank is RankGroup.WORKER],
        ),
        _row_0603(
            "- Công chức, viên chức và cá nhân khác",
            [(c, g) for c, g in people if g.rank in (RankGroup.STAFF, None)],
        ),
    )
    by_kind = tuple(
        _row_0603(kind.label, [(c, g) for c, g in counted if g.kind is kind])
        for kind in CommendationKind
    ) + (_row_0603("Kháng chiến", []),)  # counted by the form; no such award is recorded here
    return by_recipient, by_kind


def award_statistics(year: int) -> AwardStatistics:
    awards = {a.id: a for a in AwardType.select()}
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    every = _granted()
    now = [g for g in every if g.year == year]
    before = [g for g in every if g.year == year - 1]

    per_award = Counter((g.award_id, g.individual) for g in now)
    previous = Counter(g.award_id for g in before)
    by_award = tuple(
        AwardCount(
            a.name,
            a.family,
            a.level,
            per_award[(a.id, True)],
            per_award[(a.id, False)],
            previous[a.id],
        )  # fmt: skip
        for a in sorted(awards.values(), key=lambda a: (a.position, a.id))
        if per_award[(a.id, True)] or per_award[(a.id, False)] or previous[a.id]
    )

    homes = units_in_year(year, {g.recipient_id for g in now if g.individual})
    per_unit = Counter(
        (homes.get(g.recipient_id) if g.individual else g.recipient_id, g.individual) for g in now
    )
    unit_ids = {u for u, _ in per_unit}
    by_unit = tuple(
        sorted(
            (
                UnitCount(
                    units.get(u, NO_UNIT) if u else NO_UNIT,
                    per_unit[(u, True)],
                    per_unit[(u, False)],
                )  # fmt: skip
                for u in unit_ids
            ),
            key=lambda r: (-r.total, sort_key(r.unit_name)),
        )
    )

    def kinds(key: object, rows: list[_Granted]) -> Counter[object]:
        return Counter(getattr(g, str(key)) for g in rows)

    ind_now, ind_before = kinds("individual", now), kinds("individual", before)
    by_recipient = (
        KindCount("Cá nhân", ind_now[True], ind_before[True]),
        KindCount("Tập thể", ind_now[False], ind_before[False]),
    )
    people_now = [g for g in now if g.individual]
    people_before = [g for g in before if g.individual]
    rank_now, rank_before = kinds("rank", people_now), kinds("rank", people_before)
    by_rank = tuple(KindCount(r.label, rank_now[r], rank_before[r]) for r in RankGroup) + (
        KindCount(NO_RANK, rank_now[None], rank_before[None]),
    )
    kind_now, kind_before = kinds("kind", now), kinds("kind", before)
    by_kind = tuple(KindCount(k.label, kind_now[k], kind_before[k]) for k in CommendationKind)

    years = sorted({g.year for g in every} | {year})
    per_year = Counter((g.year, g.individual) for g in every)
    by_year = tuple(YearCount(y, per_year[(y, True)], per_year[(y, False)]) for y in years)

    f_recipients, f_kinds = _form_0603(now, awards)
    return AwardStatistics(
        year, len(now), len(before), by_award, by_unit, by_recipient, by_rank, by_kind, by_year,
        f_recipients, f_kinds,
    )  # fmt: skip


def _change(now: int, before: int) -> int:
    return now - before


def statistic_tables(stats: AwardStatistics) -> list[StatTable]:
    """The tables the tab shows and the workbook holds, one sheet each."""
    y, p = stats.year, stats.year - 1
    compare = (f"Năm {y}", f"Năm {p}", "Tăng (+), giảm (-)")
    tables = [
        StatTable(
            "Theo danh hiệu",
            f"Danh hiệu thi đua, hình thức khen thưởng năm {y}",
            ("Danh hiệu, hình thức", "Loại", "Cấp", "Cá nhân", "Tập thể", *compare),
            tuple(
                (
                    a.award_name,
                    a.family.label,
                    a.level.label,
                    a.individuals,
                    a.collectives,
                    a.total,
                    a.previous_total,
                    _change(a.total, a.previous_total),
                )  # fmt: skip
                for a in stats.by_award
            )
            + (
                (
                    "Tổng cộng",
                    "",
                    "",
                    sum(a.individuals for a in stats.by_award),
                    sum(a.collectives for a in stats.by_award),
                    stats.total,
                    stats.previous_total,
                    _change(stats.total, stats.previous_total),
                ),  # fmt: skip
            ),
        ),
        StatTable(
            "Theo đơn vị",
            f"Khen thưởng theo đơn vị năm {y}",
            ("Đơn vị", "Cá nhân", "Tập thể", "Tổng số"),
            tuple((u.unit_name, u.individuals, u.collectives, u.total) for u in stats.by_unit),
        ),
    ]
    for sheet, title, label, rows in (
        ("Cá nhân, tập thể", f"Cá nhân và tập thể năm {y}", "Đối tượng", stats.by_recipient),
        ("Theo nhóm chức vụ", f"Cá nhân theo nhóm chức vụ năm {y}", "Nhóm", stats.by_rank),
        ("Theo loại hình", f"Theo loại hình khen thưởng năm {y}", "Loại hình", stats.by_kind),
    ):
        tables.append(
            StatTable(
                sheet,
                title,
                (label, *compare),
                tuple((r.label, r.count, r.previous, _change(r.count, r.previous)) for r in rows),
            )
        )
    tables.append(
        StatTable(
            "Theo năm",
            "Khen thưởng qua các năm",
            ("Năm", "Cá nhân", "Tập thể", "Tổng số"),
            tuple((r.year, r.individuals, r.collectives, r.total) for r in stats.by_year),
        )
    )
    head = ("Đối tượng, loại hình", "Bằng khen", "Chiến sĩ thi đua", "Cờ thi đua",
            "Huy hiệu, Kỷ niệm chương", "Tổng số")  # fmt: skip
    rows_0603 = (
        ("Chia theo đối tượng", None, None, None, None, None),
        *((r.label, r.bang_khen, r.emulation_fighter, r.flag, r.medal, r.total)
          for r in stats.form_0603_recipients),
        ("Chia theo loại hình khen thưởng", None, None, None, None, None),
        *((r.label, r.bang_khen, r.emulation_fighter, r.flag, r.medal, r.total)
          for r in stats.form_0603_kinds),
    )  # fmt: skip
    tables.append(
        StatTable(
            "Biểu 0603.N",
            f"Biểu 0603.N/BNV-TĐKT: khen thưởng cấp bộ, cấp tỉnh năm {y}",
            head,
            rows_0603,
        )
    )
    return tables


def statistics_xlsx(stats: AwardStatistics) -> bytes:
    """One sheet per table: a title line, the headers, then the rows (numbers as numbers)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in statistic_tables(stats):
        sheet = book.create_sheet(table.sheet[:31])
        sheet.append([nfc(table.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([nfc(h) for h in table.headers])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for values in table.rows:
            sheet.append([nfc(v) if isinstance(v, str) else v for v in values])
            for cell in sheet[sheet.max_row]:
                if is_formula_like(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
        for index, header in enumerate(table.headers, start=1):
            widest = max([len(str(r[index - 1] or "")) for r in table.rows] + [len(header)])
            sheet.column_dimensions[get_column_letter(index)].width = max(10, min(60, widest + 4))
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
