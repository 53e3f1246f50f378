"""The administrator's tools: a health check of the database, and the clerk
and projector roles on PostgreSQL.

Nothing here records events: these are the administrator's tools around the
ledger, built on plain SQLAlchemy so that they work on a database the ledger
cannot open yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from database.connect import DatabaseUnavailable, explain, redact
from domain.errors import TrackerError
from projections.tables import ALL_READ_MODEL_TABLES as READ_MODEL_TABLES
from tracker.eventstore.tables import APPLICATION

LEDGER_TABLES = (f"{APPLICATION}_events", f"{APPLICATION}_chain")
TRACKING_TABLE = f"{APPLICATION}_tracking"
ALL_TABLES = (*LEDGER_TABLES, TRACKING_TABLE, *READ_MODEL_TABLES)
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass
class DatabaseReport:
    kind: str
    version: str
    url: str
    missing_tables: list[str] = field(default_factory=list)
    events: int | None = None
    read_model_position: int | None = None

    @property
    def schema_ready(self) -> bool:
        return not self.missing_tables

    @property
    def behind(self) -> int | None:
        if self.events is None or self.read_model_position is None:
            return None
        return max(self.events - self.read_model_position, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "version": self.version,
            "url": self.url,
            "schema_ready": self.schema_ready,
            "missing_tables": self.missing_tables,
            "events": self.events,
            "read_models": {
                "position": self.read_model_position,
                "behind": self.behind,
            },
        }


def _engine(url: str) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        return create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        raise DatabaseUnavailable(
            f"{redact(url)} is not a database URL this tracker can use ({exc})."
        ) from None


def check_database(url: str) -> DatabaseReport:
    """What kind of database this is, whether its schema is in place, how
    many events it holds, and how far the read models are behind."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    engine = _engine(url)
    try:
        with engine.connect() as connection:
            dialect = engine.dialect.name
            version = connection.execute(
                text(
                    "SELECT version()"
                    if dialect == "postgresql"
                    else "SELECT sqlite_version()"
                )
            ).scalar()
            present = set(inspect(connection).get_table_names())
            report = DatabaseReport(
                kind=dialect,
                version=str(version).split(" on ")[0],
                url=redact(url),
                missing_tables=[t for t in ALL_TABLES if t not in present],
            )
            if LEDGER_TABLES[0] in present:
                report.events = int(
                    connection.execute(
                        text(f"SELECT count(*) FROM {LEDGER_TABLES[0]}")
                    ).scalar()
                    or 0
                )
            if TRACKING_TABLE in present:
                report.read_model_position = int(
                    connection.execute(
                        text(
                            f"SELECT coalesce(max(notification_id), 0) FROM "
                            f"{TRACKING_TABLE}"
                        )
                    ).scalar()
                    or 0
                )
            return report
    except SQLAlchemyError as exc:
        raise explain(exc, url) from None
    finally:
        engine.dispose()


ROLE_KINDS = ("clerk", "projector")


