#!/usr/bin/env python3
"""Nothing written is lost without a word: `barnetslov check` in every format (text, json, csv,
junit, html, the summary as text, json and csv) and `barnetslov deadlines` (text, csv, json, ics), writing to
a full disk (/dev/full, as standard output and as --output), a pipe whose reader is gone (SIGPIPE
ignored), a file over its size limit (RLIMIT_FSIZE, SIGXFSZ ignored), a missing and a read-only
folder: exit code 2 and the reason on stderr, never 0 or 1. `--output FILE` replaces FILE only with
a whole report, written beside it under another name with the permissions of a new file; a report
that fails, or is killed, leaves FILE as it was and nothing else in the folder.

A read-only folder: mode 0555 for a user; root writes there anyway, so as root the folder is made
immutable (chattr +i) instead, and that case is skipped, with the reason printed, where chattr
cannot.

usage: output_cli_test.py CLI SOURCE_DIR
"""
import os
import pty
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
examples = str(src / "examples")
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures = []
notes = []

OUTPUTS = [
    ["check", "--format", "text"], ["check", "--format", "json"], ["check", "--format", "csv"], ["check", "--format", "junit"],
    ["check", "--format", "html"], ["check", "--summary"], ["check", "--summary", "--format", "json"],
    ["check", "--summary", "--format", "csv"], ["deadlines"], ["deadlines", "--format", "csv"],
    ["deadlines", "--format", "json"], ["deadlines", "--format", "ics"],
]


def check(cond, what):
    if not cond:
        failures.append(what)


def command(variant, *extra):
    return [cli, variant[0], examples, "--as-of", as_of, "--quiet", *variant[1:], *extra]


def run(args, stdout=subprocess.PIPE, preexec_fn=None, restore_signals=True):
    p = subprocess.run(args, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=preexec_fn, restore_signals=restore_signals)
    return p.returncode, p.stdout or b"", p.stderr.decode()


def small_files():  # in the child: files of at most 64 bytes; a larger write fails with EFBIG instead of a signal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


def umask_027():
    os.umask(0o027)


def reason_line(err, where, reason):
    return f"cannot write the report to {where}: {reason}\n" in err


