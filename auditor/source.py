"""Read an input file into lines, whatever its encoding and line endings.

Positions reported to the user are 1-based lines and columns of the file as
it is: `\\r\\n` counts as one line break, and a line with tabs is laid out
with tabs expanded (filings were typed for 8-column tab stops) while its
columns map back to the characters of the file.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right
from itertools import accumulate, chain, islice, repeat
from operator import add
from typing import BinaryIO, Iterable, Iterator, Sequence, cast, overload

from auditor.errors import InputError

TAB = 8
# Lines are found a block of text at a time, each block at most this many
# characters (or one line, if longer): the file holds its text once, and an
# entry per block; a block's lines are split when asked for, and the last
# block asked for kept.  A list of the whole file's lines would hold 8 bytes
# a line and a str object (about 50 bytes) for each line not blank.
BLOCK = 1 << 16
# Blocks kept split: a loop looking back or ahead of its line across a
# block's edge must not split a block at each line.
KEPT = 4
# The full line index (for bisect, by the HTML front end) is built a chunk at a time.
CHUNK = 1 << 20


def _index(size: int) -> array:
    """An empty offset index for a text of `size` characters: 4 bytes an entry
    while offsets fit (every file --max-bytes lets in, unless tabs widen it)."""
    return array("I" if size < 0xFFFF_FFFF else "Q")


_NEWLINES = re.compile("\n*")


def line_starts(text: str) -> array:
    """The offset of each line of `text` (lines end at "\n"), and len(text) + 1
    after the last: line n (1-based) is text[starts[n - 1] : starts[n] - 1]."""
    starts = _index(len(text))
    starts.append(0)
    for at in range(0, len(text), CHUNK):
        parts = text[at : at + CHUNK].split("\n")
        if len(parts) > 1:
            # The chunk's first newline ends the line running into it; each later
            # part is a whole line, its start one past the newline before it.
            first = at + len(parts[0]) + 1
            starts.extend(accumulate(chain((first,), map(add, map(len, islice(parts, 1, len(parts) - 1)), repeat(1)))))
    starts.append(len(text) + 1)
    return starts


class Lines(Sequence[str]):
    """The lines of a text (split at "\n"), held once: as the text and the
    offset and first line of each block of it (see BLOCK).  With `tabs`, each
    line is laid out with its tabs expanded (8-column stops) when split: the
    text stays as typed (a laid-out copy of a tab-laid file was 2.5 times its
    size, kept beside the text its columns map back to)."""

    def __init__(self, text: str, count_none: bool = False, tabs: bool = False):
        self.text = text
        self.tabs = tabs
        # Block k: lines firsts[k] .. firsts[k + 1] - 1, the text from edges[k]
        # to edges[k + 1] - 1 (the newline ending its last line, or the end).
        self._edges, self._firsts = _index(len(text) + 1), _index(len(text) + 1)
        at, line = 0, 0
        while not count_none:
            self._edges.append(at)
            self._firsts.append(line)
            end = text.rfind("\n", at, at + BLOCK) if at + BLOCK < len(text) else -1
            if end == -1 and at + BLOCK < len(text):
                end = text.find("\n", at + BLOCK)  # a line longer than a block: a block of its own
            if end == -1:
                line += text.count("\n", at) + 1
                break
            line += text.count("\n", at, end) + 1
            at = end + 1
        self._edges.append(len(text) + 1 if not count_none else 0)
        self._firsts.append(line)
        self._count = line
        self._starts: array | None = None
        # The blocks last split (by block, least recently asked for first), and
        # of the last one asked for its first line, one past its last, its lines.
        self._kept: dict[int, list[str]] = {}
        self._first, self._stop, self._lines = 0, 0, cast(list[str], [])
        # The block whose lines' offsets were last asked for, and those offsets.
        self._offsets: tuple[int, array] = (-1, _index(0))

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        try:  # (the front ends' loops ask for line after line: the kept block's first)
            if self._first <= index < self._stop:  # type: ignore[operator]  # a slice raises TypeError
                return self._lines[index - self._first]  # type: ignore[operator]
        except TypeError:
            if not isinstance(index, slice):
                raise
            first, stop, step = index.indices(self._count)
            if step == 1 and self._first <= first and stop <= self._stop:
                return self._lines[first - self._first : stop - self._first]
            return self._slice(first, stop) if step == 1 else [self[i] for i in range(first, stop, step)]
        assert not isinstance(index, slice)
        if index < 0:
            index += self._count
            if self._first <= index < self._stop:
                return self._lines[index - self._first]
        if not 0 <= index < self._count:
            raise IndexError("line index out of range")
        block = bisect_right(self._firsts, index) - 1
        first, stop = self._firsts[block], self._firsts[block + 1]
        lines = self._kept.pop(block, None)
        if lines is None:
            text = self._block(block)
            if stop - first == 1:
                return text  # a block of one line (a long one): not kept
            lines = text.split("\n")
            if len(self._kept) >= KEPT:
                del self._kept[next(iter(self._kept))]  # the least recently asked for
        self._kept[block] = lines
        self._first, self._stop, self._lines = first, stop, lines
        return lines[index - first]

    def _slice(self, first: int, stop: int) -> list[str]:
        """Lines first..stop-1, from the blocks' lines (a loop slicing a few
        lines at each line must not split a block each time)."""
        found: list[str] = []
        while first < stop:
            line = self[first]  # its block split and kept, unless a block of one line
            if self._first <= first < self._stop:
                end = min(stop, self._stop)
                found.extend(self._lines[first - self._first : end - self._first])
                first = end
            else:
                found.append(line)
                first += 1
        return found

    def _block(self, block: int) -> str:
        """The lines of a block, joined (laid out, with tabs)."""
        text = self.text[self._edges[block] : self._edges[block + 1] - 1]
        return text.expandtabs(TAB) if self.tabs else text

    def offset(self, index: int) -> int:
        """Where line `index` (0-based) starts in the text; len(text) + 1 for
        the line after the last."""
        if index >= self._count:
            return len(self.text) + 1
        block = bisect_right(self._firsts, index) - 1
        first = self._firsts[block]
        if index == first:
            return self._edges[block]
        # (From the text, not the lines: laid out, their lengths are not the
        # text's.  Kept for the block: a loop asks line after line.)
        if self._offsets[0] != block:
            self._offsets = (block, line_starts(self.text[self._edges[block] : self._edges[block + 1] - 1]))
        return self._edges[block] + self._offsets[1][index - first]

    def empty_from(self, index: int) -> int:
        """How many lines from line `index` (0-based) on are empty, counted in
        the text at C speed (a loop reading millions of blank lines one by one
        through this Sequence was the slowest part of a check)."""
        if index >= self._count:
            return 0
        at = self.offset(index)
        found = _NEWLINES.match(self.text, at)  # ("\n*" matches anywhere)
        end = found.end() if found else at
        return end - at + (end == len(self.text))  # (the last line, after the last newline, is empty too)

    def typed(self, index: int) -> str:
        """Line `index` (0-based) as the text has it: with its tabs."""
        return self.text[self.offset(index) : self.offset(index + 1) - 1]

    def span(self, first: int, stop: int) -> str:
        """Lines first..stop-1 (0-based) joined by newlines, first < stop, as
        the text has them (with their tabs)."""
        return self.text[self.offset(first) : self.offset(stop) - 1]

    def starts(self) -> array:
        """Every line's offset, then len(text) + 1 (line_starts), built once when asked."""
        if self._starts is None:
            self._starts = line_starts(self.text) if self._count else self._firsts[:1]
        return self._starts

    def __iter__(self) -> Iterator[str]:
        for block in range(len(self._firsts) - 1):
            text = self._block(block)
            if self._firsts[block + 1] - self._firsts[block] == 1:
                yield text
            else:
                yield from text.split("\n")


