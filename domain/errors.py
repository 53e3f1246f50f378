"""Refusals the domain can give, each a sentence a clerk can act on.

Every refusal carries the exit code the command line must return, so the CLI
converts all of them in one place instead of knowing each rule.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the user is meant to read (never a traceback)."""

    exit_code = 1


class TaskRuleError(TrackerError):
    """A command would break a domain rule: nothing was recorded."""


class UnknownTask(TaskRuleError):
    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(message or f"No task with code {code}.")
        self.code = code


class DuplicateTask(TaskRuleError):
    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(
            message or f"Task {code} is already assigned; choose another code."
        )
        self.code = code


class ConcurrentChange(TrackerError):
    """Someone else changed the task first, every retry included."""

    exit_code = 3

    def __init__(self, code: str) -> None:
        super().__init__(
            f"Task {code} was changed by someone else at the same time; "
            "nothing was recorded, please try again."
        )
        self.code = code


class IntegrityFailure(TrackerError):
    """The stored ledger does not match its own evidence."""

    exit_code = 4


class DatabaseBusy(TrackerError):
    """Another writer kept the database locked for longer than a clerk should
    wait: like a concurrent change, nothing was recorded and a retry will do."""

    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "The database is busy (another clerk is writing); nothing was "
            "recorded, please try again."
        )
