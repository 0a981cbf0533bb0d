"""Fifth blind round: plans that exist only as PDF or as text, in layouts unlike the
earlier rounds' (row rules only, header bands with RAG letters, a table under each
recommendation heading, odd deadline forms, wrapped fixed-width text over page breaks,
label blocks, wiki tables with <br>, pipe rows, partners and governance columns, a long
table over three pages, numbered cell-per-line text). Each module gives ``FILENAME``,
``build()`` and ``EXPECTED``."""
