"""Vietnamese for the help texts of the bulk, audit and administration
commands (import, batch, verify, export, restore, projections, db,
directory, config, demo); see ``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
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
