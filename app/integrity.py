"""`check`: SQLite's integrity check plus the domain's invariants; every problem in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.vntext import fold_many, name_sort_value, nfc
from db.enums import ProposalStatus, VoteMethod
from db.models import Person, PlanItem, Proposal, Vote


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _integrity(db: pw.SqliteDatabase) -> list[str]:
    rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return []
    return [f"Kiểm tra toàn vẹn SQLite: {r}" for r in rows[:20]]


def _foreign_keys(db: pw.SqliteDatabase) -> list[str]:
    rows = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    return [
        f"Bảng {table}, dòng {rowid}: tham chiếu tới {parent} không tồn tại"
        for table, rowid, parent, _ in rows[:20]
    ]


def _votes() -> list[str]:
    problems = []
    for v in Vote.select():
        counted = v.votes_for + v.votes_against + v.votes_abstain
        if v.method is VoteMethod.SECRET_BALLOT:
            if (
                not v.ballots_valid <= v.ballots_returned <= v.ballots_issued
                or counted > v.ballots_valid
            ):
                problems.append(
                    f"Phiếu bầu {v.id}: số phiếu phát ra, thu vào, hợp lệ và số phiếu bầu không khớp"
                )
        elif counted > v.members_present:
            problems.append(f"Biểu quyết {v.id}: số biểu quyết nhiều hơn số thành viên có mặt")
        if v.members_present > v.members_total:
            problems.append(f"Biểu quyết {v.id}: số có mặt nhiều hơn tổng số thành viên")
    return problems


def _proposals() -> list[str]:
    voted = {pid for (pid,) in Vote.select(Vote.proposal).tuples()}
    decided = (ProposalStatus.PASSED, ProposalStatus.FAILED)
    return [
        f"Đề nghị {p.id}: trạng thái “{p.status.label}” nhưng chưa có kết quả biểu quyết"
        for p in Proposal.select(Proposal.id, Proposal.status).where(Proposal.status.in_(decided))
        if p.id not in voted
    ]


def _plan_items() -> list[str]:
    plans = dict(PlanItem.select(PlanItem.id, PlanItem.plan).tuples())
    return [
        f"Mục kế hoạch {item_id} thuộc kế hoạch khác với mục cha {parent_id}"
        for item_id, parent_id, plan_id in PlanItem.select(
            PlanItem.id, PlanItem.parent, PlanItem.plan
        ).tuples()
        if parent_id is not None and plans.get(parent_id) != plan_id
    ]


def _people() -> list[str]:
    problems = []
    for p in Person.select():
        if p.full_name != nfc(p.full_name):
            problems.append(f"Cán bộ {p.id}: họ tên không ở dạng NFC")
        if p.sort_name != name_sort_value(
            p.family_name, p.middle_name, p.given_name, p.manual_sort_key
        ):
            problems.append(f"Cán bộ {p.id}: khóa sắp xếp không khớp với họ tên")
        if p.search_key != fold_many(p.full_name, p.position):
            problems.append(f"Cán bộ {p.id}: khóa tìm kiếm không khớp với họ tên")
    return problems


def check_database(db: pw.SqliteDatabase) -> CheckReport:
    """Integrity, foreign keys and invariants; the report lists every problem found."""
    problems = _integrity(db)
    if not problems:  # invariants need a readable database
        problems += _foreign_keys(db) + _votes() + _proposals() + _plan_items() + _people()
    return CheckReport(tuple(problems))
