"""Vietnamese for the messages of the ledger, its bulk work, its audit and its
databases (see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # tracker/
    "Cannot sweep as of {as_of}: it is in the future.": (
        "Không thể rà soát quá hạn tính đến ngày {as_of}: đó là ngày trong tương lai."
    ),
    "Following the ledger from position {position} of {head}.": (
        "Đang theo dõi nhật ký từ vị trí {position} trên {head}."
    ),
    "Applying the log again.": "Đang áp dụng lại nhật ký.",
    "Applied {count} events; at position {position}.": (
        "Đã áp dụng {count} sự kiện; đang ở vị trí {position}."
    ),
    "Cannot apply the log after position {position} ({problem}); trying again, "
    "every minute at most.": (
        "Không áp dụng được nhật ký sau vị trí {position} ({problem}); sẽ thử "
        "lại, tối đa mỗi phút một lần."
    ),
    "Everything recorded is kept, but the read models could not be brought up "
    "to date ({kind}: {error}); reports say how far behind they are. Run "
    "'tracker projections rebuild'.": (
        "Mọi dữ liệu đã ghi vẫn được giữ, nhưng chưa cập nhật được dữ liệu tổng "
        "hợp ({kind}: {error}); báo cáo sẽ ghi rõ còn chậm bao nhiêu. Hãy chạy "
        "'tracker projections rebuild'."
    ),
    "The read models have no {tables} table (new in this version): rebuilding "
    "them from the log, once.": (
        "Dữ liệu tổng hợp chưa có bảng {tables} (mới ở phiên bản này): đang "
        "dựng lại từ nhật ký, một lần."
    ),
    "The read models are {count} event behind the ledger (is 'tracker "
    "projections follow' running?); answering from them as they stand.": (
        "Dữ liệu tổng hợp chậm {count} sự kiện so với nhật ký ('tracker "
        "projections follow' có đang chạy không?); trả lời theo dữ liệu hiện có."
    ),
    "The read models are {count} events behind the ledger (is 'tracker "
    "projections follow' running?); answering from them as they stand.": (
        "Dữ liệu tổng hợp chậm {count} sự kiện so với nhật ký ('tracker "
        "projections follow' có đang chạy không?); trả lời theo dữ liệu hiện có."
    ),
    "{role} is not a plain role name (lower-case letters, digits, _).": (
        "{role} không phải tên vai trò hợp lệ (chữ thường, chữ số, _)."
    ),
    "{kind} is not a kind of role; use clerk or projector.": (
        "{kind} không phải loại vai trò; hãy dùng clerk hoặc projector."
    ),
    "Separate roles need PostgreSQL; SQLite has no roles.": (
        "Phân vai trò cần PostgreSQL; SQLite không có vai trò."
    ),
    "Role {role} owns the ledger or runs this command; a {kind} must be another "
    "role, or the ledger would lose its owner's rights.": (
        "Vai trò {role} sở hữu nhật ký hoặc đang chạy lệnh này; vai trò {kind} "
        "phải là vai trò khác, nếu không nhật ký sẽ mất quyền của chủ sở hữu."
    ),
    "Role {role} may administer the server (superuser, create roles or "
    "databases, bypass row security, replicate); only a superuser can take "
    "that away before it becomes a {kind}.": (
        "Vai trò {role} có quyền quản trị máy chủ (superuser, tạo vai trò hoặc "
        "cơ sở dữ liệu, bỏ qua bảo mật dòng, sao chép); chỉ superuser mới thu "
        "hồi được quyền đó trước khi nó trở thành {kind}."
    ),
    "{url} is not a database URL this tracker can use ({detail}).": (
        "{url} không phải địa chỉ cơ sở dữ liệu hệ thống dùng được ({detail})."
    ),
    "The read models hold a value no projection writes ({kind}): run 'tracker "
    "verify --read-models', then 'tracker projections rebuild'.": (
        "Dữ liệu tổng hợp chứa giá trị không do hệ thống ghi ({kind}): hãy chạy "
        "'tracker verify --read-models', rồi 'tracker projections rebuild'."
    ),
    "{text} is not a fingerprint; copy it from a report's footer (POSITION:HASH, "
    "at least 16 hex digits of the hash).": (
        "{text} không phải mã kiểm tra; hãy chép từ cuối báo cáo (POSITION:HASH, "
        "ít nhất 16 chữ số hệ 16 của mã băm)."
    ),
    "The ledger holds an event of a kind this tracker never records ({kind}, "
    "version {version} of its task); run 'tracker verify'.": (
        "Nhật ký chứa một loại sự kiện hệ thống không bao giờ ghi ({kind}, "
        "phiên bản {version} của nhiệm vụ); hãy chạy 'tracker verify'."
    ),
    "An event of the ledger (version {version} of its task) cannot be read "
    "({kind}); run 'tracker verify'.": (
        "Không đọc được một sự kiện của nhật ký (phiên bản {version} của nhiệm "
        "vụ) ({kind}); hãy chạy 'tracker verify'."
    ),
    "The log's last position ({last}) is not one the tracker writes; nothing "
    "was recorded. Run 'tracker verify'.": (
        "Vị trí cuối của nhật ký ({last}) không phải vị trí hệ thống ghi; chưa "
        "ghi nhận gì. Hãy chạy 'tracker verify'."
    ),
    "This database has no append function yet: its owner must run 'tracker db "
    "init' once (and 'tracker db harden' again).": (
        "Cơ sở dữ liệu này chưa có hàm ghi sự kiện: chủ sở hữu phải chạy "
        "'tracker db init' một lần (và chạy lại 'tracker db harden')."
    ),
    "This role may not record events (it is the projector's, or reads only); "
    "record them as a clerk.": (
        "Vai trò này không được ghi sự kiện (đó là vai trò projector hoặc chỉ "
        "đọc); hãy ghi bằng vai trò chuyên viên (clerk)."
    ),
    # tracker/bulk/
    "{path} has no column for {missing} (accepted headers, e.g. {accepted}; see "
    "'tracker import --help').": (
        "{path} thiếu cột {missing} (tiêu đề được chấp nhận, ví dụ {accepted}; "
        "xem 'tracker import --help')."
    ),
    "Cannot read {path}: {reason}.": "Không đọc được {path}: {reason}.",
    "{path} holds garbled Vietnamese (e.g. {sample}): it was converted through "
    "Windows-1252 before being saved as UTF-8. Export it again from the "
    "original; nothing was imported.": (
        "{path} chứa tiếng Việt bị lỗi mã (ví dụ {sample}): tệp đã bị chuyển qua "
        "Windows-1252 trước khi lưu thành UTF-8. Hãy xuất lại từ bản gốc; chưa "
        "nhập gì."
    ),
    "{path} is not UTF-8 (byte {offset} cannot be read): it looks saved as "
    "Windows-1258 or Windows-1252. In Excel choose 'CSV UTF-8' and save it "
    "again; nothing was imported.": (
        "{path} không phải UTF-8 (không đọc được byte {offset}): có vẻ tệp được "
        "lưu dạng Windows-1258 hoặc Windows-1252. Trong Excel hãy chọn 'CSV "
        "UTF-8' và lưu lại; chưa nhập gì."
    ),
    # Each fact an imported row would change (tracker/bulk/importing.py)
    "title is {new} in the file but {old} in the ledger": (
        "nội dung nhiệm vụ trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "agency is {new} in the file but {old} in the ledger": (
        "cơ quan chủ trì trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "assigner is {new} in the file but {old} in the ledger": (
        "cấp giao trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "assigned is {new} in the file but {old} in the ledger": (
        "ngày giao trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "due is {new} in the file but {old} in the ledger": (
        "thời hạn hoàn thành trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "doc is {new} in the file but {old} in the ledger": (
        "văn bản giao trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "completed is {new} in the file but {old} in the ledger": (
        "ngày hoàn thành trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "cancelled is {new} in the file but {old} in the ledger": (
        "ngày rút khỏi chương trình trong tệp là {new} nhưng trong nhật ký là {old}"
    ),
    "(empty)": "(trống)",
    "{count} of {total} rows cannot be imported; nothing was recorded (fix "
    "them, or use --skip-invalid to import the valid rows).": (
        "{count} trên {total} dòng không nhập được; chưa ghi nhận gì (hãy sửa "
        "các dòng đó, hoặc dùng --skip-invalid để nhập các dòng hợp lệ)."
    ),
    "a task cannot be both completed and cancelled.": (
        "một nhiệm vụ không thể vừa hoàn thành vừa rút khỏi chương trình."
    ),
    "the code is already used on row {row}.": "mã đã dùng ở dòng {row}.",
    "already in the ledger with other facts:": (
        "đã có trong nhật ký với thông tin khác:"
    ),
    "row {row} ({code}): {reason}": "dòng {row} ({code}): {reason}",
    "row {row}: {reason}": "dòng {row}: {reason}",
    "The helper process stopped unexpectedly; nothing was written. Try again "
    "(or with less other work on this machine).": (
        "Tiến trình phụ dừng bất ngờ; chưa ghi gì. Hãy thử lại (hoặc khi máy "
        "bớt việc khác)."
    ),
    # tracker/audit/
    "The ledger has no event at position {position} of fingerprint {fingerprint}.": (
        "Nhật ký không có sự kiện ở vị trí {position} của mã kiểm tra {fingerprint}."
    ),
    "The read models' tracking position holds {value}, not a position: it was "
    "edited behind the tool's back; run 'tracker projections rebuild'.": (
        "Vị trí theo dõi của dữ liệu tổng hợp chứa {value}, không phải một vị "
        "trí: đã bị sửa ngoài công cụ; hãy chạy 'tracker projections rebuild'."
    ),
    "The read models are beyond the log.": ("Dữ liệu tổng hợp vượt quá nhật ký."),
    "The ledger is broken at position {position} ({task}): {problem}.": (
        "Nhật ký bị hỏng ở vị trí {position} ({task}): {problem}."
    ),
    "The ledger no longer matches fingerprint {fingerprint}: the history up to "
    "position {position} was rewritten (its hash there is now {hash}).": (
        "Nhật ký không còn khớp mã kiểm tra {fingerprint}: lịch sử đến vị trí "
        "{position} đã bị viết lại (mã băm tại đó nay là {hash})."
    ),
    "its event was removed": "sự kiện của nó đã bị xóa",
    "an event was inserted outside the tool (it has no chain entry)": (
        "một sự kiện được chèn ngoài công cụ (không có mục trong chuỗi)"
    ),
    "the chain entry before it was removed or altered": (
        "mục trước nó trong chuỗi đã bị xóa hoặc sửa"
    ),
    "the stored event was altered": "sự kiện đã lưu bị sửa",
    "Line {number} is not a ledger record.": (
        "Dòng {number} không phải bản ghi nhật ký."
    ),
    "The chain is broken at line {number} (position {position}): the file was "
    "altered; nothing was restored.": (
        "Chuỗi bị đứt ở dòng {number} (vị trí {position}): tệp đã bị sửa; chưa "
        "khôi phục gì."
    ),
    "Restore needs an empty database; this one already holds events.": (
        "Khôi phục cần một cơ sở dữ liệu trống; cơ sở dữ liệu này đã có sự kiện."
    ),
    "The file is truncated: its end marker is missing; nothing was restored.": (
        "Tệp bị cắt cụt: thiếu dấu kết thúc; chưa khôi phục gì."
    ),
    "Line {number} is not a complete JSON record (the file is truncated or "
    "damaged); nothing was restored.": (
        "Dòng {number} không phải bản ghi JSON đầy đủ (tệp bị cắt cụt hoặc hỏng); "
        "chưa khôi phục gì."
    ),
    "Line {number} lacks a ledger field.": (
        "Dòng {number} thiếu một trường của nhật ký."
    ),
    "Cannot export: position {position} is broken; run verify.": (
        "Không xuất được: vị trí {position} bị hỏng; hãy chạy verify."
    ),
    "Line {number} follows the end marker.": "Dòng {number} nằm sau dấu kết thúc.",
    "Cannot export: the event at position {position} is not UTF-8 JSON; run verify.": (
        "Không xuất được: sự kiện ở vị trí {position} không phải JSON UTF-8; hãy "
        "chạy verify."
    ),
    "The end marker says {events} events ending in {head}, but the file holds "
    "{count} ending in {last}; nothing was restored.": (
        "Dấu kết thúc ghi {events} sự kiện, kết thúc bằng {head}, nhưng tệp có "
        "{count} sự kiện, kết thúc bằng {last}; chưa khôi phục gì."
    ),
    "The file's events cannot be applied to the read models ({kind}: {error}); "
    "nothing was restored.": (
        "Không áp dụng được các sự kiện của tệp vào dữ liệu tổng hợp ({kind}: "
        "{error}); chưa khôi phục gì."
    ),
    # database/, projections/
    "Waiting for the database: another clerk is writing...": (
        "Đang chờ cơ sở dữ liệu: một chuyên viên khác đang ghi..."
    ),
    "Cannot open the database {url}: {detail}.": (
        "Không mở được cơ sở dữ liệu {url}: {detail}."
    ),
    "{url} is not a database URL this tracker can use (sqlite:///FILE or "
    "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE).": (
        "{url} không phải địa chỉ cơ sở dữ liệu hệ thống dùng được (sqlite:///FILE "
        "hoặc postgresql+psycopg://USER:PASSWORD@HOST/DATABASE)."
    ),
    "There is no ledger at {url}: check --db (a ledger is made by the first "
    "command that records something, or by 'tracker db init').": (
        "Không có nhật ký tại {url}: hãy kiểm tra --db (nhật ký được tạo bởi lệnh "
        "ghi đầu tiên, hoặc bởi 'tracker db init')."
    ),
    "There is no ledger in {url}: check --db (a ledger is made by the first "
    "command that records something, or by 'tracker db init').": (
        "Không có nhật ký trong {url}: hãy kiểm tra --db (nhật ký được tạo bởi "
        "lệnh ghi đầu tiên, hoặc bởi 'tracker db init')."
    ),
    "{url}: SQLite URLs take a file path and no options.": (
        "{url}: địa chỉ SQLite chỉ gồm đường dẫn tệp, không có tùy chọn."
    ),
    "The read models' tracking position is not a log position (it was edited "
    "behind the tool's back); run 'tracker verify', then 'tracker projections "
    "rebuild'.": (
        "Vị trí theo dõi của dữ liệu tổng hợp không phải vị trí trong nhật ký "
        "(đã bị sửa ngoài công cụ); hãy chạy 'tracker verify', rồi 'tracker "
        "projections rebuild'."
    ),
    "The read models have applied the log up to position {position}, but it "
    "ended at {head}: its newest events were removed. Nothing was recorded; "
    "run 'tracker verify'.": (
        "Dữ liệu tổng hợp đã áp dụng nhật ký đến vị trí {position}, nhưng nhật "
        "ký kết thúc ở {head}: các sự kiện mới nhất đã bị xóa. Chưa ghi nhận gì; "
        "hãy chạy 'tracker verify'."
    ),
}
