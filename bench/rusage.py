#!/usr/bin/env python3
"""CPU time of whole runs, interleaved: what bench/run.sh takes as its primary timed figure.

    bench/rusage.py REPS COMMANDS OUT.json

COMMANDS is a file of lines "name<TAB>command" (the command split as a shell would, no shell run).
Each round runs every command once, in file order, so that a change of the machine's load falls on
all of them alike; REPS rounds. Of each run the child's own resource usage (os.wait4: user and
system CPU seconds, minor page faults, involuntary context switches), its wall seconds and the 1-minute load average at its
start are kept. The machine is shared: CPU time moves far less with its load than wall time does
(a descheduled process is not charged), so CPU time is primary and wall time is shown beside it.
"""
import json
import os
import shlex
import subprocess
import sys
import time


def main():
    reps, commands_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    commands = []
    with open(commands_file, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                name, command = line.rstrip("\n").split("\t", 1)
                commands.append((name, shlex.split(command)))
    runs = {name: [] for name, _ in commands}
    for _ in range(reps):
        for name, argv in commands:
            load = float(open("/proc/loadavg").read().split()[0])
            t0 = time.monotonic()
            child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, ru = os.wait4(child.pid, 0)
            wall = time.monotonic() - t0
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):  # check exits 1 when it finds problems; anything else is a broken run
                sys.exit(f"bench/rusage.py: {name} exited with {code}: {' '.join(argv)}")
            runs[name].append({"user": ru.ru_utime, "sys": ru.ru_stime, "wall": wall, "minflt": ru.ru_minflt,
                               "nivcsw": ru.ru_nivcsw, "load": load})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"reps": reps, "commands": {n: " ".join(a) for n, a in commands}, "runs": runs}, fh, indent=1)


if __name__ == "__main__":
    main()
