#!/usr/bin/env python3
"""Writes the hand-made seeds of the byte-stream harnesses (corpus/capi, corpus/calendar).

The loader's seeds are real case files (examples/, tests/bad-inputs/); the C API and calendar
harnesses read bytes as operations, so their seeds spell out a few meaningful programs: build a
valid case, evaluate it, read every finding, write JSON, pre-check a decision. The dictionaries
are read from fuzz_capi.cpp, so an index here is the word there. Run it after changing them."""
import pathlib
import re
import struct

here = pathlib.Path(__file__).resolve().parent
src = (here / "fuzz_capi.cpp").read_text()


def words(name):
    body = re.search(r"const char\* const " + name + r"\[\] = \{(.*?)\};", src, re.S).group(1)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', body)


D = {n: words(n) for n in ["sources", "case_attrs", "child_attrs", "person_elements", "person_attrs", "events",
                           "event_attrs", "values", "rule_ids"]}


def ix(dictionary, word):
    return D[dictionary].index(word)


def program(slot, steps):
    out = bytearray()
    for op, *args in steps:
        out += bytes([slot, op]) + bytes(args)
    return bytes(out)


def attr(op, names, name, value):
    return (op, ix(names, name), ix("values", value))


def as_of_bytes(seconds_after_2023):
    return bytes([1]) + struct.pack(">I", seconds_after_2023)


case = [
    (0, 0, ix("sources", "case 2024-0117")),
    attr(1, "case_attrs", "id", "u2"),
    (2,),
    attr(3, "child_attrs", "id", "barn"),
    attr(3, "child_attrs", "birth-date", "2015-06-01"),
    (4, ix("person_elements", "party")),
    attr(5, "person_attrs", "id", "mor"),
    attr(5, "person_attrs", "role", "custody-holder"),
    (6, ix("events", "underretning")),
    attr(7, "event_attrs", "id", "u1"),
    attr(7, "event_attrs", "received-at", "2024-03-28T14:30"),
    attr(7, "event_attrs", "notifier", "professional"),
    attr(7, "event_attrs", "channel", "phone"),
    (6, ix("events", "akutvurdering")),
    attr(7, "event_attrs", "id", "a1"),
    attr(7, "event_attrs", "at", "2024-03-31T02:30"),  # in the DST gap: an error, building goes on
    attr(7, "event_attrs", "ref", "u1"),
    (6, ix("events", "afgoerelse")),
    attr(7, "event_attrs", "id", "d1"),
    attr(7, "event_attrs", "at", "2024-03-28"),
    attr(7, "event_attrs", "kind", "supportive-measure"),
    (9,),
]
valid = [s for s in case if s[:1] != (7,) or D["values"][s[2]] != "2024-03-31T02:30"]
valid[valid.index(attr(7, "event_attrs", "ref", "u1")) - 1] = attr(7, "event_attrs", "at", "2024-03-28T14:30")

evaluate = program(0, valid) + bytes([0, 11, 0]) + as_of_bytes(60 * 86400)
read_all = bytes([0, 12]) + bytes([1, 0, 0, 0, 0, 1, 0])  # statuses, rule (pick+flag), order, size flag, pending?
seeds = {
    "build-evaluate-read": evaluate + read_all + bytes([0, 14, 1]),
    "build-with-errors": program(0, case) + bytes([0, 11, 0]) + as_of_bytes(0),
    "precheck": evaluate + bytes([0, 15, ix("values", "placement-without-consent"), ix("values", "committee"),
                                  ix("values", "u1"), ix("event_attrs", "has-reasons"), ix("values", "true")])
                + as_of_bytes(30 * 86400) + bytes([1, 1, 1, 1, 0]) + as_of_bytes(30 * 86400),
    "calls-out-of-order": program(1, [attr(7, "event_attrs", "id", "u1"), (9,), (2,), attr(1, "case_attrs", "id", "u1")])
                          + bytes([1, 11, 1]) + as_of_bytes(0) + bytes([1, 13, 0, 0, 0, 0]),
    "load-buffer": bytes([0, 10, 90]) + b'<case xmlns="urn:barnetslov:case:1" id="x"><child id="c" birth-date="2015-06-01"/></case>'
                   + bytes([1, 0, 11, 0]) + as_of_bytes(0) + bytes([0, 14, 0]),
}
for name, data in seeds.items():
    (here / "corpus" / "capi" / name).write_bytes(data)

# Calendar: options byte, then (check selector, its bytes)...; zeros and ones spell ordinary days.
cal = {
    "every-check": bytes([7]) + bytes(range(6)) * 3 + bytes(40),
    "hverdage-around-easter-2024": bytes([7, 0]) + struct.pack(">II", 45700, 6) + struct.pack(">I", 10),
    "time-zone-autumn": bytes([0, 4]) + struct.pack(">II", 45590, 2 * 3600 + 1800) + struct.pack(">I", 9000),
    "text-dst-gap": bytes([1, 5, 16]) + b"2024-03-31T02:30",
    "text-cpr": bytes([1, 5, 11]) + b"150610-4321",
}
for name, data in cal.items():
    (here / "corpus" / "calendar" / name).write_bytes(data)
print("seeds written:", ", ".join(list(seeds) + list(cal)))
