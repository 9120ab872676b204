"""The base of every refusal a clerk may see.

A refusal is a class: its error code and its Chinese and English messages are class
attributes, and each placeholder of the messages is an annotated attribute without a
default, which becomes a required keyword argument. A missing or misspelt one is a
``TypeError`` where the error is raised (and a type checker sees it), never a failure
later, when the message is formatted for the clerk.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, cast, dataclass_transform


@dataclass_transform(kw_only_default=True, eq_default=False)
class DeskError(Exception):
    """Base of every refusal a clerk may see."""

    code: ClassVar[str] = "error"
    zh: ClassVar[str] = "操作未完成。"
    en: ClassVar[str] = "The operation was not completed."
    # The input field this error is about, if any; a subclass names its own, and one
    # that may be about several fields declares ``field`` as an argument.
    field: str | None = None
    _placeholders: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Identity equality and hashing stay those of an exception; repr stays Exception's.
        dataclasses.dataclass(kw_only=True, eq=False, repr=False)(cls)
        # Required arguments fill the messages; optional ones (``field``) are about the error.
        cls._placeholders = tuple(f.name for f in dataclasses.fields(cast(Any, cls))
                                  if f.default is dataclasses.MISSING)

    def __init__(self) -> None:  # the base alone has no arguments; a subclass gets its own
        self.__post_init__()

    def __post_init__(self) -> None:
        super().__init__(self.message("zh"))

    @property
    def data(self) -> dict[str, Any]:
        """The placeholders' values, by name."""
        return {name: getattr(self, name) for name in self._placeholders}

    def message(self, lang: str = "zh") -> str:
        template = self.en if lang == "en" else self.zh
        return template.format(**self.data)