class Source:
    def __init__(self, path: str, lines: Lines, encoding: str, file: Lines | None = None):
        self.path = path
        self.lines = lines  # each line, tabs expanded, no line break
        self.encoding = encoding
        # The whole file's lines, whose columns a laid-out column maps back to
        # (a view's (only) lines outside its spans are blank: the file's are not).
        self._file = lines if file is None else file

    @property
    def has_tabs(self) -> bool:
        return self.lines.tabs

    def original_column(self, line: int, column: int) -> int:
        """The file's column for a column of the expanded (laid out) line."""
        if not self._file.tabs or not 1 <= line <= len(self._file):
            return column
        raw = self._file.typed(line - 1)
        if "\t" not in raw:
            return column
        # (Mapped when asked, from the file's line: a column map per tabbed
        # line held 28 bytes a character, 25 times a tab-laid file's size.)
        mapping = _expand_tabs(raw)[1]
        return column if column - 1 >= len(mapping) else mapping[column - 1]

    def joined(self) -> str:
        """Every line, joined by newlines, as typed: what the scans of a whole
        file search (the text the lines are sliced from: no copy).  Its tabs
        are not expanded: an offset's line is the line's, its column is not
        (laid_out() for that)."""
        return self.lines.text

    def line_starts(self) -> array:
        """The offset in joined() of each line's first character (line n at
        index n - 1), then one past the end: for bisect."""
        return self.lines.starts()

    def laid_out(self) -> tuple[str, array]:
        """The lines joined, tabs expanded, and their line_starts: for a front
        end that counts columns in the text itself (HTML, inline XBRL).
        joined() itself when the file has no tab; else a copy, at each call."""
        if not self.lines.tabs:
            return self.lines.text, self.lines.starts()
        text = self.lines.text.expandtabs(TAB)
        return text, line_starts(text)

    def ends(self, line: int, head: int, tail: int) -> tuple[str, bool, str]:
        """(the first `head` characters of the lines from line `line` (0-based)
        on, joined and laid out; whether they are all of them; the last `tail`
        characters of the file's lines so laid out): a look at how a file ends
        that lays out only what it reads."""
        text, at = self.lines.text, self.lines.offset(line)
        if not self.lines.tabs:
            return text[at : at + head], len(text) - at <= head, text[-tail:]
        # (Laid out from a line's start, a piece's columns are the whole's; it
        # is no shorter laid out than as typed.)
        first = text[at : at + head].expandtabs(TAB)
        last = text[text.rfind("\n", 0, max(0, len(text) - tail)) + 1 :].expandtabs(TAB)
        whole = len(text) - at <= head and len(first) <= head
        return first[:head], whole, last[-tail:]

    def only(self, spans: Iterable[tuple[int, int]]) -> "Source":
        """The same file with every line outside `spans` ((first, last), 1-based,
        inclusive) left blank: a stage reading it sees those lines alone, each at
        its own line and columns."""
        count = len(self.lines)
        kept, line = [], 1
        for first, last in sorted(spans):
            first, last = max(first, line), min(last, count)
            if first <= last:
                kept.append((first, last))
                line = last + 1
        if sum(last - first + 1 for first, last in kept) == count:  # every line (or none there): the same text, shared
            return Source(self.path, self.lines, self.encoding, self._file)
        # The text is appended to a piece at a time, in line order: each span's
        # lines as they are, the lines between as newlines.  (CPython grows a
        # string appended to in place: slices of the spans joined held the
        # file's text three times at once, this twice.)
        text, line, whole = "", 1, self.lines.text
        for first, last in kept:
            text += "\n" * (first - line)  # the line before's break, and one for each blank line
            at, stop = self.lines.offset(first - 1), self.lines.offset(last) - 1
            for piece in range(at, stop, CHUNK):
                text += whole[piece : min(stop, piece + CHUNK)]
            line = last
        text += "\n" * (count - line)
        return Source(self.path, Lines(text, tabs=self.lines.tabs), self.encoding, self._file)

    def text(self, first: int = 1, last: int | None = None) -> str:
        """Lines first..last (1-based, inclusive) joined, ending in a newline."""
        start, stop, _ = slice(first - 1, last).indices(len(self.lines))
        text = self.lines.span(start, stop) if start < stop else ""
        return (text.expandtabs(TAB) if self.lines.tabs else text) + "\n"


