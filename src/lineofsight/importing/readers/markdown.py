"""Markdown pipe tables, rendered to HTML first so cells keep <br> and lists."""

from __future__ import annotations

from ..grid import Document
from .common import decode_text
from .web import read_html


def read_markdown(data: bytes, filename: str) -> Document:
    """Read Markdown pipe tables (rendered to HTML first, so cells keep <br> and lists)."""
    from markdown_it import MarkdownIt

    text = decode_text(data, filename)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return read_html(html, filename)
