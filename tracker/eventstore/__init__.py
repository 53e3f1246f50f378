"""The event store: the recorder behind the application, its tables, the
hash chain beside every event, and PostgreSQL's append functions."""
