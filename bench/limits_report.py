#!/usr/bin/env python3
"""Writes bench/LIMITS.md from the table bench/limits.sh measured ($TSV)."""

import csv
import os

CPU_LIMIT, RSS_LIMIT_MB = 5.0, 300.0

rows = []
with open(os.environ["TSV"], newline="") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        r["cpu"] = float(r["user_s"]) + float(r["sys_s"])
        r["rss_mb"] = int(r["max_rss_kb"]) / 1024
        rows.append(r)


def shape(name):
    return name.split("_")[-1] if name != "mixed" else "mixed"


def line(r):
    ok = r["cpu"] <= CPU_LIMIT and r["rss_mb"] <= RSS_LIMIT_MB and r["exit"] in ("0", "1")
    return "| %s | %s | %.1f | %.2f | %.2f | %.0f | %s |" % (
        r["case"], r["events"], int(r["bytes"]) / 2**20, float(r["user_s"]), float(r["sys_s"]), r["rss_mb"],
        "yes" if ok else "**NO** (exit %s)" % r["exit"] if r["exit"] not in ("0", "1") else "**NO**")


head = "| case | events | MiB | user s | sys s | peak RSS MB | within |\n|---|---:|---:|---:|---:|---:|---|"
failed = [r for r in rows if r["cpu"] > CPU_LIMIT or r["rss_mb"] > RSS_LIMIT_MB or r["exit"] not in ("0", "1")]
out = []
out.append("# The largest cases the limits accept\n")
out.append("Written by `bench/limits.sh` (issue 15, item 1): every case is checked with")
out.append("`barnetslov check --summary --as-of %s FILE` under `/usr/bin/time -f '%%U %%S %%M'`; each must take at most" % os.environ["AS_OF"])
out.append("%.0f s of CPU (user + system) and %.0f MB of peak RSS. The loader's limits (`Limits` in" % (CPU_LIMIT, RSS_LIMIT_MB))
out.append("`include/barnetslov/case_builder.hpp`): 100,000 events and 16 MiB a file.\n")
out.append("Commit %s%s; %s; load average %s when the run ended.\n" % (
    os.environ.get("COMMIT", "?"), " (with uncommitted changes)" if os.environ.get("DIRTY", "0") != "0" else "",
    os.environ.get("CPU_MODEL", "?"), os.environ.get("LOAD", "?")))
out.append("The cases (see the script's header): `mixed` is 100,000 events of the generator's trajectories merged into one")
out.append("case; every other row is one event type or decision kind (`afgoerelse_<kind>_<body>`) in one of the")
out.append("complexity sweep's shapes (tests/complexity_test.cpp): `(lean)` rows hold 100,000 events with only the")
out.append("required attributes; `spread` and `one-target` rows every attribute, with as many events as fit in 16 MiB.\n")
out.append("## Result\n")
out.append("%d cases; %s." % (len(rows), "all within both limits" if not failed else "**%d over a limit** (listed first below)" % len(failed)))
worst_cpu = max(rows, key=lambda r: r["cpu"])
worst_rss = max(rows, key=lambda r: r["rss_mb"])
out.append("Most CPU: `%s`, %.2f s. Largest peak RSS: `%s`, %.0f MB.\n" % (worst_cpu["case"], worst_cpu["cpu"], worst_rss["case"], worst_rss["rss_mb"]))
if failed:
    out.append("### Over a limit\n")
    out.append(head)
    out += [line(r) for r in failed]
    out.append("")
out.append("### The mixed case\n")
out.append(head)
out += [line(r) for r in rows if r["case"] == "mixed"]
out.append("\n### The 20 kinds taking the most CPU\n")
out.append(head)
out += [line(r) for r in sorted(rows, key=lambda r: -r["cpu"])[:20]]
out.append("\n### The 10 kinds with the largest peak RSS\n")
out.append(head)
out += [line(r) for r in sorted(rows, key=lambda r: -r["rss_mb"])[:10]]
out.append("\n### Per shape: the most CPU and RSS of its kinds\n")
out.append("| shape | cases | events (max) | CPU s (max) | its case | peak RSS MB (max) | its case |\n|---|---:|---:|---:|---|---:|---|")
shapes = {}
for r in rows:
    shapes.setdefault(r["case"].split(" ")[0].rsplit("_", 1)[-1] + (" (lean)" if "(lean)" in r["case"] else ""), []).append(r)
for s, rs in sorted(shapes.items()):
    c = max(rs, key=lambda r: r["cpu"])
    m = max(rs, key=lambda r: r["rss_mb"])
    out.append("| %s | %d | %s | %.2f | %s | %.0f | %s |" % (s, len(rs), max(int(r["events"]) for r in rs), c["cpu"], c["case"], m["rss_mb"], m["case"]))
out.append("\n### Instructions (callgrind)\n")
out.append("`valgrind --tool=callgrind barnetslov check --summary -q --as-of %s FILE`, whole run:\n" % os.environ["AS_OF"])
out.append("| case | instructions |\n|---|---:|")
out.append("| mixed | {:,} |".format(int(os.environ.get("CG_MIXED") or 0)))
out.append("| {} (the most CPU) | {:,} |".format(os.environ.get("WORST", "?"), int(os.environ.get("CG_WORST") or 0)))
out.append("\nEvery row: `bench/limits.tsv`.")
print("\n".join(out))
