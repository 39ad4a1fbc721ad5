#include "synthetic.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "barnetslov/case_builder.hpp"

namespace barnetslov::bench {
namespace {

// The trajectories of examples/19 and examples/13, one event a line, with every date written as
// "@D" or "@DThh:mm": D days after the trajectory starts. Ids and refs get a per-trajectory suffix.
constexpr std::string_view section_32 = R"(
underretning id="u1" received-at="@0T09:05" written-received-at="@1" notifier="professional" notifier-role="school" channel="phone"
akutvurdering id="a1" at="@0T14:20" ref="u1" danger="false" acute-measures="false"
kvittering id="k1" at="@2" ref="u1"
screening id="s1" at="@3" ref="u1" outcome="undersoegelse" honour-related="false"
information id="i1" at="@8" party="barn" topic="bisidder"
undersoegelse id="bfu1" at="@8" ref="s1" two-caseworkers="true"
kontakt id="c1" at="@10" party="mor" channel="in-person"
kontakt id="c2" at="@10" party="far" channel="in-person"
tilbagemelding id="t1" at="@11" ref="u1" outcome="undersoegelse"
boernesamtale id="bs1" at="@22" ref="bfu1" method="conversation" outcome="views-recorded" parents-present="false"
undersoegelse-afsluttet id="bfu1-end" at="@95" ref="bfu1" outcome="supportive-measure"
afgoerelse id="d1" at="@112" kind="supportive-measure" section="§ 32 stk. 1 nr. 3" plan="plan" has-reasons="true" has-klagevejledning="true" notified-at="@112" notification-channel="digital"
boernesamtale id="bs2" at="@101" ref="d1" method="conversation" outcome="views-recorded"
partshoering id="ph1" at="@105" party="barn" ref="d1"
partshoering id="ph2" at="@105" party="mor" ref="d1"
partshoering id="ph3" at="@105" party="far" ref="d1"
information id="i2" at="@112" party="barn" topic="complaint-rights" ref="d1"
information id="i3" at="@112" party="mor" topic="complaint-rights" ref="d1"
information id="i4" at="@112" party="far" topic="complaint-rights" ref="d1"
indsats-start id="m1" at="@126" ref="d1"
plan id="p1" at="@191" kind="barnets-plan" ref="d1"
opfoelgning id="o1" at="@211" ref="m1" cadence-decided="true" reasons-given="true"
)";

constexpr std::string_view placement = R"(
underretning id="u1" received-at="@0T23:10" written-received-at="@1" notifier="professional" notifier-role="police" channel="phone"
akutvurdering id="a1" at="@1T09:30" ref="u1" danger="true" acute-measures="false"
screening id="s1" at="@2" ref="u1" outcome="undersoegelse" honour-related="false"
kvittering id="k1" at="@3" ref="u1"
undersoegelse id="bfu1" at="@4" ref="s1" two-caseworkers="true"
information id="i1" at="@5" party="barn" topic="bisidder"
kontakt id="c1" at="@8" party="mor" channel="in-person"
kontakt id="c2" at="@8" party="far" channel="in-person"
tilbagemelding id="t1" at="@9" ref="u1" outcome="undersoegelse"
boernesamtale id="bs1" at="@22" ref="bfu1" method="conversation" outcome="views-recorded"
undersoegelse-afsluttet id="bfu1-end" at="@96" ref="bfu1" outcome="placement"
afgoerelse id="d1" at="@128" kind="placement-without-consent" body="committee" section="§ 47 stk. 1" ground="abuse" has-purpose="true" has-expected-duration="true" has-reasons="true" has-klagevejledning="true" child-heard="yes" first-placement="true" renewal-due="@493" renewal-set-by="committee" notified-at="@129" notification-channel="digital"
samtykke id="sa1" at="@101" party="mor" ref="d1" answer="refused"
samtykke id="sa2" at="@101" party="far" ref="d1" answer="refused"
tilbud id="tl1" at="@106" party="mor" topic="lawyer" answer="accepted"
tilbud id="tl2" at="@106" party="far" topic="lawyer" answer="declined"
tilbud id="tl3" at="@106" party="barn" topic="lawyer" answer="accepted"
plan id="p1" at="@113" kind="barnets-plan" ref="d1"
indstilling id="in1" at="@115" ref="bfu1" includes-plan="true"
information id="i2" at="@115" party="mor" topic="files-and-comment" ref="in1"
information id="i3" at="@115" party="far" topic="files-and-comment" ref="in1"
information id="i4" at="@115" party="barn" topic="files-and-comment" ref="in1"
partshoering id="ph1" at="@116" party="mor" ref="d1"
partshoering id="ph2" at="@116" party="far" ref="d1"
partshoering id="ph3" at="@117" party="barn" ref="d1"
boernesamtale id="bs2" at="@117" ref="d1" method="conversation" outcome="views-recorded"
afgoerelse id="d2" at="@128" kind="contact" form="beslutning" ref="d1"
information id="i5" at="@129" party="mor" topic="complaint-rights" ref="d1"
information id="i6" at="@129" party="far" topic="complaint-rights" ref="d1"
information id="i7" at="@129" party="barn" topic="complaint-rights" ref="d1"
indsats-start id="m1" at="@134" ref="d1"
tilsynsbesoeg id="tb1" at="@178" ref="m1" child-conversation="true" staff-present="false"
kontakt id="c3" at="@212" party="mor" channel="in-person"
kontakt id="c4" at="@214" party="far" channel="phone"
opfoelgning id="o1" at="@219" ref="m1" cadence-decided="true" reasons-given="true"
)";

