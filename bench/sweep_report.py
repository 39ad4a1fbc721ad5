#!/usr/bin/env python3
"""Tables of the complexity sweep (tests/complexity_test.cpp) for bench/COMPLEXITY.md.

    BARNETSLOV_SWEEP_OUT=DIR build/tests/complexity_test --gtest_filter='Shards/*'
    bench/sweep_report.py DIR [--before BEFORE_DIR]

DIR holds sweep-<shard>.tsv (shape, rule, work at 1,000, 4,000 and 16,000 events). Prints, in Markdown: the
rules that fail the sweep's criterion (none, when it passes), the worst growth per rule, and the worst growth
per event type and decision kind; with --before, the same figures of an earlier build beside them.
"""

import argparse
import collections
import glob
import os

SIZES = (1000, 4000, 16000)
MAX_GROWTH, FLOOR_PER_EVENT, SLACK, BUDGET = 5.0, 2, 256, 2000


def load(d):
    rows = {}
    for f in sorted(glob.glob(os.path.join(d, "*.tsv"))):
        for line in open(f):
            shape, rule, a, b, c = line.rstrip("\n").split("\t")
            rows[(shape, rule)] = (int(a), int(b), int(c))
    return rows


def growth(w):
    """The test's judged growth of each step (work over its base), and the raw ratios."""
    judged = []
    for k in (1, 2):
        base = max(w[k - 1], SLACK, FLOOR_PER_EVENT * SIZES[k - 1])
        if k == 1:
            base = max(base, w[2] // 16)
        judged.append(w[k] / base)
    return max(judged), judged


def fails(w):
    return growth(w)[0] > MAX_GROWTH or any(w[k] > BUDGET * SIZES[k] for k in range(3))


def kind_of(shape):
    """'afgoerelse:placement-change@chair/one-target' -> 'afgoerelse:placement-change'."""
    return shape.split("/")[0].split("@")[0]


def fmt_w(w):
    return " / ".join("{:,}".format(x) for x in w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--before")
    a = ap.parse_args()
    after = load(a.dir)
    before = load(a.before) if a.before else {}
    out = []
    shapes = {s for s, _ in after}
    rules = sorted({r for _, r in after})
    out.append("%d shapes x %d rules = %d figures%s." % (len(shapes), len(rules), len(after),
                                                           ", before: %d" % len(before) if before else ""))

    def worst_by(rows, key):
        best = {}
        for (shape, rule), w in rows.items():
            g = growth(w)[0]
            k = key(shape, rule)
            if k not in best or g > best[k][0]:
                best[k] = (g, shape, rule, w)
        return best

    for name, rows in (("before", before), ("after", after)):
        if not rows:
            continue
        failing = collections.defaultdict(list)
        for (shape, rule), w in rows.items():
            if fails(w):
                failing[rule].append((growth(w)[0], max(w[k] // SIZES[k] for k in range(3)), shape, w))
        out.append("\n### Rules failing the sweep, %s (%d)\n" % (name, len(failing)))
        if failing:
            out.append("| rule | shapes failing | worst growth per 4x | its shape | work at 1k / 4k / 16k | most work per event |")
            out.append("|---|---:|---:|---|---|---:|")
            for rule, l in sorted(failing.items(), key=lambda kv: -max(x[0] for x in kv[1])):
                l.sort(reverse=True)
                g, per, shape, w = l[0]
                out.append("| %s | %d | %.1fx | `%s` | %s | %s |" % (rule, len(l), g, shape, fmt_w(w),
                                                                    "{:,}".format(max(x[1] for x in l))))
        else:
            out.append("None.")

    wa = worst_by(after, lambda s, r: r)
    wb = worst_by(before, lambda s, r: r) if before else {}
    out.append("\n### Worst growth per rule\n")
    out.append("Growth per 4x more events as the test judges it (work over the floor of 2 accesses per event; the")
    out.append("first step also over the work at 16k / 16); 4.0 is linear, 16.0 quadratic.\n")
    head = "| rule | after | shape | work at 1k / 4k / 16k |" + (" before | shape | work at 1k / 4k / 16k |" if before else "")
    out.append(head)
    out.append("|---|---:|---|---|" + ("---:|---|---|" if before else ""))
    for rule in sorted(wa, key=lambda r: -(wb.get(r, wa[r])[0])):
        g, shape, _, w = wa[rule]
        line = "| %s | %.2f | `%s` | %s |" % (rule, g, shape, fmt_w(w))
        if before and rule in wb:
            gb, sb, _, wbb = wb[rule]
            line += " %.2f | `%s` | %s |" % (gb, sb, fmt_w(wbb))
        out.append(line)

    ka = worst_by(after, lambda s, r: kind_of(s))
    kb = worst_by(before, lambda s, r: kind_of(s)) if before else {}
    out.append("\n### Worst growth per event type and decision kind (any body, any shape, any rule)\n")
    head = "| kind | after | rule | shape |" + (" before | rule | shape |" if before else "")
    out.append(head)
    out.append("|---|---:|---|---|" + ("---:|---|---|" if before else ""))
    for kind in sorted(ka):
        g, shape, rule, w = ka[kind]
        line = "| %s | %.2f | %s | `%s` |" % (kind, g, rule, shape)
        if before and kind in kb:
            gb, sb, rb, _ = kb[kind]
            line += " %.2f | %s | `%s` |" % (gb, rb, sb)
        out.append(line)
    print("\n".join(out))


if __name__ == "__main__":
    main()
