"""Names the database is laid out by, importable without SQLAlchemy."""

APPLICATION = "tracker"  # the application's name prefixes its tables
READ_MODELS_NAME = "read_models"  # the tracking row of all read models
