"""Fourth blind round: plans that exist only as PDF or as text, in layouts the corpus
does not have (no ruling lines, 2-up, a header on every page, a scan, web transcripts,
separator-joined cells). Each module gives ``FILENAME``, ``build()`` and ``EXPECTED``."""
