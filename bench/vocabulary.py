"""The vocabulary of the synthetic dataset: Vietnamese names, units, award and status weights,
and the texts proposals, campaigns and meetings are written with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db.enums import (
    Cadence,
    CommendationKind,
    ProposalStatus,
    RankGroup,
    UnitKind,
)

Weighted = Sequence[tuple[Any, float]]


def _names(words: str) -> tuple[str, ...]:
    return tuple(words.split())


FAMILY: Weighted = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 3.5),
    ("Võ", 3.5),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Đinh", 0.6),
    ("Trương", 0.8),
    ("Lâm", 0.3),
    ("Mai", 0.3),
)
MIDDLE_MALE: Weighted = (
    ("Văn", 30),
    ("Hữu", 8),
    ("Đức", 10),
    ("Minh", 12),
    ("Quang", 8),
    ("Thành", 6),
    ("Công", 5),
    ("Xuân", 5),
    ("Ngọc", 4),
    ("Hoàng", 4),
    ("Anh", 3),
    ("Văn Minh", 2),
    ("Trọng", 3),
    ("", 1),
)
MIDDLE_FEMALE: Weighted = (
    ("Thị", 40),
    ("Thị Ngọc", 8),
    ("Thị Thu", 8),
    ("Thị Thanh", 7),
    ("Thị Kim", 5),
    ("Thị Hồng", 5),
    ("Ngọc", 6),
    ("Thu", 5),
    ("Thanh", 4),
    ("Bảo", 2),
    ("Thị Minh", 3),
    ("Thị Mỹ", 3),
    ("", 1),
)
GIVEN_MALE = _names(
    "An Bình Cường Dũng Đạt Đông Giang Hải Hiếu Hòa Hùng Huy Khánh Khoa Lâm Long Minh Nam "
    "Nghĩa Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành Thịnh Trung Tuấn Tùng Việt Vinh"
)
GIVEN_FEMALE = _names(
    "An Ánh Bích Chi Diệp Dung Giang Hà Hạnh Hằng Hiền Hoa Hòa Hồng Hương Huyền Khánh Lan "
    "Liên Linh Loan Mai My Nga Ngân Ngọc Nhung Oanh Phương Quyên Tâm Thảo Thư Thủy Trang "
    "Trinh Tuyết Uyên Vân Vy Xuân Yến"
)

# name, short name, kind, weight (how many people work there, relatively)
UNITS: Sequence[tuple[str, str, UnitKind, float]] = (
    ("Thanh tra Sở", "TTr", UnitKind.DIVISION, 3),
    ("Phòng Lãnh sự", "LS", UnitKind.DIVISION, 5),
    ("Phòng Hợp tác quốc tế", "HTQT", UnitKind.DIVISION, 5),
    ("Phòng Quản lý biên giới", "QLBG", UnitKind.DIVISION, 4),
    ("Phòng Người Việt Nam ở nước ngoài", "NVNONN", UnitKind.DIVISION, 3),
    ("Phòng Thông tin đối ngoại", "TTĐN", UnitKind.DIVISION, 3),
    ("Phòng Kinh tế đối ngoại", "KTĐN", UnitKind.DIVISION, 4),
    ("Phòng Văn hóa đối ngoại", "VHĐN", UnitKind.DIVISION, 3),
    ("Phòng Lễ tân", "LT", UnitKind.DIVISION, 3),
    ("Phòng Tổ chức cán bộ", "TCCB", UnitKind.DIVISION, 3),
    ("Phòng Kế hoạch - Tài chính", "KHTC", UnitKind.DIVISION, 3),
    ("Phòng Pháp chế", "PC", UnitKind.DIVISION, 2),
    ("Phòng Tổng hợp", "TH", UnitKind.DIVISION, 3),
    ("Phòng Quản lý đoàn ra, đoàn vào", "ĐRĐV", UnitKind.DIVISION, 3),
    ("Phòng Công tác phi chính phủ nước ngoài", "PCPNN", UnitKind.DIVISION, 2),
    ("Phòng Xúc tiến đầu tư và thương mại", "XTĐT", UnitKind.DIVISION, 3),
    ("Phòng Báo chí", "BC", UnitKind.DIVISION, 2),
    ("Trung tâm Dịch vụ đối ngoại", "TTDVĐN", UnitKind.CENTER, 12),
    ("Trung tâm Phiên dịch và Dịch thuật", "TTPD", UnitKind.CENTER, 8),
    ("Trung tâm Thông tin và Truyền thông đối ngoại", "TTTT", UnitKind.CENTER, 6),
    ("Trung tâm Hỗ trợ người nước ngoài", "TTHT", UnitKind.CENTER, 5),
    ("Nhà khách Đối ngoại", "NKĐN", UnitKind.CENTER, 6),
)
STAFF: Weighted = (
    (("Chuyên viên", RankGroup.STAFF), 52),
    (("Chuyên viên chính", RankGroup.STAFF), 14),
    (("Chuyên viên cao cấp", RankGroup.STAFF), 1),
    (("Cán sự", RankGroup.STAFF), 5),
    (("Kế toán viên", RankGroup.STAFF), 3),
    (("Văn thư", RankGroup.STAFF), 3),
    (("Nhân viên", RankGroup.WORKER), 12),
    (("Lái xe", RankGroup.WORKER), 4),
    (("Nhân viên bảo vệ", RankGroup.WORKER), 3),
)
HEADS = {
    UnitKind.BOARD: ("Phó Giám đốc Sở", "Phó Giám đốc Sở", RankGroup.DEPT_LEADER),
    UnitKind.OFFICE: ("Chánh Văn phòng", "Phó Chánh Văn phòng", RankGroup.DIVISION_LEADER),
    UnitKind.DIVISION: ("Trưởng phòng", "Phó Trưởng phòng", RankGroup.DIVISION_LEADER),
    UnitKind.CENTER: ("Giám đốc", "Phó Giám đốc", RankGroup.DIVISION_LEADER),
}

AWARDS_INDIVIDUAL: Weighted = (
    ("LDTT", 70),
    ("CSTDCS", 12),
    ("GK_SO", 10),
    ("BK_TINH", 4),
    ("BK_BNG", 2),
    ("CSTD_TINH", 1.5),
    ("BK_TTG", 0.4),
    ("CSTD_TQ", 0.1),
)
AWARDS_COLLECTIVE: Weighted = (
    ("TTLDTT", 55),
    ("TTLDXS", 20),
    ("GK_SO", 12),
    ("BK_TINH", 8),
    ("BK_BNG", 3),
    ("CO_TINH", 2),
)
TITLES = {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP"}
FORM_KINDS: Weighted = (
    (CommendationKind.REGULAR, 50),
    (CommendationKind.THEMATIC, 25),
    (CommendationKind.UNSCHEDULED, 10),
    (CommendationKind.FOREIGN, 10),
    (CommendationKind.LONG_SERVICE, 3),
    (CommendationKind.SENIORITY, 2),
)
S = ProposalStatus
STATUS_PAST: Weighted = (
    (S.GRANTED, 78),
    (S.NOT_GRANTED, 4),
    (S.FAILED, 4),
    (S.WITHDRAWN, 3),
    (S.PASSED, 6),
    (S.SENT_UP, 5),
)
STATUS_LAST: Weighted = (
    (S.DRAFT, 15),
    (S.BEFORE_COUNCIL, 20),
    (S.PASSED, 25),
    (S.FAILED, 3),
    (S.SENT_UP, 12),
    (S.GRANTED, 20),
    (S.NOT_GRANTED, 2),
    (S.WITHDRAWN, 3),
)
VOTED = {S.PASSED, S.FAILED, S.SENT_UP, S.GRANTED, S.NOT_GRANTED}
# Who signs the decision, by the award's level: (authority, symbol).
DECIDERS = {
    "department": ("Giám đốc Sở Ngoại vụ", "QĐ-SNgV"),
    "province": ("Chủ tịch Ủy ban nhân dân tỉnh", "QĐ-UBND"),
    "ministry": ("Bộ trưởng Bộ Ngoại giao", "QĐ-BNG"),
    "state": ("Thủ tướng Chính phủ", "QĐ-TTg"),
}

ACHIEVEMENTS = (
    "Hoàn thành xuất sắc nhiệm vụ được giao năm {y}",
    "Hoàn thành tốt nhiệm vụ được giao năm {y}; chấp hành tốt chủ trương, chính sách",
    "Tham mưu tổ chức thành công các đoàn khách quốc tế đến thăm và làm việc tại tỉnh",
    "Thực hiện tốt công tác lãnh sự, bảo hộ công dân; không để xảy ra sai sót",
    "Tích cực tham gia các phong trào thi đua, hoạt động đoàn thể của cơ quan",
    "Đóng góp vào việc tổ chức Hội nghị xúc tiến đầu tư năm {y}",
    "Chủ động đổi mới phương pháp làm việc, ứng dụng công nghệ thông tin",
    "Phối hợp hiệu quả trong công tác quản lý biên giới, phân giới cắm mốc",
    "Hoàn thành vượt mức kế hoạch công tác thông tin đối ngoại",
    "Có thành tích đột xuất trong công tác phiên dịch phục vụ lãnh đạo tỉnh",
    "Gương mẫu, đoàn kết, giúp đỡ đồng nghiệp; đạo đức, lối sống lành mạnh",
    "",
)
INITIATIVES = (
    "Sáng kiến “Số hóa hồ sơ lãnh sự, rút ngắn thời gian giải quyết thủ tục”",
    "Đề tài “Nâng cao hiệu quả hợp tác với các địa phương nước ngoài kết nghĩa”",
    "Sáng kiến “Quy trình phối hợp đón tiếp đoàn vào theo hướng một đầu mối”",
    "Sáng kiến “Cơ sở dữ liệu người Việt Nam ở nước ngoài của tỉnh”",
    "Giải pháp “Phần mềm quản lý đoàn ra, đoàn vào”",
    "Sáng kiến “Bộ câu hỏi, đáp thông tin đối ngoại cho cán bộ cơ sở”",
)
WITHDRAWN_REASONS = (
    "Cá nhân xin rút hồ sơ",
    "Chuyển công tác trước thời điểm xét",
    "Đơn vị đề nghị điều chỉnh danh sách",
)
THEMES = (
    "Chung sức xây dựng nông thôn mới",
    "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân",
    "Chuyển đổi số trong công tác đối ngoại",
    "Thực hiện văn hóa công sở, kỷ cương, kỷ luật hành chính",
    "Đẩy mạnh hội nhập quốc tế, nâng cao vị thế của tỉnh",
    "Bảo đảm trật tự an toàn giao thông",
    "Dân vận khéo",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Thực hành tiết kiệm, chống lãng phí",
    "Xây dựng cơ quan, đơn vị đạt chuẩn văn hóa",
    "Thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh",
    "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ được giao",
    "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
    "Toàn dân đoàn kết xây dựng đời sống văn hóa",
    "Thi đua đặc biệt chào mừng các ngày lễ lớn của đất nước",
    "Xúc tiến đầu tư, thương mại và du lịch",
    "Bảo hộ công dân và hỗ trợ người Việt Nam ở nước ngoài",
    "Xây dựng biên giới hòa bình, hữu nghị, hợp tác và phát triển",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công vụ",
)
OTHER_LAUNCHERS = (
    "Liên đoàn Lao động tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
)
PLACES = (
    "Phòng họp tầng 2, trụ sở Sở",
    "Hội trường Sở",
    "Phòng họp trực tuyến",
    "Phòng họp Ban Giám đốc",
)
REPORT_RESULTS = (
    "100% cán bộ, công chức, viên chức đăng ký và tham gia phong trào",
    "Các phòng, đơn vị triển khai đầy đủ nội dung phong trào; nhiều mô hình hay",
    "Phong trào được duy trì thường xuyên, gắn với nhiệm vụ chính trị của đơn vị",
)
PERIODS_PER_YEAR = {
    Cadence.MONTHLY: 12,
    Cadence.QUARTERLY: 4,
    Cadence.HALF_YEARLY: 2,
    Cadence.YEARLY: 1,
}
