"""Fuzzing the command as an attacker or a careless user would: damaged
exhibits (text, HTML and inline XBRL), hostile rules files, odd output paths.

Whatever the input, `auditor check` ends with exit status 0, 1 or 2, never a
traceback and never an internal error; with `--format json` and status 0 or 1
its output is one valid JSON document; and each input finishes within a
generous bound of CPU time (CPU_LIMIT: wall time measures the machine's load,
not the input), and a hang fails the test naming its input instead of hanging
the suite (WALL_LIMIT, tests/watchdog.py).  The default run is short; for a long one:

    AUDITOR_FUZZ_EXAMPLES=25000 .venv/bin/pytest tests/test_fuzz.py -q

(`HYPOTHESIS_PROFILE=long` gives each test 1,000 examples.)
"""

import contextlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import watchdog
from auditor import cli
from conftest import FIXTURES, ROOT

TEXTS = sorted(FIXTURES.glob("*.txt"))
HTMLS = sorted((FIXTURES / "html").glob("*.htm"))
IXBRLS = sorted((FIXTURES / "xbrl").glob("*.htm"))
RULES = [ROOT / "rules" / "default.yaml", ROOT / "rules" / "examples" / "strict.yaml"]
EXAMPLES = int(os.environ.get("AUDITOR_FUZZ_EXAMPLES", "0")) or None
# A runaway, not a slow machine: inputs here take under half a second of CPU.
# Hypothesis's deadline is wall time, which a nice'd run on a saturated machine
# stretches many-fold (s34: 5x measured at load 8; a long run's one failure of
# damaged text was not reproduced in 12,000 inputs, none over 0.4 s of CPU).
CPU_LIMIT = 20.0
# A hang spends no CPU (a sleep, a blocking read): wall time bounds it, generously for a loaded
# machine; both bounds hold while the run is going (tests/watchdog.py), not only when it returns.
WALL_LIMIT = 120.0
FUZZ = settings(
    max_examples=EXAMPLES or settings().max_examples,
    deadline=None,  # CPU_LIMIT instead
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
    database=None,
)


def run(argv) -> tuple:
    """cli.main in process: (status, stdout, stderr); a traceback escaping it fails the test."""
    if os.environ.get("AUDITOR_FUZZ_TALLY"):  # a long run counts its inputs here, one byte each
        with open(os.environ["AUDITOR_FUZZ_TALLY"], "a") as tally:
            tally.write(".")
    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in argv]
    with watchdog.bounded(f"auditor {' '.join(argv)}", CPU_LIMIT, WALL_LIMIT):
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(argv)
    return status, out.getvalue(), err.getvalue()


def assert_sound(status, out, err, fmt):
    assert status in (0, 1, 2), (status, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if status == 2:
        assert err.strip(), "exit 2 says why"
    if fmt == "json" and status in (0, 1):
        json.loads(out)


# --- damaged inputs ------------------------------------------------------------------

PIECES = ["7" * 40, "(", ")", "$", "-", "--", "\t", "\r", "\x00", "\x0c", "<PAGE>", "</TABLE>", "<TABLE>", "<S>",
          "<C>", "</td>", "<td>", "<tr>", "</tr>", "</table>", "<table>", "&nbsp;", "&#151;", "*", "(1)", "\ufeff",
          "\u2014", "Total", "Year ended June 30, 2003:", "SCHEDULE II", "Balance at beginning", "\n", "\n\n\n",
          "1,234", "(1,234)", "0.5", "nil", "é", "\ud7ff", "<", ">", " " * 200, "9" * 30]


@st.composite
def damaged(draw, files):
    """A real fixture with a few edits: bytes replaced, inserted, deleted, lines
    cut, repeated or swapped, the file cut short anywhere."""
    path = draw(st.sampled_from(files))
    text = path.read_text(encoding="utf-8", errors="replace")
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 6))):
        at = rnd.randrange(len(text) + 1)
        edit = rnd.randrange(6)
        if edit == 0:
            text = text[:at] + rnd.choice(PIECES) + text[at:]
        elif edit == 1:
            text = text[:at] + text[at + rnd.randrange(1, 200):]
        elif edit == 2:
            text = text[:at]  # cut off
        elif edit == 3:
            lines = text.split("\n")
            i = rnd.randrange(len(lines))
            lines.insert(i, lines[rnd.randrange(len(lines))])
            text = "\n".join(lines)
        elif edit == 4:
            text = text[:at] + chr(rnd.randrange(1, 0x2FFF)) + text[at + 1:]
        else:
            lines = text.split("\n")
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return path.suffix, text


