"""Crash safety: a child writes through app/ in a loop and is killed with SIGKILL at random.

Each transaction adds a meeting, a proposal, the council's vote on it, the proposal's result
and a plan item, all named crash-N; the child reports N on a pipe only after the commit. After
every kill the database must pass integrity_check, hold every reported commit, and satisfy the
domain's invariants (app.integrity.check_database).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CrashReport:
    kills: int
    commits: int
    integrity_failures: int
    lost_commits: int
    invariant_problems: tuple[str, ...]


def _writer(path: str, fd: int, start: int) -> None:
    from app import plan_edit, records
    from app.plan_edit import ItemInput
    from app.session import open_app_database
    from db.enums import ProposalStatus, VoteMethod
    from db.models import AwardType, Meeting, Person, Plan, PlanItem, Proposal, Vote

    open_app_database(Path(path))
    plan = Plan.get(Plan.year == 2024)
    section = PlanItem.get((PlanItem.plan == plan) & PlanItem.parent.is_null())
    award = AwardType.get(AwardType.code == "LDTT")
    person = Person.select().first()
    n = start
    while True:
        with records.transaction():
            meeting = records.create(Meeting, year=2024, title=f"crash-{n}")
            proposal = records.create(
                Proposal, year=2024, person=person, award_type=award, achievements=f"crash-{n}"
            )
            records.create(
                Vote,
                meeting=meeting,
                proposal=proposal,
                method=VoteMethod.SHOW_OF_HANDS,
                members_total=7,
                members_present=6,
                votes_for=5,
                votes_against=1,
            )
            records.update(proposal, status=ProposalStatus.PASSED, meeting=meeting)
            plan_edit.add_item(plan.id, section.id, None, ItemInput(f"crash-{n}"))
        os.write(fd, f"{n}\n".encode())
        n += 1


def _reported(fd: int) -> list[int]:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    text = b"".join(chunks).decode()
    return [int(line) for line in text.split("\n") if line.strip()]


def run_crash_loop(
    db_path: Path, kills: int, seed: int = 7, max_delay: float = 0.06
) -> CrashReport:
    """Kill a writing child ``kills`` times; the database must hold a sample year already."""
    rng = random.Random(seed)
    context = multiprocessing.get_context("fork")
    reported: list[int] = []
    integrity_failures = 0
    for round_number in range(kills):
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        child = context.Process(
            target=_writer, args=(str(db_path), write_fd, round_number * 100_000)
        )
        child.start()
        os.close(write_fd)
        child.join(rng.uniform(0.005, max_delay))  # let it write for a random moment
        if child.is_alive():
            os.kill(child.pid or 0, signal.SIGKILL)
        child.join()
        reported += _reported(read_fd)
        os.close(read_fd)
        con = sqlite3.connect(str(db_path))
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            integrity_failures += 1
        con.close()
    return _verify(db_path, kills, reported, integrity_failures)


def _verify(db_path: Path, kills: int, reported: list[int], integrity_failures: int) -> CrashReport:
    from app.integrity import check_database
    from app.session import close_app_database, open_app_database
    from db.models import Meeting, PlanItem, Proposal

    db, _info = open_app_database(db_path)
    try:
        meetings = {t for (t,) in Meeting.select(Meeting.title).tuples()}
        proposals = {a for (a,) in Proposal.select(Proposal.achievements).tuples()}
        items = {t for (t,) in PlanItem.select(PlanItem.title).tuples()}
        lost = sum(
            1
            for n in reported
            if not {f"crash-{n}"} <= meetings
            or f"crash-{n}" not in proposals
            or f"crash-{n}" not in items
        )
        report = check_database(db)
    finally:
        close_app_database(db)
    return CrashReport(kills, len(reported), integrity_failures, lost, report.problems)
