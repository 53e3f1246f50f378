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
    "What must be done.": "Nội dung nhiệm vụ.",
    "Lead agency (cơ quan chủ trì).": "Cơ quan chủ trì.",
    "Who assigned it (Chính phủ, UBND tỉnh, ...).": (
        "Cấp giao nhiệm vụ (Chính phủ, UBND tỉnh, ...)."
    ),
    "Assignment date.": "Ngày giao.",
    "Due date (omit: no deadline).": (
        "Thời hạn hoàn thành (bỏ trống: không có thời hạn)."
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
    "The new due date.": "Thời hạn hoàn thành mới.",
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
    'Cancel a task the assigner withdrew ("rút khỏi chương trình").': (
        "Hủy nhiệm vụ được cấp giao rút khỏi chương trình."
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
    "'Sở Tư pháp'.": (
        "Bộ lọc văn bản không phân biệt chữ hoa, chữ thường và dấu tiếng Việt: "
        "'so tu phap' tìm được 'Sở Tư pháp'."
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
    "(its official name in the directory), most overdue first, with a summary "
    "by age; --output FILE.docx writes it as a Word appendix.": (
        "Báo cáo hằng tuần về nhiệm vụ quá hạn: các nhiệm vụ chưa hoàn thành đã "
        "quá thời hạn, theo cơ quan chủ trì (tên chính thức trong danh mục), "
        "quá hạn lâu nhất trước, kèm bảng tổng hợp theo số ngày quá hạn; "
        "--output FILE.docx ghi thành phụ lục Word."
    ),
    "Also list open tasks due in the next DAYS days.": (
        "Liệt kê thêm các nhiệm vụ chưa hoàn thành sẽ đến hạn trong DAYS ngày tới."
    ),
    "Only this lead agency (no accents needed).": (
        "Chỉ cơ quan chủ trì này (không cần gõ dấu)."
    ),
    "Record a MarkedOverdue event on every open task whose deadline in force "
    "has passed, once per deadline (a second sweep records nothing).": (
        "Ghi sự kiện MarkedOverdue (quá hạn) cho mọi nhiệm vụ chưa hoàn thành "
        "đã quá thời hạn đang áp dụng, mỗi thời hạn một lần (chạy lại lần thứ "
        "hai sẽ không ghi thêm gì)."
    ),
    # import
    "Import a task list from a CSV (UTF-8) or XLSX file.": (
        "Nhập danh sách nhiệm vụ từ tệp CSV (UTF-8) hoặc XLSX."
    ),
    "One row per task. Headers may be Vietnamese or English, with or without "
    "accents: Mã / code, Nội dung nhiệm vụ / title, Cơ quan chủ trì / agency, "
    "Cấp giao / assigner, Ngày giao / assigned, Thời hạn hoàn thành / due, "
    "Văn bản giao / doc, and optionally Ngày hoàn thành / completed, Ngày rút "
    '/ cancelled, Cơ quan phối hợp / co_agencies (older headers such as "Cơ '
    'quan giao" and "Hạn xử lý" are read too). Dates as people type them '
    "(14/02/2023) or real spreadsheet dates.": (
        "Mỗi dòng một nhiệm vụ. Tiêu đề cột bằng tiếng Việt hoặc tiếng Anh, có "
        "dấu hoặc không dấu: Mã / 'code', Nội dung nhiệm vụ / 'title', Cơ quan "
        "chủ trì / 'agency', Cấp giao / 'assigner', Ngày giao / 'assigned', Thời "
        "hạn hoàn thành / 'due', Văn bản giao / 'doc', và có thể có thêm Ngày "
        "hoàn thành / 'completed', Ngày rút / 'cancelled', Cơ quan phối hợp / "
        "'co_agencies' (tiêu "
        'đề cũ như "Cơ quan giao" và "Hạn xử lý" vẫn đọc được). Ngày ghi '
        "như thường gõ (14/02/2023) hoặc ô ngày của bảng tính."
    ),
    "Every row is checked first; unless all are valid nothing is imported. The "
    "rejects file is checked before anything is imported: it must be writable, "
    "and never the file being imported. Importing the same file again records "
    "nothing new, and a row that differs from what the ledger holds is "
    "reported, never overwritten.": (
        "Mọi dòng được kiểm tra trước; chỉ khi tất cả đều hợp lệ mới nhập dữ "
        "liệu. Tệp ghi các dòng bị loại được kiểm tra trước khi nhập: tệp phải "
        "ghi được và không được trùng với tệp đang nhập. Nhập lại cùng một tệp "
        "không ghi thêm gì mới; dòng nào khác với dữ liệu trong nhật ký thì "
        "được báo lại, không bao giờ bị ghi đè."
    ),
    "Import the valid rows and write the rejected ones to --rejects.": (
        "Nhập các dòng hợp lệ và ghi các dòng bị loại vào tệp --rejects."
    ),
    "Where rejected rows go (default: FILE.rejected.csv).": (
        "Tệp ghi các dòng bị loại (mặc định: FILE.rejected.csv)."
    ),
    # batch
    "Record many commands from FILE ('-' for standard input), atomically.": (
        "Ghi nhận nhiều lệnh từ tệp FILE ('-' để đọc từ đầu vào chuẩn), "
        "hoặc ghi tất cả hoặc không ghi gì."
    ),
    "One command per line, written as on the command line without the leading "
    "'tracker'; '#' starts a comment. Every line is checked against the ledger "
    "as it stands after the lines before it; if any line is refused, nothing "
    "from the file is recorded and the error names the line.": (
        "Mỗi dòng một lệnh, viết như trên dòng lệnh nhưng bỏ chữ 'tracker' ở "
        "đầu; '#' bắt đầu phần ghi chú. Mỗi dòng được kiểm tra với nhật ký như "
        "sau khi đã ghi các dòng trước đó; nếu có dòng bị từ chối thì không "
        "ghi nhận nội dung nào của tệp và thông báo lỗi nêu rõ dòng đó."
    ),
    # verify, export, restore
    "Recompute the hash chain of every recorded event.": (
        "Tính lại chuỗi mã băm của mọi sự kiện đã ghi nhận."
    ),
    "Exits 0 when intact; exits 4 and names the first broken position and its "
    "task when an event was altered, removed or inserted outside the tool, "
    "when the newest events were removed, or when the ledger no longer matches "
    "a report's fingerprint. With --read-models, also exits 4 naming the task "
    "whose read-model rows differ from what its events make.": (
        "Trả mã 0 khi nhật ký nguyên vẹn; trả mã 4 và nêu vị trí hỏng đầu tiên "
        "cùng nhiệm vụ của vị trí đó khi có sự kiện bị sửa, xóa hoặc chèn "
        "ngoài công cụ, khi các sự kiện mới nhất bị xóa, hoặc khi nhật ký "
        "không còn khớp với mã kiểm tra của một báo cáo. Với --read-models, "
        "cũng trả mã 4 và nêu nhiệm vụ có dữ liệu tổng hợp khác với kết quả "
        "dựng lại từ các sự kiện của nhiệm vụ đó."
    ),
    "Also prove the ledger still holds the history a report printed (copy "
    "POS:HASH from its footer).": (
        "Kiểm tra thêm nhật ký vẫn giữ nguyên lịch sử mà một báo cáo đã in "
        "(chép POS:HASH ở cuối báo cáo)."
    ),
    "Also prove that the read models, which reports count from, equal a replay "
    "of the log.": (
        "Kiểm tra thêm dữ liệu tổng hợp, nguồn số liệu của các báo cáo, trùng "
        "khớp với kết quả phát lại nhật ký."
    ),
    "Write the whole ledger as JSON Lines: one event per line with its "
    "position, recording time, actor and hash, then an end line.": (
        "Ghi toàn bộ nhật ký ra tệp JSON Lines: mỗi dòng một sự kiện kèm vị "
        "trí, thời điểm ghi nhận, người cập nhật và mã băm, cuối cùng là dòng "
        "kết thúc."
    ),
    "Load an exported ledger into an empty database, checking the chain as it "
    "goes; a broken or truncated file is refused (exit 4) and nothing is kept. "
    "This is also how a ledger moves from SQLite to PostgreSQL.": (
        "Nạp nhật ký đã xuất vào một cơ sở dữ liệu trống, kiểm tra chuỗi mã "
        "băm trong khi nạp; tệp bị hỏng hoặc bị cắt cụt sẽ bị từ chối (mã 4) "
        "và không giữ lại gì. Đây cũng là cách chuyển nhật ký từ SQLite sang "
        "PostgreSQL."
    ),
    # projections
    "Read models built from the ledger: status, rebuild, follow.": (
        "Dữ liệu tổng hợp dựng từ nhật ký: status, rebuild, follow."
    ),
    "Keep the read models current until stopped (SIGTERM, SIGHUP or Ctrl-C): "
    "apply every new event as it is recorded. On a shared PostgreSQL, run it "
    'as a service under the projector role (see README, "A shared ledger").': (
        "Cập nhật liên tục dữ liệu tổng hợp cho đến khi bị dừng (SIGTERM, "
        "SIGHUP hoặc Ctrl-C): áp dụng từng sự kiện mới ngay khi được ghi nhận. "
        "Trên PostgreSQL dùng chung, chạy như một dịch vụ với vai trò "
        "projector (xem phần về nhật ký dùng chung trong README)."
    ),
    "Also look for new events this often (PostgreSQL wakes the projector at "
    "each commit; SQLite does not).": (
        "Đồng thời kiểm tra sự kiện mới theo chu kỳ này (PostgreSQL báo cho "
        "tiến trình cập nhật sau mỗi lần ghi; SQLite thì không)."
    ),
    "Drop the read models and replay the whole ledger into them.": (
        "Xóa dữ liệu tổng hợp và dựng lại từ toàn bộ nhật ký."
    ),
    "Show how far each read model is behind the event log.": (
        "Xem mức độ chậm của từng bảng dữ liệu tổng hợp so với nhật ký sự kiện."
    ),
    # db
    "The database behind the ledger: init, check, harden.": (
        "Cơ sở dữ liệu lưu nhật ký: init, check, harden."
    ),
    "Report the database kind, schema state, event count and how far the read "
    "models are behind. Exits 1 when the schema is incomplete.": (
        "Cho biết loại cơ sở dữ liệu, tình trạng cấu trúc bảng, số sự kiện và "
        "mức độ chậm của dữ liệu tổng hợp. Trả mã 1 khi cấu trúc bảng chưa đầy "
        "đủ."
    ),
    "Create or adjust a PostgreSQL role for clerks (who may read everything "
    "and append events, never change a table) or for the projector (the only "
    "writer of the read models). Safe to run again, e.g. to reset a password "
    "or to add a clerk, by the tables' owner with CREATEROLE.": (
        "Tạo hoặc điều chỉnh vai trò PostgreSQL cho chuyên viên (được đọc mọi "
        "dữ liệu và ghi thêm sự kiện, không bao giờ được sửa bảng) hoặc cho "
        "tiến trình cập nhật (projector, nơi duy nhất ghi dữ liệu tổng hợp). "
        "Có thể chạy lại an toàn, ví dụ để đặt lại mật khẩu hoặc thêm chuyên "
        "viên, do chủ sở hữu các bảng có quyền CREATEROLE thực hiện."
    ),
    "The PostgreSQL role to create or adjust.": (
        "Vai trò PostgreSQL cần tạo hoặc điều chỉnh."
    ),
    "clerk: reads, and appends events through the append functions only; "
    "projector: the only writer of the read models.": (
        "clerk: chuyên viên, được đọc và chỉ được ghi thêm sự kiện qua các hàm "
        "ghi thêm; projector: tiến trình cập nhật, nơi duy nhất ghi dữ liệu "
        "tổng hợp."
    ),
    "Set the role's password (omit to keep or set it yourself).": (
        "Đặt mật khẩu cho vai trò (bỏ trống để giữ nguyên hoặc tự đặt sau)."
    ),
    "Create the ledger's tables if they are missing (safe to run again).": (
        "Tạo các bảng của nhật ký nếu chưa có (có thể chạy lại an toàn)."
    ),
    # directory
    "The directory (danh mục) of assigners and agencies: official names, "
    "aliases, and each assigner's source group.": (
        "Danh mục cấp giao và cơ quan: tên chính thức, tên gọi khác và nhóm "
        "nguồn giao của từng cấp giao."
    ),
    "File a new assigner or agency under its official name.": (
        "Thêm cấp giao hoặc cơ quan mới vào danh mục theo tên chính thức."
    ),
    "An assigner's source group (required for an assigner): central "
    "(Government, Prime Minister), provincial (UBND tỉnh, its Chairman), "
    "other.": (
        "Nhóm nguồn giao của cấp giao (bắt buộc với cấp giao): central (Chính "
        "phủ, Thủ tướng Chính phủ), provincial (UBND tỉnh, Chủ tịch UBND tỉnh), "
        "other (cấp khác)."
    ),
    "Let ALIAS (an abbreviation, another spelling) name the entity NAME names; "
    "NAME may be its official name or any alias, in any spelling.": (
        "Cho ALIAS (tên viết tắt, cách viết khác) chỉ cùng cấp giao hoặc cơ "
        "quan mà NAME chỉ; NAME có thể là tên chính thức hoặc bất kỳ tên gọi "
        "khác nào, viết theo cách nào cũng được."
    ),
    "List the directory: each entity's official name, source group, aliases, "
    "and the names as typed in the tasks that fold into it, with how many "
    "tasks use each; names the directory does not know come last, so that the "
    "Office sees what to file.": (
        "Liệt kê danh mục: tên chính thức, nhóm nguồn giao, tên gọi khác của "
        "từng cấp giao, cơ quan, và các cách ghi tên trong nhiệm vụ được gộp "
        "vào đó, kèm số nhiệm vụ dùng từng cách ghi; các tên chưa có trong danh "
        "mục xếp cuối để Văn phòng biết cần bổ sung."
    ),
    "Only assigners or only agencies.": "Chỉ cấp giao hoặc chỉ cơ quan.",
    # config
    "The Office's settings, such as its name on reports and letters.": (
        "Thiết lập của Văn phòng, như tên ghi trên báo cáo và văn bản."
    ),
    "Print one setting's value (its default when it was never set).": (
        "In giá trị của một thiết lập (giá trị mặc định nếu chưa từng đặt)."
    ),
    "Every setting, its value, and the file they are kept in.": (
        "Mọi thiết lập, giá trị của từng thiết lập và tệp lưu các thiết lập."
    ),
    "Set one setting (not a ledger event: it changes no task).": (
        "Đặt một thiết lập (không phải sự kiện của nhật ký: không thay đổi "
        "nhiệm vụ nào)."
    ),
    # demo
    "Record a realistic first half of 2023 in a temporary database, list it, "
    "and show its period report by source and its overdue list.": (
        "Ghi dữ liệu mẫu sát thực tế của 6 tháng đầu năm 2023 vào một cơ sở dữ "
        "liệu tạm, liệt kê, rồi hiển thị báo cáo định kỳ theo nguồn giao và "
        "danh sách nhiệm vụ quá hạn."
    ),
    "Nothing is written to your own ledger.": (
        "Không ghi gì vào nhật ký của người dùng."
    ),
    "How many tasks.": "Số nhiệm vụ.",
    "Random seed.": "Giá trị khởi tạo ngẫu nhiên.",
}
