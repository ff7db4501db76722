"""Headless Chromium for the HTML report's browser tests (and the README's
screenshot, made by the same code path: docs/screenshot.py).

Debian's `chromium` driven by Playwright's Python API through
`executable_path`; the network here refuses every connection but the
package mirrors, so the browser is told not to try any, and gets a fresh
profile each time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile

CHROMIUM = os.environ.get("AUDITOR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}


def unavailable() -> str | None:
    """Why no browser test can run here, or None."""
    if not os.path.exists(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (.ci/run installs Debian's chromium with apt-get)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


class Session:
    """One Playwright driver; each page gets its own headless Chromium with a
    fresh profile (Playwright's sync API runs one driver per thread)."""

    def __init__(self, playwright):
        self.playwright = playwright

    @contextlib.contextmanager
    def page(self, javascript: bool = True):
        """A page, closed afterwards; `javascript=False` reads it as with scripts off."""
        profile = tempfile.mkdtemp(prefix="auditor-chromium-")
        try:
            context = self.playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=ARGS, viewport=VIEWPORT,
                offline=True, timeout=60_000, java_script_enabled=javascript)
            try:
                yield context.new_page()
            finally:
                context.close()
        finally:
            shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield Session(p)


@contextlib.contextmanager
def page(javascript: bool = True):
    """A page of its own session, for a script (docs/screenshot.py)."""
    with session() as s, s.page(javascript) as p:
        yield p


def screenshot(p, report_path, png_path, fragment: str = "") -> bytes:
    """Open the report in page `p` at `#fragment` and save a PNG of what the
    screen shows (the browser test and docs/screenshot.py both call this)."""
    p.goto(f"file://{os.path.abspath(report_path)}" + (f"#{fragment}" if fragment else ""))
    return p.screenshot(path=str(png_path))


def png_colours(png: bytes, limit: int = 1000) -> int:
    """Distinct colours in an 8-bit RGB(A) PNG (what Chromium writes), up to
    `limit`: a blank page has one."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, idat, header = 8, b"", None
    while at < len(png):
        size, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + size]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat += data
        at += 12 + size
    width, height, depth, colour_type = header[:4]
    assert depth == 8 and colour_type in (2, 6), f"unexpected PNG kind {depth}/{colour_type}"
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, colours = bytearray(stride), set()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = previous[x], previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 7))  # every 7th pixel is plenty
        previous = line
        if len(colours) >= limit:
            break
    return len(colours)
