"""User-facing labels in Vietnamese (the default) and English.

Identifiers stay English everywhere else; only what a person reads on the
screen or in an exported file goes through here.
"""

from __future__ import annotations

from typing import Any

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "code": "Mã",
        "title": "Nội dung nhiệm vụ",
        "agency": "Cơ quan chủ trì",
        "co_agencies": "Cơ quan phối hợp",
        "assigner": "Cấp giao",
        "document": "Văn bản giao",
        "assigned_on": "Ngày giao",
        "due_on": "Thời hạn hoàn thành",
        "original_due_on": "Hạn ban đầu",
        "due_rule": "Cách tính hạn",
        "working_days_count": "{count} ngày làm việc",
        "days_count": "{count} ngày",
        "completed_on": "Ngày hoàn thành",
        "confirmed_on": "Ngày xác nhận hoàn thành",
        "reminder": "Đôn đốc",
        "days_overdue": "Số ngày quá hạn",
        "working_days_overdue": "Số ngày làm việc quá hạn",
        "days_left": "Số ngày còn lại",
        "working_days_left": "Số ngày làm việc còn lại",
        "extension_document": "Văn bản gia hạn",
        "report_document": "Văn bản báo cáo",
        "cancel_document": "Văn bản rút khỏi chương trình",
        "reminder_document": "Văn bản đôn đốc",
        "confirmation_document": "Văn bản xác nhận",
        "reminders": "Số lần đôn đốc",
        "last_reminded_on": "Đôn đốc gần nhất",
        "status": "Tình trạng",
        "extensions": "Gia hạn",
        "notes": "Tiến độ",
        "cancelled_on": "Ngày rút khỏi chương trình",
        "type": "Sự kiện",
        "effective_on": "Ngày thực hiện",
        "recorded_at": "Thời điểm ghi",
        "actor": "Người ghi",
        "details": "Chi tiết",
        "position": "Vị trí",
        "on_time": "Hoàn thành đúng hạn",
        "late": "Hoàn thành quá hạn",
        "overdue": "Quá hạn",
        "in_progress": "Đang thực hiện trong hạn",
        "cancelled": "Đã rút",
        "tasks": "nhiệm vụ",
        "no_rows": "Không có nhiệm vụ nào.",
        "no_deadline": "không thời hạn",
        "as_of": "tính đến ngày",
        "ledger": "Nhật ký: vị trí {position}, mã kiểm tra {fingerprint}",
        "behind": " (chưa tính {behind} sự kiện ghi sau vị trí này)",
        "rolled_deadlines": "Thời hạn rơi vào ngày nghỉ được tính đến hết ngày làm "
        "việc tiếp theo (Điều 148 Bộ luật Dân sự 2015).",
        # history details
        "lead_agency": "Cơ quan chủ trì",
        "document_number": "Số văn bản",
        "document_date": "Ngày văn bản",
        "reason": "Lý do",
        "voided_version": "Hủy ghi nhận sự kiện (phiên bản)",
        "voided_type": "Sự kiện bị hủy ghi nhận",
        "voided_by": "Đã hủy ghi nhận (sự kiện số)",
        "text": "Nội dung",
        "field": "Trường",
        "old_value": "Giá trị cũ",
        "new_value": "Giá trị mới",
        "to": "Đến",
        "kind": "Loại",
        "name": "Tên",
        "alias": "Tên gọi khác",
        "source": "Nhóm nguồn giao",
    },
    "en": {
        "code": "Code",
        "title": "Task",
        "agency": "Lead agency",
        "co_agencies": "Co-agencies",
        "assigner": "Assigned by",
        "document": "Source document",
        "assigned_on": "Assigned",
        "due_on": "Due",
        "original_due_on": "Original due",
        "due_rule": "Deadline rule",
        "working_days_count": "{count} working days",
        "days_count": "{count} days",
        "completed_on": "Completed",
        "confirmed_on": "Completion confirmed",
        "reminder": "Reminded",
        "days_overdue": "Days overdue",
        "working_days_overdue": "Working days overdue",
        "days_left": "Days left",
        "working_days_left": "Working days left",
        "extension_document": "Extension document",
        "report_document": "Report",
        "cancel_document": "Withdrawing document",
        "reminder_document": "Reminder letter",
        "confirmation_document": "Confirming document",
        "reminders": "Reminders",
        "last_reminded_on": "Last reminded",
        "status": "Status",
        "extensions": "Extensions",
        "notes": "Progress",
        "cancelled_on": "Cancelled",
        "type": "Event",
        "effective_on": "Effective",
        "recorded_at": "Recorded at",
        "actor": "Actor",
        "details": "Details",
        "position": "Position",
        "on_time": "Completed on time",
        "late": "Completed late",
        "overdue": "Overdue",
        "in_progress": "In progress",
        "cancelled": "Cancelled",
        "tasks": "tasks",
        "no_rows": "No tasks.",
        "no_deadline": "no deadline",
        "as_of": "as of",
        "ledger": "Ledger: position {position}, fingerprint {fingerprint}",
        "behind": " ({behind} events recorded after it are not counted yet)",
        "rolled_deadlines": "A deadline that ends on a day off runs to the end of "
        "the next working day (Civil Code 2015, art. 148).",
        # history details
        "lead_agency": "Lead agency",
        "document_number": "Document number",
        "document_date": "Document date",
        "reason": "Reason",
        "voided_version": "Voids version",
        "voided_type": "Voided event",
        "voided_by": "Voided (by event)",
        "text": "Text",
        "field": "Field",
        "old_value": "Old value",
        "new_value": "New value",
        "to": "To",
        "kind": "Kind",
        "name": "Name",
        "alias": "Alias",
        "source": "Source group",
    },
}

