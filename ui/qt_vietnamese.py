"""Qt's own words in Vietnamese: Qt ships no Vietnamese catalog, so the text-field context menus,
standard buttons, the file dialog and the print dialog would speak English. A QTranslator
answers from the table below (the source texts are Qt 6's own, context by context); what it
does not know falls through to Qt's English.

Key names of shortcuts (Ctrl, Del, Esc…) stay as printed on the keys; page sizes (A4) too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
}

_BUTTONS = {
    "OK": "Đồng ý",
    "Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Yes": "&Có",
    "Yes to &All": "Có với &tất cả",
    "&No": "&Không",
    "N&o to All": "Không với tất cả",
    "Abort": "Hủy bỏ",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "Cancel": "Hủy",
    "Discard": "Bỏ",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng không lưu",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Help": "Trợ giúp",
}

_PAGE_SETUP = {
    "Paper": "Giấy",
    "Page size:": "Khổ giấy:",
    "Width:": "Rộng:",
    "Height:": "Cao:",
    "Paper source:": "Nguồn giấy:",
    "Orientation": "Hướng giấy",
    "Portrait": "Dọc",
    "Landscape": "Ngang",
    "Reverse landscape": "Ngang ngược",
    "Reverse portrait": "Dọc ngược",
    "Margins": "Lề",
    "top margin": "lề trên",
    "left margin": "lề trái",
    "right margin": "lề phải",
    "bottom margin": "lề dưới",
    "Page Layout": "Bố cục trang",
    "Page order:": "Thứ tự trang:",
    "Pages per sheet:": "Số trang mỗi tờ:",
    "Custom": "Tùy chỉnh",
    "Millimeters (mm)": "Milimét (mm)",
    "Inches (in)": "Inch (in)",
    "Points (pt)": "Điểm (pt)",
    "Pica (P̸)": "Pica (P̸)",
    "Didot (DD)": "Didot (DD)",
    "Cicero (CC)": "Cicero (CC)",
    "Centimeters (cm)": "Centimét (cm)",
}

WORDS: dict[str, dict[str, str]] = {
    "QGuiApplication": {"QT_LAYOUT_DIRECTION": "LTR"},  # asked when a translator is installed
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": {"&Select All": "&Chọn tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {
        "Show Details...": "Xem chi tiết…",
        "Hide Details...": "Ẩn chi tiết…",
        "OK": "Đồng ý",
    },
    "QTabBar": {"Scroll Left": "Cuộn sang trái", "Scroll Right": "Cuộn sang phải"},
    "QAbstractFileIconProvider": {
        "Drive": "Ổ đĩa",
        "Folder": "Thư mục",
        "File": "Tệp",
        "Alias": "Bí danh",
        "Shortcut": "Lối tắt",
        "Unknown": "Không rõ",
    },
    "QFileSystemModel": {
        "Name": "Tên",
        "Size": "Kích thước",
        "Type": "Loại",
        "Kind": "Loại",
        "Date Modified": "Ngày sửa",
        "Computer": "Máy tính",
        "My Computer": "Máy tính",
        "%1 TB": "%1 TB",
        "%1 GB": "%1 GB",
        "%1 MB": "%1 MB",
        "%1 KB": "%1 KB",
        "%1 bytes": "%1 byte",
        "Invalid filename": "Tên tệp không hợp lệ",
        '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters '
        "or no punctuation marks.": "<b>Không dùng được tên “%1”.</b><p>Hãy đặt tên khác, ngắn "
        "hơn hoặc không có dấu câu.",
    },
    "QFileDialog": {
        "&Choose": "&Chọn",
        "&Delete": "&Xóa",
        "&Look in:": "&Thư mục:",
        "&New Folder": "Thư mục &mới",
        "&Open": "&Mở",
        "&Rename": "Đổi &tên",
        "&Save": "&Lưu",
        "All Files (*)": "Mọi tệp (*)",
        "Back": "Lùi",
        "Forward": "Tiến",
        "Go back": "Quay lại",
        "Go forward": "Đi tiếp",
        "Parent Directory": "Thư mục cha",
        "Go to the parent directory": "Lên thư mục cha",
        "Change to detail view mode": "Xem chi tiết",
        "Change to list view mode": "Xem dạng danh sách",
        "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo một thư mục mới",
        "Detail View": "Xem chi tiết",
        "List View": "Xem danh sách",
        "Directories": "Thư mục",
        "Directory:": "Thư mục:",
        "File &name:": "&Tên tệp:",
        "Files": "Tệp",
        "Files of &type:": "&Loại tệp:",
        "List of places and bookmarks": "Các nơi và dấu trang",
        "Sidebar": "Thanh bên",
        "Show ": "Hiện ",
        "Show &hidden files": "Hiện tệp &ẩn",
        "New Folder": "Thư mục mới",
        "Open": "Mở",
        "Save As": "Lưu thành",
        "Find Directory": "Tìm thư mục",
        "Recent Places": "Nơi mở gần đây",
        "My Computer": "Máy tính",
        "Computer": "Máy tính",
        "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nBạn có muốn thay nó không?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp."
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục."
        ),
        "'%1' is write protected.\nDo you want to delete it anyway?": (
            "“%1” đang được chống ghi.\nVẫn xóa nó?"
        ),
        "Are you sure you want to delete '%1'?": "Bạn có chắc muốn xóa “%1”?",
        "Could not delete directory.": "Không xóa được thư mục.",
    },
    "QPrintDialog": {
        "Print": "In",
        "&Print": "&In",
        "&Options >>": "&Tùy chọn >>",
        "&Options <<": "&Tùy chọn <<",
        "All Pages": "Mọi trang",
        "Odd Pages": "Trang lẻ",
        "Even Pages": "Trang chẵn",
        "Local file": "Tệp trên máy",
        "Print to File (PDF)": "In ra tệp (PDF)",
        "Write PDF file": "Ghi tệp PDF",
        "Print To File ...": "In ra tệp…",
        "Print range": "Phạm vi in",
        "Print all": "In tất cả",
        "Pages from": "Từ",  # Qt sizes this radio for the English words
        "to": "đến",
        "Selection": "Phần đã chọn",
        "Current Page": "Trang hiện tại",
        "Copies": "Số bản",
        "Collate": "Xếp theo bộ",
        "Reverse": "In ngược",
        "Options": "Tùy chọn",
        "Color Mode": "Màu",
        "Color": "Màu",
        "Grayscale": "Thang xám",
        "Duplex Printing": "In hai mặt",
        "None": "Không",
        "Long side": "Cạnh dài",
        "Short side": "Cạnh ngắn",
        "Page Setup": "Thiết lập trang",
        "Invalid Pages Definition": "Phạm vi trang không hợp lệ",
        "%1 is a directory.\nPlease choose a different file name.": (
            "%1 là một thư mục.\nHãy chọn tên tệp khác."
        ),
        "File %1 is not writable.\nPlease choose a different file name.": (
            "Không ghi được tệp %1.\nHãy chọn tên tệp khác."
        ),
        "%1 already exists.\nDo you want to overwrite it?": (
            "%1 đã có.\nBạn có muốn ghi đè không?"
        ),
        "The 'From' value cannot be greater than the 'To' value.": (
            "Trang đầu không được lớn hơn trang cuối."
        ),
    },
    "QPrintSettingsOutput": {
        "Copies": "Số bản",
        "Copies:": "Số bản:",
        "Collate": "Xếp theo bộ",
        "Reverse": "In ngược",
        "Print range": "Phạm vi in",
        "Print all": "In tất cả",
        "Pages from": "Từ",  # Qt sizes this radio for the English words
        "to": "đến",
        "Pages": "Các trang",
        "Page &Set:": "&Nhóm trang:",
        "Current Page": "Trang hiện tại",
        "Selection": "Phần đã chọn",
        "Options": "Tùy chọn",
        "Output Settings": "Thiết lập in",
        "Color Mode": "Màu",
        "Color": "Màu",
        "Grayscale": "Thang xám",
        "Double Sided Printing": "In hai mặt",
        "Off": "Tắt",
        "Long side binding": "Đóng gáy cạnh dài",
        "Short side binding": "Đóng gáy cạnh ngắn",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
            "Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang là hai số "
            "nối bằng gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9."
        ),
    },
    "QPrintWidget": {
        "Printer": "Máy in",
        "&Name:": "&Tên:",
        "P&roperties": "&Thuộc tính",
        "Location:": "Vị trí:",
        "Preview": "Xem trước",
        "Type:": "Loại:",
        "Output &file:": "&Tệp ra:",
        "...": "…",
    },
    "QPrintPropertiesDialog": {
        "Printer Properties": "Thuộc tính máy in",
        "Page": "Trang",
        "Advanced": "Nâng cao",
        "Job Options": "Tùy chọn lệnh in",
    },
    "QPageSetupWidget": _PAGE_SETUP,
    "QPageSetupDialog": {"Page Setup": "Thiết lập trang"},
}


class VietnameseQt(QTranslator):
    """Answers Qt's own texts from WORDS; None (Qt's English) for anything else."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = WORDS.get(context, {}).get(source)
        return text if text else None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


_installed: list[VietnameseQt] = []


def install(app: QCoreApplication) -> VietnameseQt:
    """Install the translator once for ``app`` (kept alive here: Qt does not own it)."""
    if not _installed:
        _installed.append(VietnameseQt(app))
        app.installTranslator(_installed[0])
    return _installed[0]


__all__ = ["WORDS", "VietnameseQt", "install"]
