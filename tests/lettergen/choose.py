"""Seeded choices, one independent stream per decision, so adding a new variation to the wording
never reshuffles the choices already made for existing specs."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class Chooser:
    """``choose("opening", options)``: the spec's ``style`` pin if it has one, else a choice seeded
    by the spec seed and the decision's name."""

    def __init__(self, seed: int, style: dict[str, Any] | None = None) -> None:
        self.seed = seed
        self.style = style or {}

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{key}")

    def __call__(self, key: str, options: Sequence[T]) -> T:
        if key in self.style:
            return self.style[key]
        return self.rng(key).choice(list(options))

    def chance(self, key: str, p: float) -> bool:
        if key in self.style:
            return bool(self.style[key])
        return self.rng(key).random() < p

    def randint(self, key: str, a: int, b: int) -> int:
        return self.rng(key).randint(a, b)
