"""``tracker shell``: one ledger kept open, one line at a time.

``session`` runs a typed line as the command line would (its own
transaction, a refusal as one line); ``index`` keeps in memory what
completion needs from the read models; ``completion`` and ``toolbar`` feed
the prompt of ``prompt``; ``piped`` reads lines that do not come from a
terminal.
"""
