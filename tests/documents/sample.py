"""A realistic KẾ HOẠCH for the engine's tests, and the lines it must print, in order."""

from __future__ import annotations

from app.documents import (
    AdminDocument,
    Block,
    Bullet,
    Header,
    Heading,
    LabelledLine,
    Paragraph,
    Signer,
    Table,
)
from app.documents.layout import MOTTO, NATIONAL_TITLE

UNITS = (
    "Văn phòng Sở",
    "Phòng Lãnh sự",
    "Phòng Hợp tác quốc tế",
    "Phòng Quản lý biên giới",
    "Thanh tra Sở",
)
PEOPLE = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoàng Cường",
    "Phạm Thị Duyên",
    "Hoàng Ngọc Bảo Châu",
    "Đặng Quốc Huy",
)


def sample_rows(count: int) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (str(i), PEOPLE[i % len(PEOPLE)], f"{UNITS[i % len(UNITS)]} (đợt {i % 4 + 1})")
        for i in range(1, count + 1)
    )


def sample_table(rows: int = 30) -> Table:
    return Table(
        columns=("STT", "Họ và tên", "Đơn vị công tác"),
        rows=sample_rows(rows),
        widths=(0.12, 0.4, 0.48),
        align=("center", "left", "left"),
    )


def _body(table_rows: int) -> tuple[Block, ...]:
    return (
        Paragraph(
            "Thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành, "
            "Sở Ngoại vụ ban hành Kế hoạch tổ chức phong trào thi đua năm 2024 như sau:"
        ),
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Heading("1. Mục đích", level=2),
        Paragraph(
            "Phát huy tinh thần yêu nước, ý chí tự lực, tự cường của cán bộ, công chức, viên "
            "chức và người lao động; động viên mọi người thi đua hoàn thành xuất sắc nhiệm vụ "
            "chính trị được giao, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh "
            "tế - xã hội của tỉnh năm 2024."
        ),
        Heading("2. Yêu cầu", level=2),
        Bullet(
            "Phong trào thi đua phải được tổ chức thiết thực, hiệu quả, tránh hình thức; nội "
            "dung thi đua gắn với nhiệm vụ chuyên môn của từng phòng, đơn vị."
        ),
        Bullet("Việc khen thưởng phải chính xác, công khai, công bằng, kịp thời."),
        Heading("II. NỘI DUNG THI ĐUA"),
        Heading("1. Tổ chức phát động phong trào thi đua", level=2),
        Heading("a) Phát động thi đua đầu năm", level=3),
        LabelledLine("Nội dung", "Ký kết giao ước thi đua giữa các phòng, đơn vị thuộc Sở"),
        LabelledLine("Thời gian", "Tháng 02 năm 2024"),
        LabelledLine("Đơn vị thực hiện", "Văn phòng Sở (Thường trực Hội đồng)"),
        Heading("b) Sơ kết, tổng kết phong trào", level=3),
        Paragraph(
            "Các phòng, đơn vị tổ chức sơ kết 6 tháng và tổng kết năm; đánh giá kết quả, lựa "
            "chọn tập thể, cá nhân tiêu biểu đề nghị khen thưởng theo quy định."
        ),
        Heading("2. Danh sách cán bộ đầu mối", level=2),
        sample_table(table_rows),
        Heading("III. TỔ CHỨC THỰC HIỆN"),
        Paragraph(
            "Giao Văn phòng Sở chủ trì, phối hợp với các phòng, đơn vị theo dõi, đôn đốc việc "
            "thực hiện Kế hoạch này; tổng hợp kết quả, báo cáo Giám đốc Sở theo quy định."
        ),
        Paragraph(
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị phản ánh "
            "về Văn phòng Sở để tổng hợp, báo cáo Giám đốc Sở xem xét, giải quyết./."
        ),
    )


def sample_plan(table_rows: int = 30) -> AdminDocument:
    return AdminDocument(
        header=Header(
            parent_body="UBND TỈNH BÌNH PHƯỚC",
            issuing_body="SỞ NGOẠI VỤ",
            number_symbol="Số: …/KH-HĐTĐKT",
            place_date="Bình Phước, ngày 07 tháng 4 năm 2024",
        ),
        doc_type="KẾ HOẠCH",
        subject=("Tổ chức phong trào thi đua năm 2024",),
        legal_bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ.",
        ),
        body=_body(table_rows),
        recipients=(
            "Ban Thi đua, Khen thưởng tỉnh;",
            "Giám đốc, các Phó Giám đốc Sở;",
            "Các phòng, đơn vị thuộc Sở;",
            "Lưu: VT, VP.",
        ),
        signer=Signer(title="GIÁM ĐỐC", name="Phạm Thị Anh Thư"),
        title="Kế hoạch thi đua năm 2024",
        author="Sở Ngoại vụ",
    )


def block_lines(block: Block) -> list[str]:
    """What a block prints, line by line (a table: its header, then each row)."""
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, LabelledLine):
        return [f"- {block.label}: {block.text}"]
    if isinstance(block, Bullet):
        return [f"- {block.text}"]
    if isinstance(block, Table):
        head = [" ".join(block.columns)] if block.columns else []
        return head + [" ".join(cell for cell in row if cell) for row in block.rows]
    return []


def printed_lines(doc: AdminDocument) -> list[str]:
    """Every text of the document in reading order (left header column, then the right)."""
    header = doc.header
    lines = [header.parent_body, header.issuing_body, header.number_symbol]
    lines += [NATIONAL_TITLE, MOTTO, header.place_date, doc.doc_type, *doc.subject]
    lines += list(doc.legal_bases)
    for block in doc.body:
        lines += block_lines(block)
    if doc.recipients:
        lines += [doc.recipients_heading, *(f"- {r}" for r in doc.recipients)]
    signer = doc.signer
    lines += [line for line in (signer.authority, signer.title, signer.name) if line]
    return [line for line in lines if line]