// The measures' ends (SyntheticOptions::measures_ended), after the last line of each trajectory: the § 32
// measure started on day 126 ends on day 400; the placement started on day 134 ends on day 520 (one
// whole placement year, then 21 days).
constexpr std::string_view section_32_end = R"(
indsats-slut id="m1-end" at="@400" ref="m1"
)";
constexpr std::string_view placement_end = R"(
indsats-slut id="m1-end" at="@520" ref="m1"
)";

constexpr int stride_days = 12;  // between the starts of two trajectories
const LocalDay first_start = local_day(2014, 1, 6);

// Parses one template line: an element name, then name="value" pairs.
SyntheticEvent parse_line(std::string_view line) {
    SyntheticEvent e;
    std::size_t i = line.find(' ');
    e.element = std::string(line.substr(0, i));
    while (i < line.size()) {
        const std::size_t eq = line.find("=\"", i);
        if (eq == std::string_view::npos) break;
        const std::size_t name_at = line.find_first_not_of(' ', i);
        const std::size_t end = line.find('"', eq + 2);
        e.attributes.emplace_back(line.substr(name_at, eq - name_at), line.substr(eq + 2, end - eq - 2));
        i = end + 1;
    }
    return e;
}

std::vector<SyntheticEvent> parse_template(std::string_view text) {
    std::vector<SyntheticEvent> out;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t nl = std::min(text.find('\n', at), text.size());
        if (nl > at) out.push_back(parse_line(text.substr(at, nl - at)));
        at = nl + 1;
    }
    return out;
}

