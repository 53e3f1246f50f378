"""The database itself: connections by URL, plain SQL on the driver, DDL.

The bottom layer: it knows SQLite and PostgreSQL, not tasks or events.
"""
