"""Building a case in Python collects every problem: nothing is raised for a wrong value on the
way, and finish() raises one InputError with all of them, in input order, as loading a file
does; InputError.problems has each with its code, element, event row, id and attribute."""
import unittest
from datetime import date, datetime

import barnetslov
from barnetslov import BarnetslovError, InputError, InputProblem


class BuilderProblemsTest(unittest.TestCase):
    engine = barnetslov.Engine()

    def three_bad_values(self):
        b = self.engine.builder("case 2024-0117").case(id="2024-0117").child(birth_date="2015-02-30")
        b.event("underretning", id="u1", received_at=datetime(2024, 11, 20, 9, 0), notifier="nobody")
        b.event("kvittering", id="k1", at="2024-13-01", ref="u1")
        with self.assertRaises(InputError) as e:
            b.finish()
        return e.exception

    def test_three_bad_values_one_error(self):
        e = self.three_bad_values()
        self.assertEqual(e.status, "BL_ERROR_INPUT")
        self.assertEqual(str(e).splitlines(), [
            "case 2024-0117: child attribute 'birth-date': '2015-02-30' is not a date",
            "case 2024-0117: event 'underretning' attribute 'notifier': 'nobody' is not one of: professional, private, "
            "anonymous, child, municipality, unknown",
            "case 2024-0117: event 'kvittering' attribute 'at': '2024-13-01' is not a date"])

    def test_three_bad_values_three_problems_in_order(self):
        e = self.three_bad_values()
        self.assertEqual(e.problems, (
            InputProblem(code="invalid_value", message="child attribute 'birth-date': '2015-02-30' is not a date",
                         source="case 2024-0117", line=0, column=0, element="child", event_index=None, id="",
                         attribute="birth-date"),
            InputProblem(code="invalid_value", message="event 'underretning' attribute 'notifier': 'nobody' is not one "
                         "of: professional, private, anonymous, child, municipality, unknown",
                         source="case 2024-0117", line=0, column=0, element="underretning", event_index=0, id="u1",
                         attribute="notifier"),
            InputProblem(code="invalid_value", message="event 'kvittering' attribute 'at': '2024-13-01' is not a date",
                         source="case 2024-0117", line=0, column=0, element="kvittering", event_index=1, id="k1",
                         attribute="at")))
        # One problem per line of the message, the same words.
        self.assertEqual([f"{p.source}: {p.message}" for p in e.problems], str(e).splitlines())

    def test_rows_count_refused_events_and_times_have_their_codes(self):
        b = self.engine.builder("rows").case(id="c1").child(birth_date=date(2015, 2, 1))
        b.event("nonsense", id="n1")                                                     # row 0, refused
        b.event("underretning", id="u1", received_at=datetime(2024, 3, 31, 2, 30), notifier="private")  # row 1
        b.event("kvittering", id="k1", at=datetime(2024, 10, 27, 2, 30), ref="u1")       # row 2
        with self.assertRaises(InputError) as e:
            b.finish()
        self.assertEqual([(p.code, p.element, p.event_index, p.attribute) for p in e.exception.problems], [
            ("unknown_element", "nonsense", 0, ""),
            ("nonexistent_time", "underretning", 1, "received-at"),
            ("ambiguous_time", "kvittering", 2, "at")])

    def test_a_files_problems_have_positions(self):
        with self.assertRaises(InputError) as e:
            self.engine.load_buffer(b"<case xmlns='urn:barnetslov:case:1' id='x'>\n<child/><events>"
                                    b"<kvittering id='k1' at='2024-13-01'/></events></case>", "bad.xml")
        self.assertEqual([(p.code, p.source, p.line, p.column, p.event_index, p.id, p.attribute) for p in e.exception.problems],
                         [("invalid_value", "bad.xml", 2, 37, 0, "k1", "at"), ("missing_attribute", "bad.xml", 2, 17, 0, "k1", "ref")])
        with self.assertRaises(InputError) as e:
            self.engine.load_file("/nonexistent/case.xml")
        self.assertEqual(e.exception.status, "BL_ERROR_IO")
        self.assertEqual([(p.code, p.element, p.event_index) for p in e.exception.problems], [("io", "", None)])

    def test_no_problems_when_the_refusal_is_not_about_a_case(self):
        case = self.engine.load_buffer(b"<case xmlns='urn:barnetslov:case:1' id='x'><child birth-date='2015-02-01'/>"
                                       b"<events/></case>")
        with self.assertRaises(InputError) as e:
            self.engine.evaluate(case, datetime(2024, 3, 31, 2, 30))
        self.assertEqual(e.exception.problems, ())

    def test_problems_found_at_the_end_too(self):
        # A required attribute missing is found when the element closes; an unknown element at once.
        b = self.engine.builder("b").case(id="c1").child(birth_date=date(2015, 2, 1))
        b.event("kvittering", id="k1")
        b.event("nonsense", id="n1", at="2024-11-20")
        b.event("kvittering", id="k2", at="2024-11-21", colour="blue")
        with self.assertRaises(InputError) as e:
            b.finish()
        self.assertEqual(str(e.exception).splitlines(), [
            "b: event 'kvittering' (id 'k1') lacks required attribute 'at'",
            "b: event 'kvittering' (id 'k1') lacks required attribute 'ref'",
            "b: unknown event type 'nonsense'",
            "b: event 'kvittering' has no attribute 'colour'",
            "b: event 'kvittering' (id 'k2') lacks required attribute 'ref'"])

    def test_programming_errors_are_raised_at_once(self):
        b = self.engine.builder().case(id="c1")
        with self.assertRaises(TypeError):
            b.child(birth_date=3.5)
        with self.assertRaises(ValueError):
            b.event("kvittering", id="a\0b")
        b.child(birth_date=date(2015, 2, 1))
        self.assertEqual(b.finish().id, "c1")  # neither reached the C builder
        with self.assertRaises(BarnetslovError) as e:
            b.event("kvittering", id="k1", at="2024-11-20")  # after finish(): out of order, raised now
        self.assertEqual(e.exception.status, "BL_ERROR_STATE")


if __name__ == "__main__":
    unittest.main()
