"""Vietnamese for the messages of the directory of assigners and agencies
(``tracker directory``, ``domain.directory``; see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # Field names the refusals put into their sentences
    # A directory entry's name ("agency" alone is only ever a directory
    # kind: a task's is the "lead agency").
    "agency": "tên cơ quan",
    "agency name": "tên cơ quan",
    "assigner name": "tên cấp giao",
    "alias": "tên gọi khác",
    "directory kind": "loại mục trong danh mục",
    "source group": "nhóm nguồn giao",
    "the directory": "danh mục",
    "is of a kind its aggregate does not record": (
        "thuộc loại sự kiện mà đối tượng của nó không bao giờ ghi"
    ),
    # Confirmations (cli/directory_commands.py)
    "Added the assigner {name} to the directory, in the central source group.": (
        "Đã thêm cấp giao {name} vào danh mục, thuộc nhóm nhiệm vụ Trung ương "
        "(Chính phủ, Thủ tướng Chính phủ giao)."
    ),
    "Added the assigner {name} to the directory, in the provincial source group.": (
        "Đã thêm cấp giao {name} vào danh mục, thuộc nhóm nhiệm vụ của tỉnh "
        "(UBND tỉnh, Chủ tịch UBND tỉnh giao)."
    ),
    "Added the assigner {name} to the directory, in the other source group.": (
        "Đã thêm cấp giao {name} vào danh mục, thuộc nhóm nhiệm vụ khác."
    ),
    "Added the agency {name} to the directory.": (
        "Đã thêm cơ quan {name} vào danh mục."
    ),
    "{alias} now also names the assigner {name}.": (
        "Đã thêm {alias} làm tên gọi khác của cấp giao {name}."
    ),
    "{alias} now also names the agency {name}.": (
        "Đã thêm {alias} làm tên gọi khác của cơ quan {name}."
    ),
    # Refusals (domain/directory.py, domain/directory_record.py)
    "The directory already has the assigner {taken}; add {name} as an alias of "
    "it instead.": (
        "Danh mục đã có cấp giao {taken}; hãy thêm {name} làm tên gọi khác của cấp "
        "giao này."
    ),
    "The directory already has the agency {taken}; add {name} as an alias of it "
    "instead.": (
        "Danh mục đã có cơ quan {taken}; hãy thêm {name} làm tên gọi khác của cơ "
        "quan này."
    ),
    "The directory has no assigner named {name}.": (
        "Danh mục không có cấp giao nào tên là {name}."
    ),
    "The directory has no agency named {name}.": (
        "Danh mục không có cơ quan nào tên là {name}."
    ),
    "{alias} already names {name}.": "{alias} đã là tên gọi của {name}.",
    "{alias} already names the assigner {name}.": (
        "{alias} đã là tên gọi của cấp giao {name}."
    ),
    "{alias} already names the agency {name}.": (
        "{alias} đã là tên gọi của cơ quan {name}."
    ),
    "A directory entry is an assigner or an agency, not {kind}.": (
        "Một mục trong danh mục là cấp giao hoặc cơ quan, không phải {kind}."
    ),
    "An assigner needs a source group: central, provincial or other.": (
        "Cấp giao phải thuộc một nhóm nguồn giao: central (Trung ương), "
        "provincial (tỉnh) hoặc other (khác)."
    ),
    "The source group {source} is not one of central, provincial or other.": (
        "Nhóm nguồn giao {source} không phải central (Trung ương), provincial "
        "(tỉnh) hay other (khác)."
    ),
    "Only an assigner has a source group.": "Chỉ cấp giao mới có nhóm nguồn giao.",
    "The directory was changed by someone else at the same time; nothing was "
    "recorded, please try again.": (
        "Danh mục vừa được người khác thay đổi cùng lúc; chưa ghi gì, đề nghị "
        "thực hiện lại."
    ),
    "The read models differ from the log: directory_names has a row (position "
    "{position}) that the directory's events do not make; run 'tracker "
    "projections rebuild'.": (
        "Dữ liệu tổng hợp khác với nhật ký: bảng directory_names có một dòng (vị "
        "trí {position}) mà các sự kiện của danh mục không tạo ra; hãy chạy "
        "'tracker projections rebuild'."
    ),
    "The read models differ from the log: directory_names has a row that the "
    "directory's events do not make; run 'tracker projections rebuild'.": (
        "Dữ liệu tổng hợp khác với nhật ký: bảng directory_names có một dòng mà "
        "các sự kiện của danh mục không tạo ra; hãy chạy 'tracker projections "
        "rebuild'."
    ),
}
