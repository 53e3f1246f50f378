"""Vietnamese for the task rules' refusals and the field names they put into
their sentences (see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # Field names and actions that rules put into their sentences
    "task code": "mã nhiệm vụ",
    "title": "nội dung nhiệm vụ",
    "assigner": "cấp giao",
    "lead agency": "cơ quan chủ trì",
    "co-agency": "cơ quan phối hợp",
    "co-agencies": "cơ quan phối hợp",
    "co_agencies": "cơ quan phối hợp",
    "document": "văn bản",
    "document citation": "trích dẫn văn bản",
    "assignment date": "ngày giao",
    "due date": "thời hạn hoàn thành",
    "new due date": "thời hạn mới",
    "extension date": "ngày gia hạn",
    "reason for the extension": "lý do gia hạn",
    "extension document": "văn bản gia hạn",
    "reassignment date": "ngày chuyển cơ quan chủ trì",
    "reason for the reassignment": "lý do chuyển cơ quan chủ trì",
    "progress note": "nội dung tiến độ",
    "progress note date": "ngày cập nhật tiến độ",
    "completion date": "ngày hoàn thành",
    "completion document": "văn bản báo cáo hoàn thành",
    "reopening date": "ngày mở lại",
    "reason for reopening": "lý do mở lại",
    "cancellation date": "ngày rút khỏi chương trình",
    "reason for cancelling": "lý do rút khỏi chương trình",
    "cancellation document": "văn bản rút khỏi chương trình",
    "reason for the correction": "lý do đính chính",
    "correction date": "ngày đính chính",
    "actor": "người ghi",
    "output file": "tệp kết quả",
    "rejects file": "tệp các dòng bị loại",
    "export file": "tệp xuất",
    "standard input": "đầu vào chuẩn",
    "assignment": "ngày giao",
    "extension": "ngày gia hạn",
    "reassignment": "ngày chuyển cơ quan chủ trì",
    "completion": "ngày hoàn thành",
    "reopening": "ngày mở lại",
    "cancellation": "ngày rút khỏi chương trình",
    "extended": "gia hạn",
    "reminded": "đôn đốc",
    "reminder date": "ngày đôn đốc",
    "reminder document": "văn bản đôn đốc",
    "reminder": "ngày đôn đốc",
    "confirmation date": "ngày xác nhận",
    "confirmation document": "văn bản xác nhận",
    "confirmation": "ngày xác nhận",
    # domain/limits.py, domain/checks.py, domain/citation.py
    "the invisible character {code}": "ký tự ẩn {code}",
    "the bidirectional formatting character {code}": (
        "ký tự định hướng văn bản {code}"
    ),
    "the lone surrogate {code} (usually a byte that was not UTF-8)": (
        "ký tự thay thế lẻ {code} (thường là một byte không phải UTF-8)"
    ),
    "the control character {code}": "ký tự điều khiển {code}",
    "The {field} {value} is outside the dates the tracker accepts ({start} to "
    "{end}).": (
        "{field} {value} nằm ngoài khoảng ngày hệ thống chấp nhận (từ {start} "
        "đến {end})."
    ),
    "The {field} must not be empty.": "{field} không được để trống.",
    "The co-agencies must be a list of names.": (
        "Cơ quan phối hợp phải là một danh sách tên."
    ),
    "A task may have at most {limit} co-agencies; {count} were given.": (
        "Một nhiệm vụ có tối đa {limit} cơ quan phối hợp; đã nhập {count}."
    ),
    "The {field} must be a calendar date, not {kind}.": (
        "{field} phải là một ngày dương lịch, không phải {kind}."
    ),
    "The {field} is {length} characters long; at most {limit} are allowed.": (
        "{field} dài {length} ký tự; tối đa {limit} ký tự."
    ),
    "The {field} contains {character}, which no text may hold.": (
        "{field} chứa {character}, ký tự không được phép có trong văn bản."
    ),
    "The {field} is {length} characters long once folded for matching (accents "
    "dropped, letters case-folded); at most {limit} are allowed.": (
        "{field} dài {length} ký tự khi chuẩn hóa để so khớp (bỏ dấu, chữ "
        "thường); tối đa {limit} ký tự."
    ),
    "The task code contains {character} (U+{point}); a code holds letters, "
    "digits, spaces and - _ . / : # ( ) & + only.": (
        "Mã nhiệm vụ chứa ký tự {character} (U+{point}); mã chỉ gồm chữ, số, "
        "dấu cách và - _ . / : # ( ) & +."
    ),
    "The {field} must be text, not {kind}.": (
        "{field} phải là văn bản, không phải {kind}."
    ),
    "The document number in the {field} is {length} characters long; at most "
    "{limit} are allowed.": (
        "Số văn bản trong {field} dài {length} ký tự; tối đa {limit} ký tự."
    ),
    # domain/errors.py
    "No task with code {code}.": "Không có nhiệm vụ nào mang mã {code}.",
    "Task {code} is already assigned; choose another code.": (
        "Nhiệm vụ {code} đã được giao; hãy chọn mã khác."
    ),
    "Task {code} was changed by someone else at the same time; nothing was "
    "recorded, please try again.": (
        "Nhiệm vụ {code} vừa được người khác thay đổi cùng lúc; chưa ghi nhận "
        "gì, vui lòng thử lại."
    ),
    "The database is busy (another clerk is writing); nothing was recorded, "
    "please try again.": (
        "Cơ sở dữ liệu đang bận (một chuyên viên khác đang ghi); chưa ghi nhận "
        "gì, vui lòng thử lại."
    ),
    # domain/task.py, domain/checks.py, domain/corrections.py
    "Task {code} was cancelled on {on}; it cannot be extended.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {on}; không thể gia hạn."
    ),
    "Task {code} was completed on {on}; it cannot be extended (reopen it first).": (
        "Nhiệm vụ {code} đã hoàn thành ngày {on}; không thể gia hạn (hãy mở lại trước)."
    ),
    "Task {code} was cancelled on {on}; it cannot be completed.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {on}; không thể ghi nhận "
        "hoàn thành."
    ),
    "Task {code} was completed on {on}; it cannot be completed (reopen it first).": (
        "Nhiệm vụ {code} đã hoàn thành ngày {on}; không thể ghi nhận hoàn thành "
        "(hãy mở lại trước)."
    ),
    "Task {code} was cancelled on {on}; it cannot be cancelled.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {on}; không thể rút khỏi "
        "chương trình."
    ),
    "Task {code} was completed on {on}; it cannot be cancelled (reopen it first).": (
        "Nhiệm vụ {code} đã hoàn thành ngày {on}; không thể rút khỏi chương "
        "trình (hãy mở lại trước)."
    ),
    "Task {code} was cancelled on {on}; it cannot be {action}.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {on}; không thể {action}."
    ),
    "Task {code} was completed on {on}; it cannot be {action} (reopen it first).": (
        "Nhiệm vụ {code} đã hoàn thành ngày {on}; không thể {action} (hãy mở "
        "lại trước)."
    ),
    "Task {code} has no deadline to extend; set one with 'correct CODE due_on DATE'.": (
        "Nhiệm vụ {code} không có thời hạn để gia hạn; hãy đặt thời hạn bằng "
        "'correct CODE due_on DATE'."
    ),
    "Task {code}: the new due date {to} does not move the deadline {due} later.": (
        "Nhiệm vụ {code}: thời hạn mới {to} không muộn hơn thời hạn {due}."
    ),
    "Task {code}: the extension date {on} is before the previous deadline was "
    "set ({set_on}).": (
        "Nhiệm vụ {code}: ngày gia hạn {on} sớm hơn ngày đặt thời hạn trước "
        "đó ({set_on})."
    ),
    "Task {code} was cancelled on {on}; it cannot be reassigned.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {on}; không thể chuyển "
        "cơ quan chủ trì."
    ),
    "Task {code} is already led by {agency}.": (
        "Nhiệm vụ {code} đã do {agency} chủ trì."
    ),
    "Task {code} is not completed; only a completion can be reopened.": (
        "Nhiệm vụ {code} chưa hoàn thành; chỉ mở lại được nhiệm vụ đã hoàn thành."
    ),
    "Task {code} is not completed; only a reported completion can be confirmed.": (
        "Nhiệm vụ {code} chưa hoàn thành; chỉ xác nhận được kết quả hoàn thành "
        "đã báo cáo."
    ),
    "Task {code}: its completion was already confirmed on {on}.": (
        "Nhiệm vụ {code}: kết quả hoàn thành đã được xác nhận ngày {on}."
    ),
    "Task {code}: the confirmation date {on} is before the completion date {done}.": (
        "Nhiệm vụ {code}: ngày xác nhận {on} sớm hơn ngày hoàn thành {done}."
    ),
    "Task {code} was already reminded by {document} on {on}.": (
        "Nhiệm vụ {code} đã được đôn đốc bằng văn bản {document} ngày {on}."
    ),
    "No task to remind.": "Không có nhiệm vụ nào để đôn đốc.",
    "Task {code} was cancelled on {cancelled}; it cannot be reminded on {on}.": (
        "Nhiệm vụ {code} đã rút khỏi chương trình ngày {cancelled}; không thể "
        "đôn đốc vào ngày {on}."
    ),
    "Task {code} was completed on {done}; it cannot be reminded on {on}.": (
        "Nhiệm vụ {code} đã hoàn thành ngày {done}; không thể đôn đốc vào ngày {on}."
    ),
    "Task {code}: the completion date would be after its confirmation on {on}.": (
        "Nhiệm vụ {code}: ngày hoàn thành sẽ muộn hơn ngày xác nhận {on}."
    ),
    "Task {code}: the reopening date {on} is before the completion date {done}.": (
        "Nhiệm vụ {code}: ngày mở lại {on} sớm hơn ngày hoàn thành {done}."
    ),
    "Task {code}: the due date {due} is before the assignment date {assigned}.": (
        "Nhiệm vụ {code}: thời hạn hoàn thành {due} sớm hơn ngày giao {assigned}."
    ),
    "Task {code}: the completion date {on} is before it was reopened on {reopened}.": (
        "Nhiệm vụ {code}: ngày hoàn thành {on} sớm hơn ngày mở lại {reopened}."
    ),
    "Task {code}: the due date {due} would be before the assignment date {assigned}.": (
        "Nhiệm vụ {code}: thời hạn hoàn thành {due} sẽ sớm hơn ngày giao {assigned}."
    ),
    "Task {code}: the deadline was extended, so it cannot be removed.": (
        "Nhiệm vụ {code}: thời hạn đã được gia hạn nên không thể bỏ."
    ),
    # The fields as domain/corrections.py lists them, each quoted (it is typed
    # as it is) with its meaning; the general entry below if the list changes.
    "{name} cannot be corrected; choose one of title, assigner, agency, "
    "co_agencies, doc, assigned_on, due_on, completed_on.": (
        "Không thể đính chính {name}; hãy chọn một trong các trường 'title' (nội "
        "dung nhiệm vụ), 'assigner' (cấp giao), 'agency' (cơ quan chủ trì), "
        "'co_agencies' (cơ quan phối hợp), 'doc' (văn bản giao), 'assigned_on' "
        "(ngày giao), 'due_on' (thời hạn hoàn thành), 'completed_on' (ngày hoàn "
        "thành)."
    ),
    "{name} cannot be corrected; choose one of {fields}.": (
        "Không thể đính chính {name}; hãy chọn một trong các trường {fields}."
    ),
    "Task {code} is not completed; there is no completion date to correct.": (
        "Nhiệm vụ {code} chưa hoàn thành; không có ngày hoàn thành để đính chính."
    ),
    "Task {code}: an extension dated {on} would be before the assignment date "
    "{assigned}.": (
        "Nhiệm vụ {code}: lần gia hạn ngày {on} sẽ sớm hơn ngày giao {assigned}."
    ),
    "Task {code}: the deadline {due} would no longer be earlier than its "
    "extension to {extended}.": (
        "Nhiệm vụ {code}: thời hạn {due} sẽ không còn sớm hơn thời hạn gia hạn "
        "{extended}."
    ),
    "Task {code}: the completion date would be before it was reopened.": (
        "Nhiệm vụ {code}: ngày hoàn thành sẽ sớm hơn ngày mở lại."
    ),
    "Task {code}: the {what} date {on} is in the future (today is {today}).": (
        "Nhiệm vụ {code}: {what} {on} là ngày trong tương lai (hôm nay là {today})."
    ),
    "Task {code}: the {what} date {on} is before the assignment date {assigned}.": (
        "Nhiệm vụ {code}: {what} {on} sớm hơn ngày giao {assigned}."
    ),
    # domain/dates.py, domain/periods.py
    "{raw} is outside the dates the tracker accepts ({start} to {end}).": (
        "{raw} nằm ngoài khoảng ngày hệ thống chấp nhận (từ {start} đến {end})."
    ),
    "{raw} is not a date; write it like {examples}.": (
        "{raw} không phải là ngày; hãy viết như {examples}."
    ),
    "An empty value is not a date.": "Giá trị trống không phải là ngày.",
    "{raw} is not a date: {reason}.": "{raw} không phải là ngày: {reason}.",
    "{raw} is not a time: {reason}.": "{raw} không phải là giờ: {reason}.",
    "day is out of range for month": "ngày không có trong tháng",
    "month must be in 1..12": "tháng phải từ 1 đến 12",
    "year {year} is out of range": "năm {year} nằm ngoài phạm vi",
    "hour must be in 0..23": "giờ phải từ 0 đến 23",
    "minute must be in 0..59": "phút phải từ 0 đến 59",
    "second must be in 0..59": "giây phải từ 0 đến 59",
    "code: {reason}": "mã: {reason}",
    "title: {reason}": "nội dung nhiệm vụ: {reason}",
    "agency: {reason}": "cơ quan chủ trì: {reason}",
    "assigner: {reason}": "cấp giao: {reason}",
    "assigned: {reason}": "ngày giao: {reason}",
    "due: {reason}": "thời hạn hoàn thành: {reason}",
    "doc: {reason}": "văn bản giao: {reason}",
    "completed: {reason}": "ngày hoàn thành: {reason}",
    "cancelled: {reason}": "ngày rút khỏi chương trình: {reason}",
    "co_agencies: {reason}": "cơ quan phối hợp: {reason}",
    "assigned": "ngày giao",
    "due": "thời hạn hoàn thành",
    "completed": "ngày hoàn thành",
    "cancelled": "ngày rút khỏi chương trình",
    "doc": "văn bản giao",
    "due_on": "thời hạn hoàn thành",
    "assigned_on": "ngày giao",
    "completed_on": "ngày hoàn thành",
    "cancelled_on": "ngày rút khỏi chương trình",
    "lead_agency": "cơ quan chủ trì",
    "{raw} has no valid offset from UTC: {offset} (write +07:00).": (
        "{raw} có độ lệch múi giờ không hợp lệ: {offset} (hãy viết +07:00)."
    ),
    "{text} is outside the years the tracker accepts ({first} to {last}).": (
        "{text} nằm ngoài khoảng năm hệ thống chấp nhận (từ {first} đến {last})."
    ),
    "The period ends ({end}) before it starts ({start}).": (
        "Kỳ báo cáo kết thúc ({end}) trước khi bắt đầu ({start})."
    ),
    "Unknown cut-off {cutoff}; use one of {cutoffs}.": (
        "Không có mốc chốt số liệu {cutoff}; hãy dùng một trong {cutoffs}."
    ),
    "The {field} has no letter or digit.": "{field} không có chữ cái hay chữ số nào.",
}
