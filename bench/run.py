"""`make bench`: start-up, tabs, search, sorting and memory on a large dataset, against targets.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py [--no-crash]

1. The dataset (bench/generate.py: 10 years, 3,000 people, 40,000 proposals, …) is generated
   once into a temporary folder and cached as bench/out/large.sqlite, keyed by the generator's
   VERSION (bench/out/large.json), so later runs reuse it.
2. Cold start: a fresh ``python -c`` process runs the real start-up (main.main with --db) on
   a copy of the dataset, TDKT_HOME pointing at a temporary folder; the clock starts just
   before the process does and stops when it prints READY (main window shown, its current
   tab's rows loaded, see bench/coldstart.py); then the child is killed. Median of 3.
3. In a second fresh process (so that generating the data does not count in its peak memory):
   the main window on a copy of the dataset, each tab opened, the awards list with all years
   searched and sorted, then ru_maxrss.
4. The crash loop (bench/crashloop.py, 1,000 SIGKILLs; skipped with --no-crash).

Prints one line per figure against its target, and writes the same as Markdown to
bench/out/latest.md for the README. Figures, not assertions: always exits 0.
"""

from __future__ import annotations

import json
import os
import queue
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.generate import VERSION, generate  # noqa: E402

CACHE_DB, CACHE_INFO = OUT / "large.sqlite", OUT / "large.json"
COLD_RUNS = 3
COLD_TIMEOUT = 60.0
SEARCHES = ("nguyen thi", "lao dong tien tien", "dang", "xyz-not-found", "")
CHILD = "import sys; from bench.coldstart import main; sys.exit(main(sys.argv[1:]))"


@dataclass
class Figure:
    label: str
    value: float | None  # None: the measurement failed
    unit: str  # "s", "ms" or "MB"
    target: float
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value <= self.target

    def text(self, value: float | None) -> str:
        if value is None:
            return "—"
        digits = 2 if self.unit == "s" else 0
        return f"{value:,.{digits}f} {self.unit}"

    def verdict(self) -> str:
        if self.value is None:
            return "FAILED"
        return "OK" if self.ok else "MISSED"


figures: list[Figure] = []
details: list[str] = []


def record(figure: Figure) -> None:
    figures.append(figure)
    print(
        f"  {figure.label:<50} {figure.text(figure.value):>10}   "
        f"(target ≤ {figure.text(figure.target)})   {figure.verdict()}"
        + (f"   {figure.note}" if figure.note else ""),
        flush=True,
    )


def detail(text: str) -> None:
    details.append(text)
    print(f"      {text}", flush=True)


