"""The one error the importer raises for input it cannot read."""

from __future__ import annotations


class ImportFailed(Exception):
    """The file cannot be imported; the message names the file and what was expected."""

    def __init__(self, filename: str, problem: str) -> None:
        self.filename = filename
        self.problem = problem
        super().__init__(f"{filename}: {problem}")
