"""Text and HTML locate recognise a schedule's headings through the rules file's role
patterns, the one vocabulary of headings: a wording the rules map is found,
and checked; one they do not map is no schedule."""

import json

import auditor
from auditor.frontends.text import locate
from auditor.ruleset import rules
from auditor import source
from conftest import FIXTURES, SEED, run

SEED_TEXT = SEED.read_text()
OPENING_SPAN, CLOSING_SPAN = (43, 55), (95, 110)  # the seed's balance columns, 0-based [start, end)


def reworded(opening: tuple, closing: tuple) -> str:
    """The seed with its stacked balance headings ("BALANCE / AT / BEGINNING /
    OF / PERIOD", "BALANCE / END OF / PERIOD") replaced, word by word from
    the top, by the given lines; every other character where it was."""
    lines = SEED_TEXT.split("\n")
    top = next(n for n, line in enumerate(lines) if line.strip() == "BALANCE")
    bottom = next(n for n, line in enumerate(lines) if line.startswith("DESCRIPTION"))
    for n in range(top, bottom + 1):
        line = lines[n].ljust(CLOSING_SPAN[1])
        for (lo, hi), words in ((OPENING_SPAN, opening), (CLOSING_SPAN, closing)):
            k = n - top
            text = words[k] if k < len(words) else ""
            line = line[:lo] + text.center(hi - lo) + line[hi:]
        lines[n] = line.rstrip()
    return "\n".join(lines)


def test_the_seed_reworded_keeps_its_other_headings_and_figures():
    text = reworded(("OPENING", "AMOUNT"), ("CLOSING", "AMOUNT"))
    assert "BEGINNING" not in text and "END OF" not in text and "BALANCE" not in text
    assert text.count("CHARGED") == SEED_TEXT.count("CHARGED")
    assert text.split("</TABLE>")[0].split("<S>")[1] == SEED_TEXT.split("</TABLE>")[0].split("<S>")[1]


def test_reworded_balance_headings_the_default_roles_map_are_found_and_checked():
    text = reworded(("OPENING", "AMOUNT"), ("CLOSING", "AMOUNT"))
    result = auditor.check_source(source.from_text(text, "reworded.txt"))
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    original = auditor.check_source(source.from_text(SEED_TEXT, "seed.txt"))
    assert [(f.check, f.location) for f in result.findings] == [(f.check, f.location) for f in original.findings]


CUSTOM = """\
extends: default
roles:
  - role: beginning
    effect: opening
    patterns: ['brought\\s+forward']
  - role: ending
    effect: closing
    patterns: ['carried\\s+forward']
rules: []
"""


def test_a_wording_only_a_custom_rules_file_maps_is_found_only_with_it(tmp_path):
    text = reworded(("BROUGHT", "FORWARD"), ("CARRIED", "FORWARD"))
    exhibit = tmp_path / "custom-wording.txt"
    exhibit.write_text(text)
    team = tmp_path / "team.yaml"
    team.write_text(CUSTOM)
    src = source.from_text(text, "custom-wording.txt")
    assert locate.regions(src) == []  # the bundled vocabulary knows no "brought forward"
    (region,) = locate.regions(src, roles=rules.load(str(team)).roles)
    assert region.title_line == 8

    default = run("check", exhibit)
    assert default.returncode == 2 and "no Schedule II found" in default.stderr
    custom = run("check", "--rules", team, exhibit)
    assert custom.returncode == 1, custom.stderr  # found, and the seed's one wrong total reported
    assert "VQ001" in custom.stdout and "VQ002" in custom.stdout


def test_a_balance_word_alone_is_no_schedule_heading():
    """A title followed by a table that names a balance but nothing else a
    schedule's columns are named by (a balance sheet line) is no schedule."""
    text = """\
                 SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS

                                        Balance
Cash and equivalents                    $  1,200     $  1,400
Receivables                                  830          790
"""
    assert locate.regions(source.from_text(text)) == []


def test_an_html_wording_only_a_custom_rules_file_maps_is_found_only_with_it(tmp_path):
    """The same in HTML: the locator's quick look and its test of a table's
    headings take the rules file's role patterns besides the words every
    schedule prints."""
    html = (FIXTURES / "html" / "acme-tools-2004-clean.htm").read_text()
    html = html.replace("Balance<br>at<br>Beginning<br>of<br>Period", "Brought<br>forward")
    html = html.replace("Balance<br>at<br>End<br>of<br>Period", "Carried<br>forward")
    assert "Brought<br>forward" in html and "Carried<br>forward" in html
    assert "balance" not in html.lower().split("</title>", 1)[1]  # no built-in balance word is left
    exhibit = tmp_path / "custom-wording.htm"
    exhibit.write_text(html)
    team = tmp_path / "team.yaml"
    team.write_text(CUSTOM)
    default = run("check", "--no-cache", exhibit)
    assert default.returncode == 2 and "no Schedule II found" in default.stderr, default.stderr
    custom = run("check", "--no-cache", "--rules", team, exhibit)
    assert custom.returncode == 0, custom.stdout + custom.stderr  # found, read, and clean as the original
    assert "0 findings" in custom.stdout


