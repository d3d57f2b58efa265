"""The command line: options for the window and headless commands for scripts and tests."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from app import __version__, sample
from app.errors import AppError, CommandError
from app.paths import resolve_paths
from app.session import close_app_database, open_app_database


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tdkt",
        description="TĐKT Desk: công tác thi đua, khen thưởng của Hội đồng Thi đua - Khen thưởng Sở.",
    )
    parser.add_argument("--version", action="version", version=f"TĐKT Desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="TỆP",
        help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng, hoặc biến TDKT_DB)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="mở một bản sao tạm thời chứa năm mẫu 2024 (không đụng đến dữ liệu thật)",
    )
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    init = commands.add_parser("init", help="tạo cơ sở dữ liệu mà không mở cửa sổ")
    init.add_argument(
        "--db", metavar="TỆP", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu cần tạo"
    )
    init.add_argument("--sample", action="store_true", help="nạp năm mẫu 2024")
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def run_headless(args: argparse.Namespace) -> int:
    """Run a headless command; the exit status is 0 on success, 2 on a refused request."""
    _utf8_streams()
    try:
        if args.command == "init":
            return _init(args)
        raise CommandError(f"Lệnh không hợp lệ: {args.command}")
    except AppError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr)
        return 2


def _init(args: argparse.Namespace) -> int:
    if not getattr(args, "db", None):
        raise CommandError("Lệnh init cần --db TỆP.")
    path = resolve_paths(args.db).db_file
    db, info = open_app_database(path)
    try:
        if args.sample:
            sample.load_sample_year()
    finally:
        close_app_database(db)
    state = "Đã tạo" if info.created else "Đã mở"
    suffix = ", đã nạp năm mẫu 2024" if args.sample else ""
    print(f"{state} cơ sở dữ liệu {path}{suffix}.")
    return 0


def make_demo_database() -> Path:
    """A throwaway database holding the sample year, in a new temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="tdkt-demo-"))
    path = folder / "demo.sqlite"
    db, _info = open_app_database(path)
    try:
        sample.load_sample_year()
    finally:
        close_app_database(db)
    return path


def remove_demo_database(path: Path) -> None:
    if path.parent.name.startswith("tdkt-demo-"):
        shutil.rmtree(path.parent, ignore_errors=True)
