"""Vietnamese for the help texts (``--help``), read by ``cli.help_text``:
apart from ``cli.catalog``, whose templates match finished messages, since
help paragraphs are looked up whole and never hold values. Every module
here holding ``VI: dict[str, str]`` is read: adding one is all it takes."""