def _check_text(suffix, text, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        before = path.read_bytes()
        status, out, err = run(["check", "--format", fmt, path])
        assert_sound(status, out, err, fmt)
        assert path.read_bytes() == before  # inputs are never modified


@FUZZ
@given(damaged(TEXTS), st.sampled_from(["json", "text", "sarif"]))
def test_damaged_text_exhibits(case, fmt):
    _check_text(*case, fmt)


@FUZZ
@given(damaged(HTMLS), st.sampled_from(["json", "text", "jsonl"]))
def test_damaged_html_exhibits(case, fmt):
    _check_text(*case, fmt)


@FUZZ
@given(damaged(IXBRLS), st.sampled_from(["json", "text", "sarif"]))
def test_damaged_ixbrl_exhibits(case, fmt):
    _check_text(*case, fmt)


@pytest.mark.parametrize("member", ["", "us-gaap:", "us-gaap:Member"])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_damaged_ixbrl_member_names(member, fmt):
    """A reserve's context whose member names no word (s34 long run: 'us-gaap:' left a row
    unlabelled, an internal error where the rules key rows; an empty member hung the search
    for the contexts naming it)."""
    text = (FIXTURES / "xbrl" / "rowan-dyes-2023-ixbrl-sec-hidden-clean.htm").read_text(encoding="utf-8")
    written = "us-gaap:ValuationAllowanceOfDeferredTaxAssetsMember</xbrldi:explicitMember>"
    at = text.index(written, text.index('<xbrli:context id="d2023_tx">'))
    _check_text(".htm", text[:at] + member + "</xbrldi:explicitMember>" + text[at + len(written):], fmt)


# --- hostile rules files ---------------------------------------------------------------

RULE_PIECES = ["&a", "*a", "<<: *a", "!!python/object:os.system", "{", "}", "[", "]", "- ", ": ", "\n  ",
               "extends: /dev/zero", "extends: .", "extends: default", "formula: ", "ending", " == ",
               " + beginning", "(" * 50, ")" * 50, "- " * 200, "patterns: ['^(a+)+$']", "patterns: ['(?<=a)b']",
               "patterns: ['(']", "severity: error", "tolerance: 1e999", "tolerance: -1", "\t", "'", '"', "\x00",
               "id: VQ001", "applies_to: {label: '(x+x+)+y'}", "message: '{nope}'", "message: '{0.__class__}'"]


@st.composite
def hostile_rules(draw):
    path = draw(st.sampled_from(RULES))
    text = path.read_text(encoding="utf-8")
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 5))):
        at = rnd.randrange(len(text) + 1)
        if rnd.random() < 0.7:
            text = text[:at] + rnd.choice(RULE_PIECES) + text[at:]
        else:
            text = text[:at] + text[at + rnd.randrange(1, 80):]
    return text


@FUZZ
@given(hostile_rules(), st.booleans())
def test_hostile_rules_files(text, validate):
    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.yaml"
        rules.write_text(text, encoding="utf-8", errors="surrogatepass")
        if validate:
            status, out, err = run(["rules", "validate", rules])
            assert status in (0, 2) and "Traceback" not in err and "internal error" not in err, err
        else:
            status, out, err = run(["check", "--format", "json", "--rules", rules, FIXTURES / "lantronix-2003.txt"])
            assert_sound(status, out, err, "json")


# --- output paths ---------------------------------------------------------------------------

KINDS = ["new", "regular", "directory", "fifo", "symlink-to-regular", "symlink-to-new", "dangling-dir",
         "the-input", "link-to-input", "hardlink-to-input", "missing-dir", "devnull"]


@FUZZ
@given(st.sampled_from(KINDS), st.sampled_from(["json", "text", "sarif", "github", "jsonl"]),
       st.sampled_from(["--output", "--write-baseline"]))
