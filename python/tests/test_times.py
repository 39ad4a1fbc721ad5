"""Times in the Python API are datetimes. A naive one is Copenhagen wall-clock time and the
library converts it, so the spring gap and the autumn overlap are refused in the loader's words;
an aware one is taken by its offset; times coming out are aware, in Europe/Copenhagen."""
import unittest
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import barnetslov
from barnetslov import BarnetslovError, InputError, ProposedDecision, ProposedEvent

CPH = ZoneInfo("Europe/Copenhagen")
GAP_WORDS = "does not exist in Copenhagen time (the clocks skip 02:00-03:00); give a UTC offset"
OVERLAP_WORDS = ("occurs twice in Copenhagen time (the clocks go back at 03:00); give a UTC offset: "
                 "+02:00 for the first, +01:00 for the second")
CASE = (b"<case xmlns='urn:barnetslov:case:1' id='t1'><child birth-date='2015-02-01'/><events>"
        b"<underretning id='u1' received-at='%s' notifier='professional'/></events></case>")


class TimesTest(unittest.TestCase):
    engine = barnetslov.Engine()
    case = engine.load_buffer(CASE % b"2024-03-28T14:30")

    def as_of(self, when) -> datetime:
        return self.engine.evaluate(self.case, when).as_of

    def loader_words(self, value: str) -> str:
        """What the loader says of a received-at it refuses, without the file and position."""
        with self.assertRaises(InputError) as e:
            self.engine.load_buffer(CASE % value.encode(), "t.xml")
        return str(e.exception).split(": ", 1)[1]

    def test_naive_is_copenhagen_wall_clock_time(self):
        winter = self.as_of(datetime(2025, 1, 15, 12, 0))
        self.assertEqual(winter.timestamp(), 1736938800)
        self.assertEqual(winter.utcoffset(), timedelta(hours=1))
        summer = self.as_of(datetime(2024, 7, 2, 10, 0))
        self.assertEqual(summer.timestamp(), 1719907200)
        self.assertEqual(summer.utcoffset(), timedelta(hours=2))

    def test_aware_is_taken_by_its_offset(self):
        naive = self.as_of(datetime(2025, 1, 15, 12, 0))
        for same in (datetime(2025, 1, 15, 11, 0, tzinfo=timezone.utc),
                     datetime(2025, 1, 15, 12, 0, tzinfo=CPH),
                     datetime(2025, 1, 15, 6, 0, tzinfo=timezone(timedelta(hours=-5))),
                     "2025-01-15T12:00", "2025-01-15T11:00Z", "2025-01-15T12:00:00+01:00"):
            with self.subTest(same=same):
                self.assertEqual(self.as_of(same), naive)

    def test_times_come_out_aware_in_copenhagen(self):
        report = self.engine.evaluate(self.case, datetime(2024, 3, 29, 10, 0))
        self.assertEqual(report.as_of, datetime(2024, 3, 29, 10, 0, tzinfo=CPH))
        self.assertIs(report.as_of.tzinfo, CPH)
        dues = [f.due for f in report if f.due is not None]
        self.assertTrue(dues)
        self.assertTrue(all(d.tzinfo is CPH for d in dues))

    def test_a_date_alone_is_the_start_of_its_day(self):
        self.assertEqual(self.as_of("2025-01-15"), datetime(2025, 1, 15, 0, 0, tzinfo=CPH))
        self.assertEqual(self.engine.parse_time("2025-01-15"), datetime(2025, 1, 15, tzinfo=CPH))

    def test_fractions_of_a_second_are_dropped(self):
        self.assertEqual(self.as_of(datetime(2025, 1, 15, 12, 0, 0, 999999)), self.as_of(datetime(2025, 1, 15, 12, 0)))
        aware = datetime(2025, 1, 15, 11, 0, 0, 999999, tzinfo=timezone.utc)
        self.assertEqual(self.as_of(aware), self.as_of(datetime(2025, 1, 15, 12, 0)))

    def test_seconds_and_other_types_are_refused(self):
        for wrong in (1736938800, True, 1736938800.0, date(2025, 1, 15), None):
            with self.subTest(wrong=wrong), self.assertRaises(TypeError) as e:
                self.engine.evaluate(self.case, wrong)
            self.assertIn("as_of: a time is a datetime", str(e.exception))
        with self.assertRaises(TypeError) as e:
            self.engine.evaluate(self.case, 1736938800)
        self.assertIn("Unix seconds are not taken", str(e.exception))

    def test_the_spring_gap_is_refused_in_the_loaders_words(self):
        with self.assertRaises(InputError) as e:
            self.engine.evaluate(self.case, datetime(2024, 3, 31, 2, 30))
        self.assertEqual(e.exception.status, "BL_ERROR_INPUT")
        self.assertEqual(str(e.exception), f"bl_time_from_local: '2024-03-31T02:30:00' {GAP_WORDS}")
        self.assertEqual(self.loader_words("2024-03-31T02:30:00"),
                         f"event 'underretning' attribute 'received-at': '2024-03-31T02:30:00' {GAP_WORDS}")
        with self.assertRaises(InputError) as e:
            self.engine.parse_time("2024-03-31T02:30")
        self.assertEqual(str(e.exception), f"bl_time_parse: '2024-03-31T02:30' {GAP_WORDS}")

    def test_the_autumn_overlap_is_refused_unless_aware(self):
        with self.assertRaises(InputError) as e:
            self.engine.evaluate(self.case, datetime(2024, 10, 27, 2, 30))
        self.assertEqual(str(e.exception), f"bl_time_from_local: '2024-10-27T02:30:00' {OVERLAP_WORDS}")
        self.assertIn(OVERLAP_WORDS, self.loader_words("2024-10-27T02:30:00"))
        # Python's fold picks one of the two; an aware time is an instant, taken as it is.
        first = self.as_of(datetime(2024, 10, 27, 2, 30, tzinfo=CPH))
        second = self.as_of(datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=CPH))
        self.assertEqual(second.timestamp() - first.timestamp(), 3600)  # not `-`: same tzinfo subtracts wall clocks
        self.assertEqual((first.utcoffset(), second.utcoffset()), (timedelta(hours=2), timedelta(hours=1)))

    def test_builder_values_are_read_by_the_loader(self):
        """A naive datetime in the builder is written as a file would hold it: the problem in the
        gap is the loader's, word for word; an aware one gives the same case as its local time."""
        b = self.engine.builder("t.xml").case(id="t1").child(birth_date=date(2015, 2, 1))
        b.event("underretning", id="u1", received_at=datetime(2024, 3, 31, 2, 30), notifier="professional")
        with self.assertRaises(InputError) as e:
            b.finish()
        self.assertEqual(str(e.exception).split(": ", 1)[1], self.loader_words("2024-03-31T02:30:00"))

        def findings(received_at):
            case = (self.engine.builder().case(id="t1").child(birth_date=date(2015, 2, 1))
                    .event("underretning", id="u1", received_at=received_at, notifier="professional").finish())
            return [(f.rule_id, f.status, f.due) for f in self.engine.evaluate(case, datetime(2024, 3, 29, 10, 0))]
        local = findings(datetime(2024, 3, 28, 14, 30))
        self.assertEqual(local, [(f.rule_id, f.status, f.due) for f in self.engine.evaluate(self.case, datetime(2024, 3, 29, 10))])
        self.assertEqual(findings(datetime(2024, 3, 28, 13, 30, tzinfo=timezone.utc)), local)
        self.assertEqual(findings(datetime(2024, 3, 28, 14, 30, tzinfo=CPH)), local)

    def test_proposed_times(self):
        case = self.engine.load_buffer(CASE % b"2024-03-28T14:30")
        with self.assertRaises(InputError) as e:
            self.engine.precheck_decision(case, ProposedDecision(at=datetime(2024, 3, 31, 2, 30), kind="supportive-measure"),
                                          datetime(2024, 4, 2))
        self.assertEqual(str(e.exception), f"bl_time_from_local: '2024-03-31T02:30:00' {GAP_WORDS}")
        with self.assertRaises(TypeError):
            self.engine.precheck_decision(case, ProposedDecision(at=1711846800, kind="supportive-measure"),
                                          datetime(2024, 4, 2))
        with self.assertRaises(InputError) as e:
            self.engine.precheck_event(case, ProposedEvent("undersoegelse", datetime(2024, 10, 27, 2, 30), {"ref": "u1"}),
                                       datetime(2024, 4, 2))
        self.assertIn(f"'2024-10-27T02:30:00' {OVERLAP_WORDS}", str(e.exception))
        # The report of a pre-check is as of the later of as_of and the proposed time.
        report = self.engine.precheck_event(case, ProposedEvent("undersoegelse", datetime(2024, 4, 8, 9, 0), {"ref": "u1"}),
                                            datetime(2024, 4, 2))
        self.assertEqual(report.as_of, datetime(2024, 4, 8, 9, 0, tzinfo=CPH))

    def test_outside_the_calendars_years(self):
        with self.assertRaises(BarnetslovError) as e:
            self.engine.evaluate(self.case, datetime(1899, 12, 31, 12, 0))
        self.assertEqual(e.exception.status, "BL_ERROR_ARGUMENT")
        self.assertIn("year 1899 is outside 1900-2199", str(e.exception))


if __name__ == "__main__":
    unittest.main()