# --- the dataset ------------------------------------------------------------------------
def dataset() -> tuple[Path, dict[str, Any]]:
    """The cached dataset, (re)generated when missing or made by another generator version."""
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        info = json.loads(CACHE_INFO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    if info.get("version") == VERSION and CACHE_DB.exists():
        info["cached"] = True
        return CACHE_DB, info
    CACHE_INFO.unlink(missing_ok=True)
    for stale in [CACHE_DB, *OUT.glob("large-v*.sqlite")]:
        stale.unlink(missing_ok=True)
    print("generating the large dataset (bench/generate.py)…", flush=True)
    with tempfile.TemporaryDirectory(dir=OUT, prefix="generating-") as folder:
        fresh = Path(folder) / "large.sqlite"
        started = time.perf_counter()
        counts = generate(fresh)
        seconds = time.perf_counter() - started
        os.replace(fresh, CACHE_DB)  # same file system: whole or not at all
    info = {"version": VERSION, "counts": counts, "seconds": round(seconds, 2)}
    CACHE_INFO.write_text(json.dumps(info, indent=2), encoding="utf-8")
    info["cached"] = False
    return CACHE_DB, info


def describe(info: dict[str, Any]) -> str:
    c = info["counts"]
    first = 2024 - c["years"] + 1
    made = "cached, generated" if info.get("cached") else "generated"
    return (
        f"{c['units']} units, {c['people']:,} people, {c['proposals']:,} proposals over "
        f"{first}–2024, {c['meetings']} meetings, {c['campaigns']} campaigns, "
        f"{c['campaign_reports']} campaign reports, {c['votes']:,} votes, sample year included; "
        f"{made} in {info['seconds']:.1f} s (generator v{info['version']})"
    )


# --- cold start ---------------------------------------------------------------------------
def _read_lines(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def cold_start_once(db: Path, settings: str | None = None) -> tuple[float, str]:
    """Seconds from just before the child starts until it says READY; and what it said."""
    with tempfile.TemporaryDirectory(prefix="tdkt-cold-") as home:
        copy = Path(home) / "large.sqlite"
        shutil.copyfile(db, copy)
        if settings is not None:
            (Path(home) / "giao-dien.ini").write_text(settings, encoding="utf-8")
        env = {**os.environ, "TDKT_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("TDKT_DB", None)
        errors = Path(home) / "stderr.txt"
        with errors.open("w") as stderr:
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, "--db", str(copy)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
            lines: queue.Queue[str | None] = queue.Queue()
            threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True).start()
            try:
                while True:
                    remaining = COLD_TIMEOUT - (time.perf_counter() - started)
                    line = lines.get(timeout=max(remaining, 0.01))
                    if line is None or line.startswith(("READY", "MODAL")):
                        break
            except queue.Empty:
                line = None
            elapsed = time.perf_counter() - started
            child.kill()
            child.wait()
        if line is None or not line.startswith("READY"):
            tail = errors.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the window never got ready: {(line or '').strip()}\n{tail}")
        return elapsed, line.strip()


def cold_start(db: Path, label: str, settings: str | None = None) -> None:
    try:
        runs = [cold_start_once(db, settings) for _ in range(COLD_RUNS)]
    except Exception as error:  # a figure, not an assertion
        record(Figure(label, None, "s", 1.0, note=str(error).splitlines()[0]))
        print(error, file=sys.stderr)
        return
    times = [t for t, _ in runs]
    record(Figure(label, statistics.median(times), "s", 1.0))
    _, tab, rows = (runs[0][1].split() + ["", ""])[:3]
    runs_text = ", ".join(f"{t:.2f}" for t in times)
    detail(f"{label}: runs {runs_text} s; the first tab was {tab}, {rows} rows")


HEAVY_IMPORTS = (
    "PySide6",
    "peewee",
    "app.exports.tables",
    "app.documents",
    "openpyxl",
    "docx",
)


def import_breakdown() -> None:
    """Where the start-up's imports go (one run under ``python -X importtime``)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import main, ui.application"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=COLD_TIMEOUT,
    )
    cumulative: dict[str, int] = {}
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            cumulative.setdefault(parts[2].strip(), int(parts[1]))
    total = cumulative.get("main", 0) + cumulative.get("ui.application", 0)
    heavy = ", ".join(
        f"{name} {cumulative[name] / 1000:.0f} ms" for name in HEAVY_IMPORTS if name in cumulative
    )
    detail(
        f"imports of main + ui.application: {total / 1000:.0f} ms under -X importtime "
        f"(each package counted where first imported: {heavy})"
    )


# --- in a fresh process: tabs, search, sort, memory ---------------------------------------
class _Window:
    """The main window on the dataset copy, and the way to wait for a list to load."""

    def __init__(self, db: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from app.paths import resolve_paths
        from app.session import open_app_database
        from ui.main_window import MainWindow, OpenDatabase, make_settings

        self.app = QApplication.instance() or QApplication([])
        self.started_mb = _peak_mb()
        paths = resolve_paths(db).ensure()  # TDKT_HOME was set by the parent
        database, _info = open_app_database(db)
        self.window = MainWindow(OpenDatabase(database, db, paths), make_settings(paths))
        self.rows = -1

    def until_loaded(self, tab: Any, action: Callable[[], None]) -> float:
        """Milliseconds from ``action()`` until ``tab`` emitted rows_loaded."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()

        def done(count: int) -> None:
            self.rows = count
            loop.quit()

        tab.rows_loaded.connect(done)
        QTimer.singleShot(30000, loop.quit)
        self.rows = -1
        started = time.perf_counter()
        action()
        if self.rows < 0 and not tab.is_current():
            loop.exec()
        elapsed = (time.perf_counter() - started) * 1000
        tab.rows_loaded.disconnect(done)
        return elapsed

    def open_tab(self, index: int, tab: Any, label: str) -> Figure:
        ms = self.until_loaded(tab, lambda: self.window.tabs.setCurrentIndex(index))
        return Figure(f"{label} ({self.rows:,} rows)", ms, "ms", 150)


def _open_tabs(w: _Window) -> list[Figure]:
    window = w.window
    # Shown first on Danh mục › Đơn vị (which the window loads while it is built), so that
    # every list measured below is opened for the first time.
    window.directory_tab.inner_tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(4)
    window.show()
    while not window.directory_tab.units_list.is_current():
        w.app.processEvents()
    year = window.selected_year()
    found = [
        w.open_tab(index, tab, f"open tab {window.tabs.tabText(index)}, {year}")
        for index, tab in enumerate(window.year_tabs())
    ]
    window.directory_tab.inner_tabs.setCurrentIndex(1)  # hidden: loads when shown
    found.append(w.open_tab(4, window.directory_tab.people_list, "open tab Danh mục › Cán bộ"))
    window.set_year(None)  # "Tất cả các năm": the hidden year tabs go stale
    found.append(w.open_tab(3, window.awards_tab, "open tab Khen thưởng, all years"))
    return found


def _search(tab: Any, notes: list[str]) -> Figure:
    times = []
    for query in SEARCHES:
        started = time.perf_counter()
        tab.search_edit.setText(query)
        times.append((time.perf_counter() - started) * 1000)
        notes.append(f"search “{query}”: {times[-1]:.1f} ms, {tab.proxy.rowCount():,} rows shown")
    worst = max(range(len(times)), key=times.__getitem__)
    label = f"search awards, all years (worst of {len(SEARCHES)})"
    return Figure(label, times[worst], "ms", 50, note=f"“{SEARCHES[worst]}”")


def _sort(tab: Any) -> list[Figure]:
    from PySide6.QtCore import Qt

    found = []
    tab.search_edit.setText("")
    for label, order in (
        ("sort awards, all years, by name", Qt.SortOrder.AscendingOrder),
        ("sort again, descending (keys cached)", Qt.SortOrder.DescendingOrder),
    ):
        started = time.perf_counter()
        tab.table.sortByColumn(1, order)
        found.append(Figure(label, (time.perf_counter() - started) * 1000, "ms", 500))
    return found


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def _where_time_goes(w: _Window) -> list[str]:
    """The all-years awards load step by step, on this thread (the app runs the first two steps
    in a worker): SQL alone, the whole proposal_rows, sorting by name, the model reset, paint."""
    from PySide6.QtCore import Qt

    from app import awards, people
    from db.models import database_proxy

    tab = w.window.awards_tab
    query = awards.proposal_query(None)  # the query of app.awards.proposal_rows
    _, sql_ms = _timed(lambda: database_proxy.execute_sql(*query.sql()).fetchall())
    rows, rows_ms = _timed(lambda: awards.proposal_rows(None))
    presorted, sort_ms = _timed(
        lambda: tab.model.presorted(rows, 1, Qt.SortOrder.AscendingOrder)
    )  # what the worker does when the list is sorted by name
    tab.proxy.sort(-1)
    _, show_ms = _timed(lambda: tab.show_result(rows))
    _, paint_ms = _timed(lambda: (w.app.processEvents(), w.window.repaint()))
    person_rows, people_ms = _timed(people.person_rows)
    return [
        f"Khen thưởng, all years, step by step on one thread: awards.proposal_rows(None) "
        f"{rows_ms:.0f} ms (SQL with fetchall {sql_ms:.0f} ms, building {len(rows):,} rows "
        f"{rows_ms - sql_ms:.0f} ms) and, when sorted by name, sorting {sort_ms:.0f} ms, both on "
        f"the worker thread; then on the GUI thread show_result (model reset, count) "
        f"{show_ms:.0f} ms and the next paint {paint_ms:.0f} ms",
        f"Danh mục › Cán bộ: people.person_rows() {people_ms:.0f} ms for {len(person_rows):,} "
        "people",
    ]


def _eligibility() -> list[Figure]:
    """The award eligibility checks: one proposal (the detail pane, the dialog as one types) and
    the year's list (Kiểm tra cả danh sách, run in the background)."""
    from datetime import date

    from app import eligibility
    from db.models import Proposal

    year = Proposal.select(Proposal.year).order_by(Proposal.year.desc()).first().year
    one = Proposal.select(Proposal.id).where(Proposal.year == year).first().id
    _, one_ms = _timed(lambda: eligibility.check_proposal(one, date(year, 12, 1)))
    found, year_ms = _timed(lambda: eligibility.check_year(year, date(year, 12, 1)))
    count = Proposal.select().where(Proposal.year == year).count()
    return [
        Figure("eligibility of one proposal (detail, dialog)", one_ms, "ms", 100),
        Figure(
            f"eligibility of the {year} list ({count:,} proposals, background)",
            year_ms,
            "ms",
            3000,
            note=f"{len(found):,} findings",
        ),
    ]


def measure_in_process(db: Path, out: Path) -> None:
    """Runs in its own process (``run.py --measure DB OUT``); writes figures as JSON."""
    w = _Window(db)
    notes: list[str] = []
    found = _open_tabs(w)
    memory = [f"Qt and the app imported {w.started_mb:.0f} MB"]
    memory.append(f"after opening every tab {_peak_mb():.0f} MB")
    found.append(_search(w.window.awards_tab, notes))
    found += _sort(w.window.awards_tab)
    found += _eligibility()
    memory.append(f"after search and sort {_peak_mb():.0f} MB")
    found.append(Figure("peak memory (in-process run, ru_maxrss)", _peak_mb(), "MB", 250))
    notes.append("peak memory " + ", ".join(memory))
    notes[:0] = _where_time_goes(w)  # after ru_maxrss: it holds a second copy of the rows
    w.window.close()
    payload = {"figures": [asdict(f) for f in found], "notes": notes}
    out.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def in_process(db: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as home:
        copy = Path(home) / "large.sqlite"
        shutil.copyfile(db, copy)
        out = Path(home) / "figures.json"
        env = {**os.environ, "TDKT_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("TDKT_DB", None)
        command = [sys.executable, str(Path(__file__)), "--measure", str(copy), str(out)]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            record(Figure("tabs, search, sort, memory", None, "ms", 0, note="see stderr"))
            print(done.stdout, done.stderr, file=sys.stderr)
            return
        payload = json.loads(out.read_text(encoding="utf-8"))
    for item in payload["figures"]:
        record(Figure(**item))
    for note in payload["notes"]:
        detail(note)


# --- year-end summary ---------------------------------------------------------------------
def year_end_summary(db: Path) -> None:
    from bench.generate import LAST_YEAR
    from bench.summary_bench import measure_summary

    measure_summary(db, LAST_YEAR, record, detail, Figure)


# --- crash safety -------------------------------------------------------------------------
crash_rows: list[str] = []


def crash_safety(kills: int = 1000) -> None:
    from app import sample
    from app.session import close_app_database, open_app_database
    from bench.crashloop import run_crash_loop

    with tempfile.TemporaryDirectory(prefix="tdkt-crash-") as folder:
        path = Path(folder) / "crash.sqlite"
        db, _info = open_app_database(path)
        sample.load_sample_year()
        close_app_database(db)
        started = time.perf_counter()
        report = run_crash_loop(path, kills=kills, seed=int(time.time()), max_delay=0.15)
        elapsed = time.perf_counter() - started
    crash_rows.append(
        f"| SIGKILL at random moments | {report.kills} | {report.commits} | "
        f"{report.integrity_failures} | {report.lost_commits} | {len(report.invariant_problems)} |"
    )
    print(
        f"  crash loop: {report.kills} kills, {report.commits} commits reported, "
        f"{report.integrity_failures} integrity failures, {report.lost_commits} lost commits, "
        f"{len(report.invariant_problems)} invariant problems ({elapsed:.0f} s)",
        flush=True,
    )


# --- the report ---------------------------------------------------------------------------
def write_markdown(dataset_line: str) -> Path:
    lines = ["| measure | result | target | |", "|---|---:|---:|---|"]
    for f in figures:
        note = f" {f.note}" if f.note else ""
        lines.append(
            f"| {f.label}{note} | {f.text(f.value)} | ≤ {f.text(f.target)} | {f.verdict()} |"
        )
    lines += ["", f"Dataset: {dataset_line}.", ""]
    lines += [f"- {text}" for text in details]
    if crash_rows:
        lines += [
            "",
            "| crash test | kills | commits | integrity failures | lost commits | invariant problems |",
            "|---|---:|---:|---:|---:|---:|",
            *crash_rows,
        ]
    path = OUT / "latest.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def section(name: str, run: Callable[[], None]) -> None:
    try:
        run()
    except Exception:  # figures, never assertions: report and go on
        print(f"  {name} FAILED:", file=sys.stderr)
        traceback.print_exc()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        measure_in_process(Path(argv[1]), Path(argv[2]))
        return 0
    db, info = dataset()
    line = describe(info)
    print(f"TĐKT Desk benchmark — {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"dataset: {line}")
    counts = info["counts"]
    print("  " + ", ".join(f"{name} {value:,}" for name, value in counts.items()))
    print()
    section(
        "cold start",
        lambda: cold_start(db, "cold start to main window shown, rows loaded"),
    )
    section(
        "cold start, awards",
        lambda: cold_start(
            db,
            "cold start, Khen thưởng all years remembered",
            settings="[window]\ntab=3\nyear=0\n",
        ),
    )
    section("imports", import_breakdown)
    section("in-process", lambda: in_process(db))
    section("year-end summary", lambda: year_end_summary(db))
    if "--no-crash" not in argv:
        section("crash loop", crash_safety)
    try:
        print(f"written {write_markdown(line).relative_to(ROOT)}")
    except OSError as error:
        print(f"could not write bench/out/latest.md: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception:
        traceback.print_exc()
    sys.exit(0)
