"""The board pack as a PDF, printed by WeasyPrint from the HTML pack."""

from __future__ import annotations

import weasyprint

from lineofsight.reports.builder import BoardPackContent
from lineofsight.reports.exporters.html import export_html


def _no_fetching(url: str) -> dict[str, object]:
    """Refuse every outside resource: the pack embeds all it shows."""
    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url)
    raise ValueError(f"board packs do not fetch outside resources ({url[:60]})")


def html_to_pdf(html: bytes) -> bytes:
    """Print an HTML pack to PDF."""
    return weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=_no_fetching).write_pdf()


def export_pdf(pack: BoardPackContent) -> bytes:
    """The PDF of the pack: the HTML pack's paper layout, printed."""
    return html_to_pdf(export_html(pack, for_pdf=True))
