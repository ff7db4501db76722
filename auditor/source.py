"""Read an input file into lines, whatever its encoding and line endings.

Positions reported to the user are 1-based lines and columns of the file as
it is: `\\r\\n` counts as one line break, and a line with tabs is laid out
with tabs expanded (filings were typed for 8-column tab stops) while its
columns map back to the characters of the file.
"""

from __future__ import annotations

import codecs

from auditor.errors import InputError

TAB = 8


class Source:
    def __init__(self, path: str, lines: list, encoding: str, tab_maps: dict = None):
        self.path = path
        self.lines = lines  # text of each line, tabs expanded, no line break
        self.encoding = encoding
        self._tab_maps = tab_maps or {}  # line -> the line as in the file (with its tabs)
        self._joined = None

    @property
    def has_tabs(self) -> bool:
        return bool(self._tab_maps)

    def original_column(self, line: int, column: int) -> int:
        """The file's column for a column of the expanded (laid out) line."""
        raw = self._tab_maps.get(line)
        if raw is None:
            return column
        # (Mapped when asked, from the file's line: a column map per tabbed
        # line held 28 bytes a character, 25 times a tab-laid file's size.)
        mapping = _expand_tabs(raw)[1]
        return column if column - 1 >= len(mapping) else mapping[column - 1]

    def joined(self) -> str:
        """Every line, joined by newlines: what the scans of a whole file search
        (joined once, as a 10 MB submission takes milliseconds to join)."""
        if self._joined is None:
            self._joined = "\n".join(self.lines)
        return self._joined

    def only(self, spans) -> "Source":
        """The same file with every line outside `spans` ((first, last), 1-based,
        inclusive) left blank: a stage reading it sees those lines alone, each at
        its own line and columns."""
        lines = [""] * len(self.lines)
        for first, last in spans:
            lines[first - 1 : last] = self.lines[first - 1 : last]
        return Source(self.path, lines, self.encoding, self._tab_maps)

    def text(self, first: int = 1, last: int = None) -> str:
        """Lines first..last (1-based, inclusive) joined, ending in a newline."""
        chunk = self.lines[first - 1 : last]
        return "\n".join(chunk) + "\n"


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


def decode(data: bytes, path: str) -> tuple:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252, else latin-1;
    a gzip archive (EDGAR corpora are often kept compressed) is unpacked first."""
    if data.startswith(GZIP):
        data = _gunzip(data, path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    _refuse_binary(data, path)
    if not data.strip():
        raise InputError("no Schedule II found: the file is empty", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


GZIP = b"\x1f\x8b"
# A filing unpacks to tens of MB; a "gzip bomb" would unpack to gigabytes.
MAX_GUNZIPPED = 1 << 30


def _gunzip(data: bytes, path: str) -> bytes:
    import zlib

    unpack = zlib.decompressobj(wbits=31)  # gzip header and trailer
    out = []
    try:
        while data:
            out.append(unpack.decompress(data, MAX_GUNZIPPED + 1 - sum(map(len, out))))
            if sum(map(len, out)) > MAX_GUNZIPPED:
                raise InputError(f"gzip archive unpacks to more than {MAX_GUNZIPPED >> 20} MB", path)
            if unpack.eof:
                data = unpack.unused_data  # several members, as `cat a.gz b.gz` makes
                unpack = zlib.decompressobj(wbits=31) if data.startswith(GZIP) else None
                if unpack is None:
                    break
            else:
                data = unpack.unconsumed_tail
                if not data:
                    raise InputError("damaged gzip archive (it ends too soon)", path)
    except zlib.error as exc:
        raise InputError(f"damaged gzip archive ({exc})", path) from None
    return b"".join(out)


def _refuse_binary(data: bytes, path: str) -> None:
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"not a text file: it is {what}", path)
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("not a text file (it contains NUL bytes)", path)
    if head and len(head.translate(None, CONTROL)) < len(head) * 0.95:
        raise InputError("not a text file (too many control bytes)", path)


def _expand_tabs(line: str) -> tuple:
    out, mapping = [], []
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
    if "\r" in text:  # (each replace is a copy of the whole text: only where needed)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, tab_maps = text.split("\n"), {}
    del text
    if any("\t" in line for line in lines):
        for number, line in enumerate(lines, start=1):
            if "\t" in line:
                tab_maps[number] = line
                lines[number - 1] = line.expandtabs(TAB)
    if lines and lines[-1] == "":
        lines.pop()
    return Source(path, lines, encoding, tab_maps)


STDIN = "-"


def read(path: str, max_bytes: int | None = None) -> Source:
    """The file (or standard input, for "-") as lines: at most `max_bytes`."""
    return from_bytes(read_bytes(path, max_bytes), path)


def from_bytes(data: bytes, path: str) -> Source:
    text, encoding = decode(data, path)
    return from_text(text, path, encoding)


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
            return _capped(handle, limit, path)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path) from None


def _capped(handle, limit: int, path: str) -> bytes:
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(_too_big(None, limit), path)
    return data


def _too_big(size, limit: int) -> str:
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
