"""Long jobs over many tasks at once: importing spreadsheets, rebuilding the
read models, recording sample ledgers."""
