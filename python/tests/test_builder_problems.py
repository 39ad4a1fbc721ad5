"""Building a case in Python collects every problem: nothing is raised for a wrong value on the
way, and finish() raises one InputError with all of them, in input order, as loading a file
does."""
import unittest
from datetime import date, datetime

import barnetslov
from barnetslov import BarnetslovError, InputError


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
