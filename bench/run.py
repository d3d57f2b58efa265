"""`make bench`: measures start-up, tab opening, search, sorting and memory on a large dataset,
and prints each figure against its target (figures, never assertions)."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.generate import VERSION, generate  # noqa: E402

Row = tuple[str, float, str, float]  # label, value, unit, target
rows: list[Row] = []


def record(label: str, value: float, unit: str, target: float) -> None:
    rows.append((label, value, unit, target))
    verdict = "OK" if value <= target else "MISSED"
    print(
        f"  {label:<48} {value:>9.1f} {unit:<3} (target ≤ {target:g} {unit})  {verdict}", flush=True
    )


def dataset() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"large-v{VERSION}.sqlite"
    if not path.exists():
        started = time.perf_counter()
        counts = generate(path)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s: {counts}")
    return path


def cold_start(db: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            copy = Path(home) / "tdkt.sqlite"
            shutil.copy(db, copy)
            env = {**os.environ, "TDKT_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, str(ROOT / "bench" / "coldstart.py"), str(copy)],
                stdout=subprocess.PIPE,
                env=env,
                text=True,
            )
            assert child.stdout is not None
            for line in child.stdout:
                if line.strip() == "READY":
                    times.append(time.perf_counter() - started)
                    break
            child.wait(timeout=60)
    return statistics.median(times)


def in_process(db: Path) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.paths import resolve_paths
    from app.session import open_app_database
    from ui.main_window import MainWindow, OpenDatabase, make_settings
    from ui.tabs.loading import LoadingTab

    app = QApplication.instance() or QApplication([])
    home = tempfile.mkdtemp()
    os.environ["TDKT_HOME"] = home
    paths = resolve_paths(db).ensure()
    database, _ = open_app_database(db)
    window = MainWindow(OpenDatabase(database, db, paths), make_settings(paths))
    window.resize(1280, 800)

    def wait(tab: LoadingTab, action: Callable[[], None]) -> float:
        loop = QEventLoop()
        tab.rows_loaded.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        started = time.perf_counter()
        action()
        if not tab.is_current():
            loop.exec()
        elapsed = (time.perf_counter() - started) * 1000
        tab.rows_loaded.disconnect(loop.quit)
        return elapsed

    window.tabs.setCurrentIndex(4)  # start elsewhere, then open each tab cold
    window.show()
    app.processEvents()
    names = ["Kế hoạch", "Phiên họp", "Phong trào thi đua", "Khen thưởng (năm 2024)"]
    for index, name in enumerate(names):
        tab = window.year_tabs()[index]
        record(
            f"open tab {name}", wait(tab, lambda i=index: window.tabs.setCurrentIndex(i)), "ms", 150
        )
    people = window.directory_tab.people_list
    window.tabs.setCurrentIndex(4)
    record(
        "open tab Danh mục › Cán bộ (3,000 people)",
        wait(people, lambda: window.directory_tab.inner_tabs.setCurrentIndex(1)),
        "ms",
        150,
    )
    awards = window.awards_tab
    window.tabs.setCurrentIndex(3)
    record(
        "switch Khen thưởng to all years (40.000 rows, loaded off the GUI thread)",
        wait(awards, lambda: window.set_year(None)),
        "ms",
        500,
    )
    worst = 0.0
    for query in ("nguyen thi", "lao dong tien tien", "dang", "xyz-khong-co", "hương", ""):
        started = time.perf_counter()
        awards.search_edit.setText(query)
        worst = max(worst, (time.perf_counter() - started) * 1000)
    record("search the awards list, all years (worst of 6)", worst, "ms", 50)
    awards.search_edit.setText("")
    started = time.perf_counter()
    awards.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    record(
        "sort the awards list by name, first time",
        (time.perf_counter() - started) * 1000,
        "ms",
        500,
    )
    started = time.perf_counter()
    awards.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    record("sort the awards list by name, again", (time.perf_counter() - started) * 1000, "ms", 150)
    window.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record("peak memory (this process)", peak, "MB", 250)


def crash_safety(kills: int = 1000) -> None:
    from app import sample
    from app.session import close_app_database, open_app_database
    from bench.crashloop import run_crash_loop

    with tempfile.TemporaryDirectory() as folder:
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


crash_rows: list[str] = []


def write_markdown() -> Path:
    lines = ["| measure | result | target |", "|---|---:|---:|"]
    for label, value, unit, target in rows:
        mark = "" if value <= target else " (missed)"
        lines.append(f"| {label} | {value:.1f} {unit}{mark} | ≤ {target:g} {unit} |")
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


def main() -> int:
    db = dataset()
    print("TĐKT Desk benchmark (2 cores here; median of 3 for the cold start)")
    record("cold start to main window with rows shown", cold_start(db) * 1000, "ms", 1000)
    in_process(db)
    crash_safety()
    print(f"written {write_markdown().relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
