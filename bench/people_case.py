#!/usr/bin/env python3
"""A case at the people limit (issue 15): many custody holders, decisions, and letters to them naming the
decisions — the rules that tell every custody holder of every decision (BL-KLAGE-WHO, BL-ADV, BL-BARN-AKT10,
the consents, BL-FORMAND-143) at their largest.

    bench/people_case.py OUT.xml [--people 999] [--decisions 50000] [--letters 49990] [--refs 4]
                                 [--kind placement-without-consent] [--body committee]

The child and PEOPLE custody holders (the loader's limit is 1,000 people, the child one of them); DECISIONS
decisions of KIND by BODY over two years from 2024; LETTERS information letters (complaint rights) to a
custody holder chosen at random (seed 1), each naming REFS consecutive decisions.
"""

import argparse
import datetime as dt
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--people", type=int, default=999)
    ap.add_argument("--decisions", type=int, default=50000)
    ap.add_argument("--letters", type=int, default=49990)
    ap.add_argument("--refs", type=int, default=4)
    ap.add_argument("--kind", default="placement-without-consent")
    ap.add_argument("--body", default="committee")
    a = ap.parse_args()
    r = random.Random(1)
    body = "" if a.body == "municipality" else ' body="%s"' % a.body
    base = dt.date(2024, 1, 1)
    day = lambda d: (base + dt.timedelta(days=d * 700 // a.decisions)).isoformat()
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<case xmlns="urn:barnetslov:case:1" id="PEOPLE">',
           '<child id="barn" birth-date="2010-01-01"/>']
    out += ['<party id="p%d" role="custody-holder"/>' % p for p in range(a.people)]
    out.append("<events>")
    out += ['<afgoerelse id="d%d" at="%s" kind="%s"%s/>' % (d, day(d), a.kind, body) for d in range(a.decisions)]
    for n in range(a.letters):
        d = n * a.decisions // a.letters
        refs = " ".join("d%d" % min(a.decisions - 1, d + j) for j in range(a.refs))
        out.append('<information id="i%d" at="%s" party="p%d" topic="complaint-rights" ref="%s"/>' % (n, day(d), r.randrange(a.people), refs))
    out.append("</events></case>")
    open(a.out, "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