std::string date_text(LocalDay d) {
    const auto ymd = date::year_month_day{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

// "@D[Thh:mm]" to a date (and time) `start` + D days; other values unchanged.
std::string shift(const std::string& value, LocalDay start) {
    if (value.empty() || value[0] != '@') return value;
    const std::size_t t = value.find('T');
    const int days = std::stoi(value.substr(1, t - 1));
    std::string out = date_text(start + date::days{days});
    if (t != std::string::npos) out += value.substr(t);
    return out;
}

std::string suffixed(const std::string& ids, const std::string& suffix) {
    std::string out;
    for (std::size_t i = 0; i < ids.size();) {
        const std::size_t sp = std::min(ids.find(' ', i), ids.size());
        if (!out.empty()) out += ' ';
        out.append(ids, i, sp - i);
        out += suffix;
        i = sp + 1;
    }
    return out;
}

void escape_into(std::string& out, const std::string& v) {
    for (char ch : v) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
}

void attributes_into(std::string& out, const Attributes& attrs) {
    for (const auto& [name, value] : attrs) {
        out += ' ';
        out += name;
        out += "=\"";
        escape_into(out, value);
        out += '"';
    }
}

}  // namespace

SyntheticCase synthetic_case(std::size_t events, SyntheticOptions options) {
    static const std::vector<SyntheticEvent> open[2] = {parse_template(section_32), parse_template(placement)};
    static const std::vector<SyntheticEvent> ended[2] = {
        parse_template(std::string(section_32).append(section_32_end)), parse_template(std::string(placement).append(placement_end))};
    const auto& trajectories = options.measures_ended ? ended : open;
    SyntheticCase c;
    c.case_attributes = {{"id", std::string("BENCH-").append(std::to_string(events))}, {"municipality", "0740"}, {"unit", "Børn og Familie"}};
    c.child = {{"id", "barn"}, {"birth-date", "2008-03-09"}};
    c.persons = {{"party", {{"id", "mor"}, {"role", "custody-holder"}}}, {"party", {{"id", "far"}, {"role", "custody-holder"}}}};
    for (std::size_t k = 0; c.events.size() < events; ++k) {
        std::string suffix = std::to_string(k + 1);
        suffix.insert(0, 1, '-');
        const LocalDay start = first_start + date::days{stride_days * static_cast<int>(k)};
        for (const SyntheticEvent& t : trajectories[k % 2]) {
            if (c.events.size() == events) break;
            SyntheticEvent e{t.element, {}};
            for (const auto& [name, value] : t.attributes)
                e.attributes.emplace_back(name, name == "id" || name == "ref" ? suffixed(value, suffix) : shift(value, start));
            c.events.push_back(std::move(e));
        }
    }
    return c;
}

std::shared_ptr<const Case> build(const SyntheticCase& c, const Calendar& calendar) {
    Limits limits;
    CaseBuilder b("synthetic", calendar, limits);
    for (const auto& [n, v] : c.case_attributes) b.case_attribute(n, v);
    b.begin_child();
    for (const auto& [n, v] : c.child) b.child_attribute(n, v);
    for (const auto& [element, attrs] : c.persons) {
        b.begin_person(element);
        for (const auto& [n, v] : attrs) b.person_attribute(n, v);
    }
    for (const SyntheticEvent& e : c.events) {
        b.begin_event(e.element);
        for (const auto& [n, v] : e.attributes) b.event_attribute(n, v);
    }
    auto kase = b.finish();
    if (!kase) throw std::runtime_error("synthetic case: " + b.errors().front().to_string());
    return kase;
}

std::string to_xml(const SyntheticCase& c) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case xmlns=\"urn:barnetslov:case:1\"";
    attributes_into(out, c.case_attributes);
    out += ">\n  <child";
    attributes_into(out, c.child);
    out += "/>\n";
    for (const auto& [element, attrs] : c.persons) {
        out += "  <";
        out += element;
        attributes_into(out, attrs);
        out += "/>\n";
    }
    out += "  <events>\n";
    for (const SyntheticEvent& e : c.events) {
        out += "    <";
        out += e.element;
        attributes_into(out, e.attributes);
        out += "/>\n";
    }
    out += "  </events>\n</case>\n";
    return out;
}

Instant synthetic_as_of() {
    // 10,000 events are ~350 trajectories, started 2014-01-06 + 12 days each: the last ends in 2026.
    return date::sys_days{date::year{2027} / 1 / 1};
}

Instant end_of_last_event_year(const Case& c, const Calendar& calendar) {
    const int year = c.events().empty() ? 2014 : int(ymd(c.events().back().at().day).year());
    return calendar.end_of_local_day(local_day(year, 12, 31)) - Seconds{1};
}

}  // namespace barnetslov::bench
