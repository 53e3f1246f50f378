"""Vietnamese for the messages of the period report, the documents it writes
and the Office's settings (see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "Assigners not in the directory, counted as other: {names}.": (
        "Cấp giao chưa có trong danh mục, được tính vào nhóm khác: {names}."
    ),
    # The name quoted for the shell (cli/report_command.py)
    "File it with: tracker directory add assigner {name} "
    "--source central|provincial|other": (
        "Bổ sung vào danh mục bằng lệnh: tracker directory add assigner {name} "
        "--source central|provincial|other"
    ),
    "Set {name} to {value}.": "Đã đặt thiết lập '{name}': {value}.",
    "Set office to {value}.": "Đã đặt tên cơ quan (đầu văn bản): {value}.",
    "office name": "tên cơ quan (đầu văn bản)",
    "There is no setting named {name}; the settings are {names}.": (
        "Không có thiết lập tên {name}; các thiết lập gồm: {names}."
    ),
    "Cannot write the settings file {path}: {reason}.": (
        "Không ghi được tệp thiết lập {path}: {reason}."
    ),
    "Cannot read the settings file {path}: {reason}.": (
        "Không đọc được tệp thiết lập {path}: {reason}."
    ),
    "The settings file {path} is not a settings file; fix it or remove it.": (
        "Tệp {path} không phải là tệp thiết lập; hãy sửa hoặc xóa tệp này."
    ),
    "--format {fmt} needs --output FILE.{fmt}.": (
        "--format {fmt} cần có --output TỆP.{fmt}."
    ),
    "Cannot tell the format of '{output}'; add --format json, csv, md or xlsx, "
    "or name a .docx file.": (
        "Không xác định được định dạng của '{output}'; hãy thêm --format json, "
        "csv, md hoặc xlsx, hoặc đặt tên tệp .docx."
    ),
}