def harden(
    url: str, role: str, password: str | None = None, kind: str = "clerk"
) -> list[str]:
    """Create or adjust ``role`` as a ``clerk`` (reads everything; appends
    events through the append functions only, and writes no table) or as the
    ``projector`` (reads the ledger; the only writer of the read models).

    Repeatable, and runnable by an administrator who owns the tables and may
    create roles without being a superuser: every privilege is revoked and
    granted again, and role attributes only a superuser may set are left
    alone unless one runs it. Returns the statements run, for the record.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    if not _ROLE_NAME.match(role):
        raise TrackerError(
            f"{role!r} is not a plain role name (lower-case letters, digits, _)."
        )
    if kind not in ROLE_KINDS:
        raise TrackerError(f"{kind!r} is not a kind of role; use clerk or projector.")
    engine = _engine(url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        raise TrackerError("Separate roles need PostgreSQL; SQLite has no roles.")
    shown: list[str] = []
    try:
        with engine.begin() as connection:
            role_sql = _role_statement(connection, role, kind)
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            if password:
                quoted = "'" + password.replace("'", "''") + "'"
                connection.exec_driver_sql(f"{role_sql} PASSWORD {quoted}")
                shown.append(f"{role_sql} PASSWORD ***")
            else:
                connection.exec_driver_sql(role_sql)
                shown.append(role_sql)
            grants = _grants(role, str(schema), kind)
            for statement in [*_memberships(connection, role), *grants]:
                connection.exec_driver_sql(statement)
                shown.append(statement)
    except SQLAlchemyError as exc:
        raise explain(exc, url) from None
    finally:
        engine.dispose()
    return shown


def _memberships(connection: Any, role: str) -> list[str]:
    """``REVOKE`` of every role ``role`` is a member of: through them it
    could write what its own privileges do not let it (``pg_write_all_data``,
    the owner's role)."""
    from sqlalchemy import text

    rows = connection.execute(
        text(
            "SELECT granted.rolname FROM pg_auth_members m"
            " JOIN pg_roles granted ON granted.oid = m.roleid"
            " JOIN pg_roles member ON member.oid = m.member"
            " WHERE member.rolname = :role ORDER BY granted.rolname"
        ),
        {"role": role},
    )
    return [f'REVOKE "{name}" FROM {role}' for (name,) in rows]


def _role_statement(connection: Any, role: str, kind: str) -> str:
    """``CREATE ROLE`` or ``ALTER ROLE`` for ``role``: a superuser also takes
    away what a clerk or projector must not have; an administrator who is
    none may not, so a role that has any of it is refused. The tables'
    owner, and whoever runs this, are refused too: the append functions run
    with the owner's rights."""
    from sqlalchemy import text

    owner = connection.execute(
        text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()"
            " AND tablename = :events"
        ),
        {"events": LEDGER_TABLES[0]},
    ).scalar()
    me = connection.execute(text("SELECT current_user")).scalar()
    if role in (owner, me):
        raise TrackerError(
            f"Role {role} owns the ledger or runs this command; a {kind} must be "
            "another role, or the ledger would lose its owner's rights."
        )

    superuser = bool(
        connection.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )
    existing = connection.execute(
        text(
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls"
            " OR rolreplication FROM pg_roles WHERE rolname = :role"
        ),
        {"role": role},
    ).first()
    if existing is not None and existing[0] and not superuser:
        raise TrackerError(
            f"Role {role} may administer the server (superuser, create roles or "
            "databases, bypass row security, replicate); only a superuser can "
            f"take that away before it becomes a {kind}."
        )
    verb = "CREATE" if existing is None else "ALTER"
    statement = f"{verb} ROLE {role} LOGIN"
    if superuser:
        statement += " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION"
    return statement


def _grants(role: str, schema: str, kind: str) -> list[str]:
    """Everything ``role`` may do, after taking away all it could before."""
    from tracker.eventstore.pg_append import function_signatures

    functions = ", ".join(function_signatures(APPLICATION))
    statements = [
        f'GRANT USAGE ON SCHEMA "{schema}" TO {role}',
        f"REVOKE ALL ON {', '.join(ALL_TABLES)} FROM {role}",
        f"REVOKE ALL ON SEQUENCE {LEDGER_TABLES[0]}_id_seq FROM {role}",
        f"REVOKE ALL ON FUNCTION {functions} FROM {role}",
    ]
    if kind == "clerk":
        _, append = function_signatures(APPLICATION)
        return [
            *statements,
            f"GRANT SELECT ON {', '.join(ALL_TABLES)} TO {role}",
            f"GRANT EXECUTE ON FUNCTION {append} TO {role}",
        ]
    return [
        *statements,
        f"GRANT SELECT ON {', '.join(LEDGER_TABLES)} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {TRACKING_TABLE}, "
        f"{', '.join(READ_MODEL_TABLES)} TO {role}",
    ]