def make_read_only(folder):
    """A folder nobody may add a file to, or the reason there is none here."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return "Permission denied", None
    p = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if p.returncode != 0:
        return None, f"chattr +i failed as root ({p.stderr.decode().strip() or p.returncode}); a read-only folder is not tested"
    return "Operation not permitted", None


def undo_read_only(folder):
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    else:
        folder.chmod(0o755)


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    readonly = tmp / "readonly"
    readonly.mkdir()
    ro_reason, ro_skip = make_read_only(readonly)
    if ro_skip:
        notes.append(ro_skip)
    try:
        for n, variant in enumerate(OUTPUTS):
            name = " ".join(variant)
            rc, want, err = run(command(variant))
            check(rc in (0, 1) and want, f"{name}: exit {rc} on a plain run: {err}")

            # A full disk, as standard output and as --output.
            with open("/dev/full", "wb") as full:
                rc, _, err = run(command(variant), stdout=full)
            check(rc == 2 and reason_line(err, "standard output", "No space left on device"), f"{name} > /dev/full: exit {rc}, {err!r}")
            rc, _, err = run(command(variant, "--output", "/dev/full"))
            check(rc == 2 and reason_line(err, "'/dev/full'", "No space left on device"), f"{name} --output /dev/full: exit {rc}, {err!r}")

            # A pipe whose reader is gone before the first byte, SIGPIPE ignored: every write is EPIPE.
            r, w = os.pipe()
            os.close(r)
            old = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
            try:
                rc, _, err = run(command(variant), stdout=w, restore_signals=False)
            finally:
                signal.signal(signal.SIGPIPE, old)
                os.close(w)
            check(rc == 2 and reason_line(err, "standard output", "Broken pipe"), f"{name} | (closed, SIGPIPE ignored): exit {rc}, {err!r}")

            folder = tmp / f"out{n}"
            folder.mkdir()
            target = folder / "report"
            # Over the file size limit: the report already there is kept, and no temporary file is left.
            target.write_bytes(b"the report before\n")
            rc, _, err = run(command(variant, "--output", str(target)), preexec_fn=small_files)
            check(rc == 2 and reason_line(err, f"'{target}'", "File too large"), f"{name} --output over RLIMIT_FSIZE: exit {rc}, {err!r}")
            check(target.read_bytes() == b"the report before\n", f"{name}: a failed report replaced the one before it")
            check(sorted(os.listdir(folder)) == ["report"], f"{name}: a failed report left {sorted(os.listdir(folder))}")

            # A whole report replaces it: the same bytes as on standard output, a new file's
            # permissions (0666 less the umask, here 027), nothing else beside it.
            target.chmod(0o600)
            rc, out, err = run(command(variant, "--output", str(target)), preexec_fn=umask_027)
            check(rc in (0, 1) and out == b"", f"{name} --output: exit {rc}, {err!r}")
            check(target.read_bytes() == want, f"{name} --output: the file differs from standard output")
            check(stat.S_IMODE(target.stat().st_mode) == 0o640, f"{name} --output: mode {oct(stat.S_IMODE(target.stat().st_mode))}, want 0o640")
            check(sorted(os.listdir(folder)) == ["report"], f"{name} --output: the folder holds {sorted(os.listdir(folder))}")

            # A missing folder, a read-only one: said before any work, and nothing is made.
            missing = tmp / "missing" / "report"
            rc, _, err = run(command(variant, "--output", str(missing)))
            check(rc == 2 and reason_line(err, f"'{missing}'", "No such file or directory") and not missing.parent.exists(),
                  f"{name} --output in a missing folder: exit {rc}, {err!r}")
            if ro_reason:
                rc, _, err = run(command(variant, "--output", str(readonly / "report")))
                check(rc == 2 and reason_line(err, f"'{readonly / 'report'}'", ro_reason) and os.listdir(readonly) == [],
                      f"{name} --output in a read-only folder: exit {rc}, {err!r}")

        # A link to the report stays a link: the file it names is replaced.
        real, link = tmp / "real.txt", tmp / "link.txt"
        real.write_text("old\n")
        link.symlink_to("real.txt")
        rc, want, _ = run(command(OUTPUTS[0]))
        rc, _, err = run(command(OUTPUTS[0], "--output", str(link)))
        check(rc == 1 and link.is_symlink() and real.read_bytes() == want, f"--output through a symbolic link: exit {rc}, {err!r}")

        # The text report through `head -c1` with SIGPIPE ignored, as a shell user would: the report
        # (about 200 KB) is larger than the pipe holds, so writing it fails.
        p = subprocess.run(["bash", "-c", f"(trap '' PIPE; \"$0\" check \"$1\" --as-of \"$2\" --quiet | head -c1 > /dev/null; exit ${{PIPESTATUS[0]}})",
                            cli, examples, as_of], capture_output=True)
        check(p.returncode == 2 and b"cannot write the report to standard output: Broken pipe" in p.stderr,
              f"check | head -c1 with SIGPIPE ignored: exit {p.returncode}, {p.stderr!r}")

        # Killed while it works, the report leaves no temporary file behind, and the process dies
        # of the signal as it would have. To be sure it is at work when killed, its stderr is a
        # terminal whose buffer is full: the progress line it draws there (after the last file at
        # the latest, before the report is renamed) blocks until the signal comes.
        folder = tmp / "killed"
        folder.mkdir()
        try:
            master, slave = pty.openpty()
        except OSError as e:
            master = None
            notes.append(f"no pseudo-terminal ({e}): a report killed while it works is not tested")
        if master is not None:
            filler = os.open(os.ttyname(slave), os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
            # The kernel moves what was written on to the master's side a little later, making
            # room again: fill until a round finds none.
            while True:
                wrote = 0
                for chunk in (4096, 1):
                    try:
                        while True:
                            wrote += os.write(filler, b"x" * chunk)
                    except BlockingIOError:
                        pass
                if wrote == 0:
                    break
                time.sleep(0.05)
            p = subprocess.Popen([cli, "check", examples, "--as-of", as_of, "-j", "1", "--output", str(folder / "report.txt")],
                                 stdout=subprocess.DEVNULL, stderr=slave)
            deadline = time.monotonic() + 60
            while not os.listdir(folder) and p.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            made = os.listdir(folder)
            check(len(made) == 1 and made[0].startswith(".report.txt.tmp-"), f"--output: the temporary file is {made}")
            time.sleep(0.2)
            check(p.poll() is None, f"the report was not blocked on its terminal: exit {p.poll()}")
            p.send_signal(signal.SIGTERM)
            rc = p.wait(timeout=20)
            check(rc == -signal.SIGTERM and os.listdir(folder) == [], f"SIGTERM: exit {rc}, the folder holds {os.listdir(folder)}")
            for fd in (filler, slave, master):
                os.close(fd)

        # The short outputs of the other commands too.
        for args in (["rules"], ["rules", "--format", "json"], ["explain", "BL-UND-24H"], ["version"], ["check", "--help"]):
            with open("/dev/full", "wb") as full:
                rc, _, err = run([cli, *args], stdout=full)
            check(rc == 2 and err.endswith("barnetslov: cannot write to standard output: No space left on device\n"),
                  f"{' '.join(args)} > /dev/full: exit {rc}, {err!r}")
    finally:
        undo_read_only(readonly)

for n in notes:
    print(f"note: {n}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"output: {len(OUTPUTS)} outputs to /dev/full, a closed pipe, a size limit, a missing and a read-only folder: exit 2 with the reason; "
      "--output replaced only by a whole report")
