"""Tests of the Python binding (standard library unittest; run by CTest as python_test).

The binding must give what the C library and the CLI give: each example's JSON equals its case
in examples/expected/report.json, a case built in Python gives the findings of the same file,
and the library's messages and statuses come through as exceptions."""
import json
import os
import re
import subprocess
import sys
import unittest
from dataclasses import FrozenInstanceError
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import barnetslov
from barnetslov import BarnetslovError, InputError, ProposedDecision, ProposedEvent

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AS_OF = (EXAMPLES / "expected" / "AS_OF").read_text().strip()
CPH = ZoneInfo("Europe/Copenhagen")


def cli_report():
    """The CLI's JSON report of the examples: of the CLI in BARNETSLOV_CLI (as CTest runs these
    tests), else the checked-in examples/expected/report.json."""
    cli = os.environ.get("BARNETSLOV_CLI")
    if not cli:
        return json.loads((EXAMPLES / "expected" / "report.json").read_text())
    r = subprocess.run([cli, "check", "examples", "--as-of", AS_OF, "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    return json.loads(r.stdout)


class VersionTest(unittest.TestCase):
    def test_version_is_the_builds(self):
        # The one version source: project(... VERSION ...) in CMakeLists.txt, which generates the
        # header's BL_VERSION_* (barnetslov/version.h). The binding's floor is the oldest library
        # with every function it declares: never newer than the library of its own tree.
        project = re.search(r"project\(barnetslov VERSION (\d+)\.(\d+)\.(\d+)", (ROOT / "CMakeLists.txt").read_text())
        major, minor, patch = (int(g) for g in project.groups())
        self.assertEqual(barnetslov.version(), f"{major}.{minor}.{patch}")
        self.assertEqual(barnetslov._native.lib.bl_version_number(), major * 10000 + minor * 100 + patch)
        self.assertLessEqual(barnetslov._native.MIN_VERSION_NUMBER, major * 10000 + minor * 100 + patch)
        self.assertEqual(barnetslov.case_format(), "urn:barnetslov:case:1")


class ExamplesTest(unittest.TestCase):
    engine = barnetslov.Engine()

    def test_each_example_gives_the_cli_json(self):
        os.chdir(ROOT)  # the report names the files relative to the repository
        document = cli_report()
        expected = {c["source"]: c for c in document["cases"]}
        paths = sorted(EXAMPLES.glob("*.xml"))
        self.assertGreaterEqual(len(paths), 9)
        for path in paths:
            source = f"examples/{path.name}"
            with self.subTest(source):
                report = self.engine.evaluate(self.engine.load_file(source), AS_OF)
                # A case on its own states the readings the document states once, at the top.
                own = json.loads(report.to_json())
                self.assertEqual(own.pop("readings"), document["readings"])
                self.assertEqual(own, expected[source])
                self.assertEqual(len(report.findings), len(expected[source]["findings"]))
                self.assertEqual([f.status for f in report.findings], [f["status"] for f in expected[source]["findings"]])

    def test_finding_fields(self):
        report = self.engine.evaluate(self.engine.load_file(EXAMPLES / "03-late-24-hour-assessment.xml"), AS_OF)
        f = report.select(rule_id="BL-UND-24H")[0]
        self.assertEqual((f.status, f.reason, f.margin, f.margin_unit), ("late", "done_late", -5400, "seconds"))
        self.assertEqual(f.section, "barnets lov § 136")
        self.assertEqual(f.due, datetime(2024, 10, 11, 14, 30, tzinfo=CPH))
        self.assertEqual(f.due.timestamp(), 1728649800)
        self.assertEqual(f.message_en, "Done after the deadline (late by 1 h 30 min).")
        self.assertNotEqual(f.message_da, f.message_en)
        self.assertEqual(f.counting_en, "24 hours after 2024-10-10 14:30 = 2024-10-11 14:30")
        self.assertEqual(f.events[0], barnetslov.EventUse("u1", "underretning", "trigger", 8))
        self.assertIn(barnetslov.EventUse("a1", "akutvurdering", "fulfilment", 9), f.events)
        self.assertTrue(f.is_problem and report.has_problems)
        with self.assertRaises(FrozenInstanceError):
            f.status = "met"

    def test_findings_outlive_their_report(self):
        report = self.engine.evaluate(self.engine.load_file(EXAMPLES / "05-investigation-past-4-months-with-preliminary.xml"), AS_OF)
        findings = report.select(rule_id="BL-UNDS-4M", statuses=["met"])
        del report
        self.assertEqual([f.basis for f in findings], ["foreloebig_vurdering"])
        self.assertIn("preliminary assessment", findings[0].basis_en)
        self.assertIn("fv1", [e.id for e in findings[0].events if e.role == "exception"])

    def test_input_errors_name_file_line_and_column(self):
        with self.assertRaises(InputError) as e:
            self.engine.load_buffer(b"<case xmlns='urn:barnetslov:case:1' id='x'>\n<child/><events><kvittering id='k1' "
                                    b"at='2024-13-01'/></events></case>", "bad.xml")
        self.assertEqual(e.exception.status, "BL_ERROR_INPUT")
        self.assertIn("bad.xml:2:", str(e.exception))
        self.assertIn("event 'kvittering' attribute 'at': '2024-13-01' is not a date", str(e.exception))
        with self.assertRaises(InputError) as e:
            self.engine.load_file("/nonexistent.xml")
        self.assertEqual(e.exception.status, "BL_ERROR_IO")


class BuilderTest(unittest.TestCase):
    engine = barnetslov.Engine()

    def build_example_09(self):
        """Example 09 from a case system's values: local times as naive datetimes, dates, bools;
        attribute names as keywords or, as a file writes them, in a mapping."""
        return (self.engine.builder("case 2024-0655")
                .case(id="2024-0655", municipality="0851", unit="Myndighed Børn")
                .child(id="barn", birth_date=date(2012, 10, 10))
                .event("underretning", id="u1", received_at=datetime(2024, 11, 20, 9, 0), notifier="professional",
                       notifier_role="school", channel="digital")
                .event("akutvurdering", {"id": "a1", "at": datetime(2024, 11, 20, 14, 0), "ref": "u1", "danger": False,
                                         "acute-measures": False})
                .event("kvittering", id="k1", at=date(2024, 11, 22), ref="u1")
                .event("undersoegelse", {"id": "bfu1", "at": "2024-11-26"}, ref="u1")
                .event("underretning", id="u2", received_at=datetime(2025, 1, 14, 10, 30), notifier="professional",
                       notifier_role="doctor", channel="phone", written_received_at=None)
                .event("akutvurdering", id="a2", at=datetime(2025, 1, 14, 15, 0), ref="u2", danger=False,
                       acute_measures=False)
                .finish())

    def test_built_case_gives_the_files_findings(self):
        built = self.engine.evaluate(self.build_example_09(), AS_OF)
        loaded = self.engine.evaluate(self.engine.load_file(EXAMPLES / "09-open-case-with-deadlines-ahead.xml"), AS_OF)
        key = lambda f: (f.rule_id, f.status, f.reason, f.subject_id, f.due, f.margin, f.message_en, f.message_da)
        self.assertEqual([key(f) for f in built.findings], [key(f) for f in loaded.findings])
        self.assertTrue(all(e.line == 0 for f in built.findings for e in f.events))

    def test_warning_list_is_sorted_by_due(self):
        pending = self.engine.evaluate(self.build_example_09(), AS_OF).pending()
        dues = [f.due for f in pending if f.due is not None]
        self.assertEqual(dues, sorted(dues))
        self.assertEqual([f.rule_id for f in pending[:2]], ["BL-UND-KVIT", "BL-UNDS-4M"])
        self.assertTrue(all(f.status == "pending" for f in pending))

    def test_same_message_as_the_loader(self):
        b = self.engine.builder("same.xml").case(id="c1").child(birth_date="2015-02-01")
        b.event("kvittering", id="k1", at="2024-13-01")  # kept for finish(), not raised here
        with self.assertRaises(InputError) as built:
            b.finish()
        with self.assertRaises(InputError) as loaded:
            self.engine.load_buffer(b"<case xmlns='urn:barnetslov:case:1' id='c1'><child birth-date='2015-02-01'/>"
                                    b"<events><kvittering id='k1' at='2024-13-01'/></events></case>", "same.xml")
        first_line = lambda e: str(e.exception).splitlines()[0].split(": ", 1)[1]
        self.assertEqual(first_line(built), first_line(loaded))
        self.assertEqual(first_line(built), "event 'kvittering' attribute 'at': '2024-13-01' is not a date")

    def test_calls_out_of_order(self):
        b = self.engine.builder().case(id="c1").child()
        b.finish()
        with self.assertRaises(BarnetslovError) as e:
            b.finish()
        self.assertEqual(e.exception.status, "BL_ERROR_STATE")
        with self.assertRaises(ValueError):
            self.engine.builder().case(id="a\0b")


class WarningListTest(unittest.TestCase):
    def test_pending_splits_into_deadlines_and_open_duties(self):
        engine = barnetslov.Engine()
        case = engine.load_buffer(b"<case xmlns='urn:barnetslov:case:1' id='w1'><child birth-date='2015-02-01'/><events>"
                                  b"<underretning id='u1' received-at='2024-03-28T14:30' notifier='professional'/>"
                                  b"</events></case>")
        report = engine.evaluate(case, "2024-03-29T10:00")
        ahead, open_duties = report.deadlines_ahead(), report.open_duties()
        self.assertTrue(ahead and open_duties)
        self.assertTrue(all(f.due is not None for f in ahead))
        self.assertTrue(all(f.due is None and f.status == "pending" for f in open_duties))
        self.assertEqual([f.rule_id for f in report.pending()], [f.rule_id for f in ahead + open_duties])


class PrecheckTest(unittest.TestCase):
    engine = barnetslov.Engine()
    head = (b"<case xmlns='urn:barnetslov:case:1' id='p1'><child id='barn' birth-date='2013-03-09'/><events>"
            b"<underretning id='u1' received-at='2024-04-03T12:00' notifier='private'/>"
            b"<undersoegelse id='bfu1' at='2024-04-08' ref='u1'/>")
    decision = ProposedDecision(at=datetime(2024, 7, 2, 10, 0), kind="supportive-measure", refs="bfu1",
                                attributes={"has-reasons": True})
    as_of = datetime(2024, 7, 1)

    def views(self, xml: bytes):
        report = self.engine.precheck_decision(self.engine.load_buffer(xml), self.decision, self.as_of)
        self.assertTrue(all(f.subject_id == barnetslov.PROPOSED_DECISION_ID or
                            barnetslov.PROPOSED_DECISION_ID in [e.id for e in f.events] for f in report.findings))
        return [f for f in report.findings if f.rule_id == "BL-BARN-VIEWS"][0]

    def test_flags_missing_views(self):
        f = self.views(self.head + b"</events></case>")
        self.assertEqual((f.status, f.reason), ("violated", "views_missing"))

    def test_none_leaves_an_attribute_out(self):
        case = self.engine.load_buffer(self.head + b"</events></case>")
        with_none = ProposedDecision(at=self.decision.at, kind=self.decision.kind, refs="bfu1",
                                     attributes={"has-reasons": True, "section": None})
        key = lambda r: [(f.rule_id, f.status, f.reason) for f in r]
        self.assertEqual(key(self.engine.precheck_decision(case, with_none, self.as_of)),
                         key(self.engine.precheck_decision(case, self.decision, self.as_of)))

    def test_passes_with_a_conversation(self):
        f = self.views(self.head + b"<boernesamtale id='bs1' at='2024-06-30'/></events></case>")
        self.assertEqual(f.status, "met")

    def test_wrong_kind(self):
        with self.assertRaises(InputError) as e:
            self.engine.precheck_decision(self.engine.load_buffer(self.head + b"</events></case>"),
                                          ProposedDecision(at=datetime(2024, 7, 2, 10, 0), kind="nonsense"),
                                          self.as_of)
        self.assertIn("attribute 'kind': 'nonsense' is not one of:", str(e.exception))

    def test_lists_by_phase(self):
        """Issue 16: the views are due before the decision and block it; complaint guidance comes
        with it and is to be included, never blocking."""
        report = self.engine.precheck_decision(self.engine.load_buffer(self.head + b"</events></case>"),
                                               self.decision, self.as_of)
        blocking = {f.rule_id for f in report.precheck("blocking")}
        include = {f.rule_id for f in report.precheck("to_include")}
        self.assertIn("BL-BARN-VIEWS", blocking)
        self.assertNotIn("BL-KLAGE-WHO", blocking)
        self.assertIn("BL-KLAGE-WHO", include)
        self.assertTrue(all(f.phase == "before" for f in report.precheck("blocking")))
        report = self.engine.precheck_decision(
            self.engine.load_buffer(self.head + b"<boernesamtale id='bs1' at='2024-06-30'/>"
                                    b"<information id='i1' at='2024-06-30' party='barn' topic='bisidder'/>"
                                    b"<partshoering id='ph1' at='2024-06-30' party='barn'/></events></case>"),
            self.decision, self.as_of)
        self.assertEqual(report.precheck("blocking"), ())

    def test_proposed_plan(self):
        case = self.engine.load_buffer(self.head + b"<boernesamtale id='bs1' at='2024-06-30'/>"
                                       b"<afgoerelse id='d1' at='2024-07-02T10:00' kind='supportive-measure' plan='plan'/>"
                                       b"</events></case>")
        report = self.engine.precheck_event(case, ProposedEvent("plan", "2024-08-01", {"kind": "barnets-plan", "ref": "d1"}),
                                            datetime(2024, 7, 3))
        self.assertEqual([f.status for f in report.findings if f.rule_id == "BL-PLAN-32"], ["met"])


class ReadingsTest(unittest.TestCase):
    """Engine(readings={...}): the law README's readings a user may choose."""
    DEFAULTS = {"supervision-year": "placement", "kvittering-to": "professional", "grundlovsdag": "holiday",
                "juleaftensdag": "holiday", "nytaarsaftensdag": "holiday", "receipt-post-hverdage": "6",
                "receipt-quickpost-days": "2", "before-record-months": "6"}
    # A professional's phone call on Monday 3 June 2024 (grundlovsdag on Wednesday 5 June).
    KVIT = (b"<case xmlns='urn:barnetslov:case:1' id='c-1'><child birth-date='2015-02-01'/><events>"
            b"<underretning id='u1' received-at='2024-06-03T09:00' notifier='professional'/></events></case>")

    def due_day(self, engine):
        report = engine.evaluate(engine.load_buffer(self.KVIT), datetime(2024, 6, 4, 12, 0))
        [f] = report.select(rule_id="BL-UND-KVIT")
        return f.due.date().isoformat()

    def test_defaults_in_the_readmes_order(self):
        self.assertEqual(list(barnetslov.Engine().readings.items()), list(self.DEFAULTS.items()))

    def test_chosen_readings_are_used_and_reported(self):
        engine = barnetslov.Engine(readings={"grundlovsdag": "working", "receipt-post-hverdage": 4,
                                             "supervision-year": "calendar"})
        self.assertEqual(engine.readings, {**self.DEFAULTS, "grundlovsdag": "working", "receipt-post-hverdage": "4",
                                           "supervision-year": "calendar"})
        report = engine.evaluate(engine.load_buffer(self.KVIT), datetime(2024, 6, 4, 12, 0))
        self.assertEqual(json.loads(report.to_json())["readings"], engine.readings)

    def test_a_holiday_reading_moves_a_hverdage_deadline(self):
        self.assertEqual(self.due_day(barnetslov.Engine()), "2024-06-12")
        self.assertEqual(self.due_day(barnetslov.Engine(readings={"grundlovsdag": "working"})), "2024-06-11")
        # The older keyword (deprecated) is the same reading; the readings dict wins over it.
        with self.assertWarns(DeprecationWarning):
            self.assertEqual(self.due_day(barnetslov.Engine(grundlovsdag_off=False)), "2024-06-11")
        with self.assertWarns(DeprecationWarning):
            engine = barnetslov.Engine(grundlovsdag_off=False, readings={"grundlovsdag": "holiday"})
        self.assertEqual(self.due_day(engine), "2024-06-12")

    def test_refused_with_what_is_valid(self):
        with self.assertRaises(BarnetslovError) as e:
            barnetslov.Engine(readings={"supervision_year": "calendar"})
        self.assertEqual(e.exception.status, "BL_ERROR_ARGUMENT")
        self.assertIn("unknown reading 'supervision_year' (readings: supervision-year, kvittering-to,", str(e.exception))
        with self.assertRaises(BarnetslovError) as e:
            barnetslov.Engine(readings={"kvittering-to": "everyone"})
        self.assertIn("'everyone' is not a valid value (valid: professional, all)", str(e.exception))
        with self.assertRaises(BarnetslovError) as e:
            barnetslov.Engine(readings={"before-record-months": 25})
        self.assertIn("a whole number 1-24", str(e.exception))
        with self.assertRaises(TypeError):
            barnetslov.Engine(readings={"grundlovsdag": True})


class LibraryLookupTest(unittest.TestCase):
    def test_a_wrong_library_path_says_what_to_set(self):
        env = dict(os.environ, BARNETSLOV_LIBRARY="/nonexistent/libbarnetslov.so.1")
        r = subprocess.run([sys.executable, "-c", "import barnetslov"], env=env, capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("set BARNETSLOV_LIBRARY", r.stderr)


if __name__ == "__main__":
    unittest.main()
