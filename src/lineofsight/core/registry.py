"""A named registry that apps fill in ``AppConfig.ready()``.

Instead of one app importing another by a string (``import_module`` with a fallback for
when it is missing), the layer that defines an idea keeps a registry of it and the apps
that contribute register there when Django starts (the pattern pretix uses for its
exporters): ``plans`` keeps the formats a plan can be exported in, ``reports`` the
board pack's optional sections. A registry is plain Python and knows no app.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RegistryError(LookupError):
    """A key registered twice, or asked for but never registered."""


class Registry(Generic[T]):
    """Items by key, in the order they were registered.

    ``what`` names the kind of item in errors ("plan export format"), so a missing or
    doubled registration says what was expected.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self._items: dict[str, T] = {}

    def register(self, key: str, item: T) -> T:
        """Add ``item`` under ``key``; registering a key twice is a mistake, not an override."""
        if key in self._items and self._items[key] is not item:
            raise RegistryError(f"{self.what} {key!r} is registered twice")
        self._items[key] = item
        return item

    def unregister(self, key: str) -> None:
        """Take ``key`` out (tests that add a contribution of their own remove it after)."""
        self._items.pop(key, None)

    def get(self, key: str) -> T:
        """The item under ``key``, or a clear error naming the keys that exist."""
        try:
            return self._items[key]
        except KeyError:
            known = ", ".join(self._items) or "none"
            raise RegistryError(f"No {self.what} {key!r} is registered (registered: {known})") from None

    def keys(self) -> list[str]:
        """The registered keys, in registration order."""
        return list(self._items)

    def items(self) -> list[tuple[str, T]]:
        """``(key, item)`` pairs, in registration order."""
        return list(self._items.items())

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
