"""The ``lineofsight/plan@1`` JSON schema, loaded once and checked in one place.

Pure Python (no Django), so the importer can check what it builds without a database and
the interchange loader can check a document before it writes anything. Both report the
place a document breaks the schema as a path (``recommendations/0/actions/2/due``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

SCHEMA_ID = "lineofsight/plan@1"


class PlanDocumentError(ValueError):
    """The document is not a valid lineofsight/plan@1 plan; the message says where."""


@cache
def plan_schema() -> dict[str, Any]:
    """The JSON schema of the interchange format, shipped with the plans app."""
    text = resources.files("lineofsight.plans").joinpath("plan.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    # Built once: compiling the schema costs more than checking a typical plan.
    return jsonschema.Draft202012Validator(plan_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_errors(document: Any) -> Iterator[jsonschema.ValidationError]:
    """Every place ``document`` breaks the plan@1 schema, in no particular order."""
    return _validator().iter_errors(document)


def error_path(error: jsonschema.ValidationError) -> str:
    """Where an error stands in the document, as ``a/0/b``, or ``(top level)``."""
    return "/".join(str(p) for p in error.absolute_path) or "(top level)"


def validate_plan(plan: Any) -> None:
    """Raise ``jsonschema.ValidationError`` (the most relevant one) unless ``plan`` is valid plan@1.

    For code that builds plans itself (the importer): the exception keeps jsonschema's
    detail for debugging.
    """
    error = jsonschema.exceptions.best_match(schema_errors(plan))
    if error is not None:
        raise error


def validate_document(document: Any, *, source: str = "document") -> None:
    """Raise :class:`PlanDocumentError` naming the first place the document breaks the schema.

    For documents a person hands in: the message names ``source``, the path of the
    first problem in document order, and how many more there are.
    """
    errors = sorted(schema_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise PlanDocumentError(f"{source}: at {error_path(first)}: {first.message}{more}")
