#!/usr/bin/env python3
"""Converts XML case files to JSON case files: the same case, the same vocabulary.

    tools/xml-to-json.py --out-dir DIR FILE.xml...   writes DIR/<name>.json for each file
    tools/xml-to-json.py FILE.xml                    writes the JSON case file to standard output
    tools/xml-to-json.py --lines FILE.xml...         writes JSON Lines, one case a line, to standard output

Attributes become keys in the XML's order; each event is an object whose "type" is its element
name, written on one line as the XML writes its element. The value types come from the
vocabulary (schema/vocabulary-1.json, or --vocabulary): a boolean is written true or false, a
count a number, a ref naming several events an array of ids, a list of several values an array;
every other value is the XML's text.
Comments are not carried over (JSON has none), nor attributes in other namespaces (the JSON form
has no place for a vendor's own attributes). Python's standard library only.

tools/update-expected.sh writes examples/json/ with it; examples_json_test checks that each twin
gives its XML file's findings.
"""
import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "urn:barnetslov:case:1"


def local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def vocabulary_types(path):
    """{element: {attribute: value type}} for the case, its people and every event."""
    v = json.loads(Path(path).read_text(encoding="utf-8"))
    types = {e["element"]: {a["name"]: a["type"] for a in e["attributes"]} for e in v["elements"]}
    types.update({e["element"]: {a["name"]: a["type"] for a in e["attributes"]} for e in v["events"]})
    return types


def typed(value, kind):
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    if kind == "count" and value.isdigit() and len(value) <= 9:
        return int(value)
    if kind in ("event-refs", "enumeration-list") and len(value.split()) > 1:
        return value.split()
    return value


def attributes(element, types, out):
    for name, value in element.attrib.items():
        if name.startswith("{"):
            continue  # another namespace's attribute: no place for it in JSON
        out[name] = typed(value, types.get(local(element.tag), {}).get(name, "text"))
    return out


def case_of(path, types):
    root = ET.parse(path).getroot()
    if root.tag != "{%s}case" % NS:
        raise SystemExit(f"{path}: not a case file of {NS}")
    case = attributes(root, types, {"format": NS})
    for child in root:
        name = local(child.tag)
        if name == "child":
            case["child"] = attributes(child, types, {})
        elif name in ("party", "sibling"):
            case.setdefault("parties" if name == "party" else "siblings", []).append(attributes(child, types, {}))
        elif name == "events":
            case["events"] = [attributes(e, types, {"type": local(e.tag)}) for e in child]
    return case


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def document(case):
    """Keys one to a line; each person and event an object on one line."""
    lines = []
    for key, value in case.items():
        if isinstance(value, list):
            items = ",\n".join("    " + dumps(v) for v in value)
            lines.append(f"  {dumps(key)}: [\n{items}\n  ]" if value else f"  {dumps(key)}: []")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    here = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--out-dir", type=Path)
    p.add_argument("--lines", action="store_true", help="JSON Lines to standard output, one case a line")
    p.add_argument("--vocabulary", type=Path, default=here / "schema" / "vocabulary-1.json")
    args = p.parse_args()
    types = vocabulary_types(args.vocabulary)
    for f in args.files:
        case = case_of(f, types)
        if args.lines:
            sys.stdout.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
        elif args.out_dir:
            (args.out_dir / (f.stem + ".json")).write_text(document(case), encoding="utf-8")
        else:
            sys.stdout.write(document(case))


if __name__ == "__main__":
    main()
