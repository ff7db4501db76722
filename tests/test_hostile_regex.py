"""Every regular expression the front ends run on filing text, and the bundled
rules' patterns, against long adversarial lines: none may be worse than linear.

A pattern is timed on the same adversarial line at two lengths, ten times
apart; linear work grows about tenfold, quadratic a hundredfold.  Only
growth is compared (never a wall-clock figure), and only where the longer
run is long enough to time at all.  Runs of one or two characters are what
makes a backtracking engine go quadratic or worse: a run of digits, of
spaces, of "<", of asterisks, each ended by a character that makes the
match fail.
"""

import importlib
import re
import time

import pytest

from auditor.lazy_pattern import LazyPattern


def _modules() -> list:
    """Every module of the package: a list kept by hand missed the modules
    written after it (a cubic pattern in text/footnotes.py went unseen)."""
    import pkgutil

    import auditor

    return ["auditor", *sorted(m.name for m in pkgutil.walk_packages(auditor.__path__, "auditor."))]


MODULES = _modules()
UNITS = ("7", "7,", ",7", "7 ", "7  ", " ", "\t", "$", "$ ", "(", "(7", "(1)", "(a)", ")", "-", "- ", "7 -", ".",
         "7.", ".7", "*", "a", "a ", "x-", "<", "<a", "<b>", "<table", "</p", "&#151;", "&nbsp;", "\xa0", "— ",
         "balance ", "balance&nbsp;", "valuation ", "year ", "nil ", "(continued) ", "<ix:nonFraction",
         "<ix:nonFraction x", "<ix:exclude", "<context", 'id="', 'name="a')
ENDS = ("", "!", "x", "\n")
SHORT, LONG = 300, 3000
NOISE = 0.004  # seconds: a shorter long run is not timed


def _up_to_last_close(pattern):
    """How the tag patterns are run: never past the text's last ">" (no tag
    ends after it), which keeps "<" * n linear (headings.without_tags)."""
    return lambda text: pattern.finditer(text, 0, text.rfind(">") + 1)


# Patterns the code runs only through a guard: the guard is what is timed.
GUARDED = {"auditor.frontends.text.headings.TAG": _up_to_last_close, "auditor.frontends.html.locate.TABLE_TAG": _up_to_last_close,
           "auditor.frontends.html.locate.BLOCK": _up_to_last_close,
           "auditor.frontends.xbrl.facts.END": _up_to_last_close, "auditor.frontends.xbrl.facts.NONFRACTION": _up_to_last_close}


def _compiled(pattern):
    """A pattern compiled at its first use (auditor.lazy_pattern) is audited as what it compiles to."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


def _patterns():
    found, seen = [], set()

    def add(name, pattern, anchored=False):
        if id(pattern) not in seen:
            seen.add(id(pattern))
            if name in GUARDED:
                run = GUARDED[name](pattern)
            elif anchored:  # a lexer's terminal: matched where the last token ended, never searched
                run = lambda text: [pattern.match(text)]
            elif isinstance(pattern.pattern, bytes):  # run on the file's bytes (source): fed them
                run = lambda text: [*pattern.finditer(data := text.encode("utf-8", "surrogatepass")), pattern.match(data)]
            else:
                run = lambda text: [*pattern.finditer(text), pattern.match(text)]
            found.append(pytest.param(run, id=name))

    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, LazyPattern)):
                add(f"{module_name}.{name}", _compiled(value))
            elif isinstance(value, tuple) and value and all(isinstance(v, (re.Pattern, LazyPattern)) for v in value):
                for i, v in enumerate(value):
                    add(f"{module_name}.{name}[{i}]", _compiled(v))
    from auditor.frontends.text import parse
    from auditor.ruleset import rules

    for terminal in parse._parser().terminals:
        flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
        add(f"schedule.lark:{terminal.name}", re.compile(terminal.pattern.to_regexp(), flags), anchored=True)
    for spec in rules.load().roles:
        for pattern in spec.patterns:
            add(f"rules/default.yaml:{spec.role}:{pattern.pattern}", pattern)
    return found


def _time(run, text) -> float:
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for _match in run(text):
            pass
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


@pytest.mark.parametrize("run", _patterns())
def test_no_pattern_is_worse_than_linear(run):
    for unit in UNITS:
        for end in ENDS:
            _time(run, unit * 12 + end)  # exponential blow-up shows already here, in a second or so
            long = _time(run, unit * (LONG // len(unit)) + end)
            if long < NOISE:
                continue
            short = _time(run, unit * (SHORT // len(unit)) + end)
            assert long < 40 * max(short, NOISE / 10), (
                f"on {unit!r} * n + {end!r}: {short:.4f}s at {SHORT}, {long:.4f}s at {LONG}")


def test_the_audit_covers_every_front_end_pattern():
    covered = {p.id for p in _patterns()}
    assert set(GUARDED) <= covered
    # A pattern imported into several modules is timed once, under its first name.
    names = covered | {f"{m}.{n}" for m in MODULES for n, v in vars(importlib.import_module(m)).items()
                       if isinstance(v, (re.Pattern, LazyPattern))}
    for expected in ("auditor.frontends.text.line_kinds.FIGURES", "auditor.frontends.text.line_kinds.LONE_FIGURE", "auditor.labels.PAGE_MARK", "auditor.frontends.text.headings.TAG", "auditor.labels.LEADER", "auditor.frontends.html.locate.TITLE",
                     "auditor.frontends.html.figures.TOKEN", "auditor.frontends.html.periods.NOTES_REVERSED"):
        assert expected in names
    assert any(n.startswith("schedule.lark:") for n in names)
    assert any(n.startswith("rules/default.yaml:") for n in names)


@pytest.mark.parametrize("start", ["(12", "( 12", "$(1", "-1", "(1 )"])
def test_a_lone_figure_is_matched_in_linear_time_whatever_follows_its_start(start):
    """The repeated units above start at the line's first character; a lone figure's
    pattern is anchored after 12 spaces and a figure, so its runs of spaces are tried here."""
    from auditor.frontends.text.line_kinds import LONE_FIGURE

    def line(n):
        return " " * 13 + start + " " * n + "x"

    def match(text):
        return [LONE_FIGURE.match(text)]

    long = _time(match, line(LONG))
    if long >= NOISE:
        short = _time(match, line(SHORT))
        assert long < 40 * max(short, NOISE / 10), f"{start!r}: {short:.4f}s at {SHORT}, {long:.4f}s at {LONG}"
