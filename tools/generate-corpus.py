#!/usr/bin/env python3
"""Deterministic synthetic corpus of barnetslov case files, with its ground truth.

    tools/generate-corpus.py --cases N --seed S --out DIR [--from 2019-01-01] [--until 2026-06-30]
                             [--as-of YYYY-MM-DD] [--late-rate 0.15] [--missing-rate 0.1]

Writes DIR/case-00001.xml ... (format urn:barnetslov:case:1, valid against schema/case-1.xsd) and
DIR/manifest.json. Every case is a synthetic child's trajectory: underretning -> 24-hour assessment
-> kvittering -> screening -> undersøgelse (-> foreløbig vurdering) -> conclusion -> the child's
views -> decision -> plan -> measure start -> follow-up, and for some a placement (with consent;
without consent by the børne- og ungeudvalg; or the chair's provisional § 143 decision first),
supervision visits, renewals of a placement without consent, and complaints. No person is real:
no CPR numbers, only birth dates; case ids are synthetic.

Ground truth by construction: the manifest lists, for every case, the findings the modelled rules
give (rule, subject event id, status), with totals per rule, per rule and year (the local year of
the subject event, the one that started the duty) and per rule and unit. The truth is computed
here, from the generator's own events, with its own implementation of the counting conventions of
../shared/law/README.md (24 elapsed hours in UTC across DST, hverdage with the Danish holidays,
months with the end-of-month clamp, the as-of day deciding pending vs missed) -- never by running
the engine, so that tests/corpus_test.py can catch the engine (or this file) being wrong.

Deterministic: the same arguments give byte-identical files (one random.Random(seed) per case,
derived from the seed and the case number; no clock, no hash or dict-order dependence).
Python 3 standard library only.
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
from zoneinfo import ZoneInfo

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.timezone.utc
DAY = dt.timedelta(days=1)
BARNETS_LOV = dt.date(2024, 1, 1)

MODELLED_RULES = [
    "BL-UND-24H", "BL-UND-KVIT", "BL-UNDS-4M", "BL-BARN-VIEWS", "BL-PLAN-32", "BL-PLAN-ANB",
    "BL-OPF-FIRST", "BL-FORMAND-143", "BL-ANB-GENBEH", "BL-TILS-2X", "BL-KLAGE-4W",
]
STATUSES = ["met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate"]

MUNICIPALITIES = [
    ("0101", ["København Familie Nord", "København Familie Syd", "København Ungeenheden"]),
    ("0461", ["Odense Team Vest", "Odense Team Øst"]),
    ("0751", ["Aarhus Børn og Unge Midt", "Aarhus Børn og Unge Nord"]),
    ("0851", ["Aalborg Familieafdelingen"]),
    ("0157", ["Gentofte Myndighed"]),
]

# ---- Calendar: the counting conventions, implemented independently of the engine -----------------


def easter(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = ((h + l - 7 * m + 114) % 31) + 1
    return dt.date(year, month, day)


_HOLIDAYS = {}


def non_working_days(year):
    """Helligdage (Store Bededag up to and including 2023) plus 5 June, 24 and 31 December."""
    if year not in _HOLIDAYS:
        e = easter(year)
        days = {dt.date(year, 1, 1), e - dt.timedelta(days=3), e - dt.timedelta(days=2), e, e + DAY,
                e + dt.timedelta(days=39), e + dt.timedelta(days=49), e + dt.timedelta(days=50),
                dt.date(year, 12, 25), dt.date(year, 12, 26),
                dt.date(year, 6, 5), dt.date(year, 12, 24), dt.date(year, 12, 31)}
        if year <= 2023:
            days.add(e + dt.timedelta(days=26))  # Store Bededag: 4th Friday after Easter
        _HOLIDAYS[year] = days
    return _HOLIDAYS[year]


def is_hverdag(day):
    return day.weekday() < 5 and day not in non_working_days(day.year)


def hverdage_after(day0, n):
    """Day 0 is the day itself; the result is the n-th hverdag after it."""
    d, counted = day0, 0
    while counted < n:
        d += DAY
        if is_hverdag(d):
            counted += 1
    return d


def next_hverdag_from(day):
    while not is_hverdag(day):
        day += DAY
    return day


def months_after(day, n):
    """Same day-of-month n months later, clamped to the last day of that month."""
    m0 = day.year * 12 + (day.month - 1) + n
    y, m = divmod(m0, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - DAY).day
    return dt.date(y, m, min(day.day, last))


def years_after(day, n):
    return months_after(day, 12 * n)


def age_on(birth, day):
    """Completed years on `day` (law README: from 00:00 on the birthday; 29 February turns on 1 March)."""
    years = day.year - birth.year
    try:
        birthday = birth.replace(year=day.year)
    except ValueError:  # 29 February in a year without one
        birthday = dt.date(day.year, 3, 1)
    return years if day >= birthday else years - 1


def as_date(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(v)


def local_instant(day, hour, minute):
    """A Copenhagen wall-clock time (never in the 02:00-03:00 gap/overlap: callers use 07-21 h) as UTC."""
    assert 3 <= hour <= 23
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH).astimezone(UTC)


def local_day(instant):
    return instant.astimezone(CPH).date()


def start_of_day(day):
    return dt.datetime(day.year, day.month, day.day, tzinfo=CPH).astimezone(UTC)


def end_of_day_minus_1s(day):
    """The as-of instant for a date: the end of that local day, less one second (as the CLI reads it)."""
    nxt = day + DAY
    return dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=CPH).astimezone(UTC) - dt.timedelta(seconds=1)


def fmt_instant(instant):
    """Local wall-clock time without offset when unambiguous, else with its offset."""
    loc = instant.astimezone(CPH)
    wall = loc.replace(tzinfo=None)
    a = wall.replace(tzinfo=CPH, fold=0).astimezone(UTC)
    b = wall.replace(tzinfo=CPH, fold=1).astimezone(UTC)
    if a == b == instant:
        return wall.strftime("%Y-%m-%dT%H:%M")
    off = loc.utcoffset()
    total = int(off.total_seconds()) // 60
    return wall.strftime("%Y-%m-%dT%H:%M") + "%+03d:%02d" % (total // 60, abs(total) % 60)


# ---- Events --------------------------------------------------------------------------------------


class Ev:
    """One event: `day` its local day, `inst` its UTC instant when it has a time."""

    __slots__ = ("id", "type", "day", "inst", "attrs", "refs", "seq")

    def __init__(self, eid, etype, when, attrs=(), refs=()):
        self.id = eid
        self.type = etype
        if isinstance(when, dt.datetime):
            self.inst = when
            self.day = local_day(when)
        else:
            self.inst = None
            self.day = when
        self.attrs = list(attrs)
        self.refs = list(refs)
        self.seq = 0

    def attr(self, name, default=None):
        for k, v in self.attrs:
            if k == name:
                return v
        return default

    def sort_key(self):
        # Events in time order; a date-only event before timed ones of its day. The truth below never
        # depends on the order of two events of one day.
        if self.inst is None:
            return (self.day, 0, 0, self.seq)
        return (self.day, 1, self.inst.timestamp(), self.seq)


def order(a, b):
    """'before', 'after' or 'unknown' (the same date and either lacks a time), as the law README says."""
    if a.inst is not None and b.inst is not None:
        if a.inst < b.inst:
            return "before"
        if a.inst > b.inst:
            return "after"
        return "unknown"
    if a.day < b.day:
        return "before"
    if a.day > b.day:
        return "after"
    return "unknown"


# ---- Ground truth: the modelled rules, from the generator's own events ----------------------------


class Truth:
    def __init__(self, events, parties, as_of_day, birth):
        self.birth = birth
        self.events = sorted(events, key=Ev.sort_key)
        self.by_id = {e.id: e for e in self.events}
        self.parties = parties
        self.as_of_day = as_of_day
        self.as_of_inst = end_of_day_minus_1s(as_of_day)
        self.out = []

    def of(self, etype):
        return [e for e in self.events if e.type == etype]

    def referrers(self, target, etype=None):
        return [e for e in self.events if target.id in e.refs and (etype is None or e.type == etype)]

    def first_referrer(self, target, etype):
        r = self.referrers(target, etype)
        return r[0] if r else None

    def add(self, rule, subject, status):
        self.out.append((rule, subject.id, status, subject.day.year))

    # A deadline ending at the end of `due` (a day): judged by the day of the fulfilment.
    def judge_day(self, due, done):
        if done is not None:
            return "met" if done.day <= due else "late"
        return "missed" if self.as_of_day > due else "pending"

    def judge_hours(self, due_inst, done):
        if done is not None:
            return "met" if done.inst <= due_inst else "late"
        return "missed" if self.as_of_inst > due_inst else "pending"

    def judge_running(self, due, done, end):
        if done is None and end is not None and end <= due:
            return "not_applicable"
        return self.judge_day(due, done)

    def measure_end(self, decision):
        days = []
        for e in self.referrers(decision):
            if e.type in ("indsats-slut", "hjemgivelse"):
                days.append(e.day)
            if e.type == "indsats-start":
                days += [k.day for k in self.referrers(e) if k.type in ("indsats-slut", "hjemgivelse")]
        return min(days) if days else None

    def plan_near(self, about, day, before):
        side = (lambda p: p.day <= day) if before else (lambda p: p.day >= day)
        plans = [p for p in self.of("plan") if p.attr("kind", "barnets-plan") != "helhedsorienteret-plan"]
        for p in plans:
            if about.id in p.refs and side(p):
                return p
        found = None
        for p in plans:
            if side(p):
                if not before:
                    return p
                found = p
        return found

    def compute(self):
        self.und_24h()
        self.und_kvit()
        self.unds_4m()
        self.views()
        self.plans()
        self.first_followup()
        self.formand()
        self.genbeh()
        self.tils()
        self.klage()
        return self.out

    def und_24h(self):
        for u in self.of("underretning"):
            a = self.first_referrer(u, "akutvurdering")
            if u.inst is None:
                # A date without a time: the 24 hours may end anywhere in the next day's span.
                first = start_of_day(u.day) + dt.timedelta(hours=24)
                last = start_of_day(u.day + DAY) - dt.timedelta(seconds=1) + dt.timedelta(hours=24)
                t = a.inst if a is not None else self.as_of_inst
                if a is not None:
                    st = "met" if t <= first else ("late" if t > last else "indeterminate")
                else:
                    st = "missed" if t > last else ("pending" if t <= first else "indeterminate")
            else:
                st = self.judge_hours(u.inst + dt.timedelta(hours=24), a)
            if st == "met" and (a.attr("danger") is None or a.attr("acute-measures") is None):
                st = "violated"
            self.add("BL-UND-24H", u, st)

    def und_kvit(self):
        for u in self.of("underretning"):
            if u.attr("notifier") is None:
                self.add("BL-UND-KVIT", u, "indeterminate")
                continue
            if u.attr("notifier") != "professional":
                self.add("BL-UND-KVIT", u, "not_applicable")
                continue
            k = self.first_referrer(u, "kvittering")
            self.add("BL-UND-KVIT", u, self.judge_day(hverdage_after(u.day, 6), k))

    def unds_4m(self):
        for bfu in self.of("undersoegelse"):
            # The generator always refers an undersøgelse to its screening, which refers to its underretning.
            u = None
            for r in bfu.refs:
                e = self.by_id[r]
                cands = [e] if e.type == "underretning" else [self.by_id[x] for x in e.refs if self.by_id[x].type == "underretning"]
                for c in cands:
                    if u is None or c.day < u.day:
                        u = c
            if bfu.attr("aware-at") is not None:
                aware = as_date(bfu.attr("aware-at"))
            elif u is not None:
                aware = u.day
            else:
                self.add("BL-UNDS-4M", bfu, "indeterminate")
                continue
            due = months_after(aware, 4)
            done = self.first_referrer(bfu, "undersoegelse-afsluttet")
            prelim = self.first_referrer(bfu, "foreloebig-vurdering")
            st = self.judge_day(due, done)
            if st in ("late", "missed") and prelim is not None and prelim.day <= due:
                st = "met"
            self.add("BL-UNDS-4M", bfu, st)

    def views(self):
        records = self.of("boernesamtale") + self.of("boernesamtale-undtagelse")
        for d in self.of("afgoerelse"):
            if d.attr("kind") in ("aktindsigt", "complaint-decision"):
                self.add("BL-BARN-VIEWS", d, "not_applicable")
                continue
            if d.attr("kind") == "other" and d.day < BARNETS_LOV:
                self.add("BL-BARN-VIEWS", d, "indeterminate")  # on or off § 48's list: unknown
                continue
            # Every other kind the generator writes is on Serviceloven § 48's list too.
            ok = any(order(v, d) != "after" for v in records)
            self.add("BL-BARN-VIEWS", d, "met" if ok else "violated")

    def handleplan(self, d):
        before = self.plan_near(d, d.day, True)
        o = order(before, d) if before is not None else "after"
        if o == "before":
            return "met"
        if o == "unknown":
            return "indeterminate"
        later = self.plan_near(d, d.day, False)
        if d.attr("provisional") == "true":
            return self.judge_day(months_after(d.day, 4), later)
        return "violated"

    def plan_3_months(self, d):
        p = self.plan_near(d, d.day, False) or self.plan_near(d, d.day, True)
        return self.judge_day(months_after(d.day, 3), p)

    def plans(self):
        for d in self.of("afgoerelse"):
            kind = d.attr("kind")
            if kind == "supportive-measure":
                if d.day < BARNETS_LOV:
                    st = self.handleplan(d)
                elif d.attr("plan") is None:
                    st = "indeterminate"
                elif d.attr("plan") == "no-plan":
                    st = "met"
                else:
                    st = self.plan_3_months(d)
                self.add("BL-PLAN-32", d, st)
            elif kind in ("placement-with-consent", "placement-without-consent"):
                if d.day < BARNETS_LOV:
                    st = self.handleplan(d)
                elif kind == "placement-with-consent":
                    st = self.plan_3_months(d)
                else:
                    before = self.plan_near(d, d.day, True)
                    o = order(before, d) if before is not None else "after"
                    st = {"before": "met", "unknown": "indeterminate", "after": "violated"}[o]
                self.add("BL-PLAN-ANB", d, st)

    def first_followup(self):
        for start in self.of("indsats-start"):
            d = self.by_id[start.refs[0]]
            due = months_after(start.day, 3)
            if start.day >= BARNETS_LOV:
                par = None
                for bfu in self.of("undersoegelse"):
                    if bfu.day > start.day:
                        continue
                    end = self.first_referrer(bfu, "undersoegelse-afsluttet")
                    if end is not None and end.day > start.day and (par is None or end.day < par):
                        par = end.day
                if par is not None and par < due:
                    due = par
            fus = [o for o in self.of("opfoelgning") if o.day >= start.day and (start.id in o.refs or d.id in o.refs)]
            self.add("BL-OPF-FIRST", start, self.judge_running(due, fus[0] if fus else None, self.measure_end(d)))

    def formand(self):
        holders = [p for p, role in self.parties if role == "custody-holder"]
        for d in self.of("afgoerelse"):
            if d.attr("body") != "chair":
                continue
            impl = self.by_id["__impl__" + d.id]  # pseudo-event: implemented-at
            end = self.measure_end(d)
            committee = [e for e in self.referrers(d, "afgoerelse") if e.attr("body") == "committee"]
            last, all_told = None, True
            # Under barnets lov a child of 10+ is a party in § 143 cases (§ 3 nr. 10) and gets the notice too.
            child = ["barn"] if impl.day >= BARNETS_LOV and age_on(self.birth, impl.day) >= 10 else []
            for h in child + holders:
                n = next((e for e in self.referrers(d, "information") if e.attr("party") == h), None)
                if n is None:
                    all_told = False
                elif last is None or n.inst > last.inst:
                    last = n
            if not holders:
                self.add("BL-FORMAND-143", d, "indeterminate")
            else:
                self.add("BL-FORMAND-143", d, self.judge_hours(impl.inst + dt.timedelta(hours=24), last if all_told else None))
            approval = committee[0] if committee else None
            self.add("BL-FORMAND-143", d, self.judge_running(impl.day + dt.timedelta(days=6), approval, end))
            ordinary = next((e for e in committee if e.attr("kind") == d.attr("kind")), None)
            if ordinary is None and len(committee) > 1:
                ordinary = committee[1]
            self.add("BL-FORMAND-143", d, self.judge_running(months_after(impl.day, 1), ordinary, end))

    def genbeh(self):
        decisions = self.of("afgoerelse")
        for d in decisions:
            if d.attr("body") != "committee" or d.attr("kind") not in ("placement-without-consent", "placement-continued"):
                continue
            due = as_date(d.attr("renewal-due"))
            nxt = next((e for e in decisions if e is not d and e.attr("body") == "committee"
                        and e.attr("kind") in ("placement-continued", "permanent-placement", "placement-without-consent")
                        and (d.id in e.refs or e.day > d.day)), None)
            self.add("BL-ANB-GENBEH", d, self.judge_running(due, nxt, self.measure_end(d)))

    def tils(self):
        for start in self.of("indsats-start"):
            d = self.by_id[start.refs[0]]
            if not d.attr("kind", "").startswith("placement-") or d.attr("kind") == "placement-continued":
                continue
            end = self.measure_end(d)
            visits = [v.day for v in self.of("tilsynsbesoeg")
                      if (start.id in v.refs or d.id in v.refs)
                      and v.attr("at-placement") != "false" and v.attr("child-conversation") != "false"]
            year = 0
            while True:
                frm = years_after(start.day, year)
                if frm > self.as_of_day or (end is not None and frm >= end):
                    break
                nxt = years_after(start.day, year + 1)
                cut = end is not None and end < nxt  # the placement ended inside the window
                last = end if cut else nxt - DAY
                n = sum(1 for v in visits if frm <= v <= last)
                # A cut window needs 1 visit when it lasted 6 months or more, none when shorter (law README).
                need = (1 if end >= months_after(frm, 6) else 0) if cut else 2
                if need == 0:
                    st = "not_applicable"
                elif n >= need:
                    st = "met"
                elif cut or self.as_of_day > last:
                    st = "missed"
                else:
                    st = "pending"
                self.add("BL-TILS-2X", start, st)
                year += 1

    def klage(self):
        for k in self.of("klage"):
            d = self.by_id[k.refs[0]]
            ch = d.attr("notification-channel")
            if ch is None:
                self.add("BL-KLAGE-4W", k, "indeterminate")
                continue
            sent = as_date(d.attr("notified-at")) if d.attr("notified-at") else d.day
            received = {"digital": sent, "in-person": sent, "post": hverdage_after(sent, 6),
                        "quickpost": sent + dt.timedelta(days=2)}[ch]
            due = next_hverdag_from(received + dt.timedelta(days=28))
            self.add("BL-KLAGE-4W", k, "met" if k.day <= due else "late")


# ---- The trajectories ----------------------------------------------------------------------------


class CaseGen:
    def __init__(self, rng, args, number):
        self.rng = rng
        self.args = args
        self.number = number
        self.events = []
        self.n = {}
        self.seq = 0

    def new_id(self, prefix):
        self.n[prefix] = self.n.get(prefix, 0) + 1
        return "%s%d" % (prefix, self.n[prefix])

    def ev(self, prefix, etype, when, attrs=(), refs=()):
        e = Ev(self.new_id(prefix), etype, when, attrs, refs)
        self.seq += 1
        e.seq = self.seq
        self.events.append(e)
        return e

    def outcome(self):
        r = self.rng.random()
        if r < self.args.missing_rate:
            return "missing"
        if r < self.args.missing_rate + self.args.late_rate:
            return "late"
        return "ok"

    def days(self, lo, hi):
        return dt.timedelta(days=self.rng.randint(lo, hi))

    def timed(self, day):
        return local_instant(day, self.rng.randint(8, 16), self.rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]))

    def era_plan_kind(self, day):
        return "handleplan" if day < BARNETS_LOV else "barnets-plan"

    # -- notifications ---------------------------------------------------------------------------
    def underretning(self, day):
        rng = self.rng
        notifier = rng.choices(["professional", "private", "anonymous"], [70, 20, 10])[0]
        role = {"professional": rng.choice(["school", "daycare", "health-visitor", "doctor", "hospital", "police"]),
                "private": rng.choice(["parent", "family", "neighbour"]), "anonymous": "anonymous"}[notifier]
        channel = rng.choice(["phone", "email", "digital", "letter"])
        t0 = self.timed(day)
        attrs = [("received-at", t0 if rng.random() >= 0.03 else day)]
        if channel == "phone" and rng.random() < 0.5:
            attrs.append(("written-received-at", day + self.days(1, 4)))
        if rng.random() >= 0.03:
            attrs.append(("notifier", notifier))
        attrs += [("notifier-role", role), ("channel", channel)]
        u = self.ev("u", "underretning", attrs[0][1], attrs)
        o = self.outcome()
        if o != "missing":
            minutes = rng.randint(20, 23 * 60 + 50) if o == "ok" else rng.randint(24 * 60 + 5, 96 * 60)
            at = t0 + dt.timedelta(minutes=minutes)
            danger = rng.random() < 0.2
            attrs = [("danger", "true" if danger else "false")]
            if rng.random() >= 0.03:
                attrs.append(("acute-measures", "true" if danger and rng.random() < 0.5 else "false"))
            self.ev("a", "akutvurdering", at, attrs, [u.id])
        if notifier == "professional":
            o = self.outcome()
            due = hverdage_after(day, 6)
            if o == "ok":
                self.ev("k", "kvittering", day + self.days(1, (due - day).days), (), [u.id])
            elif o == "late":
                self.ev("k", "kvittering", due + self.days(1, 12), (), [u.id])
        return u

    # -- the child's views before a decision -----------------------------------------------------
    def views_before(self, decision_day, earliest):
        rng = self.rng
        o = self.outcome()
        if o == "ok":
            day = max(earliest, decision_day - self.days(1, 20))
            if rng.random() < 0.1:
                self.ev("ex", "boernesamtale-undtagelse", day, [("reason", rng.choice(["age", "circumstances"])),
                                                                ("alternative", rng.choice(["network", "professionals", "observation"]))])
            else:
                self.ev("bs", "boernesamtale", day, [("method", rng.choice(["conversation", "direct-contact"])),
                                                     ("outcome", "declined" if rng.random() < 0.1 else "views-recorded")])
        elif o == "late":
            self.ev("bs", "boernesamtale", decision_day + self.days(1, 30), [("method", "conversation"), ("outcome", "views-recorded")])

    def notify_attrs(self, day):
        ch = self.rng.choices(["digital", "post", None], [60, 35, 5])[0]
        attrs = [("has-reasons", "true"), ("has-klagevejledning", "true"), ("notified-at", day)]
        if ch:
            attrs.append(("notification-channel", ch))
        return attrs

    def maybe_complaint(self, d):
        if self.rng.random() >= 0.12:
            return
        ch = d.attr("notification-channel")
        sent = d.attr("notified-at") or d.day
        received = {None: sent, "digital": sent, "post": hverdage_after(sent, 6)}[ch]
        due = next_hverdag_from(received + dt.timedelta(days=28))
        day = received + self.days(1, 28) if self.rng.random() >= self.args.late_rate else due + self.days(1, 20)
        self.ev("kl", "klage", max(day, d.day + DAY), [("party", "mor")], [d.id])

    # -- measures ----------------------------------------------------------------------------------
    def measure(self, d, start_day, placement, end_day=None, write_end=True):
        m = self.ev("m", "indsats-start", start_day, (), [d.id])
        due = months_after(start_day, 3)
        o = self.outcome()
        if o == "ok":
            self.ev("o", "opfoelgning", start_day + self.days(14, max(14, (due - start_day).days)),
                    [("cadence-decided", "true"), ("reasons-given", "true")], [m.id])
        elif o == "late":
            self.ev("o", "opfoelgning", due + self.days(1, 60), [("cadence-decided", "true"), ("reasons-given", "true")], [m.id])
        if end_day is not None and write_end:
            if placement:
                self.ev("hj", "hjemgivelse", end_day, (), [d.id])
            else:
                self.ev("ms", "indsats-slut", end_day, (), [m.id])
        if placement:
            year = 0
            while year < 8:
                frm = years_after(start_day, year)
                to = years_after(start_day, year + 1) - DAY
                if end_day is not None:
                    to = min(to, end_day)
                if frm > to:
                    break
                o = self.outcome()
                k = {"ok": 2, "late": 1, "missing": 0}[o]
                if o == "ok" and self.rng.random() < 0.2:
                    k = 3
                span = (to - frm).days
                for _ in range(k):
                    self.ev("tb", "tilsynsbesoeg", frm + self.days(0, span), [("child-conversation", "true")], [m.id])
                if self.rng.random() < 0.05:
                    self.ev("tb", "tilsynsbesoeg", frm + self.days(0, span), [("child-conversation", "false")], [m.id])
                if end_day is not None and end_day <= years_after(start_day, year + 1) - DAY:
                    break
                year += 1
        return m

    def renewals(self, d, end_day):
        """The chain of committee decisions renewing a placement without consent."""
        for _ in range(5):
            due = as_date(d.attr("renewal-due"))
            o = self.outcome()
            if o == "missing":
                return
            day = due - self.days(0, 40) if o == "ok" else due + self.days(1, 60)
            if end_day is not None and day >= end_day:
                return
            self.views_before(day, d.day + DAY)
            nd = self.ev("d", "afgoerelse", day, [("kind", "placement-continued"), ("body", "committee"),
                                                   ("renewal-due", years_after(day, self.rng.choice([1, 2])))]
                         + self.notify_attrs(day), [d.id])
            self.maybe_complaint(nd)
            d = nd

    def plan_event(self, day, ref_decision):
        return self.ev("p", "plan", day, [("kind", self.era_plan_kind(day))], [ref_decision.id] if ref_decision else [])

    def supportive(self, concl_day, bfu):
        rng = self.rng
        day = concl_day + self.days(1, 21)
        self.views_before(day, bfu.day)
        attrs = [("kind", "supportive-measure"), ("section", "§ 32" if day >= BARNETS_LOV else "§ 52")]
        bl = day >= BARNETS_LOV
        plan_choice = rng.choices(["plan", "no-plan", None], [75, 20, 5])[0] if bl else None
        provisional = (not bl) and rng.random() < 0.1
        if provisional:
            attrs.append(("provisional", "true"))
        if plan_choice:
            attrs.append(("plan", plan_choice))
        attrs += self.notify_attrs(day)
        o = self.outcome()
        if bl:
            if plan_choice == "plan" and o != "missing":
                if o == "ok" and rng.random() < 0.1:
                    self.plan_event(day - self.days(1, 10), None)
        elif o == "ok" and not provisional:
            self.plan_event(day - self.days(1, 15), None)
        d = self.ev("d", "afgoerelse", day, attrs, [bfu.id])
        due3 = months_after(day, 3)
        if bl and plan_choice == "plan":
            if o == "ok" and not any(e.type == "plan" for e in self.events):
                self.plan_event(day + self.days(5, (due3 - day).days), d)
            elif o == "late":
                self.plan_event(due3 + self.days(1, 60), d)
        elif not bl:
            if provisional and o != "missing":
                due4 = months_after(day, 4)
                self.plan_event(day + self.days(1, (due4 - day).days) if o == "ok" else due4 + self.days(1, 40), d)
            elif o == "late":
                self.plan_event(day + self.days(1, 60), d)
        self.maybe_complaint(d)
        end = day + self.days(20, 500) if rng.random() < 0.15 else None
        self.measure(d, day + self.days(0, 14), False, end)

    def placement_with_consent(self, concl_day, bfu):
        rng = self.rng
        day = concl_day + self.days(1, 21)
        self.views_before(day, bfu.day)
        bl = day >= BARNETS_LOV
        o = self.outcome()
        if not bl and o == "ok":
            self.plan_event(day - self.days(1, 15), None)
        for holder in self.holders:
            self.ev("sa", "samtykke", day - self.days(0, 5), [("party", holder), ("answer", "given"), ("covers-purpose", "true")])
        d = self.ev("d", "afgoerelse", day, [("kind", "placement-with-consent"), ("section", "§ 46" if bl else "§ 52 stk. 3 nr. 7")]
                    + self.notify_attrs(day), [bfu.id])
        if bl:
            due3 = months_after(day, 3)
            if o == "ok":
                self.plan_event(day + self.days(5, (due3 - day).days), d)
            elif o == "late":
                self.plan_event(due3 + self.days(1, 60), d)
        elif o == "late":
            self.plan_event(day + self.days(1, 60), d)
        self.maybe_complaint(d)
        start = day + self.days(0, 10)
        end = start + self.days(30, 900) if rng.random() < 0.2 else None
        self.measure(d, start, True, end)

    def placement_committee(self, concl_day, bfu):
        rng = self.rng
        ind_day = concl_day + self.days(1, 10)
        day = ind_day + self.days(7, 21)
        self.views_before(day, bfu.day)
        o = self.outcome()
        if o == "ok":
            self.plan_event(ind_day if rng.random() < 0.9 else day, None)  # the same date: indeterminate
        self.ev("in", "indstilling", ind_day, [("includes-plan", "true" if o == "ok" else "false")], [bfu.id])
        d = self.ev("d", "afgoerelse", day, [("kind", "placement-without-consent"), ("body", "committee"),
                                              ("section", "§ 47" if day >= BARNETS_LOV else "§ 58"),
                                              ("renewal-due", years_after(day, 1)), ("child-heard", "yes")]
                    + self.notify_attrs(day), [bfu.id])
        if o == "late":
            self.plan_event(day + self.days(1, 40), d)
        self.maybe_complaint(d)
        start = day + self.days(0, 7)
        # A return home only before the first renewal (see the report: a renewal decision does not
        # see the end of the placement it continues).
        end = start + self.days(30, 300) if rng.random() < 0.15 else None
        self.measure(d, start, True, end)
        self.renewals(d, end)

    def chair(self, bfu, concl):
        """The chair's provisional § 143 decision during the undersøgelse, then the committee."""
        rng = self.rng
        day = bfu.day + self.days(3, 30)
        at = self.timed(day)
        impl = at + dt.timedelta(minutes=rng.randint(0, 180))
        self.views_before(day, bfu.day)
        plan_o = self.outcome()
        where = rng.choices(["before", "between", "after"], [25, 55, 20])[0] if plan_o == "ok" else "after"
        if plan_o != "missing" and where == "before":
            self.plan_event(day - self.days(1, 3), None)
        attrs = [("kind", "placement-without-consent"), ("body", "chair"), ("provisional", "true"),
                 ("section", "§ 143" if day >= BARNETS_LOV else "§ 75"), ("implemented-at", impl)]
        d = self.ev("d", "afgoerelse", at, attrs, [bfu.id])
        # The implementation as a pseudo-event the truth reads (not written).
        pseudo = Ev("__impl__" + d.id, "__impl__", impl)
        self.impl_pseudo.append(pseudo)
        impl_day = local_day(impl)
        child = ["barn"] if impl_day >= BARNETS_LOV and age_on(self.birth, impl_day) >= 10 else []
        for holder in self.holders + child:
            o = self.outcome()
            if o == "missing":
                continue
            minutes = rng.randint(30, 23 * 60) if o == "ok" else rng.randint(24 * 60 + 10, 72 * 60)
            self.ev("i", "information", impl + dt.timedelta(minutes=minutes),
                    [("party", holder), ("topic", "files-and-comment")], [d.id])
        end = impl_day + self.days(5, 200) if rng.random() < 0.12 else None
        self.measure(d, impl_day, True, end, write_end=False)
        o = self.outcome()
        cday = None
        if o == "ok":
            cday = impl_day + self.days(1, 6)
        elif o == "late":
            cday = impl_day + self.days(7, 45)
        if cday is not None and end is not None and cday >= end:
            cday = None
        if plan_o != "missing" and where == "between":
            self.plan_event(impl_day + self.days(1, max(1, (cday - impl_day).days - 1)) if cday else impl_day + self.days(1, 5), d)
        c = None
        if cday is not None:
            c = self.ev("d", "afgoerelse", cday, [("kind", "placement-without-consent"), ("body", "committee"),
                                                   ("section", "§ 47" if cday >= BARNETS_LOV else "§ 58"),
                                                   ("renewal-due", years_after(cday, 1)), ("child-heard", "yes")]
                        + self.notify_attrs(cday), [d.id])
            self.maybe_complaint(c)
        if plan_o == "late" or (plan_o == "ok" and where == "after"):
            base = cday or impl_day
            self.plan_event(base + self.days(1, 60), c or d)
        if end is not None:
            # The return home names the chair's decision and the committee's that upheld it.
            self.ev("hj", "hjemgivelse", end, (), [d.id] + ([c.id] if c is not None else []))
        if c is not None:
            self.renewals(c, end)

    # -- the whole case --------------------------------------------------------------------------
    def build(self, span_from, span_until):
        rng = self.rng
        self.impl_pseudo = []
        day0 = span_from + dt.timedelta(days=rng.randint(0, (span_until - span_from).days))
        munic, units = MUNICIPALITIES[rng.randrange(len(MUNICIPALITIES))]
        unit = units[rng.randrange(len(units))]
        birth = day0 - dt.timedelta(days=rng.randint(30, 17 * 365))
        self.birth = birth
        r = rng.random()
        self.holders = ["mor", "far"] if r < 0.68 else (["mor"] if r < 0.97 else [])
        parties = [(h, "custody-holder") for h in self.holders] + [(p, "parent") for p in ("mor", "far") if p not in self.holders]
        u = self.underretning(day0)
        if rng.random() < 0.15:
            self.underretning(day0 + self.days(20, 400))
        if rng.random() < 0.05:
            ad = day0 + self.days(10, 300)
            ak = self.ev("ak", "aktindsigt-anmodning", ad, [("party", "far")])
            self.ev("d", "afgoerelse", ad + self.days(1, 10), [("kind", "aktindsigt"), ("notified-at", ad + self.days(1, 10)),
                                                            ("notification-channel", "digital")], [ak.id])
        if rng.random() < 0.03:
            od = day0 + self.days(5, 200)
            self.views_before(od, day0)
            self.ev("d", "afgoerelse", od, [("kind", "other"), ("section", "§ 11" if od >= BARNETS_LOV else "§ 11 (SEL)")])
        sday = day0 + self.days(1, 6)
        path = rng.choices(["stop", "none", "supportive", "consent", "committee", "chair"], [15, 10, 45, 12, 9, 9])[0]
        s = self.ev("s", "screening", sday, [("outcome", "no-action" if path == "stop" else "undersoegelse")], [u.id])
        if path != "stop":
            r = rng.random()
            bday = sday + self.days(1, 14)
            if r < 0.015:  # neither an underretning in ref nor aware-at: the clock's start is unknown
                bfu = self.ev("bfu", "undersoegelse", bday, [("two-caseworkers", "true")])
            elif r < 0.1:  # the municipality knew before the underretning arrived
                bfu = self.ev("bfu", "undersoegelse", bday, [("aware-at", day0 - self.days(1, 20)), ("two-caseworkers", "true")], [s.id])
            else:
                bfu = self.ev("bfu", "undersoegelse", bday, [("two-caseworkers", "true")], [s.id])
            due4 = months_after(as_date(bfu.attr("aware-at", day0)), 4)
            o = self.outcome()
            concl = None
            outcome = {"none": "no-action", "supportive": "supportive-measure"}.get(path, "placement")
            if o == "ok":
                lo = bfu.day + dt.timedelta(days=20)
                concl_day = lo + self.days(0, max(0, (due4 - lo).days)) if lo <= due4 else bfu.day + DAY
                if concl_day > due4 and rng.random() < 0.5:
                    self.ev("fv", "foreloebig-vurdering", max(bfu.day, due4 - self.days(0, 5)), (), [bfu.id])
                concl = self.ev("bfe", "undersoegelse-afsluttet", concl_day, [("outcome", outcome)], [bfu.id])
            else:
                r = rng.random()
                if r < 0.3:  # a foreløbig vurdering in time: the lawful way past 4 months
                    self.ev("fv", "foreloebig-vurdering", max(bfu.day + DAY, due4 - self.days(0, 20)), (), [bfu.id])
                elif r < 0.45:
                    self.ev("fv", "foreloebig-vurdering", due4 + self.days(1, 20), (), [bfu.id])
                if o == "late":
                    concl = self.ev("bfe", "undersoegelse-afsluttet", due4 + self.days(21, 90), [("outcome", outcome)], [bfu.id])
            if path == "chair":
                self.chair(bfu, concl)
            elif concl is not None and path != "none":
                getattr(self, {"supportive": "supportive", "consent": "placement_with_consent",
                               "committee": "placement_committee"}[path])(concl.day, bfu)
        return munic, unit, birth, parties


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def fmt_value(v):
    if isinstance(v, dt.datetime):
        return fmt_instant(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def cut(events, pseudo, cutoff):
    """Drops events after the cutoff day, and (repeatedly) any event naming a dropped one."""
    keep = [e for e in events if e.day <= cutoff]
    while True:
        ids = {e.id for e in keep}
        nxt = [e for e in keep if all(r in ids for r in e.refs)]
        if len(nxt) == len(keep):
            break
        keep = nxt
    ids = {e.id for e in keep}
    return keep, [p for p in pseudo if p.id[len("__impl__"):] in ids]


def render(case_id, munic, unit, birth, parties, events):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<case xmlns="urn:barnetslov:case:1" id="%s" municipality="%s" unit="%s">' % (case_id, munic, xml_escape(unit)),
           '  <child id="barn" birth-date="%s"/>' % birth.isoformat()]
    for pid, role in parties:
        out.append('  <party id="%s" role="%s"/>' % (pid, role))
    out.append("  <events>")
    for e in sorted(events, key=Ev.sort_key):
        attrs = [("id", e.id)]
        if e.type != "underretning":
            attrs.append(("at", e.inst if e.inst is not None else e.day))
        attrs += e.attrs
        if e.refs:
            attrs.append(("ref", " ".join(e.refs)))
        out.append("    <%s %s/>" % (e.type, " ".join('%s="%s"' % (k, xml_escape(fmt_value(v))) for k, v in attrs)))
    out.append("  </events>")
    out.append("</case>")
    return "\n".join(out) + "\n"


