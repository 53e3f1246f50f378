"""Documents the Office sends: the reporting form as a printable workbook and
the reports as a Word appendix."""
