// The machines' report, format "barnetslov-report" version 1 (docs/report-json.md).
// Keys keep their insertion order so the same input always gives the same bytes.
#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/version.h"

namespace barnetslov {

namespace {

std::string_view due_by_key(DueBy b) {
    constexpr std::string_view keys[] = {"counted",        "fixed_in_decision", "placement_start",   "return_home",
                                         "planned_return", "day_before_18",     "calendar_year_end", "placement_end"};
    return keys[static_cast<std::size_t>(b)];
}

using json = nlohmann::ordered_json;

std::string_view role_key(EventRole r) {
    switch (r) {
        case EventRole::trigger: return "trigger";
        case EventRole::fulfilment: return "fulfilment";
        case EventRole::exception: return "exception";
        case EventRole::related: return "related";
    }
    return "";
}

}  // namespace

std::string_view basis_key(Basis b) {
    switch (b) {
        case Basis::none: return "";
        case Basis::foreloebig_vurdering: return "foreloebig_vurdering";
        case Basis::views_exception: return "views_exception";
        case Basis::child_declined: return "child_declined";
        case Basis::same_day: return "same_day";
        case Basis::urgent_plan: return "urgent_plan";
        case Basis::hearing_exception: return "hearing_exception";
        case Basis::provisional_parallel: return "provisional_parallel";
        case Basis::deviation_explained: return "deviation_explained";
    }
    return "";
}

namespace {

std::string_view unit_key(MarginUnit u) {
    switch (u) {
        case MarginUnit::seconds: return "seconds";
        case MarginUnit::days: return "days";
        case MarginUnit::hverdage: return "hverdage";
    }
    return "";
}

json event_json(const Event& e, EventRole role, const Calendar& cal) {
    return json{{"id", e.id()},
                {"type", event_spec(e.type()).element},
                {"role", role_key(role)},
                {"at", iso_moment(e.at(), cal)},
                {"line", e.location().line},
                {"column", e.location().column}};
}

json finding_json(const Engine& engine, const Report& report, const Finding& f) {
    const Calendar& cal = engine.calendar();
    const RuleMeta& m = engine.meta(f);
    json j;
    j["rule"] = m.id;
    if (f.has_version) {
        const RuleVersion& v = m.versions[f.version];
        j["law"] = law_name_da(v.law);
        j["section"] = v.section;
        j["confidence"] = to_string(v.confidence);
    } else {
        j["law"] = nullptr;
        j["section"] = nullptr;
        j["confidence"] = to_string(m.confidence);
    }
    j["title_da"] = m.title_da;
    j["title_en"] = m.title_en;
    j["severity"] = to_string(m.severity);
    j["status"] = to_string(f.status);
    j["planned"] = f.planned;  // judged as if events after as_of happen as planned (EvaluateOptions)
    // The figures group a finding under the unit responsible on the day its duty started, which an
    // ansvarlig-enhed can make another than the case's; stated here so a reader can redo them.
    j["unit"] = finding_unit(*report.kase, f);
    j["reason"] = reason_key(f.reason);
    j["basis"] = f.basis == Basis::none ? json(nullptr) : json(basis_key(f.basis));
    j["attribute"] = f.attribute ? json(attr_name(*f.attribute)) : json(nullptr);
    j["count"] = f.required > 0 ? json{{"found", f.count}, {"required", f.required}} : json(nullptr);
    json events = json::array();
    for (const EventUse& u : f.events) events.push_back(event_json(report.kase->event(u.event), u.role, cal));
    j["events"] = std::move(events);
    if (f.deadline) {
        const Deadline& d = *f.deadline;
        j["deadline"] = json{{"convention", to_string(d.convention)},
                             {"amount", d.amount},
                             {"start", iso_moment(d.start, cal)},
                             {"due", iso_instant(d.due_first, cal)},
                             {"due_latest", iso_instant(d.due_last, cal)},
                             {"due_day", format_day(d.due_day)},
                             {"end_of_day", d.end_of_day},
                             {"clamped", d.clamped},
                             {"due_by", due_by_key(d.due_by)}};
    } else {
        j["deadline"] = nullptr;
    }
    j["done"] = f.done ? json(iso_moment(*f.done, cal)) : json(nullptr);
    j["margin"] = f.margin ? json{{"value", *f.margin}, {"unit", unit_key(f.margin_unit)}} : json(nullptr);
    const FindingText en = describe(engine, report, f, Lang::en);
    const FindingText da = describe(engine, report, f, Lang::da);
    j["text_en"] = json{{"summary", en.summary}, {"counting", en.counting}, {"margin", en.margin}, {"basis", en.basis}};
    j["text_da"] = json{{"summary", da.summary}, {"counting", da.counting}, {"margin", da.margin}, {"basis", da.basis}};
    return j;
}

// Every choosable reading and its value as a user would write it, in the README's order.
json readings_json(const Engine& engine) {
    json j = json::object();
    for (const ReadingValue& r : engine.readings_used()) j[r.name] = r.value;
    return j;
}

// `standalone`: a case object that is a document of its own (bl_report_to_json) states the
// readings itself; inside a batch document they are stated once, at the top.
json case_json(const Engine& engine, const Report& report, bool standalone = false) {
    const Case& c = *report.kase;
    json j;
    j["source"] = c.source();
    j["case_id"] = c.id();
    j["municipality"] = c.municipality();
    j["unit"] = c.unit();
    j["as_of"] = iso_instant(report.as_of, engine.calendar());
    if (standalone) j["readings"] = readings_json(engine);
    // Dated after as_of: not judged by any rule (Report::events_after_as_of).
    json later = json::array();
    for (const std::uint32_t i : report.events_after_as_of) {
        const Event& e = c.event(i);
        later.push_back(json{{"id", e.id()}, {"type", event_spec(e.type()).element}, {"at", iso_moment(e.at(), engine.calendar())},
                             {"line", e.location().line}, {"column", e.location().column}});
    }
    j["events_after_as_of"] = std::move(later);
    json findings = json::array();
    for (const Finding& f : report.findings) findings.push_back(finding_json(engine, report, f));
    j["findings"] = std::move(findings);
    // Per rule with a finding here: whether the case carries what the rule is judged on
    // (RuleMeta::evidence). false: the file holds none of it, which a batch's figures call "no data".
    json evidence = json::object();
    for (const Finding& f : report.findings) {
        const RuleMeta& m = engine.meta(f);
        const std::string id(m.id);
        if (!evidence.contains(id)) evidence[id] = carries_evidence(c, m);
    }
    j["evidence_present"] = std::move(evidence);
    return j;
}

// What goes in is valid UTF-8 already (names are escaped by shown_name, values checked by the
// builder); should anything slip through, it becomes U+FFFD instead of an exception half-way
// through a batch's document.
std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string case_to_json(const Engine& engine, const Report& report) { return dump(case_json(engine, report, true)); }

std::string to_json(const Engine& engine, std::span<const Report> reports, std::span<const InputError> errors, Instant as_of) {
    // The document the CLI streams (JsonReportWriter), written here in one go.
    JsonReportWriter writer(engine, as_of);
    std::string out;
    writer.begin(out);
    for (const Report& r : reports) writer.add_case(out, r);
    writer.finish(out, errors);
    out.pop_back();  // finish() ends the document with a newline, to_json() never did
    return out;
}

// ---- the same document written case by case ----

namespace {

// `text` (a dump with an indent of 2) indented by `by` more spaces: a value nested inside the
// document. Strings hold no raw newline (JSON escapes it), so every '\n' starts a line.
void append_indented(std::string& out, std::string_view text, std::string_view by) {
    out += by;
    for (const char ch : text) {
        out += ch;
        if (ch == '\n') out += by;
    }
}

json error_json(const InputError& e) {
    return json{{"source", e.source}, {"line", e.location.line}, {"column", e.location.column}, {"message", e.message}};
}

}  // namespace

JsonReportWriter::JsonReportWriter(const Engine& engine, Instant as_of, bool lines) : engine_(&engine), as_of_(as_of), lines_(lines) {}

void JsonReportWriter::begin(std::string& out) const {
    if (lines_) return;
    json head;
    head["format"] = "barnetslov-report";
    head["format_version"] = report_json_version;
    head["library_version"] = BL_VERSION_STRING;
    head["as_of"] = iso_instant(as_of_, engine_->calendar());
    head["readings"] = readings_json(*engine_);
    head["cases"] = json::array();
    // The head as dump() writes it, up to the cases' opening bracket: "...,\n  \"cases\": []\n}".
    std::string text = dump(head);
    text.resize(text.size() - std::string_view("]\n}").size());
    out += text;
}

void JsonReportWriter::write_case(std::string& out, const Report& report) const {
    const json j = case_json(*engine_, report);
    if (lines_) {
        out += j.dump(-1, ' ', false, json::error_handler_t::replace);
        out += '\n';
    } else {
        append_indented(out, dump(j), "    ");
    }
}

void JsonReportWriter::add_written(std::string& out, std::string_view written, const std::array<std::uint64_t, status_count>& statuses) {
    for (std::size_t s = 0; s < status_count; ++s) statuses_[s] += statuses[s];
    if (!lines_) out += cases_ == 0 ? "\n" : ",\n";
    out += written;
    ++cases_;
}

void JsonReportWriter::add_case(std::string& out, const Report& report) {
    std::array<std::uint64_t, status_count> statuses{};
    for (const Finding& f : report.findings) ++statuses[static_cast<std::size_t>(f.status)];
    std::string written;
    write_case(written, report);
    add_written(out, written, statuses);
}

void JsonReportWriter::add_error(std::string& out, const InputError& error) {
    ++errors_;
    if (!lines_) return;  // the document lists them after its cases (finish)
    json j{{"record", "error"}};
    j.update(error_json(error));
    out += j.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
}

namespace {

json summary_json(std::size_t cases, std::size_t errors, const std::array<std::uint64_t, status_count>& statuses,
                  const std::optional<std::size_t>& not_checked) {
    json counts = json::object();
    for (std::size_t s = 0; s < status_count; ++s) counts[std::string(to_string(static_cast<Status>(s)))] = statuses[s];
    json j{{"cases", cases}, {"errors", errors}, {"statuses", std::move(counts)}};
    if (not_checked) {
        j["incomplete"] = true;
        j["not_checked"] = *not_checked;
    }
    return j;
}

}  // namespace

void JsonReportWriter::finish(std::string& out, std::span<const InputError> errors, std::optional<std::size_t> not_checked) const {
    if (lines_) {
        json j;
        j["record"] = "summary";
        j["format"] = "barnetslov-report";
        j["format_version"] = report_json_version;
        j["library_version"] = BL_VERSION_STRING;
        j["as_of"] = iso_instant(as_of_, engine_->calendar());
        j["readings"] = readings_json(*engine_);
        j["summary"] = summary_json(cases_, errors_, statuses_, not_checked);
        out += j.dump(-1, ' ', false, json::error_handler_t::replace);
        out += '\n';
        return;
    }
    out += cases_ == 0 ? "]" : "\n  ]";
    // What follows the cases, as dump() writes it inside the document: "errors", then "summary".
    json tail;
    json errs = json::array();
    for (const InputError& e : errors) errs.push_back(error_json(e));
    tail["errors"] = std::move(errs);
    tail["summary"] = summary_json(cases_, errors.size(), statuses_, not_checked);
    const std::string text = dump(tail);  // "{\n  \"errors\": ...\n}"
    out += ',';
    out.append(text, 1, std::string::npos);
    out += '\n';
}

}  // namespace barnetslov
