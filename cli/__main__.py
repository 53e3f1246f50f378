"""``python -m cli``: the ``tracker`` console script, without installing it."""

from cli.main import main

main(prog_name="tracker")
