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
from typing import BinaryIO, Callable, Iterable, TypeVar, cast

from auditor import scan
from auditor.errors import InputError
from auditor.lines import CHUNK, TAB, Lines, line_starts

T = TypeVar("T")

class Source:
    def __init__(self, path: str, lines: Lines, encoding: str, file: Lines | None = None, *, cut_through: bool = False,
                 cut_in_blanks: bool = False):
        self.path = path
        self.lines = lines  # each line, tabs expanded, no line break
        self.encoding = encoding
        # Whether the file ends inside a line that prints something, no line break after it: a
        # download stopped there cut through the line where it fell (a whole file may end so too).
        self.cut_through = cut_through
        # Whether the file ends on blanks alone after its last line break, no line break after them: a
        # download stopped in a line's indent (a whole file ends on its line break, or on a line's words).
        self.cut_in_blanks = cut_in_blanks
        # The whole file's lines, whose columns a laid-out column maps back to
        # (a view's (only) lines outside its spans are blank: the file's are not).
        self._file = lines if file is None else file
        self._words: dict[str, list[int]] | None = {}  # scan.word_starts of joined(), as found so far
        self._mapped: tuple[int, list[int]] = (0, [])  # (original_column: the last tabbed line's map, its number)
        self._kept: dict[str, object] = {}  # (`kept`: what readers found of the whole text, by name)

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
        # line held 28 bytes a character, 25 times a tab-laid file's size.  The
        # last line's kept: a row's cells, each its start and end, ask of one line.)
        mapped, mapping = self._mapped
        if mapped != line:
            mapping = _expand_tabs(raw)[1]
            self._mapped = (line, mapping)
        return column if column - 1 >= len(mapping) else mapping[column - 1]

    def joined(self) -> str:
        """Every line, joined by newlines, as typed: what the scans of a whole
        file search (the text the lines are sliced from: no copy).  Its tabs
        are not expanded: an offset's line is the line's, its column is not
        (laid_out() for that)."""
        return self.lines.text

    def word_starts(self, words: tuple[str, ...]) -> dict[str, list[int]] | None:
        """`scan.word_starts` of joined(), each word searched for once a source
        (the HTML locator and the cut-off check look for some of the same, and
        each pass lowers the whole document)."""
        if self._words is None:
            return None
        missing = [w for w in words if w not in self._words]
        if missing:
            more = scan.word_starts(self.joined(), missing)
            if more is None:
                self._words = None
                return None
            self._words.update(more)
        return {w: self._words[w] for w in words}

    def kept(self, name: str, find: Callable[[], T]) -> T:
        """What `find` finds of the whole text (`name` says what: "unclosed"), found once a source:
        each reader that asks again is given the first answer, which none changes (the containers a
        file leaves open, asked by the facts' cut-off check and the tables')."""
        if name not in self._kept:
            self._kept[name] = find()
        return cast(T, self._kept[name])

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

    def ends(self, line: int, head: int, tail: int, column: int = 1) -> tuple[str, bool, str]:
        """How the file ends, laid out (tabs expanded): the first `head`
        characters from line `line` (0-based) on, from its `column` (1-based, of
        the line as typed: a line going on past where its reader stopped),
        whether that is all of it, and the last `tail` characters.  Only those
        pieces are laid out (from a column, the first line's tabs stop as if it
        started there)."""
        text, at = self.lines.text, self.lines.offset(line) + column - 1
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
            return Source(self.path, self.lines, self.encoding, self._file, cut_through=self.cut_through,
                          cut_in_blanks=self.cut_in_blanks)
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
        return Source(self.path, Lines(text, tabs=self.lines.tabs), self.encoding, self._file,
                      cut_through=self.cut_through,
                      cut_in_blanks=self.cut_in_blanks)

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
    cut_through, cut_in_blanks = _ends_inside_a_line(text), _ends_in_blanks(text)
    if text.endswith("\n"):
        text = text[:-1]  # a final line break ends the last line; it opens no new one
    # (Lines with tabs are laid out as they are split: see Lines.)
    return Source(path, Lines(text, count_none=empty, tabs="\t" in text), encoding, cut_through=cut_through,
                  cut_in_blanks=cut_in_blanks)


def _ends_inside_a_line(text: str) -> bool:
    """Whether the text's last line prints something and no line break ends it (blanks after it aside)."""
    end = len(text) - 1
    while end >= 0 and text[end] in " \t\f\v":
        end -= 1
    return end >= 0 and text[end] != "\n"


def _ends_in_blanks(text: str) -> bool:
    """Whether the text's last line is blanks alone (" ", a tab) and no line break ends it."""
    line = text[text.rfind("\n") + 1 :]
    return bool(line) and not line.strip(" \t")


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
    except ValueError:  # (no file's name holds a NUL)
        raise InputError("cannot read: its name holds a NUL character", path) from None
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
