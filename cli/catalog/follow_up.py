"""Vietnamese for the follow-up commands' messages: reminders (đôn đốc),
confirmations and the weekly changes (see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # cli/follow_up_commands.py
    "Give --agency or --code (one of them).": (
        "Hãy ghi --agency hoặc --code (một trong hai)."
    ),
    "--due-within goes with --agency.": "--due-within chỉ dùng cùng --agency.",
    "Recorded reminder {doc} of {on} for {agency}: {count} tasks ({codes}).": (
        "Đã ghi nhận văn bản đôn đốc {doc} ngày {on} gửi {agency}: {count} nhiệm "
        "vụ ({codes})."
    ),
    "Recorded reminder {doc} of {on} for {agency}: 1 task ({codes}).": (
        "Đã ghi nhận văn bản đôn đốc {doc} ngày {on} gửi {agency}: 1 nhiệm vụ "
        "({codes})."
    ),
    "Recorded reminder {doc} of {on}: {count} tasks ({codes}).": (
        "Đã ghi nhận văn bản đôn đốc {doc} ngày {on}: {count} nhiệm vụ ({codes})."
    ),
    "Recorded reminder {doc} of {on}: 1 task ({codes}).": (
        "Đã ghi nhận văn bản đôn đốc {doc} ngày {on}: 1 nhiệm vụ ({codes})."
    ),
    "'{agency}' matches several agencies ({agencies}); name one of them.": (
        "'{agency}' khớp với nhiều cơ quan ({agencies}); hãy ghi rõ một cơ quan."
    ),
    "No task of '{agency}' is overdue on {on}; nothing was recorded.": (
        "Không có nhiệm vụ nào của '{agency}' quá hạn vào ngày {on}; chưa ghi nhận gì."
    ),
    "No task of '{agency}' is overdue or due within {days} days on {on}; "
    "nothing was recorded.": (
        "Không có nhiệm vụ nào của '{agency}' quá hạn hoặc đến hạn trong {days} "
        "ngày tới tính từ ngày {on}; chưa ghi nhận gì."
    ),
    "Confirmed the completion of {code} reported on {on}.": (
        "Đã xác nhận kết quả hoàn thành nhiệm vụ {code} (báo cáo ngày {on})."
    ),
    # cli/overdue_command.py
    "{since} is after the as-of date {as_of}.": ("{since} sau ngày tính đến {as_of}."),
}
