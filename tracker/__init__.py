"""The application: eventsourcing, persistence and read models wired together.

Kept free of heavy imports so that ``tracker --help`` stays fast.
"""
