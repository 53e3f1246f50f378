"""Vietnamese for the help of ``tracker letters`` (see ``cli.help_catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "Reminder letters (công văn đôn đốc): one Word document per agency with "
    "overdue tasks (and, with --due-within, tasks falling due), in the shape of "
    "an official letter: the Office's name, the number, the place and date, the "
    "subject, the addressee, a table of its tasks (deadline, days overdue or "
    "left, reminders so far) and the date to report by.": (
        "Công văn đôn đốc: mỗi cơ quan có nhiệm vụ quá hạn (và, với --due-within, "
        "nhiệm vụ sắp đến hạn) một văn bản Word theo thể thức công văn: tên cơ "
        "quan, số văn bản, địa danh và ngày tháng, trích yếu, nơi gửi, bảng các "
        "nhiệm vụ (thời hạn, số ngày quá hạn hoặc còn lại, số lần đã đôn đốc) và "
        "hạn báo cáo."
    ),
    "With --record (which needs --doc), the reminders are recorded with the "
    "letter's number in the same step: if any cannot be, none is and no letter "
    "is written.": (
        "Với --record (cần có --doc), việc đôn đốc được ghi vào nhật ký kèm số "
        "công văn ngay trong cùng bước: nếu một nhiệm vụ không ghi được thì không "
        "ghi nhiệm vụ nào và không viết công văn nào."
    ),
    "An Office's own template (--template, a .docx with docxtpl's Jinja tags) "
    "may use these fields, and the fields of each of the tasks; a template "
    "naming any other field is refused:": (
        "Tệp mẫu riêng của cơ quan (--template, tệp .docx có thẻ Jinja của "
        "docxtpl) được dùng các trường sau, và các trường của từng nhiệm vụ"
        "; tệp mẫu dùng trường khác sẽ bị từ chối:"
    ),
    "The folder to write the letters into, one file per agency, named after it "
    "without diacritics (So-Tu-phap.docx); created if missing.": (
        "Thư mục ghi công văn, mỗi cơ quan một tệp, đặt theo tên cơ quan không dấu "
        "(So-Tu-phap.docx); tạo mới nếu chưa có."
    ),
    "Also chase open tasks due in the next DAYS days.": (
        "Đôn đốc thêm các nhiệm vụ chưa hoàn thành sẽ đến hạn trong DAYS ngày tới."
    ),
    "The Office's own Word template (docxtpl fields, listed above) instead of "
    "the one shipped with the tracker.": (
        "Tệp mẫu Word của cơ quan (các trường docxtpl nêu trên) thay cho mẫu có "
        "sẵn của chương trình."
    ),
    "The letter's number (e.g. 1018/UBND-CCHC), printed after 'Số:'; without "
    "it the number is left blank.": (
        "Số công văn (ví dụ 1018/UBND-CCHC), in sau 'Số:'; không có thì để trống số."
    ),
    "Also record a reminder on every task listed, dated --as-of, with the "
    "letter's number (--doc): all of them or none.": (
        "Ghi luôn việc đôn đốc cho mọi nhiệm vụ có trong công văn, ngày --as-of, "
        "kèm số công văn (--doc): ghi tất cả hoặc không ghi nhiệm vụ nào."
    ),
    "The date the agencies are asked to report by (default: 7 days after --as-of).": (
        "Ngày các cơ quan phải báo cáo (mặc định: 7 ngày sau --as-of)."
    ),
}
