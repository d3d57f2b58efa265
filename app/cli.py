"""The command line: options for the window and headless commands for scripts and tests."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__, sample
from app.cli_text import VietnameseParser, vietnamese_argparse
from app.errors import AppError, CommandError
from app.paths import resolve_paths
from app.session import close_app_database, open_app_database

EXPORTS = ("plan", "agenda", "invitation", "minutes", "ballot", "summary")
FOLDER_EXPORTS = ("summary",)  # written as a verified folder (--to), not one file (--out)
AWARD_EXPORTS = ("proposal-list", "decision", "certificates", "award-stats")
HISTORY_EXPORTS = ("eligible",)  # đủ điều kiện đề nghị năm N+1 (XLSX), from the history to --year
CHECK_EXPORTS = ("eligibility-check",)  # the year's proposals against the rules in force (XLSX)
CAMPAIGN_EXPORTS = ("campaign-plan", "registrations", "campaign-report")
EXPORTS += CAMPAIGN_EXPORTS


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="tdkt",
        description="TĐKT Desk: công tác thi đua, khen thưởng của Hội đồng Thi đua - Khen thưởng Sở.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"TĐKT Desk {__version__}",
        help="hiện số phiên bản rồi thoát",
    )
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
    export = commands.add_parser("export", help="xuất văn bản ra PDF hoặc Word mà không mở cửa sổ")
    export.add_argument(
        "document",
        choices=EXPORTS + AWARD_EXPORTS + HISTORY_EXPORTS + CHECK_EXPORTS,
        metavar="VĂN_BẢN",
        help="văn bản cần xuất: "
        + ", ".join(EXPORTS + AWARD_EXPORTS + HISTORY_EXPORTS + CHECK_EXPORTS),
    )
    export.add_argument(
        "--year",
        type=int,
        metavar="NĂM",
        help="năm của kế hoạch, danh sách…; decision|certificates: năm ký quyết định (khi ghi số)",
    )
    export.add_argument("--meeting", type=int, metavar="SỐ", help="số (ID) của phiên họp")
    export.add_argument(
        "--invitee", type=int, metavar="SỐ", help="giấy mời riêng cho một người (số dòng điểm danh)"
    )
    export.add_argument("--campaign", type=int, metavar="SỐ", help="số (ID) của phong trào")
    export.add_argument(
        "--period",
        type=int,
        metavar="KỲ",
        help="kỳ báo cáo: tháng, quý hoặc nửa năm (1 nếu cả năm)",
    )
    export.add_argument(
        "--decision",
        metavar="QUYẾT_ĐỊNH",
        help="quyết định: số và ký hiệu (15/QĐ-SNgV; không phân biệt hoa thường, dấu, khoảng "
        "trắng); hoặc chỉ số, khi duy nhất trong năm ký --year; hoặc ID (số không kèm --year)",
    )
    export.add_argument(
        "--unit",
        type=int,
        metavar="SỐ",
        help="tờ trình: chỉ đơn vị này; registrations: bản đăng ký riêng của đơn vị (ID)",
    )
    export.add_argument(
        "--status", metavar="TRẠNG_THÁI", help="tờ trình: chỉ đề nghị ở trạng thái này (passed…)"
    )
    export.add_argument(
        "--level",
        choices=("department", "province", "ministry", "state"),
        help="tờ trình: của Sở lên cấp này, chỉ các danh hiệu, hình thức cấp này quyết định",
    )
    export.add_argument(
        "--format", choices=("pdf", "docx"), help="mặc định: theo đuôi tệp --out, hoặc pdf"
    )
    export.add_argument("--out", metavar="TỆP", help="tệp sẽ ghi ra (mọi văn bản trừ summary)")
    export.add_argument(
        "--to",
        metavar="THƯ_MỤC",
        help="summary: thư mục (ổ USB) nhận báo cáo tổng kết, văn bản của năm, bản sao dữ liệu",
    )
    export.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    backup = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu vào một thư mục")
    backup.add_argument("--to", metavar="THƯ_MỤC", required=True, help="thư mục nhận bản sao lưu")
    backup.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    restore = commands.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    restore.add_argument("backup", metavar="BẢN_SAO_LƯU", help="tệp sao lưu (.sqlite)")
    restore.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    check = commands.add_parser("check", help="kiểm tra toàn vẹn và các ràng buộc của dữ liệu")
    check.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    with vietnamese_argparse():  # argparse's own words (usage, help, errors) in Vietnamese
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
        if args.command == "export":
            return _export(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "check":
            return _check(args)
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


def _open_existing(args: argparse.Namespace) -> tuple[Any, Path]:
    path = resolve_paths(getattr(args, "db", None)).db_file
    if not path.exists():
        raise CommandError(f"Không có tệp cơ sở dữ liệu “{path}”. Tạo bằng lệnh init trước.")
    db, _info = open_app_database(path)
    return db, path


def _export(args: argparse.Namespace) -> int:
    from app.documents import render_docx, render_pdf, write_atomically
    from app.reports import plan_report

    if args.document in FOLDER_EXPORTS:
        return _export_folder(args)
    if not args.out:
        raise CommandError(f"Xuất {args.document} cần --out TỆP.")
    out = Path(args.out)
    if args.document in AWARD_EXPORTS:
        return _export_award(args, out)
    if args.document in HISTORY_EXPORTS:
        return _export_eligible(args, out)
    if args.document in CHECK_EXPORTS:
        return _export_check(args, out)
    fmt = args.format or ("docx" if out.suffix.lower() == ".docx" else "pdf")
    if args.document in CAMPAIGN_EXPORTS:
        return _export_campaign(args, out, fmt)
    if args.document == "plan" and args.year is None:
        raise CommandError("Xuất kế hoạch cần --year NĂM.")
    if args.document != "plan" and args.meeting is None:
        raise CommandError(f"Xuất {args.document} cần --meeting SỐ (số của phiên họp).")
    db, _path = _open_existing(args)
    try:
        if args.document == "plan":
            document = plan_report.plan_document_for_year(args.year)
        else:
            from app.reports import meeting_report

            if args.document == "invitation" and args.invitee is not None:
                document = meeting_report.invitation_document(args.meeting, args.invitee)
            else:
                document = meeting_report.DOCUMENTS[args.document](args.meeting)
    finally:
        close_app_database(db)
    data = render_docx(document) if fmt == "docx" else render_pdf(document)
    write_atomically(out, data)
    print(f"Đã xuất {out} ({len(data):,} byte).".replace(",", "."))
    return 0


def _export_folder(args: argparse.Namespace) -> int:
    """export summary --year N --to DIR: the verified export a USB stick receives."""
    from app.usb_export import export_year

    if args.year is None:
        raise CommandError("Xuất báo cáo tổng kết cần --year NĂM.")
    if not args.to:
        raise CommandError("Xuất báo cáo tổng kết cần --to THƯ_MỤC (thư mục hoặc ổ USB nhận).")
    db, _path = _open_existing(args)
    try:
        result = export_year(args.year, Path(args.to))
    finally:
        close_app_database(db)
    size = f"{result.total_bytes:,}".replace(",", ".")
    print(
        f"Đã xuất {len(result.entries)} tệp ({size} byte) vào {result.folder} và kiểm tra lại "
        "từng tệp theo manifest.json: khớp."
    )
    return 0


def _export_award(args: argparse.Namespace, out: Path) -> int:
    """proposal-list --year N [--unit ID] [--status S], decision|certificates --decision ID,
    award-stats --year N (XLSX)."""
    from app.documents import render_docx, render_pdf, write_atomically
    from db.enums import ProposalStatus

    fmt = args.format or ("docx" if out.suffix.lower() == ".docx" else "pdf")
    if args.document in ("proposal-list", "award-stats") and args.year is None:
        raise CommandError(f"Xuất {args.document} cần --year NĂM.")
    if args.document in ("decision", "certificates") and args.decision is None:
        raise CommandError(
            f"Xuất {args.document} cần --decision QUYẾT_ĐỊNH (số và ký hiệu, ví dụ 15/QĐ-SNgV, "
            "hoặc ID)."
        )
    status = None
    if args.status:
        status = next((s for s in ProposalStatus if args.status in (s.value, s.label)), None)
        if status is None:
            names = ", ".join(s.value for s in ProposalStatus)
            raise CommandError(f"Trạng thái “{args.status}” không có; dùng một trong: {names}.")
    db, _path = _open_existing(args)
    try:
        if args.document == "award-stats":
            from app.award_stats import award_statistics, statistics_xlsx

            data = statistics_xlsx(award_statistics(args.year))
        else:
            from app.reports import award_report

            if args.document == "proposal-list":
                from db.enums import AwardLevel

                level = AwardLevel(args.level) if args.level else None
                document = award_report.proposal_list_document(
                    args.year, args.unit, status, level=level
                )
            else:
                from app.decisions import find_decision

                decision_id = find_decision(args.decision, args.year)
                document = award_report.DOCUMENTS[args.document](decision_id)
            data = render_docx(document) if fmt == "docx" else render_pdf(document)
    finally:
        close_app_database(db)
    write_atomically(out, data)
    print(f"Đã xuất {out} ({len(data):,} byte).".replace(",", "."))
    return 0


def _export_campaign(args: argparse.Namespace, out: Path, fmt: str) -> int:
    """campaign-plan --campaign ID; registrations --year Y [--campaign ID];
    campaign-report --campaign ID --period K [--year Y]."""
    from app.documents import render_docx, render_pdf, write_atomically
    from app.reports import campaign_report

    if args.document == "registrations" and args.year is None:
        raise CommandError("Xuất bảng tổng hợp đăng ký cần --year NĂM.")
    if args.document != "registrations" and args.campaign is None:
        raise CommandError(f"Xuất {args.document} cần --campaign SỐ (số của phong trào).")
    if args.document == "campaign-report" and args.period is None:
        raise CommandError("Xuất báo cáo kỳ cần --period KỲ (ví dụ quý II: --period 2).")
    db, _path = _open_existing(args)
    try:
        if args.document == "campaign-plan":
            document = campaign_report.campaign_plan_document(args.campaign)
        elif args.document == "registrations" and args.unit is not None:
            document = campaign_report.unit_sheet_document(args.year, args.unit)
        elif args.document == "registrations":
            document = campaign_report.registrations_document(args.year, args.campaign)
        else:
            from db.models import Campaign

            campaign = Campaign.get_or_none(Campaign.id == args.campaign)
            year = args.year or (campaign.year if campaign else 0)
            document = campaign_report.campaign_report_document(args.campaign, year, args.period)
    finally:
        close_app_database(db)
    data = render_docx(document) if fmt == "docx" else render_pdf(document)
    write_atomically(out, data)
    print(f"Đã xuất {out} ({len(data):,} byte).".replace(",", "."))
    return 0


def _export_eligible(args: argparse.Namespace, out: Path) -> int:
    """eligible --year N: who may be proposed for what in N+1, from the history up to N (XLSX)."""
    from app.award_history import eligible_rows, eligible_xlsx
    from app.documents import write_atomically

    if args.year is None:
        raise CommandError("Xuất eligible cần --year NĂM (năm cuối của lịch sử được xét).")
    db, _path = _open_existing(args)
    try:
        rows = eligible_rows(args.year)
        data = eligible_xlsx(args.year, rows)
    finally:
        close_app_database(db)
    write_atomically(out, data)
    print(f"Đã xuất {out}: {len(rows)} gợi ý đề nghị năm {args.year + 1}.")
    return 0


def _export_check(args: argparse.Namespace, out: Path) -> int:
    """eligibility-check --year N: the year's proposals against the rules in force today."""
    from datetime import date

    from app.documents import write_atomically
    from app.eligibility import check_year, findings_xlsx

    if args.year is None:
        raise CommandError("Xuất eligibility-check cần --year NĂM.")
    db, _path = _open_existing(args)
    try:
        on = date.today()
        findings = check_year(args.year, on)
        data = findings_xlsx(args.year, on, findings)
    finally:
        close_app_database(db)
    write_atomically(out, data)
    print(f"Đã xuất {out}: {len(findings)} vấn đề trong các đề nghị năm {args.year}.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from app.backup import backup_to_folder

    db, _path = _open_existing(args)
    try:
        target = backup_to_folder(db, Path(args.to), datetime.now())
    finally:
        close_app_database(db)
    print(f"Đã sao lưu vào {target}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.backup import restore_file

    paths = resolve_paths(getattr(args, "db", None))
    saved = restore_file(paths.db_file, Path(args.backup), paths.backup_dir, datetime.now())
    db, _info = open_app_database(paths.db_file)  # the restored file opens (and migrates) cleanly
    close_app_database(db)
    print(f"Đã khôi phục {paths.db_file} từ {args.backup}; dữ liệu cũ được giữ ở {saved}.")
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.integrity import check_database

    db, path = _open_existing(args)
    try:
        report = check_database(db)
    finally:
        close_app_database(db)
    if report.ok:
        print(f"{path}: toàn vẹn, mọi ràng buộc đều thỏa.")
        return 0
    print(f"{path}: phát hiện {len(report.problems)} vấn đề:", file=sys.stderr)
    for problem in report.problems:
        print(f"- {problem}", file=sys.stderr)
    return 1


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
