"""Vietnamese for the tracker's English messages, one module per part of the
tracker: each holds ``VI: dict[str, str]``, English template -> Vietnamese
template with the same ``{placeholders}``. ``cli.messages`` reads every
module here; adding a module is all it takes to add messages."""
