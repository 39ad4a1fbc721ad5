#!/usr/bin/env bash
# The HTML report as a browser sees it: headless Chromium renders the report of examples/, and the
# DOM it builds must hold what the JSON report of the same input holds (cases, findings and their
# statuses: a row per problem finding, the others counted per status under it; one aggregate row
# per rule, one bar per rule with a share on time); the status classes must compute to the colours
# of the legend; the figures must be drawn above the cases (they come after them in the markup,
# which streams); and a screenshot must come out.
# Usage: html_browser_test.sh CLI SOURCE_DIR. Exits 77 (CTest: skipped) when there is no Chromium,
# and fails instead under CI=true (CI installs it: a skip there would hide the check).
set -euo pipefail
cli=$1
cd "$2"

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" > /dev/null; then browser=$b; break; fi
done
if [ -z "$browser" ] && [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true and no Chromium found (tools/setup.sh installs it)"
    exit 1
fi
if [ -z "$browser" ]; then
    echo "SKIP: no Chromium found (apt-get install chromium); the HTML report was not checked in a browser"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
as_of=$(cat examples/expected/AS_OF)
# Exit code 1 means the examples have findings with problems, as they should.
# With the index of problem cases (on by default only above 500 cases), so that it is rendered too.
"$cli" check examples --as-of "$as_of" --format html --index on --output "$tmp/report.html" || [ $? -eq 1 ]
"$cli" check examples --as-of "$as_of" --format json > "$tmp/report.json" || [ $? -eq 1 ]
"$cli" check examples --as-of "$as_of" --summary --format json > "$tmp/summary.json" || [ $? -eq 1 ]

# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
run_browser() {
    timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$tmp/profile" "$@" 2>> "$tmp/browser.log"
}
run_browser --dump-dom "file://$tmp/report.html" > "$tmp/dom.html"

# The computed colours: a copy of the report with a probe script (the report itself has none) that
# gives a timeline marker each status class and writes the fill the style sheet gives it into the DOM.
python3 - "$tmp/report.html" "$tmp/probe.html" <<'EOF'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
const svg = document.querySelector('svg.timeline'), out = {};
for (const s of ['met','late','missed','violated','pending']) {
  const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
  c.setAttribute('class', 'due status-' + s);
  svg.appendChild(c);
  out[s] = getComputedStyle(c).fill;
}
out.chart_top = document.querySelector('svg.chart').getBoundingClientRect().top;
out.case_top = document.querySelector('section.case').getBoundingClientRect().top;
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
EOF
run_browser --dump-dom "file://$tmp/probe.html" > "$tmp/probe-dom.html"

python3 - "$tmp/dom.html" "$tmp/probe-dom.html" "$tmp/report.json" "$tmp/summary.json" <<'EOF'
import collections, json, re, sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []          # (tag, classes) of the open elements
        self.counts = collections.Counter()
        self.statuses = collections.Counter()
        self.others = collections.Counter()
        self.index_rules = []
        self.bars, self.agg_rules, self.external = [], [], []
        self.probe, self.in_probe = "", False
        self.lang = None

    def inside(self, tag, cls):
        return any(t == tag and cls in c for t, c in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "html": self.lang = a.get("lang")
        if tag == "script": self.counts["script"] += 1
        for k in ("src", "href"):
            v = a.get(k) or ""
            if re.match(r"^(https?:)?//", v, re.I): self.external.append(v)
        if tag == "section" and "case" in cls: self.counts["case"] += 1
        if tag == "svg" and "timeline" in cls: self.counts["timeline"] += 1
        if tag == "section" and "index-rule" in cls: self.index_rules.append(a.get("data-rule"))
        if tag == "circle" and "due" in cls: self.counts["due"] += 1
        if tag == "tr" and "finding" in cls:
            self.counts["finding"] += 1
            status = a.get("data-status")
            assert "status-" + status in cls, f"row of status {status} lacks class status-{status}: {cls}"
            self.statuses[status] += 1
        if tag == "p" and "others" in cls:
            for s in ("met", "pending", "not_applicable"):
                self.others[s] += int(a.get("data-" + s, 0))
        if tag == "tr" and "data-rule" in a and self.inside("table", "aggregates"): self.agg_rules.append(a["data-rule"])
        if tag == "rect" and "data-rule" in a and self.inside("svg", "chart"): self.bars.append(a["data-rule"])
        if tag == "pre" and a.get("id") == "probe": self.in_probe = True
        if tag not in ("meta", "br", "line", "rect", "circle", "input", "img", "link"):
            self.stack.append((tag, cls))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag: self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "pre": self.in_probe = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_probe: self.probe += data

def parse(path):
    d = Dom()
    d.feed(open(path, encoding="utf-8").read())
    return d

dom, probe = parse(sys.argv[1]), parse(sys.argv[2])
report = json.load(open(sys.argv[3], encoding="utf-8"))
findings = [f for c in report["cases"] for f in c["findings"]]
failures = []
def check(what, got, want):
    if got != want: failures.append(f"{what}: the browser's DOM has {got}, the JSON report says {want}")

check("language", dom.lang, "en")
check("<script> elements", dom.counts["script"], 0)
check("src/href to the network", dom.external, [])
check("case sections", dom.counts["case"], len(report["cases"]))
check("timelines", dom.counts["timeline"], len(report["cases"]))
PROBLEMS = ("late", "missed", "violated", "indeterminate")
check("finding rows", dom.counts["finding"], sum(1 for f in findings if f["status"] in PROBLEMS))
check("finding rows per status", dict(dom.statuses), {s: n for s, n in report["summary"]["statuses"].items() if n and s in PROBLEMS})
check("other findings per status", {s: n for s, n in dom.others.items() if n},
      {s: n for s, n in report["summary"]["statuses"].items() if n and s not in PROBLEMS})
check("index parts (one per rule with a problem)", sorted(dom.index_rules),
      sorted({f["rule"] for f in findings if f["status"] in PROBLEMS}))
check("deadline markers", dom.counts["due"], sum(1 for f in findings if f["deadline"] and f["status"] in PROBLEMS))
rules = list(dict.fromkeys(f["rule"] for f in findings))  # the JSON lists findings in rulebook order per case
check("aggregate rows (one per rule)", sorted(dom.agg_rules), sorted(rules))
judged = {r for r in rules if any(f["rule"] == r and f["status"] in ("met", "late", "missed", "violated") for f in findings)}
# A rule whose evidence no file carries has "no data", not a bar at 0 % (issue 17). Any file of the export
# counts, also one without a finding of the rule: the summary's coverage, checked against the cases' own.
coverage = {c["rule"]: c for c in json.load(open(sys.argv[4], encoding="utf-8"))["coverage"]}
with_data = {r for r, c in coverage.items() if c["data"] != "none"}
check("coverage covers the cases' evidence", sorted(r for c in report["cases"] for r, p in c["evidence_present"].items() if p and r not in with_data), [])
check("bars (one per rule with a share on time and data)", sorted(dom.bars), sorted(judged & with_data))

# The legend's colours, as the browser computed them.
def rgb(text):
    m = re.match(r"rgb\((\d+), (\d+), (\d+)\)", text or "")
    return tuple(map(int, m.groups())) if m else None
looks = {
    "green": lambda r, g, b: g > r + 40 and g > b + 40,
    "amber": lambda r, g, b: r > 200 and 110 <= g <= 200 and b < 90,
    "red": lambda r, g, b: r > 150 and g < 90 and b < 90,
    "purple": lambda r, g, b: r > 90 and b > 120 and g < 60,
    "grey": lambda r, g, b: max(r, g, b) - min(r, g, b) < 16 and 80 < r < 220,
}
colours = json.loads(probe.probe or "{}")
if not colours.get("chart_top", 1) < colours.get("case_top", 0):
    failures.append(f"the chart is drawn at {colours.get('chart_top')}, not above the first case at {colours.get('case_top')}")
colours = {k: v for k, v in colours.items() if not k.endswith("_top")}
for status, colour in [("met", "green"), ("late", "amber"), ("missed", "red"), ("violated", "purple"), ("pending", "grey")]:
    c = rgb(colours.get(status))
    if not c or not looks[colour](*c): failures.append(f"status-{status} computes to fill {colours.get(status)!r}, not {colour}")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"browser DOM: {dom.counts['case']} cases, {dom.counts['finding']} finding rows, {len(dom.agg_rules)} aggregate rows, "
      f"{len(dom.bars)} bars, as the JSON report; status colours {colours}")
EOF

run_browser --screenshot="$tmp/shot.png" --window-size=1280,2000 "file://$tmp/report.html" > /dev/null
python3 - "$tmp/shot.png" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 2000), f"the screenshot is {w}x{h}, not 1280x2000"
# A blank page compresses to a few kB; a rendered report with text and charts does not.
assert len(data) > 40_000, f"the screenshot is only {len(data)} bytes: is the page blank?"
print(f"screenshot: {w}x{h}, {len(data)} bytes")
EOF
echo "html_browser_test: passed"