def empty_counts():
    return {s: 0 for s in STATUSES}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--from", dest="from_", default="2019-01-01")
    ap.add_argument("--until", default="2026-06-30")
    ap.add_argument("--as-of", dest="as_of", default=None, help="date the truth is computed for (default: --until + 1 day)")
    ap.add_argument("--late-rate", type=float, default=0.15)
    ap.add_argument("--missing-rate", type=float, default=0.1)
    args = ap.parse_args(argv)
    span_from = dt.date.fromisoformat(args.from_)
    span_until = dt.date.fromisoformat(args.until)
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else span_until + DAY
    if not (dt.date(2014, 1, 1) <= span_from <= span_until) or args.cases < 1:
        ap.error("need --from (from 2014) <= --until and --cases >= 1")
    if args.late_rate < 0 or args.missing_rate < 0 or args.late_rate + args.missing_rate > 1:
        ap.error("rates must be >= 0 and sum to at most 1")
    cutoff = min(span_until, as_of)
    os.makedirs(args.out, exist_ok=True)

    totals = {r: empty_counts() for r in MODELLED_RULES}
    by_year, by_unit = {r: {} for r in MODELLED_RULES}, {r: {} for r in MODELLED_RULES}
    cases = []
    for n in range(1, args.cases + 1):
        rng = random.Random("barnetslov-corpus:%d:%d" % (args.seed, n))
        gen = CaseGen(rng, args, n)
        munic, unit, birth, parties = gen.build(span_from, span_until)
        events, pseudo = cut(gen.events, gen.impl_pseudo, cutoff)
        truth = Truth(events + pseudo, parties, as_of, birth)
        truth.events = [e for e in truth.events if e.type != "__impl__"]
        findings = truth.compute()
        case_id = "SYN-%d-%05d" % (args.seed, n)
        name = "case-%05d.xml" % n
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render(case_id, munic, unit, birth, parties, events))
        rows = []
        for rule, subject, status, year in sorted(findings):
            rows.append({"rule": rule, "subject": subject, "status": status, "year": year})
            totals[rule][status] += 1
            by_year[rule].setdefault(str(year), empty_counts())[status] += 1
            by_unit[rule].setdefault(unit, empty_counts())[status] += 1
        cases.append({"file": name, "case_id": case_id, "municipality": munic, "unit": unit, "findings": rows})

    manifest = {
        "format": "barnetslov-corpus-manifest",
        "version": 1,
        "generator": "tools/generate-corpus.py",
        "seed": args.seed,
        "cases": args.cases,
        "from": span_from.isoformat(),
        "until": span_until.isoformat(),
        "as_of": as_of.isoformat(),
        "as_of_note": "a date: the end of that day in Europe/Copenhagen (pass it to check --as-of as is)",
        "late_rate": args.late_rate,
        "missing_rate": args.missing_rate,
        "rules": MODELLED_RULES,
        "statuses": STATUSES,
        "year_of": "the local year of the finding's subject event (the event that started the duty)",
        "totals": totals,
        "by_year": by_year,
        "by_unit": by_unit,
        "case_files": cases,
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