# Formats people feed a checker by mistake, by their first bytes.
MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
# Control bytes no text filing contains (tab, line breaks, form feed and the
# DOS end-of-file mark ^Z are at home in EDGAR text).
CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1a")


# Anything but the whitespace bytes.strip() takes off: the file is not empty.
_NOT_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252, else latin-1;
    a gzip archive (EDGAR corpora are often kept compressed) is unpacked first.
    (The BOM is skipped through a view: a slice would copy the whole file.)"""
    if data.startswith(GZIP):
        data = _gunzip(data, path)
    body = memoryview(data)[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else memoryview(data)
    _refuse_binary(bytes(body[:8192]), path)
    if not _NOT_BLANK.search(body):
        raise InputError("no Schedule II found: the file is empty", path)
    try:
        return str(body, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return str(body, "cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return str(body, "latin-1"), "latin-1"


GZIP = b"\x1f\x8b"
# A filing unpacks to tens of MB; a "gzip bomb" would unpack to gigabytes.
MAX_GUNZIPPED = 1 << 30


def _gunzip(data: bytes, path: str) -> bytes:
    import zlib

    unpack = zlib.decompressobj(wbits=31)  # gzip header and trailer
    out: list[bytes] = []
    try:
        while data:
            out.append(unpack.decompress(data, MAX_GUNZIPPED + 1 - sum(map(len, out))))
            if sum(map(len, out)) > MAX_GUNZIPPED:
                raise InputError(f"gzip archive unpacks to more than {MAX_GUNZIPPED >> 20} MB", path)
            if unpack.eof:
                data = unpack.unused_data  # several members, as `cat a.gz b.gz` makes
                if not data.startswith(GZIP):
                    break
                unpack = zlib.decompressobj(wbits=31)
            else:
                data = unpack.unconsumed_tail
                if not data:
                    raise InputError("damaged gzip archive (it ends too soon)", path)
    except zlib.error as exc:
        raise InputError(f"damaged gzip archive ({exc})", path) from None
    return b"".join(out)


def _refuse_binary(head: bytes, path: str) -> None:
    """Refuses a binary file by its first 8 KB."""
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"not a text file: it is {what}", path)
    if b"\x00" in head:
        raise InputError("not a text file (it contains NUL bytes)", path)
    if head and len(head.translate(None, CONTROL)) < len(head) * 0.95:
        raise InputError("not a text file (too many control bytes)", path)


def _expand_tabs(line: str) -> tuple[str, list[int]]:
    out: list[str] = []
    mapping: list[int] = []
    for i, ch in enumerate(line, start=1):
        if ch == "\t":
            width = TAB - len(out) % TAB
            out.extend(" " * width)
            mapping.extend([i] * width)
        else:
            out.append(ch)
            mapping.append(i)
    return "".join(out), mapping


def from_text(text: str, path: str = "<input>", encoding: str = "utf-8") -> Source:
    return _laid_out([text], path, encoding)


def _laid_out(held: list[str], path: str, encoding: str) -> Source:
    """The Source of the one text in `held`, taken out of it: each step below
    copies the text, and the copy before it is freed as soon as it is made
    (a caller's name for the text would keep it alive to the end)."""
    text = held.pop()
    empty = not text
    if "\r" in text:  # (each replace is a copy of the whole text: only where needed)
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            text = text.replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]  # a final line break ends the last line; it opens no new one
    # (Lines with tabs are laid out as they are split: see Lines.)
    return Source(path, Lines(text, count_none=empty, tabs="\t" in text), encoding)


