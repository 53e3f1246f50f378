"""The ``tracker`` command line: parse, call the application, render."""
