"""Vietnamese for undo's messages: voiding one's own last event (see
``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # Field names the rules put into their sentences
    "reason for the undo": "lý do hủy ghi nhận",
    "undo window": "số phút còn hủy ghi nhận được",
    # cli/undo_command.py
    "Would void '{kind}' (event {voided}, version {version} of task {code}, "
    "recorded on {moment}); nothing was recorded.": (
        "Sẽ hủy ghi nhận «{kind}» (sự kiện số {voided}, phiên bản {version} của "
        "nhiệm vụ {code}, ghi lúc {moment}); chưa ghi nhận gì."
    ),
    "Voided '{kind}' (event {voided}, version {version} of task {code}, "
    "recorded on {moment}); the void is event {position}.": (
        "Đã hủy ghi nhận «{kind}» (sự kiện số {voided}, phiên bản {version} của "
        "nhiệm vụ {code}, ghi lúc {moment}); việc hủy là sự kiện số {position}."
    ),
    # domain/voiding.py
    "Task {code} has no event left to undo.": (
        "Nhiệm vụ {code} không còn sự kiện nào để hủy ghi nhận."
    ),
    "Task {code} has no event {version} that counts; nothing to undo.": (
        "Nhiệm vụ {code} không có sự kiện {version} nào đang được tính; không có "
        "gì để hủy ghi nhận."
    ),
    "Task {code}: {actor} recorded an event after yours (version {version}); "
    "undo does not reach past another person's event.": (
        "Nhiệm vụ {code}: {actor} đã ghi nhận một sự kiện sau sự kiện của bạn "
        "(phiên bản {version}); không thể hủy ghi nhận vượt qua sự kiện của người "
        "khác."
    ),
    "Task {code}: its latest event was recorded by {author}, not by {actor}; "
    "only its author can undo it.": (
        "Nhiệm vụ {code}: sự kiện mới nhất do {author} ghi nhận, không phải "
        "{actor}; chỉ người ghi nhận mới hủy được."
    ),
    "Task {code}: its latest event was recorded on {moment}, more than "
    "{minutes} minutes ago; correct it with 'tracker correct' or 'tracker "
    "reopen'.": (
        "Nhiệm vụ {code}: sự kiện mới nhất được ghi lúc {moment}, đã quá {minutes} "
        "phút; hãy đính chính bằng 'tracker correct' hoặc 'tracker reopen'."
    ),
    "Task {code}: its latest event was recorded on {moment}, more than a "
    "minute ago; correct it with 'tracker correct' or 'tracker reopen'.": (
        "Nhiệm vụ {code}: sự kiện mới nhất được ghi lúc {moment}, đã quá 1 phút; "
        "hãy đính chính bằng 'tracker correct' hoặc 'tracker reopen'."
    ),
    # tracker/undo.py
    "Nothing {actor} recorded in the last {minutes} minutes is left to undo.": (
        "Trong {minutes} phút qua, {actor} không ghi nhận gì còn có thể hủy ghi nhận."
    ),
    "Nothing {actor} recorded in the last minute is left to undo.": (
        "Trong 1 phút qua, {actor} không ghi nhận gì còn có thể hủy ghi nhận."
    ),
    "The last change {actor} recorded, on {moment}, is not a task's "
    "(directory, calendar or periodic task): undo takes back a task's events "
    "only.": (
        "Thay đổi cuối cùng {actor} ghi nhận, lúc {moment}, không thuộc một nhiệm "
        "vụ (danh mục, lịch hoặc nhiệm vụ định kỳ): chỉ hủy ghi nhận được sự kiện "
        "của nhiệm vụ."
    ),
    "The last change {actor} recorded, on {moment}, is a sweep's mark of a "
    "lapsed deadline, which the next sweep records again: undo takes back what "
    "a clerk recorded by hand.": (
        "Thay đổi cuối cùng {actor} ghi nhận, lúc {moment}, là việc lệnh sweep "
        "ghi nhận một thời hạn đã qua, lần sweep sau sẽ ghi lại: chỉ hủy ghi "
        "nhận được những gì người dùng tự ghi."
    ),
    "The last change {actor} recorded, on {moment}, is the period {code} of a "
    "periodic task, recorded by its schedule: 'tracker cancel' stops the "
    "schedule's later periods.": (
        "Thay đổi cuối cùng {actor} ghi nhận, lúc {moment}, là kỳ {code} của một "
        "nhiệm vụ định kỳ, do lịch định kỳ ghi nhận: dùng 'tracker cancel' để "
        "dừng các kỳ sau của lịch."
    ),
    # tracker/ledger.py
    "Task {code}'s assignment was undone; 'tracker assign' records it again.": (
        "Việc giao nhiệm vụ {code} đã được hủy ghi nhận; dùng 'tracker assign' để "
        "ghi nhận lại."
    ),
    "Task {code}'s assignment was undone: 'tracker assign' records it again (a "
    "list adds new tasks only).": (
        "Việc giao nhiệm vụ {code} đã được hủy ghi nhận: dùng 'tracker assign' để "
        "ghi nhận lại (nhập danh sách chỉ thêm nhiệm vụ mới)."
    ),
    # tracker/bulk/importing.py (a rejected row's reason)
    "its assignment was undone; 'tracker assign' records it again.": (
        "việc giao nhiệm vụ này đã được hủy ghi nhận; dùng 'tracker assign' để "
        "ghi nhận lại."
    ),
    # tracker/settings.py
    "The settings file {path} sets {name} to {value}, not a whole number of "
    "minutes from {low} to {high}; set it again with 'tracker config set'.": (
        "Tệp thiết lập {path} đặt {name} là {value}, không phải một số phút "
        "nguyên từ {low} đến {high}; hãy đặt lại bằng 'tracker config set'."
    ),
    "The setting {name} is a whole number of minutes from {low} to {high}, not "
    "{value}.": (
        "Thiết lập {name} là một số phút nguyên từ {low} đến {high}, không phải "
        "{value}."
    ),
}
