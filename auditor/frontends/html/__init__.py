"""The HTML front end: every Schedule II table of an HTML document, laid out
(`front`); the reading stage is not needed to lay one out."""

from __future__ import annotations

from auditor.frontends import Read, Vocabulary
from auditor.frontends.html import front
from auditor.frontends.text.headings import vocabulary_of as headings_of
from auditor.model import Schedule
from auditor.source import Source


def tables(src: Source, vocabulary: Vocabulary, read: Read) -> list[Schedule]:
    return front.tables(src, headings_of(vocabulary.roles), vocabulary.roles)
