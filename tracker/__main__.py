"""``python -m tracker``: the same console script."""

from cli.main import main

main(prog_name="tracker")
