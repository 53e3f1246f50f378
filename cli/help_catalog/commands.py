"""Vietnamese for the help texts (``--help``): command docstrings and option
help, read by ``cli.help_text`` (examples are shown as written).

Each key is one paragraph of English help with its lines joined by single
spaces; option names, command names, codes, formats and example values stay
as they are. ``tests/cli/test_help_languages.py`` fails on a paragraph that
has no entry here and on an entry no help text uses any longer.
"""

from __future__ import annotations

VI: dict[str, str] = {
    # tracker (cli/main.py)
    "Event-sourced tracker of tasks assigned to the Office.": (
        "Theo dõi nhiệm vụ được giao cho Văn phòng, ghi nhận theo nhật ký sự kiện."
    ),
    "Database URL or SQLite file (default: TRACKER_DATABASE_URL, else a file in "
    "your data directory).": (
        "Địa chỉ cơ sở dữ liệu hoặc tệp SQLite (mặc định: TRACKER_DATABASE_URL, "
        "nếu không có thì dùng một tệp trong thư mục dữ liệu của người dùng)."
    ),
    "Who is logging (default: TRACKER_ACTOR, else your user name).": (
        "Người cập nhật (mặc định: TRACKER_ACTOR, nếu không có thì dùng tên "
        "người dùng)."
    ),
    "Language of messages and labels: vi (Vietnamese) or en (English).": (
        "Ngôn ngữ của thông báo và nhãn: vi (tiếng Việt) hoặc en (tiếng Anh)."
    ),
    # assign
    "Record a newly assigned task.": "Ghi nhận một nhiệm vụ mới được giao.",
    "With --every: a periodic task, a schedule whose every period is a task of "
    "its own (CODE/2024-Q1), assigned on the period's first day and recorded "
    "by this command and by 'tracker sweep' once its period has begun.": (
        "Với --every: một nhiệm vụ định kỳ, tức một lịch mà mỗi kỳ là một nhiệm "
        "vụ riêng (MÃ/2024-Q1), giao vào ngày đầu kỳ, được lệnh này và lệnh "
        "'tracker sweep' ghi khi kỳ đã bắt đầu."
    ),
    "What must be done.": "Nội dung nhiệm vụ.",
    "Lead agency (cơ quan chủ trì).": "Cơ quan chủ trì.",
    "Who assigned it (Chính phủ, UBND tỉnh, ...).": (
        "Cấp giao nhiệm vụ (Chính phủ, UBND tỉnh, ...)."
    ),
    "Assignment date (with --every: the first date, as --from).": (
        "Ngày giao (với --every: ngày bắt đầu, như --from)."
    ),
    "Due date, or counted from the assignment date: 10wd or '10 ngày làm "
    "việc' (working days), +10d (calendar days), eom (omit: no deadline).": (
        "Thời hạn hoàn thành, hoặc tính từ ngày giao: 10wd hay '10 ngày làm "
        "việc' (ngày làm việc), +10d (ngày theo lịch), eom (cuối tháng) (bỏ "
        "trống: không có thời hạn)."
    ),
    "Source document as cited, e.g. '495/UBND-TTHC ngày 14/02/2023'.": (
        "Văn bản giao nhiệm vụ, ghi như trích dẫn, ví dụ "
        "'495/UBND-TTHC ngày 14/02/2023'."
    ),
    "Co-agency (repeatable).": "Cơ quan phối hợp (có thể ghi nhiều lần).",
    # extend
    "Extend a task's deadline (it must move later).": (
        "Gia hạn thời hạn hoàn thành nhiệm vụ (thời hạn mới phải sau thời hạn cũ)."
    ),
    "The new due date, or counted from the --on date: 10wd (working days), "
    "+10d (calendar days).": (
        "Thời hạn hoàn thành mới, hoặc tính từ ngày --on: 10wd (ngày làm việc), "
        "+10d (ngày theo lịch)."
    ),
    "Date the extension was granted.": "Ngày cho phép gia hạn.",
    "Why the deadline moved.": "Lý do gia hạn.",
    "Approving document.": "Văn bản cho phép.",
    # reassign
    "Give a task to another lead agency.": ("Giao nhiệm vụ cho cơ quan chủ trì khác."),
    "The new lead agency.": "Cơ quan chủ trì mới.",
    "Date of the reassignment.": "Ngày chuyển giao.",
    "Why it moved.": "Lý do chuyển giao.",
    # note
    "Note progress on a task.": "Cập nhật tiến độ thực hiện nhiệm vụ.",
    "Date of the progress.": "Ngày cập nhật tiến độ.",
    # complete
    "Record that a task was completed.": "Ghi nhận nhiệm vụ đã hoàn thành.",
    "Completion date.": "Ngày hoàn thành.",
    "Reporting document.": "Văn bản báo cáo.",
    # reopen
    "Reopen a completed task whose completion was not accepted.": (
        "Mở lại nhiệm vụ đã hoàn thành nhưng kết quả chưa được chấp nhận."
    ),
    "Date it was reopened.": "Ngày mở lại.",
    "Why the completion was not accepted.": "Lý do kết quả chưa được chấp nhận.",
    # cancel
    'Cancel a task the assigner withdrew ("rút khỏi chương trình"). On a '
    "periodic task's schedule: no occurrence of a period beginning after --on "
    "(those recorded stay; cancel them one by one).": (
        "Hủy nhiệm vụ được cấp giao rút khỏi chương trình. Với lịch của một "
        "nhiệm vụ định kỳ: không ghi thêm nhiệm vụ của kỳ nào bắt đầu sau ngày "
        "--on (các kỳ đã ghi vẫn giữ; hủy từng kỳ nếu cần)."
    ),
    "Date of withdrawal.": "Ngày rút.",
    "Why the task was withdrawn.": "Lý do rút nhiệm vụ.",
    "Withdrawing document.": "Văn bản rút nhiệm vụ.",
    # correct
    "Correct a field that was logged wrongly (the old value stays on record).": (
        "Đính chính một trường đã nhập sai (giá trị cũ vẫn được lưu lại)."
    ),
    "FIELD is one of: title, assigner, agency, co_agencies, doc, assigned_on, "
    "due_on (use 'none' to remove the deadline), completed_on.": (
        "FIELD là một trong các trường: 'title' (nội dung nhiệm vụ), 'assigner' "
        "(cấp giao), 'agency' (cơ quan chủ trì), 'co_agencies' (cơ quan phối "
        "hợp), 'doc' (văn bản giao), 'assigned_on' (ngày giao), 'due_on' (thời "
        "hạn hoàn thành; ghi 'none' để bỏ thời hạn), 'completed_on' (ngày hoàn "
        "thành)."
    ),
    "Why the old value was wrong.": "Lý do giá trị cũ bị sai.",
    # show, list, history
    "Show one task and its status.": "Xem một nhiệm vụ và tình trạng của nhiệm vụ.",
    "Classify as of this date (default: today in Vietnam).": (
        "Xác định tình trạng tại ngày này (mặc định: ngày hôm nay theo giờ Việt Nam)."
    ),
    "Answer from the events recorded up to this moment only (e.g. '15/06/2023 "
    "09:00'; a date alone means the end of that day).": (
        "Chỉ căn cứ các sự kiện đã ghi nhận đến thời điểm này (ví dụ "
        "'15/06/2023 09:00'; nếu chỉ ghi ngày thì tính đến hết ngày đó)."
    ),
    "Output format; JSON is the stable contract (ISO dates).": (
        "Định dạng đầu ra; JSON là định dạng ổn định để trao đổi dữ liệu "
        "(ngày theo ISO)."
    ),
    "List tasks with their status as of a date.": (
        "Liệt kê các nhiệm vụ và tình trạng tại một ngày."
    ),
    "Text filters ignore case and Vietnamese diacritics: 'so tu phap' finds "
    "'Sở Tư pháp'. The status awaiting-confirmation lists the completions the "
    "Office has not confirmed yet, oldest first.": (
        "Bộ lọc văn bản không phân biệt chữ hoa, chữ thường và dấu tiếng Việt: "
        "'so tu phap' tìm được 'Sở Tư pháp'. Tình trạng awaiting-confirmation "
        "liệt kê các kết quả hoàn thành Văn phòng chưa xác nhận, cũ nhất trước."
    ),
    "Only tasks not reminded from DATE to the as-of date.": (
        "Chỉ các nhiệm vụ chưa được đôn đốc từ ngày DATE đến ngày tính đến."
    ),
    "Only tasks with this status as of the date (repeatable).": (
        "Chỉ các nhiệm vụ có tình trạng này tại ngày xác định (có thể ghi nhiều lần)."
    ),
    "Lead agency contains (no accents needed).": (
        "Tên cơ quan chủ trì có chứa (không cần gõ dấu)."
    ),
    "Assigner contains (no accents needed).": (
        "Tên cấp giao có chứa (không cần gõ dấu)."
    ),
    "Code, title or document contains.": (
        "Mã, nội dung nhiệm vụ hoặc văn bản có chứa."
    ),
    "Source document number.": "Số văn bản giao nhiệm vụ.",
    "table (default), json (the stable contract), csv, md, xlsx or docx (xlsx "
    "and docx need --output).": (
        "table (mặc định), json (định dạng ổn định để trao đổi dữ liệu), csv, "
        "md, xlsx hoặc docx (xlsx và docx cần có --output)."
    ),
    "Write to FILE instead of the screen (.xlsx, .docx, .csv, .json, .md).": (
        "Ghi ra tệp FILE thay vì hiển thị trên màn hình (.xlsx, .docx, .csv, "
        ".json, .md)."
    ),
    "Show recorded events, oldest first: who logged what, when, with which "
    "effective date, and each event's chain hash.": (
        "Xem các sự kiện đã ghi nhận, cũ nhất trước: ai cập nhật nội dung gì, "
        "vào lúc nào, ngày thực hiện nào, và mã băm chuỗi của từng sự kiện."
    ),
    "Give a task CODE for its whole history, or --since for everything "
    "recorded since a moment (what was logged this week).": (
        "Ghi mã nhiệm vụ CODE để xem toàn bộ lịch sử của nhiệm vụ, hoặc --since "
        "để xem mọi nội dung ghi nhận từ một thời điểm (những gì đã cập nhật "
        "trong tuần)."
    ),
    "Everything recorded since this moment, across all tasks.": (
        "Mọi nội dung ghi nhận từ thời điểm này, của tất cả nhiệm vụ."
    ),
    "Only what this person logged.": "Chỉ những gì người này cập nhật.",
    # report
    "The period report: the reporting form's figures for tasks assigned in a "
    "period, classified at its end (or --as-of), one section per source group "
    "(central tasks as item 5 of the form counts them, the province's own "
    "apart), with rates. --output FILE.xlsx writes the printable form, "
    "FILE.docx a Word appendix (the Office's name: tracker config set office).": (
        "Báo cáo định kỳ: số liệu theo biểu mẫu báo cáo về các nhiệm vụ được "
        "giao trong kỳ, xác định tình trạng tại cuối kỳ (hoặc tại --as-of), mỗi "
        "nhóm nguồn giao một phần (nhiệm vụ do Trung ương giao như mục 5 của "
        "biểu mẫu, nhiệm vụ của tỉnh tách riêng), kèm tỷ lệ. --output "
        "FILE.xlsx ghi biểu mẫu để in, FILE.docx ghi phụ lục Word (tên Văn "
        "phòng: tracker config set office)."
    ),
    "2023, 2023-H1, 2023-Q2 or 2023-06.": "2023, 2023-H1, 2023-Q2 hoặc 2023-06.",
    "Explicit start.": "Ngày bắt đầu kỳ, ghi cụ thể.",
    "Explicit end.": "Ngày kết thúc kỳ, ghi cụ thể.",
    "Period boundaries: calendar, or Decree 09/2019/NĐ-CP (15th to 14th).": (
        "Cách tính kỳ báo cáo: calendar (theo lịch), hoặc decree09 theo Nghị "
        "định 09/2019/NĐ-CP (từ ngày 15 đến ngày 14)."
    ),
    "Whose tasks: central (the Government, the Prime Minister), provincial "
    "(UBND tỉnh, its Chairman), other, or all, one section per group.": (
        "Nhiệm vụ của cấp giao nào: central (Chính phủ, Thủ tướng Chính phủ), "
        "provincial (UBND tỉnh, Chủ tịch UBND tỉnh), other (cấp khác), hoặc "
        "all (tất cả, mỗi nhóm một phần)."
    ),
    "Add one row per lead agency or per assigner, within each section.": (
        "Thêm một dòng cho mỗi cơ quan chủ trì hoặc mỗi cấp giao, trong từng phần."
    ),
    # overdue, sweep
    "The weekly overdue report: open tasks past their deadline, by lead agency "
    "(its official name in the directory), most overdue first, with the "
    "reminders each has had and a summary by age; --output FILE.docx writes it "
    "as a Word appendix.": (
        "Báo cáo hằng tuần về nhiệm vụ quá hạn: các nhiệm vụ chưa hoàn thành đã "
        "quá thời hạn, theo cơ quan chủ trì (tên chính thức trong danh mục), "
        "quá hạn lâu nhất trước, kèm số lần đã đôn đốc và bảng tổng hợp theo số "
        "ngày quá hạn; --output FILE.docx ghi thành phụ lục Word."
    ),
    "Also list open tasks due in the next DAYS days.": (
        "Liệt kê thêm các nhiệm vụ chưa hoàn thành sẽ đến hạn trong DAYS ngày tới."
    ),
    "Only this lead agency (no accents needed).": (
        "Chỉ cơ quan chủ trì này (không cần gõ dấu)."
    ),
    "Count the summary's ages (over 30, 60, 120) in calendar days or in working "
    "days.": (
        "Tính số ngày quá hạn trong bảng tổng hợp (trên 30, 60, 120) theo ngày "
        "lịch hay theo ngày làm việc."
    ),
    "Mark the tasks not overdue on this date as new, and list those that left "
    "the list since, with why (last-week: 7 days before --as-of).": (
        "Đánh dấu mới các nhiệm vụ chưa quá hạn vào ngày này, và liệt kê các "
        "nhiệm vụ đã ra khỏi danh sách từ ngày đó, kèm lý do (last-week: 7 ngày "
        "trước --as-of)."
    ),
    "Record the occurrences of periodic tasks whose period has begun, then a "
    "MarkedOverdue event on every open task whose deadline in force has "
    "passed, once per deadline (a second sweep records nothing).": (
        "Ghi các nhiệm vụ của những kỳ định kỳ đã bắt đầu, rồi ghi sự kiện "
        "MarkedOverdue (quá hạn) cho mọi nhiệm vụ chưa hoàn thành "
        "đã quá thời hạn đang áp dụng, mỗi thời hạn một lần (chạy lại lần thứ "
        "hai sẽ không ghi thêm gì)."
    ),
}
