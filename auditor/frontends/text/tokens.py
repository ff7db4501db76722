"""Small readings of a line's tokens that every layout module shares: its
text, its phrases (words set apart by two spaces or more), where its first
figure starts."""

from __future__ import annotations

from typing import Iterable, Sequence

from auditor.frontends.text.parse import Line, Token
from auditor.labels import LEADER

Chunk = list[Token]


def text(tokens: Iterable[Token]) -> str:
    return " ".join(t.text for t in tokens)


def chunks(words: Iterable[Token]) -> list[Chunk]:
    """Words separated by single spaces belong together; two spaces part them."""
    out: list[Chunk] = []
    for w in words:
        if out and w.column - out[-1][-1].end <= 1:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def chunk_text(chunk: Sequence[Token]) -> str:
    return " ".join(t.text for t in chunk)


def label_text(words: Iterable[Token]) -> str:
    return LEADER.sub("", text(words)).strip()


def first_figure_column(row: Line) -> int:
    first = row.figures[0]
    return (first.dollar or first.value).column
