"""docs/api.md names every endpoint of the OpenAPI document, so the docs cannot fall
behind the API."""

from __future__ import annotations

import re
from pathlib import Path

from lineofsight.api.endpoints import api

ROOT = Path(__file__).resolve().parents[4]


def test_every_endpoint_is_in_docs_api_md():
    text = (ROOT / "docs/api.md").read_text(encoding="utf-8")
    missing = []
    for path in api.get_openapi_schema()["paths"]:
        short = re.sub(r"\{\w+_id\}", "{id}", path.removeprefix("/api/v1"))
        # Formats are written out (actions.csv, files/{html|pdf|docx|xlsx}): check up to them.
        short = short.split("{fmt}")[0]
        if short not in text:
            missing.append(path)
    assert missing == []


def test_readme_and_docs_name_the_token_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`lineofsight token create --org ORG --user USER" in readme
    assert "lineofsight token create --org" in (ROOT / "docs/api.md").read_text(encoding="utf-8")
