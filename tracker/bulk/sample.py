"""A realistic, reproducible ledger: the demo's data and the benchmarks' seed.

Names and documents follow the Quảng Ngãi Office's half-year report
(``../shared/seeds``): tasks assigned by the Government, the Prime Minister,
the provincial People's Committee and its Chairman, grouped by document.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from domain.task import Task

ASSIGNERS = ("Chính phủ", "Thủ tướng Chính phủ", "UBND tỉnh", "Chủ tịch UBND tỉnh")

AGENCIES = (
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường",
    "Văn phòng UBND tỉnh",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Công an tỉnh",
    "UBND huyện Bình Sơn",
    "UBND thành phố Quảng Ngãi",
    "Ban Quản lý Khu kinh tế Dung Quất",
)

TITLES = (
    "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực {field}",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực {field}",
    "Công bố danh mục thủ tục hành chính được chuẩn hóa lĩnh vực {field}",
    "Triển khai Đề án 06 về định danh và xác thực điện tử trong lĩnh vực {field}",
    "Báo cáo kết quả thực hiện Kế hoạch cải cách hành chính về {field}",
    "Kiểm tra hoạt động kiểm soát thủ tục hành chính lĩnh vực {field}",
    "Tham mưu ban hành quy trình nội bộ giải quyết thủ tục hành chính về {field}",
    "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực {field}",
    "Chấn chỉnh việc tiếp nhận hồ sơ không qua Trung tâm Phục vụ hành chính công"
    " về {field}",
    "Làm sạch dữ liệu công dân phục vụ giải quyết thủ tục về {field}",
)

FIELDS = (
    "hộ tịch",
    "đất đai",
    "đầu tư",
    "xây dựng",
    "y tế",
    "giáo dục",
    "giao thông",
    "tài chính",
    "nội vụ",
    "lao động",
    "nông nghiệp",
    "môi trường",
)

DOCUMENT_KINDS = ("UBND-TTHC", "UBND-KGVX", "QĐ-UBND", "KH-UBND", "TB-VPCP", "CĐ-TTg")

PROGRESS = (
    "Đã xây dựng dự thảo, đang lấy ý kiến các cơ quan liên quan",
    "Đã tổ chức họp triển khai, phân công cán bộ thực hiện",
    "Đang tổng hợp, hoàn thiện báo cáo trình UBND tỉnh",
    "Đã gửi văn bản đề nghị Bộ, ngành hướng dẫn",
    "Đã hoàn thành 50% khối lượng công việc",
)

REASONS = (
    "Chờ ý kiến của Bộ, ngành Trung ương",
    "Khối lượng công việc lớn, cần thêm thời gian",
    "Phải lấy ý kiến các cơ quan liên quan",
)


@dataclass
class SampleTask:
    """One task's life, as plain values any front end can record."""

    code: str
    title: str
    assigner: str
    agency: str
    document: str
    assigned_on: date
    due_on: date | None
    extensions: list[tuple[date, date, str]] = field(default_factory=list)
    completed_on: date | None = None
    cancelled_on: date | None = None
    notes: list[tuple[date, str]] = field(default_factory=list)


def sample_tasks(
    count: int, *, start: date, end: date, seed: int = 2023, prefix: str = "NV"
) -> list[SampleTask]:
    """``count`` tasks assigned between ``start`` and ``end``; their later life
    (extensions, completions, withdrawals) is dated no later than ``end``."""
    rng = random.Random(seed)
    span = (end - start).days
    tasks = []
    document = None
    for number in range(1, count + 1):
        if document is None or rng.random() < 0.25:  # a document carries many tasks
            issued = start + timedelta(days=rng.randrange(max(span - 20, 1)))
            document = (
                f"{rng.randrange(100, 7000)}/{rng.choice(DOCUMENT_KINDS)} "
                f"ngày {issued:%d/%m/%Y}",
                issued,
                rng.choice(ASSIGNERS),
            )
        citation, issued, assigner = document
        assigned = min(issued + timedelta(days=rng.randrange(0, 5)), end)
        no_deadline = rng.random() < 0.08
        due = None if no_deadline else assigned + timedelta(days=rng.randrange(15, 120))
        task = SampleTask(
            code=f"{prefix}-{assigned.year}-{number:05d}",
            title=rng.choice(TITLES).format(field=rng.choice(FIELDS)),
            assigner=assigner,
            agency=rng.choice(AGENCIES),
            document=citation,
            assigned_on=assigned,
            due_on=due,
        )
        _live(task, rng, end)
        tasks.append(task)
    return tasks


def _live(task: SampleTask, rng: random.Random, end: date) -> None:
    """Give a task a plausible history: extended, completed or withdrawn."""
    due = task.due_on
    if due is not None and rng.random() < 0.12:
        granted = min(due - timedelta(days=rng.randrange(0, 10)), end)
        if granted >= task.assigned_on:
            new_due = due + timedelta(days=rng.randrange(15, 60))
            task.extensions.append((granted, new_due, rng.choice(REASONS)))
            due = new_due
    roll = rng.random()
    if roll < 0.03:
        cancelled = task.assigned_on + timedelta(days=rng.randrange(5, 60))
        if cancelled <= end:
            task.cancelled_on = cancelled
        _note_progress(task, rng, end)
        return
    if roll < 0.63:
        if due is not None:
            late = rng.random() < 0.1
            offset = rng.randrange(1, 30) if late else -rng.randrange(0, 15)
            done = max(due + timedelta(days=offset), task.assigned_on)
        else:
            done = task.assigned_on + timedelta(days=rng.randrange(10, 90))
        if done <= end:
            task.completed_on = done
    _note_progress(task, rng, end)


def _note_progress(task: SampleTask, rng: random.Random, end: date) -> None:
    """Zero to six progress notes between assignment and the task's close."""
    last = min(d for d in (task.completed_on, task.cancelled_on, end) if d)
    span = (last - task.assigned_on).days
    for _ in range(rng.choice((0, 1, 2, 3, 3, 4, 4, 5, 6))):
        on = task.assigned_on + timedelta(days=rng.randrange(span + 1))
        task.notes.append((on, rng.choice(PROGRESS)))
    task.notes.sort()


def build_task(sample: SampleTask, actor: str, today: date) -> Task:
    """The sample's whole life as a new aggregate, every rule checked."""
    task = Task.assign(
        code=sample.code,
        title=sample.title,
        assigner=sample.assigner,
        lead_agency=sample.agency,
        assigned_on=sample.assigned_on,
        due_on=sample.due_on,
        document=sample.document,
        co_agencies=[],
        actor=actor,
        today=today,
    )
    for on, text in sample.notes:
        task.note_progress(text=text, on=on, actor=actor, today=today)
    for granted, new_due, reason in sample.extensions:
        task.extend_deadline(
            to=new_due,
            on=granted,
            reason=reason,
            document="",
            actor=actor,
            today=today,
        )
    if sample.completed_on:
        task.complete(on=sample.completed_on, document="", actor=actor, today=today)
    if sample.cancelled_on:
        task.cancel(
            on=sample.cancelled_on,
            reason="Rút khỏi chương trình",
            document="",
            actor=actor,
            today=today,
        )
    return task


def record_sample(
    ledger: Any,
    samples: list[SampleTask],
    actor: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Record sample tasks as new aggregates, in chunks (see
    ``TaskLedger.record_new_tasks``)."""
    today = ledger.today()
    tasks = [build_task(sample, actor, today) for sample in samples]
    return ledger.record_new_tasks(tasks, progress=progress)
