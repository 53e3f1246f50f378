"""Vietnamese for the help text of ``tracker undo``; see
``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
    "Take back the last event you recorded, a few minutes ago.": (
        "Hủy ghi nhận sự kiện cuối cùng bạn vừa ghi nhận (trong vài phút qua)."
    ),
    "Records a void that names the event and REASON: the event stays in the "
    "history, marked, and no report, list or status counts it. It reaches back "
    "15 minutes, or as many as 'tracker config set undo_window_minutes' says; "
    "each undo goes one event further back, and none reaches past an event "
    "someone else recorded on the same task since.": (
        "Ghi nhận một sự kiện hủy nêu rõ sự kiện bị hủy và lý do REASON: sự kiện "
        "đó vẫn còn trong lịch sử, có đánh dấu, và không báo cáo, danh sách hay "
        "tình trạng nào tính đến nó nữa. Chỉ hủy được sự kiện ghi trong 15 phút "
        "qua, hoặc số phút đặt bằng 'tracker config set undo_window_minutes'; "
        "mỗi lần hủy lùi thêm một sự kiện, và không bao giờ vượt qua sự kiện do "
        "người khác ghi sau đó trên cùng nhiệm vụ."
    ),
    "Say which event would be voided, and record nothing.": (
        "Cho biết sự kiện nào sẽ bị hủy ghi nhận, không ghi nhận gì."
    ),
}
