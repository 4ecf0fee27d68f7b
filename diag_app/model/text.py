"""Texts in both languages and the two production paths: the leaves every pack type is built on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
PATHS = ("discrete", "process")


@dataclass(frozen=True)
class Text:
    """A text in both languages; every user-visible text of a pack is one of these."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


EMPTY = Text("", "")
