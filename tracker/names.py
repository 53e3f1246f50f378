"""Names the database is laid out by, importable without SQLAlchemy."""

APPLICATION = "tracker"  # the application's name prefixes its tables
READ_MODELS_NAME = "read_models"  # the tracking row of all read models

# The ledger's columns in the order bulk inserts give them (``tracker.tables``
# defines the tables themselves).
EVENT_COLUMNS = ("id", "originator_id", "originator_version", "topic", "state")
CHAIN_COLUMNS = ("position", "recorded_at", "previous_hash", "hash")
