#!/usr/bin/env python3
"""What a daily user types: help, rule ids, option values, standard input.

- `COMMAND --help` and `help COMMAND` for every command: exit 0, no internal `--paths`, no line
  over 100 characters, no token cut at a line end (every word of the help is a word of the option
  descriptions or of the fixed text, checked by joining wrapped lines back), examples and exit codes.
- Rule ids in any letter case (explain, --rules); an unknown id is exit 2 with "did you mean" and at
  most three ids, nearest first; an alias, an informational id.
- `rules --chapter`/`--part` and `--format` of rules, check, deadlines, diff: an unknown value is
  exit 2 and the message names every valid value.
- `--rules X`: for every implemented rule id, the findings of `check --rules X` on the examples are
  the full run's findings of X, field for field (JSON); the rules left out are not run (the engine
  test rule_selection_test checks that they are not evaluated).
- `check -` reads one case file from standard input: XML, or JSON with --input json; the report
  and errors name it <stdin>; `-` twice is an error.

usage: usage_cli_test.py CLI SOURCE_DIR
"""
import json
import re
import subprocess
import sys
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, stdin=None):
    p = subprocess.run([cli, *args], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


# ---- help ----
for command in ("check", "deadlines", "diff", "rules", "explain", "schema"):
    code, out, err = run(command, "--help")
    check(code == 0 and err == "", f"{command} --help: exit {code}, stderr {err!r}")
    check(run("help", command) == (code, out, err), f"help {command} differs from {command} --help")
    check("--paths" not in out, f"{command} --help shows the internal --paths")
    check(out.startswith(f"usage: barnetslov {command}"), f"{command} --help: no usage line first")
    check("exit codes:" in out and "  2  " in out, f"{command} --help: no exit codes")
    check("examples:" in out and f"barnetslov {command}" in out.split("examples:")[1], f"{command} --help: no examples")
    for line in out.splitlines():
        check(len(line) <= 100, f"{command} --help: a line of {len(line)} characters: {line!r}")
    # A token cut at a line end, as program_options did ("hh:m" / "m|Z"): the pattern is whole.
    if command in ("check", "deadlines"):
        check("(YYYY-MM-DD[Thh:mm[:ss][+hh:mm|Z]];" in out, f"{command} --help: the --as-of pattern is cut")
        check("-j, --jobs" in out and "-o, --output" in out, f"{command} --help: short options not shown")
code, out, _ = run("help")
check(code == 0 and "diff OLD NEW" in out and "help COMMAND" in out, "help: no diff or help COMMAND in the usage")
code, out, err = run("help", "nosuch")
check(code == 2 and "unknown command 'nosuch'" in err, f"help nosuch: exit {code}, {err!r}")
code, out, err = run("explain", "--help")
check(code == 0 and "no rule" not in err, "explain --help is not help")

# ---- rule ids ----
code, lower_out, _ = run("explain", "bl-und-24h")
code2, upper_out, _ = run("explain", "BL-UND-24H")
check(code == code2 == 0 and lower_out == upper_out, "explain bl-und-24h differs from BL-UND-24H")
code, _, err = run("explain", "BL-UND-42H")
check(code == 2 and "did you mean BL-UND-24H" in err, f"explain BL-UND-42H: exit {code}, {err!r}")
m = re.search(r"did you mean (.*)\?", err)
check(m is not None and len(re.split(r", | or ", m.group(1))) <= 3, f"more than three suggestions: {err!r}")
code, _, err = run("explain", "zzzzzzzzzzzzzzzzzzzz")
check(code == 2 and "did you mean" not in err and "barnetslov rules" in err, f"a far id: {err!r}")
rules = json.loads(run("rules", "--format", "json")[1])["rules"]
implemented = [r["id"] for r in rules if r["status"] == "implemented"]
alias = next(r for r in rules if r["status"] == "alias")
informational = next(r for r in rules if r["status"] == "informational")
# The listing ends with the coverage of the whole catalog and of each of its three parts, counted
# from the JSON listing; its columns line up whatever the chapter's length.
code, out, _ = run("rules")
for part in "ABC":
    mine = [r for r in rules if r["part"] == part]
    want = (f"  part {part}: {len(mine)} rule ids: {sum(r['status'] == 'implemented' for r in mine)} implemented, "
            f"{sum(r['status'] == 'informational' for r in mine)} informational, {sum(r['status'] == 'alias' for r in mine)} aliases, "
            f"{sum(r['status'] == 'planned' for r in mine)} planned")
    check(code == 0 and want in out.splitlines(), f"rules: no coverage line for part {part}: {want!r}")
heads = out.splitlines()[0]
status_col = heads.index("STATUS")
check(all(line[status_col:].split()[0] in ("implemented", "informational", "alias", "planned")
          for line in out.splitlines()[1:] if line.startswith("BL-")), "rules: the STATUS column does not line up")
code, out, _ = run("explain", alias["id"].lower())
check(code == 0 and f"An alias of {alias['alias_of']}" in out, f"explain {alias['id'].lower()}: exit {code}")
code, out, _ = run("explain", informational["id"].lower())
check(code == 0 and out.startswith(informational["id"]), f"explain {informational['id'].lower()}: exit {code}")
# A typo of an alias is suggested too.
typo = alias["id"][:-1] + ("X" if alias["id"][-1] != "X" else "Y")
code, _, err = run("explain", typo)
check(code == 2 and alias["id"] in err, f"explain {typo}: the alias {alias['id']} not suggested: {err!r}")

code, _, err = run("check", str(src / "examples"), "--rules", "BL-UND-24X", "-q")
check(code == 2 and "did you mean BL-UND-24H" in err, f"--rules BL-UND-24X: exit {code}, {err!r}")
code, _, err = run("check", str(src / "examples"), "--rules", informational["id"], "-q")
check(code == 2 and "informational" in err, f"--rules {informational['id']}: exit {code}, {err!r}")
code, _, err = run("check", str(src / "examples"), "--rules", ",", "-q")
check(code == 2 and "at least one rule id" in err, f"--rules ',': exit {code}, {err!r}")


def findings(*args):
    code, out, err = run("check", str(src / "examples"), "--as-of", as_of, "--format", "json", "-q", *args)
    check(code in (0, 1), f"check {args}: exit {code}, {err!r}")
    doc = json.loads(out)
    return [(c["source"], f) for c in doc["cases"] for f in c["findings"]], doc


full, _ = findings()
check(len({f["rule"] for _, f in full}) > 20, "the full run has findings of few rules")
for rule in implemented:
    for typed in (rule, rule.lower()) if rule == implemented[0] else (rule,):
        kept, doc = findings("--rules", typed)
        want = [(s, f) for s, f in full if f["rule"] == rule]
        check(kept == want, f"--rules {typed}: {len(kept)} findings, the full run has {len(want)} of {rule}, or they differ")
# An alias chooses the rule it stands for.
kept, _ = findings("--rules", alias["id"].lower())
check(kept == [(s, f) for s, f in full if f["rule"] == alias["alias_of"]], f"--rules {alias['id'].lower()}: not the findings of {alias['alias_of']}")
# Two rules, the figures too.
pair = implemented[:2]
kept, doc = findings("--rules", ",".join(pair))
check(kept == [(s, f) for s, f in full if f["rule"] in pair], "--rules of two rules")
code, out, _ = run("check", str(src / "examples"), "--as-of", as_of, "-q", "--summary", "--format", "json", "--rules", pair[0].lower())
check(code in (0, 1) and out.count('"rule"') >= 1 and pair[1] not in out, "--summary --rules lists another rule")

# ---- valid values ----
chapters = sorted({r["chapter"] for r in rules})
code, _, err = run("rules", "--chapter", "foo")
check(code == 2 and all(c in err for c in chapters), f"rules --chapter foo: exit {code}, {err!r}")
code, out, _ = run("rules", "--chapter", "Placement")
check(code == 0 and "placement" in out, "rules --chapter Placement")
code, _, err = run("rules", "--part", "D")
check(code == 2 and "A, B or C" in err, f"rules --part D: {err!r}")
for args, valid in ((("rules",), ("text", "json", "markdown")),
                    (("check", str(src / "examples")), ("text", "json", "csv", "junit", "html")),
                    (("deadlines", str(src / "examples")), ("text", "csv")),
                    (("diff", "a", "b"), ("text", "json"))):
    code, _, err = run(*args, "--format", "nosuch", "-q") if args[0] in ("check", "deadlines") else run(*args, "--format", "nosuch")
    check(code == 2 and "nosuch" in err and all(v in err for v in valid), f"{args[0]} --format nosuch: exit {code}, {err!r}")

# ---- standard input ----
example = src / "examples/03-late-24-hour-assessment.xml"
code, from_file, _ = run("check", str(example), "--as-of", as_of, "--format", "json", "-q")
code2, from_stdin, err = run("check", "-", "--as-of", as_of, "--format", "json", "-q", stdin=example.read_bytes())
check(code == code2 == 1 and err == "", f"check - : exit {code2}, {err!r}")
a, b = json.loads(from_file), json.loads(from_stdin)
check(b["cases"][0]["source"] == "<stdin>", f"the case from stdin is named {b['cases'][0]['source']!r}")
check([c["findings"] for c in a["cases"]] == [c["findings"] for c in b["cases"]], "check - gives other findings than the file")
json_twin = src / "examples/json/03-late-24-hour-assessment.json"
code, out, err = run("check", "-", "--input", "json", "--as-of", as_of, "--format", "json", "-q", stdin=json_twin.read_bytes())
check(code == 1 and [c["findings"] for c in json.loads(out)["cases"]] == [c["findings"] for c in a["cases"]], f"check - --input json: exit {code}, {err!r}")
code, _, err = run("check", "-", "-q", stdin=b"<case")
check(code == 2 and err.startswith("<stdin>:1:"), f"bad XML on stdin: exit {code}, {err!r}")
code, _, err = run("check", "-", "-", "-q", stdin=b"")
check(code == 2 and "only once" in err, f"- twice: exit {code}, {err!r}")
code, out, err = run("deadlines", "-", "--as-of", "2024-10-10T15:00", "-q", stdin=example.read_bytes())
check(code == 0 and "<stdin>" in out, f"deadlines -: exit {code}, {err!r}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
