"""JSON case files and the format's descriptions through the binding: a JSON twin gives its XML's
findings; a bad value's message names its pointer; the vocabulary is the checked-in one."""
import json
import os
import unittest
from datetime import datetime
from pathlib import Path

import barnetslov
from barnetslov import InputError

ROOT = Path(__file__).resolve().parents[2]


class FormatsTest(unittest.TestCase):
    engine = barnetslov.Engine()

    def test_json_twin_gives_the_xml_findings(self):
        name = "13-committee-placement-without-consent"
        as_of = datetime(2025, 1, 15, 12, 0)
        from_xml = self.engine.evaluate(self.engine.load_file(ROOT / "examples" / f"{name}.xml"), as_of)
        from_json = self.engine.evaluate(self.engine.load_json_file(ROOT / "examples" / "json" / f"{name}.json"), as_of)
        strip = lambda r: [(f.rule_id, f.status, f.reason, f.subject_id, f.due) for f in r]
        self.assertEqual(strip(from_xml), strip(from_json))
        self.assertGreater(len(from_json), 5)

    def test_bad_json_names_its_pointer_and_problem(self):
        doc = (b'{"format": "urn:barnetslov:case:1", "id": "c1", "child": {"birth-date": "2015-02-01"},\n'
               b' "events": [{"type": "kvittering", "id": "k1", "at": "2024-13-01", "ref": "u1"}]}')
        with self.assertRaises(InputError) as caught:
            self.engine.load_json_buffer(doc, "bad.json")
        self.assertIn("/events/0/at", str(caught.exception))
        self.assertIn("event 'kvittering' attribute 'at': '2024-13-01' is not a date", str(caught.exception))
        # The bad value and, in the same round, the reference to no event (there is no u1).
        problem, ref = caught.exception.problems
        self.assertEqual((problem.code, problem.element, problem.event_index, problem.id, problem.attribute, problem.line),
                         ("invalid_value", "kvittering", 0, "k1", "at", 2))
        self.assertEqual((ref.code, ref.element, ref.event_index, ref.id, ref.attribute, ref.line),
                         ("unknown_ref", "kvittering", 0, "k1", "ref", 2))

    def test_documents_are_the_checked_in_ones(self):
        self.assertEqual(barnetslov.format_document("vocabulary"), (ROOT / "schema" / "vocabulary-1.json").read_text("utf-8"))
        vocabulary = json.loads(barnetslov.format_document("vocabulary"))
        self.assertIn("underretning", json.dumps(vocabulary))
        self.assertEqual(barnetslov.format_document("json-schema"), (ROOT / "schema" / "case-1.schema.json").read_text("utf-8"))
        with self.assertRaises(ValueError):
            barnetslov.format_document("dtd")


if __name__ == "__main__":
    unittest.main()
