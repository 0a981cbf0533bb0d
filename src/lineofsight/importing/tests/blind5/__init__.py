"""Sixth blind round: plans that exist only as PDF or as text, in layouts unlike the
earlier rounds' (no borders with a wrapped header, merged and centred cells under shaded
theme rows, an A3 nine-column sheet, sub-numbers with RAG as cell fill, text mixing tabs
and spaces, an e-mailed plan under capitalised headings, a newsletter page, a table run
on over a page with no header, semicolon-separated values, numeric dates with struck-out
completed rows, three months of progress columns). Each module gives ``FILENAME``,
``build()`` and ``EXPECTED``."""
