"""Choice values stored in the database, each with its Vietnamese label."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum stored by value; subclasses give each member a Vietnamese label."""

    @property
    def label(self) -> str:
        # Keyed by type as well: members of different enums may share a value ("department").
        return _LABELS.get((type(self), self.value), self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class ItemKind(LabelledEnum):
    SECTION = "section"  # I, II, III
    ITEM = "item"  # a numbered item inside a section (purpose, task, implementation point)


class Numbering(LabelledEnum):
    ROMAN = "roman"  # I. II. III.
    ARABIC = "arabic"  # 1. 2. 3.
    ALPHA = "alpha"  # a) b) c)
    DOTTED = "dotted"  # 5.1. 5.2.
    NONE = "none"


class FieldName(LabelledEnum):
    """Labelled fields of a plan item, printed as "- Nội dung: …" lines."""

    CONTENT = "content"
    LEAD = "lead"
    TIMING = "timing"


class ScheduleKind(LabelledEnum):
    NONE = "none"
    MONTHS = "months"
    QUARTERLY = "quarterly"
    AS_NEEDED = "as_needed"
    RANGE = "range"


class TaskStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class UnitKind(LabelledEnum):
    BOARD = "board"
    OFFICE = "office"
    DIVISION = "division"
    CENTER = "center"
    EXTERNAL = "external"


class Gender(LabelledEnum):
    MALE = "male"
    FEMALE = "female"


class RankGroup(LabelledEnum):
    """Rank groups counted by the statistics (Circular 02/2023, form 0603)."""

    DEPT_LEADER = "dept_leader"
    DIVISION_LEADER = "division_leader"
    STAFF = "staff"
    WORKER = "worker"


class CouncilRole(LabelledEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    STANDING = "standing"
    MEMBER = "member"
    SECRETARY = "secretary"


class MeetingKind(LabelledEnum):
    PERIODIC = "periodic"
    AD_HOC = "ad_hoc"
    YEAR_END = "year_end"


class MeetingStatus(LabelledEnum):
    PLANNED = "planned"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class AttendanceStatus(LabelledEnum):
    INVITED = "invited"
    PRESENT = "present"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT = "absent"


class VoteMethod(LabelledEnum):
    SHOW_OF_HANDS = "show_of_hands"
    SECRET_BALLOT = "secret_ballot"


class VoteBase(LabelledEnum):
    ALL_MEMBERS = "all_members"
    PRESENT = "present"


class Launcher(LabelledEnum):
    PRIME_MINISTER = "prime_minister"
    PROVINCE = "province"
    MINISTRY = "ministry"
    DEPARTMENT = "department"
    OTHER = "other"


class CampaignKind(LabelledEnum):
    REGULAR = "regular"
    THEMATIC = "thematic"


class CampaignScope(LabelledEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    CLUSTER = "cluster"
    AGENCY = "agency"


class Cadence(LabelledEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class CampaignStatus(LabelledEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"
    ARCHIVED = "archived"


class ExampleKind(LabelledEnum):
    TYPICAL = "typical"
    NEW_MODEL = "new_model"
    NEW_FACTOR = "new_factor"


class AwardFamily(LabelledEnum):
    TITLE = "title"  # danh hiệu thi đua
    FORM = "form"  # hình thức khen thưởng


class RecipientKind(LabelledEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    BOTH = "both"


class AwardLevel(LabelledEnum):
    """Who grants: the director decides; anything above goes up."""

    DEPARTMENT = "department"
    PROVINCE = "province"
    MINISTRY = "ministry"
    STATE = "state"


class CommendationKind(LabelledEnum):
    """Law 06/2022 Art. 8."""

    REGULAR = "cong_trang"
    THEMATIC = "chuyen_de"
    UNSCHEDULED = "dot_xuat"
    LONG_SERVICE = "cong_hien"
    SENIORITY = "nien_han"
    FOREIGN = "doi_ngoai"


class ProposalStatus(LabelledEnum):
    DRAFT = "draft"
    BEFORE_COUNCIL = "before_council"
    PASSED = "passed"
    FAILED = "failed"
    SENT_UP = "sent_up"
    GRANTED = "granted"
    NOT_GRANTED = "not_granted"
    WITHDRAWN = "withdrawn"


class Severity(LabelledEnum):
    BLOCK = "block"
    WARN = "warn"
    OFF = "off"


class Rating(LabelledEnum):
    """Yearly rating of a civil servant (xếp loại chất lượng)."""

    EXCELLENT = "htxs"
    GOOD = "htt"
    COMPLETED = "ht"
    NOT_COMPLETED = "kht"


class Discipline(LabelledEnum):
    NONE = "none"
    REPRIMAND = "khien_trach"
    WARNING = "canh_cao"
    HIGHER = "higher"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


_LABEL_PAIRS: tuple[tuple[LabelledEnum, str], ...] = (
    (ItemKind.SECTION, "Phần"),
    (ItemKind.ITEM, "Mục"),
    (Numbering.ROMAN, "I, II, III"),
    (Numbering.ARABIC, "1, 2, 3"),
    (Numbering.ALPHA, "a), b), c)"),
    (Numbering.DOTTED, "5.1, 5.2"),
    (Numbering.NONE, "Không đánh số"),
    (FieldName.CONTENT, "Nội dung"),
    (FieldName.LEAD, "Chủ trì"),
    (FieldName.TIMING, "Thời gian thực hiện"),
    (ScheduleKind.NONE, "Chưa xác định"),
    (ScheduleKind.MONTHS, "Theo tháng"),
    (ScheduleKind.QUARTERLY, "Hằng quý"),
    (ScheduleKind.AS_NEEDED, "Khi cần thiết"),
    (ScheduleKind.RANGE, "Trong khoảng thời gian"),
    (TaskStatus.NOT_STARTED, "Chưa thực hiện"),
    (TaskStatus.IN_PROGRESS, "Đang thực hiện"),
    (TaskStatus.DONE, "Đã hoàn thành"),
    (UnitKind.BOARD, "Ban Giám đốc"),
    (UnitKind.OFFICE, "Văn phòng"),
    (UnitKind.DIVISION, "Phòng chuyên môn"),
    (UnitKind.CENTER, "Đơn vị sự nghiệp"),
    (UnitKind.EXTERNAL, "Cơ quan bên ngoài"),
    (Gender.MALE, "Nam"),
    (Gender.FEMALE, "Nữ"),
    (RankGroup.DEPT_LEADER, "Lãnh đạo cấp sở"),
    (RankGroup.DIVISION_LEADER, "Lãnh đạo cấp phòng"),
    (RankGroup.STAFF, "Công chức, viên chức"),
    (RankGroup.WORKER, "Người lao động trực tiếp"),
    (CouncilRole.CHAIR, "Chủ tịch Hội đồng"),
    (CouncilRole.VICE_CHAIR, "Phó Chủ tịch Hội đồng"),
    (CouncilRole.STANDING, "Ủy viên thường trực"),
    (CouncilRole.MEMBER, "Ủy viên"),
    (CouncilRole.SECRETARY, "Thư ký"),
    (MeetingKind.PERIODIC, "Định kỳ"),
    (MeetingKind.AD_HOC, "Không định kỳ"),
    (MeetingKind.YEAR_END, "Tổng kết"),
    (MeetingStatus.PLANNED, "Dự kiến"),
    (MeetingStatus.HELD, "Đã họp"),
    (MeetingStatus.POSTPONED, "Hoãn"),
    (MeetingStatus.CANCELLED, "Hủy"),
    (AttendanceStatus.INVITED, "Được mời"),
    (AttendanceStatus.PRESENT, "Có mặt"),
    (AttendanceStatus.ABSENT_EXCUSED, "Vắng có lý do"),
    (AttendanceStatus.ABSENT, "Vắng không lý do"),
    (VoteMethod.SHOW_OF_HANDS, "Biểu quyết giơ tay"),
    (VoteMethod.SECRET_BALLOT, "Bỏ phiếu kín"),
    (VoteBase.ALL_MEMBERS, "Tổng số thành viên Hội đồng"),
    (VoteBase.PRESENT, "Số thành viên có mặt"),
    (Launcher.PRIME_MINISTER, "Thủ tướng Chính phủ"),
    (Launcher.PROVINCE, "UBND tỉnh"),
    (Launcher.MINISTRY, "Bộ Ngoại giao"),
    (Launcher.DEPARTMENT, "Cấp Sở"),
    (Launcher.OTHER, "Khác"),
    (CampaignKind.REGULAR, "Thường xuyên hằng năm"),
    (CampaignKind.THEMATIC, "Theo chuyên đề, theo đợt"),
    (CampaignScope.NATIONAL, "Toàn quốc"),
    (CampaignScope.PROVINCE, "Toàn tỉnh"),
    (CampaignScope.CLUSTER, "Cụm, khối thi đua"),
    (CampaignScope.AGENCY, "Trong cơ quan"),
    (Cadence.MONTHLY, "Hằng tháng"),
    (Cadence.QUARTERLY, "Hằng quý"),
    (Cadence.HALF_YEARLY, "6 tháng"),
    (Cadence.YEARLY, "Hằng năm"),
    (CampaignStatus.DRAFT, "Dự thảo"),
    (CampaignStatus.ACTIVE, "Đang triển khai"),
    (CampaignStatus.CLOSED, "Đã kết thúc"),
    (CampaignStatus.ARCHIVED, "Lưu trữ"),
    (ExampleKind.TYPICAL, "Điển hình tiên tiến"),
    (ExampleKind.NEW_MODEL, "Mô hình mới"),
    (ExampleKind.NEW_FACTOR, "Nhân tố mới"),
    (AwardFamily.TITLE, "Danh hiệu thi đua"),
    (AwardFamily.FORM, "Hình thức khen thưởng"),
    (RecipientKind.INDIVIDUAL, "Cá nhân"),
    (RecipientKind.COLLECTIVE, "Tập thể"),
    (RecipientKind.BOTH, "Cá nhân, tập thể"),
    (AwardLevel.DEPARTMENT, "Cấp Sở"),
    (AwardLevel.PROVINCE, "Cấp tỉnh"),
    (AwardLevel.MINISTRY, "Cấp bộ"),
    (AwardLevel.STATE, "Cấp Nhà nước"),
    (CommendationKind.REGULAR, "Thường xuyên (công trạng, thành tích)"),
    (CommendationKind.THEMATIC, "Theo đợt, chuyên đề"),
    (CommendationKind.UNSCHEDULED, "Đột xuất"),
    (CommendationKind.LONG_SERVICE, "Quá trình cống hiến"),
    (CommendationKind.SENIORITY, "Niên hạn"),
    (CommendationKind.FOREIGN, "Đối ngoại"),
    (ProposalStatus.DRAFT, "Dự thảo"),
    (ProposalStatus.BEFORE_COUNCIL, "Trình Hội đồng"),
    (ProposalStatus.PASSED, "Hội đồng thông qua"),
    (ProposalStatus.FAILED, "Không được thông qua"),
    (ProposalStatus.SENT_UP, "Đã trình cấp trên"),
    (ProposalStatus.GRANTED, "Được khen thưởng"),
    (ProposalStatus.NOT_GRANTED, "Không được khen thưởng"),
    (ProposalStatus.WITHDRAWN, "Đã rút"),
    (Severity.BLOCK, "Chặn"),
    (Severity.WARN, "Cảnh báo"),
    (Severity.OFF, "Tắt"),
    (Rating.EXCELLENT, "Hoàn thành xuất sắc nhiệm vụ"),
    (Rating.GOOD, "Hoàn thành tốt nhiệm vụ"),
    (Rating.COMPLETED, "Hoàn thành nhiệm vụ"),
    (Rating.NOT_COMPLETED, "Không hoàn thành nhiệm vụ"),
    (Discipline.NONE, "Không"),
    (Discipline.REPRIMAND, "Khiển trách"),
    (Discipline.WARNING, "Cảnh cáo"),
    (Discipline.HIGHER, "Cao hơn cảnh cáo"),
    (AuditAction.CREATE, "Thêm"),
    (AuditAction.UPDATE, "Sửa"),
    (AuditAction.DELETE, "Xóa"),
)

# Keyed by (enum, value): members of different enums may share a value ("department").
_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABEL_PAIRS}
