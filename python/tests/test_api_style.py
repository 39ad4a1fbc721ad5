"""One style across the package: handles are context managers that free their C handle exactly
once and never before what depends on it; closed handles refuse use as closed files do; what a
report gives is immutable; every public function is typed."""
import inspect
import typing
import unittest
from unittest import mock
from dataclasses import FrozenInstanceError
from datetime import datetime
from pathlib import Path

import barnetslov
from barnetslov import Case, CaseBuilder, Engine, Report
from barnetslov._native import lib

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "09-open-case-with-deadlines-ahead.xml"
AS_OF = datetime(2025, 1, 15, 12, 0)


def recording(cls, freed):
    """cls's C handles freed through `freed` (for those made while the patch lasts), to see when."""
    real = cls._free
    return mock.patch.object(cls, "_free", staticmethod(lambda p: (freed.append(p), real(p))))


class HandlesTest(unittest.TestCase):
    def test_with_closes(self):
        with Engine() as engine:
            self.assertFalse(engine.closed)
            case = engine.load_file(EXAMPLE)
        self.assertTrue(engine.closed)
        with self.assertRaisesRegex(ValueError, "^the engine is closed$"):
            engine.load_file(EXAMPLE)
        with case:
            self.assertEqual(case.id, "2024-0655")
        with self.assertRaisesRegex(ValueError, "^the case is closed$"):
            case.id
        engine.close()  # closing twice is harmless
        with self.assertRaises(ValueError):
            with engine:
                pass

    def test_an_engine_is_freed_after_the_reports_that_need_it(self):
        freed = []
        with recording(Engine, freed), Engine() as engine:
            report = engine.evaluate(engine.load_file(EXAMPLE), AS_OF)
            builder = engine.builder()
        self.assertEqual(freed, [])  # closed, but a report and a builder still use the C engine
        self.assertEqual([f.rule_id for f in report.deadlines_ahead()][:2], ["BL-UND-KVIT", "BL-UNDS-4M"])
        builder.case(id="c1").child(birth_date="2015-02-01")
        self.assertEqual(builder.finish().id, "c1")
        del report
        self.assertEqual(freed, [])
        del builder
        self.assertEqual(len(freed), 1)

    def test_a_case_is_freed_at_close_once(self):
        freed = []
        engine = Engine()
        with recording(Case, freed):
            case = engine.load_file(EXAMPLE)
        report = engine.evaluate(case, AS_OF)
        case.close()
        self.assertEqual(len(freed), 1)  # at once: a report keeps what it needs of its case
        case.close()
        del case
        self.assertEqual(len(freed), 1)
        self.assertEqual(len(report.select(by_due=True)), len(report))

    def test_a_closed_report_keeps_its_findings(self):
        engine = Engine()
        with engine.evaluate(engine.load_file(EXAMPLE), AS_OF) as report:
            findings = report.findings
        self.assertEqual(report.findings, findings)
        self.assertEqual(list(report), list(findings))
        with self.assertRaisesRegex(ValueError, "^the report is closed$"):
            report.pending()

    def test_reprs(self):
        engine = Engine()
        case = engine.load_file(EXAMPLE)
        report = engine.evaluate(case, AS_OF)
        n = engine.rule_count  # the rulebook's size, which grows with the catalog
        self.assertGreater(n, 80)
        self.assertEqual(repr(engine), f"<barnetslov.Engine {n} rules>")
        self.assertEqual(repr(Engine(readings={"grundlovsdag": "working"})),
                         f"<barnetslov.Engine {n} rules, readings {{'grundlovsdag': 'working'}}>")
        self.assertEqual(repr(case), "<barnetslov.Case '2024-0655', 6 events>")
        self.assertEqual(repr(report), f"<barnetslov.Report {len(report)} findings as of 2025-01-15T12:00:00+01:00>")
        self.assertEqual(repr(engine.builder("b.xml")), "<barnetslov.CaseBuilder 'b.xml'>")
        f = report.findings[0]
        self.assertTrue(repr(f).startswith(f"Finding(rule_id={f.rule_id!r}, status={f.status!r}"))
        self.assertNotIn(f.message_en, repr(f))  # the texts are there, not in the repr
        case.close()
        self.assertEqual(repr(case), "<barnetslov.Case closed>")


class ImmutabilityTest(unittest.TestCase):
    def test_findings_and_selections(self):
        engine = Engine()
        report = engine.evaluate(engine.load_file(EXAMPLE), AS_OF)
        for selection in (report.findings, report.pending(), report.deadlines_ahead(), report.open_duties(),
                          report.select(statuses=["pending"]), report.select(rule_id="BL-UND-KVIT", by_due=True)):
            self.assertIsInstance(selection, tuple)
        f = report.findings[0]
        with self.assertRaises(FrozenInstanceError):
            f.status = "met"
        self.assertIsInstance(f.events, tuple)
        with self.assertRaises(FrozenInstanceError):
            f.events[0].id = "x"
        self.assertEqual(hash(f), hash(report.findings[0]))

    def test_wrong_names_are_refused_not_ignored(self):
        engine = Engine()
        report = engine.evaluate(engine.load_file(EXAMPLE), AS_OF)
        with self.assertRaisesRegex(ValueError, "unknown status 'late_ish'"):
            report.select(statuses=["late_ish"])
        with self.assertRaisesRegex(ValueError, "unknown pre-check list 'blockers'"):
            report.precheck("blockers")
        with self.assertRaises(barnetslov.BarnetslovError) as e:  # not a pre-check's report
            report.precheck("blocking")
        self.assertEqual(e.exception.status, "BL_ERROR_ARGUMENT")


class ConsistencyTest(unittest.TestCase):
    def test_every_public_name_exists(self):
        for name in barnetslov.__all__:
            self.assertTrue(hasattr(barnetslov, name), name)

    def test_every_public_function_is_typed(self):
        classes = [Engine, Case, CaseBuilder, Report]
        functions = [getattr(barnetslov, n) for n in barnetslov.__all__ if inspect.isfunction(getattr(barnetslov, n))]
        for cls in classes:
            functions += [m for n, m in vars(cls).items() if inspect.isfunction(m) and (not n.startswith("_") or n == "__init__")]
            functions += [p.fget for n, p in vars(cls).items() if isinstance(p, property) and not n.startswith("_")]
        self.assertGreater(len(functions), 25)
        for fn in functions:
            with self.subTest(fn.__qualname__):
                hints = typing.get_type_hints(fn)
                params = [p for p in inspect.signature(fn).parameters.values() if p.name != "self"]
                self.assertIn("return", hints, "no return type")
                for p in params:
                    self.assertIn(p.name, hints, f"parameter {p.name} has no type")

    def test_deprecated_aliases_warn_and_work(self):
        engine = Engine()
        with self.assertWarns(DeprecationWarning):
            builder = engine.builder().case_attribute("id", "c1")
        self.assertEqual(builder.child().finish().id, "c1")
        self.assertFalse(hasattr(barnetslov, "instant"))  # Unix seconds are gone from the API


if __name__ == "__main__":
    unittest.main()
