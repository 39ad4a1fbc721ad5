#!/usr/bin/env python3
"""One huge case from a corpus of tools/generate-corpus.py: the events of its cases, in file order, until
the case holds EVENTS events (issue 15: the largest mixed case the limits accept).

    bench/merge_corpus.py CORPUS_DIR OUT.xml [--events 100000]

Each case's event ids (and the refs naming them) get a suffix of the case's number, so the trajectories
stay whole and linked; the people are the union of the cases' (by id, the first case's wins), the child
the first case's. Dates are left as generated: the trajectories overlap in the generator's years, which
makes the case dense. Written without indentation, so that 100,000 events fit the loader's 16 MiB.
"""

import argparse
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "urn:barnetslov:case:1"
Q = "{%s}" % NS


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def attrs(element):
    return "".join(' %s="%s"' % (k, v.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")) for k, v in element.attrib.items())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--events", type=int, default=100000)
    a = ap.parse_args()
    files = sorted(p for p in pathlib.Path(a.corpus).glob("*.xml"))
    child, people, seen, events = None, [], set(), []
    for number, path in enumerate(files):
        if len(events) >= a.events:
            break
        root = ET.parse(path).getroot()
        suffix = "-" + base36(number)
        for element in root:
            tag = element.tag[len(Q):]
            if tag == "child" and child is None:
                child = element
            elif tag in ("party", "sibling") and element.get("id") not in seen:
                seen.add(element.get("id"))
                people.append((tag, element))
            elif tag == "events":
                for e in element:
                    if len(events) >= a.events:
                        break
                    e.set("id", e.get("id") + suffix)
                    if e.get("ref"):
                        e.set("ref", " ".join(r + suffix for r in e.get("ref").split()))
                    events.append(e)
    if len(events) < a.events:
        sys.exit("only %d events in %s" % (len(events), a.corpus))
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<case xmlns="%s" id="MERGED-%d">' % (NS, a.events)]
    out.append("<child%s/>" % attrs(child))
    out += ["<%s%s/>" % (tag, attrs(e)) for tag, e in people]
    out.append("<events>")
    out += ["<%s%s/>" % (e.tag[len(Q):], attrs(e)) for e in events]
    out.append("</events></case>")
    pathlib.Path(a.out).write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