def test_output_never_destroys(kind, fmt, option):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        exhibit = tmp / "exhibit.txt"
        exhibit.write_bytes((FIXTURES / "lantronix-2003.txt").read_bytes())
        original = exhibit.read_bytes()
        target = tmp / "report"
        if kind == "regular":
            target.write_text("old")
        elif kind == "directory":
            target.mkdir()
        elif kind == "fifo":
            os.mkfifo(target)
        elif kind == "symlink-to-regular":
            (tmp / "real").write_text("old")
            target.symlink_to(tmp / "real")
        elif kind == "symlink-to-new":
            target.symlink_to(tmp / "real")
        elif kind == "dangling-dir":
            target.symlink_to(tmp / "nowhere" / "real")
        elif kind == "the-input":
            target = exhibit
        elif kind == "link-to-input":
            target.symlink_to(exhibit)
        elif kind == "hardlink-to-input":
            os.link(exhibit, target)
        elif kind == "missing-dir":
            target = tmp / "missing" / "report"
        elif kind == "devnull":
            target = Path(os.devnull)
        argv = ["check", exhibit, option, target] + (["--format", fmt] if option == "--output" else [])
        status, out, err = run(argv)
        assert "Traceback" not in err and "internal error" not in err
        assert exhibit.read_bytes() == original  # the input is never replaced
        if kind in ("new", "regular", "symlink-to-regular", "symlink-to-new"):
            assert status in (0, 1) if option == "--output" else status == 0, err
            written = (tmp / "real") if kind.startswith("symlink") else target
            assert written.read_text() != "old"
            if kind.startswith("symlink"):
                assert target.is_symlink()  # written through: the link stays
            if option == "--output" and fmt == "json":
                json.loads(written.read_text())
        else:
            assert status == 2 and err.count("\n") == 1, err
            if kind == "directory":
                assert target.is_dir() and not any(target.iterdir())
            if kind == "fifo":
                assert target.is_fifo()
        assert not [p for p in tmp.iterdir() if p.name.startswith(".auditor-")]  # no temporary left behind


# --- the watchdog itself -------------------------------------------------------------------

def _stall_forever(*args, **kwargs):
    time.sleep(3600)


def _spin_forever(*args, **kwargs):
    while True:
        pass


@pytest.mark.parametrize("stage,bound", [(_stall_forever, "wall"), (_spin_forever, "CPU")])
def test_a_stage_that_never_returns_fails_quickly_naming_its_input(monkeypatch, stage, bound):
    from auditor import filer

    monkeypatch.setattr(filer, "said", stage)  # (the first stage of a check: who filed it)
    monkeypatch.setattr(__import__(__name__), "CPU_LIMIT", 0.5)
    monkeypatch.setattr(__import__(__name__), "WALL_LIMIT", 1.0 if bound == "wall" else 60.0)
    started = time.monotonic()
    with pytest.raises(watchdog.Runaway, match=rf"of {bound} time .*lantronix-2003\.txt"):
        run(["check", "--no-cache", FIXTURES / "lantronix-2003.txt"])
    assert time.monotonic() - started < 30
    assert not os.path.exists(watchdog.hang_log())  # (the backstop was disarmed)


def test_a_hang_python_cannot_interrupt_ends_the_process_with_the_stacks():
    """A run stuck where no signal handler runs (here: the timers' signals blocked) is
    the backstop's: the process ends, its log names the input and holds the stacks."""
    script = ("import signal, time, watchdog\n"
              "with watchdog.bounded('auditor check stuck.htm', 0.5, 0.5):\n"
              "    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGPROF})\n"
              "    time.sleep(60)\n"
              "print(watchdog.hang_log())\n")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).parent, stdout=subprocess.PIPE,
                            text=True)
    log = Path(tempfile.gettempdir()) / f"auditor-hang-{proc.pid}.log"
    try:
        assert proc.wait(timeout=30) != 0
        said = log.read_text(encoding="utf-8")
        assert said.startswith("auditor: the watchdog ended this process") and "stuck.htm" in said
        assert "time.sleep" in said or "line 4" in said, said
    finally:
        proc.kill()
        log.unlink(missing_ok=True)