def test_an_html_wording_the_default_roles_map_is_found_and_checked(tmp_path):
    html = (FIXTURES / "html" / "acme-tools-2004-clean.htm").read_text()
    html = html.replace("Balance<br>at<br>Beginning<br>of<br>Period", "Opening<br>amount")
    html = html.replace("Balance<br>at<br>End<br>of<br>Period", "Closing<br>amount")
    exhibit = tmp_path / "reworded.htm"
    exhibit.write_text(html)
    original = run("check", "--no-cache", "--format", "json", FIXTURES / "html" / "acme-tools-2004-clean.htm")
    reworded = run("check", "--no-cache", "--format", "json", exhibit)
    assert reworded.returncode == original.returncode == 0, reworded.stderr
    roles = [[c["role"] for c in s["columns"]] for f in json.loads(reworded.stdout)["files"] for s in f["schedules"]]
    assert roles and all(r[0] == "beginning" and r[-1] == "ending" for r in roles), roles


def test_the_words_naming_one_balance_alone_are_the_bundled_roles_own():
    """The opening's words no closing's pattern repeats, and the closing's: what a column's heading
    holding them heads (the first column, the last) comes from the roles, not a list of the layout's
    own (labels.OPENING_ONLY and CLOSING_ONLY before s40-roles, the same words)."""
    from auditor.frontends.text.headings import bundled_vocabulary
    vocabulary = bundled_vocabulary()
    assert [p.pattern for p in vocabulary.opening_only.patterns] == ["beginning", r"\bstart", "opening"]
    assert [p.pattern for p in vocabulary.closing_only.patterns] == [r"\bend\b", "ending", "closing"]
    assert vocabulary.balances.search("Balance at December 31, 2003")
    assert not vocabulary.opening_only.search("Balance at") and not vocabulary.closing_only.search("Balance at")


def test_a_teams_balance_words_tell_the_heading_rests_which_column_each_heads(tmp_path):
    """A heading's rest set back is placed where every column's heading names what its place may hold
    (`heading_rests._heads_fit`, the headings listed from the right): a team's words for the balances
    ("BROUGHT FORWARD", "CARRIED FORWARD") over the wrong ends tell a placement wrong as the bundled
    words do, heard from the rules file (the layout's own list knew only the bundled words)."""
    from auditor.frontends.text import heading_rests
    from auditor.frontends.text.headings import bundled_vocabulary, vocabulary_of
    team = tmp_path / "team.yaml"
    team.write_text(CUSTOM)
    vocabulary = vocabulary_of(rules.load(str(team)).roles)
    right = ["CARRIED FORWARD", "DEDUCTIONS", "ADDITIONS", "BROUGHT FORWARD"]
    assert heading_rests._heads_fit(right, 4, vocabulary)
    assert not heading_rests._heads_fit(right[::-1], 4, vocabulary)
    assert not heading_rests._heads_fit(["CARRIED FORWARD", "BROUGHT FORWARD", "ADDITIONS", "BROUGHT FORWARD"], 4,
                                        vocabulary)
    assert heading_rests._heads_fit(right[::-1], 4, bundled_vocabulary())  # (the bundled roles know neither)


def test_a_teams_movement_word_over_a_balances_place_tells_a_heading_rest_set_wrong(tmp_path):
    """A team's word for its deductions ("AUSBUCHUNG", Lindenau's) heading the column a balance's place
    holds (the last, the closing: `_heads_fit` lists the headings from the right) leaves the placement
    wrong, as "DEDUCTIONS" there does; the bundled roles know no such word."""
    from auditor.frontends.text import heading_rests
    from auditor.frontends.text.headings import bundled_vocabulary, vocabulary_of
    team = tmp_path / "team.yaml"
    team.write_text("extends: default\nroles:\n  - role: deductions\n    effect: subtract\n"
                    "    patterns: ['ausbuchung', 'verluste?']\nrules: []\n")
    vocabulary = vocabulary_of(rules.load(str(team)).roles)
    wrong = ["AUSBUCHUNG", "ADDITIONS", "BALANCE AT BEGINNING OF PERIOD"]
    assert not heading_rests._heads_fit(wrong, 3, vocabulary)
    assert not heading_rests._heads_fit(["DEDUCTIONS"] + wrong[1:], 3, bundled_vocabulary())
    assert heading_rests._heads_fit(wrong, 3, bundled_vocabulary())
    assert heading_rests._heads_fit(["BALANCE AT END OF PERIOD", "AUSBUCHUNG", "BALANCE AT BEGINNING OF PERIOD"], 3,
                                    vocabulary)