EVENT_NAMES: dict[str, dict[str, str]] = {
    "vi": {
        "Assigned": "Giao nhiệm vụ",
        "DeadlineExtended": "Gia hạn",
        "Reassigned": "Chuyển cơ quan chủ trì",
        "ProgressNoted": "Cập nhật tiến độ",
        "Completed": "Hoàn thành",
        "CompletionConfirmed": "Xác nhận hoàn thành",
        "Reopened": "Mở lại",
        "Cancelled": "Rút khỏi chương trình",
        "MarkedOverdue": "Ghi nhận quá hạn",
        "Reminded": "Đôn đốc",
        "Corrected": "Đính chính",
        "Opened": "Mở danh mục",
        "NameAdded": "Thêm tên vào danh mục",
        "AliasAdded": "Thêm tên gọi khác",
        "Voided": "Hủy ghi nhận nhầm",
        "AssignedAgain": "Giao nhiệm vụ lại (sau khi hủy ghi nhận)",
    },
    "en": {
        "Assigned": "Assigned",
        "DeadlineExtended": "Deadline extended",
        "Reassigned": "Reassigned",
        "ProgressNoted": "Progress noted",
        "Completed": "Completed",
        "CompletionConfirmed": "Completion confirmed",
        "Reopened": "Reopened",
        "Cancelled": "Cancelled",
        "MarkedOverdue": "Marked overdue",
        "Reminded": "Reminded",
        "Corrected": "Corrected",
        "Opened": "Directory opened",
        "NameAdded": "Name added to the directory",
        "AliasAdded": "Alias added",
        "Voided": "Voided (undo)",
        "AssignedAgain": "Assigned again (after a void)",
    },
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, key)


def ledger_footer(lang: str, ledger: dict[str, object], behind: int = 0) -> str:
    """The fingerprint line every report ends with (see ``verify``), and how
    many recorded events its figures do not include yet, if any."""
    position = ledger["position"]
    fingerprint = f"{position}:{str(ledger['hash'])[:16]}"
    footer = label(lang, "ledger").format(position=position, fingerprint=fingerprint)
    if behind:
        footer += label(lang, "behind").format(behind=behind)
    return footer


def report_footer(lang: str, data: dict[str, Any]) -> str:
    """The fingerprint line, after the rule that moved deadlines ending on a
    day off, when the report applied it (its JSON ``rules``)."""
    footer = ledger_footer(lang, data["ledger"], data["behind"])
    if data.get("rules", {}).get("deadline_rolls_to_working_day"):
        return f"{label(lang, 'rolled_deadlines')} {footer}"
    return footer


def event_name(lang: str, type_name: str, voided: bool = False) -> str:
    """An event's kind as the history shows it; ``voided``: one a later
    ``Voided`` event took back, which nothing counts."""
    name = EVENT_NAMES.get(lang, {}).get(type_name, type_name)
    return f"{name} ({VOIDED[lang]})" if voided and lang in VOIDED else name


VOIDED = {"vi": "đã hủy ghi nhận", "en": "voided"}