STDIN = "-"


def read(path: str, max_bytes: int | None = None) -> Source:
    """The file (or standard input, for "-") as lines: at most `max_bytes`."""
    return from_held([read_bytes(path, max_bytes)], path)


def from_bytes(data: bytes, path: str) -> Source:
    return from_held([data], path)


def from_held(held: list[bytes], path: str) -> Source:
    """The Source of the bytes in `held`, taken out of it so that they are
    freed once decoded (peak memory: the bytes and the text, never more)."""
    decoded: list[str] = list(decode(held.pop(), path))
    encoding = decoded.pop()
    return _laid_out(decoded, path, encoding)


def read_bytes(path: str, max_bytes: int | None = None, stdin: bool = True) -> bytes:
    """The bytes of a regular file, or of standard input for "-": nothing
    else is read (a FIFO would block, a device never end), and never more
    than `max_bytes` (default limits.MAX_BYTES): InputError instead."""
    import os
    import stat
    import sys

    from auditor.limits import MAX_BYTES

    limit = MAX_BYTES if max_bytes is None else max_bytes
    if path == STDIN and stdin:
        return _capped(sys.stdin.buffer, limit, path)
    try:
        # Non-blocking, so that opening a FIFO to see what it is cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise InputError(f"cannot read: {_kind(status.st_mode)}, not a regular file"
                         f"{' (- reads standard input)' if stdin else ''}", path)
    with os.fdopen(fd, "rb") as handle:
        size = status.st_size
        if size > limit:
            raise InputError(_too_big(size, limit), path)
        try:
            return _capped(handle, limit, path, size)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path) from None


def _capped(handle: BinaryIO, limit: int, path: str, size: int | None = None) -> bytes:
    """At most `limit` bytes of `handle`, asking for no more than a regular
    file's `size` first (a read of `limit` allocates that much, if untouched)."""
    data = handle.read((limit if size is None else min(limit, size)) + 1)
    if size is not None and size < len(data) <= limit:
        data += handle.read(limit + 1 - len(data))  # the file grew while read
    if len(data) > limit:
        raise InputError(_too_big(None, limit), path)
    return data


def _too_big(size: int | None, limit: int) -> str:
    what = f"{size:,} bytes" if size is not None else "more bytes"
    return f"too large: {what} than the {limit:,} read at most (--max-bytes)" if size is None else (
        f"too large: {what}, more than the {limit:,} read at most (--max-bytes)")


def _kind(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return f"it is {name}"
    return "it is a special file"
