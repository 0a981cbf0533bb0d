"""Blind plans: written from plan-format.md before reading the importer, to check it honestly.

Each module has ``FILENAME``, ``build() -> bytes`` and ``EXPECTED`` (the plan@1 answer,
written by hand from plan-format.md's rules).
"""

PLANS = [
    "b01_ilacs_word_cover_contents",
    "b02_focused_visit_landscape_title_row",
    "b03_jtai_rag_first_partners",
    "b04_monitoring_visit_bold_recommendation",
    "b05_excel_cover_plan_key",
    "b06_excel_merged_recommendation_rows",
    "b07_word_section_rows_outcomes",
    "b08_word_headings_no_recommendation_column",
    "b09_excel_named_owners",
    "b10_word_several_actions_per_cell",
    "b11_word_table_split_across_pages",
    "b12_excel_rag_first_two_updates",
]
