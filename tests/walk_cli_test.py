#!/usr/bin/env python3
"""Nothing in a folder is skipped silently: walking the folders given to `barnetslov check` and
`barnetslov deadlines`, a folder that cannot be read, a broken symbolic link, a symbolic link to a
folder (not followed), a FIFO, a socket and a device file (and links to them) are each reported
as a skipped input with its reason, in walk order, on stderr and in the reports that list inputs
that could not be read (JSON, CSV, JUnit, HTML), never as a case; exit code 2. A case file's name
ends in .xml in any letter case. A folder with no case files is exit code 2 with a message. The
output is the same bytes on 1, 2 and 3 threads. A file named on the command line is taken as given.

A folder that cannot be read: mode 000 for a user. Root reads it anyway, so as root the CLI runs
as the unprivileged user 65534 (setpriv) for that case, and it is skipped, with the reason
printed, where that cannot run. A device file: made with mknod as root; a user has the link to
/dev/null only.

usage: walk_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures, notes = [], []
FORMATS = [["--format", "text"], ["--format", "json"], ["--format", "csv"], ["--format", "junit"], ["--format", "html"],
           ["--summary"], ["--summary", "--format", "json"], ["--summary", "--format", "csv"]]


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, prefix=()):
    p = subprocess.run([*prefix, cli, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode()


def same_on_any_threads(args, prefix=()):
    runs = [run(*args, "-j", j, prefix=prefix) for j in ("1", "2", "3")]
    check(runs[0] == runs[1] == runs[2], f"{' '.join(args)}: 1, 2 and 3 threads differ")
    return runs[0]


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    tmp.chmod(0o755)
    cases = tmp / "cases"
    (cases / "sub").mkdir(parents=True)
    (cases / "zz").mkdir()
    example = (src / "examples/03-late-24-hour-assessment.xml").read_bytes()
    for name in ("a.xml", "B.XML", "sub/c.Xml", "zz/d.xml"):
        (cases / name).write_bytes(example)
    (cases / "notes.txt").write_text("not a case file, not a word about it\n")
    os.mkfifo(cases / "pipe.xml")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(cases / "sub" / "sock"))
    sock.close()
    (cases / "broken.xml").symlink_to("nowhere.xml")
    (cases / "dirlink").symlink_to("sub")
    (cases / "devlink.xml").symlink_to("/dev/null")
    (cases / "link.xml").symlink_to("a.xml")  # a link to a case file is one
    root = os.geteuid() == 0
    if root:
        os.mknod(cases / "dev", 0o600 | 0o020000, os.makedev(1, 3))
    c = str(cases)
    skipped = [f"{c}/broken.xml: skipped, a broken symbolic link (its target does not exist)"]
    if root:
        skipped.append(f"{c}/dev: skipped, a character device")
    skipped += [f"{c}/devlink.xml: skipped, a symbolic link to a character device",
                f"{c}/dirlink: skipped, a symbolic link to a folder (not followed)",
                f"{c}/pipe.xml: skipped, a FIFO (named pipe)",
                f"{c}/sub/sock: skipped, a socket"]
    files = [f"{c}/B.XML", f"{c}/a.xml", f"{c}/link.xml", f"{c}/sub/c.Xml", f"{c}/zz/d.xml"]

    # Every format: the same skipped inputs in the same order, the cases and nothing else as cases.
    for fmt in FORMATS:
        rc, out, err = same_on_any_threads(["check", c, "--as-of", as_of, "--quiet", *fmt])
        name = " ".join(fmt)
        check(rc == 2, f"check {name}: exit {rc}, want 2")
        check(err.splitlines() == skipped, f"check {name}: stderr {err.splitlines()}")
        if fmt == ["--format", "json"]:
            doc = json.loads(out)
            check([x["source"] for x in doc["cases"]] == files, f"json: cases {[x['source'] for x in doc['cases']]}")
            check([f"{e['source']}: {e['message']}" for e in doc["errors"]] == skipped, "json: errors differ from the skipped inputs")
        elif fmt == ["--format", "csv"]:
            table = list(csv.DictReader(io.StringIO(out.decode(), newline="")))
            check([r["summary"] for r in table if r["status"] == "error"] == skipped, "csv: error rows differ from the skipped inputs")
            check(sorted({r["file"] for r in table if r["status"] != "error"}) == files, "csv: findings of other than the case files")
        elif fmt == ["--format", "junit"]:
            doc = ET.fromstring(out)
            check([e.get("message") for e in doc.iter("error")] == skipped, "junit: errors differ from the skipped inputs")
            check(int(doc.get("errors")) == len(skipped), "junit: the count of errors")
        elif fmt == ["--format", "html"]:
            check(all(s.encode() in out for s in skipped), "html: a skipped input is not listed")
            check(f"{len(skipped)} files could not be read".encode() in out, "html: the count of files that could not be read")
        elif fmt == ["--summary", "--format", "json"]:
            check(json.loads(out)["cases"] == len(files), "summary json: the count of cases")
        elif fmt == ["--format", "text"]:
            check(out.decode().count(": case 2024-0502") == len(files), "text: the count of cases")
    rc, out, err = same_on_any_threads(["deadlines", c, "--as-of", as_of, "--quiet"])
    check(rc == 2 and err.splitlines() == skipped, f"deadlines: exit {rc}, stderr {err.splitlines()}")

    # What the walk skipped counts towards --max-failures as files that could not be read do.
    rc, out, err = same_on_any_threads(["check", c, "--as-of", as_of, "--quiet", "--max-failures", "2", "--format", "json"])
    check(rc == 2 and err.splitlines()[-1] == f"barnetslov check: gave up after {len(skipped)} files could not be read (--max-failures 2); "
          f"{len(files)} files not checked" and json.loads(out)["summary"]["not_checked"] == len(files), f"--max-failures 2: {err!r}")

    # A folder with no case files, alone or beside one with some: exit 2, and a message.
    empty, other = tmp / "empty", tmp / "other"
    empty.mkdir()
    other.mkdir()
    (other / "readme.txt").write_text("x\n")
    nothing = ": no case files (*.xml) in the folder or below it"
    for args in ([str(empty)], [str(other)], [str(empty), c]):
        for command in ("check", "deadlines"):
            rc, out, err = run(command, *args, "--as-of", as_of, "--quiet")
            check(rc == 2 and err.splitlines()[0] == args[0] + nothing, f"{command} {' '.join(args)}: exit {rc}, {err!r}")
    rc, out, _ = run("check", str(empty), "--as-of", as_of, "--format", "json")
    doc = json.loads(out)
    check(rc == 2 and doc["errors"][0]["message"] == nothing[2:] and doc["cases"] == [], "json of an empty folder")

    # Files named on the command line are taken as given: any name, and what cannot be read is the loader's to say.
    rc, out, err = run("check", f"{c}/B.XML", f"{c}/notes.txt", f"{c}/broken.xml", "--as-of", as_of, "--quiet", "--format", "json")
    doc = json.loads(out)
    check(rc == 2 and [x["source"] for x in doc["cases"]] == [f"{c}/B.XML"], f"explicit files: exit {rc}, cases {doc['cases'][:1]}")
    check([e["source"] for e in doc["errors"]] == [f"{c}/notes.txt", f"{c}/broken.xml"] and "skipped" not in err,
          f"explicit files: errors {doc['errors']}")

    # A folder that cannot be read: skipped with the reason, the walk goes on past it.
    locked = cases / "locked"
    locked.mkdir()
    (locked / "hidden.xml").write_bytes(example)
    locked.chmod(0)
    prefix = ()
    if root:
        probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", cli, "version"], capture_output=True) \
            if shutil.which("setpriv") else None
        if probe is None or probe.returncode != 0:
            prefix = None
            notes.append("root reads a folder of mode 000 and the CLI cannot run as user 65534 here (setpriv): the unreadable folder is not tested")
        else:
            prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    if prefix is not None:
        want = skipped[:]
        want.insert(next(i for i, s in enumerate(want) if s > f"{c}/locked"), f"{c}/locked: skipped, cannot read the folder: Permission denied")
        for fmt in (["--format", "text"], ["--format", "json"]):
            rc, out, err = same_on_any_threads(["check", c, "--as-of", as_of, "--quiet", *fmt], prefix=prefix)
            check(rc == 2 and err.splitlines() == want, f"unreadable folder {' '.join(fmt)}: exit {rc}, stderr {err.splitlines()}")
        check(b"hidden.xml" not in out, "the unreadable folder's file was checked")
    locked.chmod(0o755)

for n in notes:
    print(f"note: {n}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"walk: {len(skipped)} skipped inputs reported in walk order in 8 formats and deadlines, on 1, 2 and 3 threads alike; "
      ".xml in any case; a folder with no case files is exit 2")
