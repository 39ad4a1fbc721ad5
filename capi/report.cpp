// Evaluation, reports and the getters of a finding.
#include "internal.hpp"

#include <cstdlib>

#include "barnetslov/report.hpp"

using namespace barnetslov;
using namespace bl_detail;

namespace {

constexpr std::size_t lang_count = 2;
constexpr std::size_t text_count = 6;

bl_event_role role_of(EventRole r) {
    switch (r) {
        case EventRole::trigger: return BL_ROLE_TRIGGER;
        case EventRole::fulfilment: return BL_ROLE_FULFILMENT;
        case EventRole::exception: return BL_ROLE_EXCEPTION;
        case EventRole::related: return BL_ROLE_RELATED;
    }
    return BL_ROLE_RELATED;
}

// A value outside a C enum is possible (C does not check), so every use validates first.
bool valid_lang(bl_lang lang) { return lang == BL_LANG_EN || lang == BL_LANG_DA; }
bool valid_text(bl_text part) { return static_cast<unsigned>(part) < text_count; }

void fill_texts(std::string (&out)[text_count], const Engine& engine, const Report& report, const Finding& f, bl_lang lang) {
    const FindingText t = describe(engine, report, f, lang == BL_LANG_DA ? Lang::da : Lang::en);
    std::string message = t.summary;
    if (!t.margin.empty() && !message.empty() && message.back() == '.') {
        message.pop_back();
        message += fmt::format(" ({}).", t.margin);
    }
    const RuleMeta& m = engine.meta(f);
    out[BL_TEXT_MESSAGE] = std::move(message);
    out[BL_TEXT_SUMMARY] = t.summary;
    out[BL_TEXT_COUNTING] = t.counting;
    out[BL_TEXT_MARGIN] = t.margin;
    out[BL_TEXT_BASIS] = t.basis;
    out[BL_TEXT_TITLE] = std::string(lang == BL_LANG_DA ? m.title_da : m.title_en);
}

const bl_finding* checked(const bl_finding* f, const char* function) {
    if (!f) getter_fail(BL_ERROR_ARGUMENT, "{}: f is NULL", function);
    return f;
}

}  // namespace

namespace bl_detail {

std::unique_ptr<bl_report> make_report(const bl_engine& handle, Report report) {
    const Engine& engine = handle.engine;
    auto r = std::make_unique<bl_report>();
    r->engine_handle = &handle;
    r->engine = &engine;
    r->report = std::move(report);
    r->findings.reserve(r->report.findings.size());
    r->texts = std::make_unique<bl_finding_texts[]>(r->report.findings.size());
    const Case& kase = *r->report.kase;
    for (const Finding& f : r->report.findings) {
        bl_finding& b = r->findings.emplace_back();
        const RuleMeta& m = engine.meta(f);
        const Event& subject = kase.event(f.subject);
        b.finding = &f;
        b.rule_id = std::string(m.id);
        if (f.has_version) b.section = fmt::format("{} {}", law_name_da(m.versions[f.version].law), m.versions[f.version].section);
        b.severity = std::string(to_string(m.severity));
        b.phase = m.phase;
        b.confidence = std::string(to_string(f.has_version ? m.versions[f.version].confidence : m.confidence));
        b.subject_id = subject.id();
        b.subject_line = subject.location().line;
        b.reason = std::string(reason_key(f.reason));
        b.basis = std::string(basis_key(f.basis));
        for (const EventUse& u : f.events) {
            const Event& e = kase.event(u.event);
            b.events.push_back({e.id(), std::string(event_spec(e.type()).element), role_of(u.role), e.location().line});
        }
        b.owner = r.get();
        b.texts = &r->texts[r->findings.size() - 1];
    }
    return r;
}

const std::string* texts_of(const bl_finding& f, bl_lang lang) {
    bl_finding_texts& t = *f.texts;
    std::call_once(t.made[lang], [&] { fill_texts(t.text[lang], *f.owner->engine, f.owner->report, *f.finding, lang); });
    return t.text[lang];
}

}  // namespace bl_detail

extern "C" {

bl_status bl_evaluate(bl_report** out, const bl_engine* engine, const bl_case* kase, int64_t as_of) {
    if (out) *out = nullptr;
    if (!out || !engine || !kase) return fail(BL_ERROR_ARGUMENT, "bl_evaluate: out, engine and kase must not be NULL");
    if (!instant_in_range(as_of)) return failf(BL_ERROR_ARGUMENT, "bl_evaluate: as_of {} is {}", as_of, instant_range_text);
    return guarded("bl_evaluate", [&] {
        *out = make_report(*engine, engine->engine.evaluate(kase->kase, Instant{Seconds{as_of}})).release();
        return ok();
    });
}

bl_status bl_evaluate_options_init(bl_evaluate_options* options) {
    static const bl_evaluate_options init = BL_EVALUATE_OPTIONS_INIT;
    // Its fields when the function was added (0.2.0): never more (init_struct).
    return init_struct(options, init, BL_FIELD_END(bl_evaluate_options, planned), "bl_evaluate_options_init");
}

bl_status bl_evaluate_with(bl_report** out, const bl_engine* engine, const bl_case* kase, int64_t as_of,
                           const bl_evaluate_options* options) {
    if (out) *out = nullptr;
    if (!out || !engine || !kase) return fail(BL_ERROR_ARGUMENT, "bl_evaluate_with: out, engine and kase must not be NULL");
    if (!instant_in_range(as_of)) return failf(BL_ERROR_ARGUMENT, "bl_evaluate_with: as_of {} is {}", as_of, instant_range_text);
    EvaluateOptions o;
    if (options) {
        if (const bl_status s = check_struct_size(options->struct_size, sizeof(size_t), sizeof(bl_evaluate_options),
                                                  "bl_evaluate_with", "options");
            s != BL_OK)
            return s;
        if (covers(options->struct_size, offsetof(bl_evaluate_options, planned), sizeof(int))) {
            int planned = 0;  // read as an int: a C caller's value need not be an enumerator
            std::memcpy(&planned, reinterpret_cast<const char*>(options) + offsetof(bl_evaluate_options, planned), sizeof planned);
            if (planned != BL_PLANNED_NOT_JUDGED && planned != BL_PLANNED_AS_PROPOSED)
                return failf(BL_ERROR_ARGUMENT, "bl_evaluate_with: options->planned {} is not a bl_planned", planned);
            o.planned_as_proposed = planned == BL_PLANNED_AS_PROPOSED;
        }
    }
    return guarded("bl_evaluate_with", [&] {
        *out = make_report(*engine, engine->engine.evaluate(kase->kase, Instant{Seconds{as_of}}, o)).release();
        return ok();
    });
}

int bl_finding_planned(const bl_finding* f) { return checked(f, "bl_finding_planned") && f->finding->planned ? 1 : 0; }

void bl_report_free(bl_report* report) { delete report; }

size_t bl_report_events_after_as_of(const bl_report* report) {
    if (!report) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_report_events_after_as_of: report is NULL");
        return 0;
    }
    return report->report.events_after_as_of.size();
}

bl_status bl_report_event_after_as_of(const char** id, const char** element, int64_t* at, uint32_t* line, const bl_report* report,
                                      size_t index) {
    if (id) *id = nullptr;
    if (element) *element = nullptr;
    if (at) *at = 0;
    if (line) *line = 0;
    if (!report) return fail(BL_ERROR_ARGUMENT, "bl_report_event_after_as_of: report is NULL");
    const auto& later = report->report.events_after_as_of;
    if (index >= later.size())
        return failf(BL_ERROR_RANGE, "bl_report_event_after_as_of: index {} is past the end (the report has {})", index, later.size());
    const Event& e = report->report.kase->event(later[index]);
    if (id) *id = e.id().c_str();
    if (element) *element = event_spec(e.type()).element.data();  // the vocabulary's literals
    if (at) *at = e.at().instant.time_since_epoch().count();
    if (line) *line = e.location().line;
    return ok();
}

size_t bl_report_count(const bl_report* report) {
    if (!report) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_report_count: report is NULL");
        return 0;
    }
    return report->findings.size();
}

int bl_report_has_problems(const bl_report* report) {
    if (!report) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_report_has_problems: report is NULL");
        return 0;
    }
    return report->report.has_problems() ? 1 : 0;
}

int64_t bl_report_as_of(const bl_report* report) {
    if (!report) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_report_as_of: report is NULL");
        return 0;
    }
    return report->report.as_of.time_since_epoch().count();
}

bl_status bl_report_to_json(char** out, size_t* size, const bl_report* report) {
    if (out) *out = nullptr;
    if (size) *size = 0;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_report_to_json: out and report must not be NULL");
    return guarded("bl_report_to_json", [&] {
        return hand_over(out, size, case_to_json(*report->engine, report->report), "bl_report_to_json");
    });
}

void bl_string_free(char* s) { std::free(s); }

bl_status bl_report_finding(const bl_finding** out, const bl_report* report, size_t index) {
    if (out) *out = nullptr;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_report_finding: out and report must not be NULL");
    if (index >= report->findings.size())
        return failf(BL_ERROR_RANGE, "bl_report_finding: index {} is past the {} findings", index, report->findings.size());
    *out = &report->findings[index];
    return ok();
}

const char* bl_finding_rule_id(const bl_finding* f) { return checked(f, "bl_finding_rule_id") ? f->rule_id.c_str() : ""; }

const char* bl_finding_confidence(const bl_finding* f) {
    return checked(f, "bl_finding_confidence") ? f->confidence.c_str() : "";
}

bl_phase bl_finding_phase(const bl_finding* f) {
    return checked(f, "bl_finding_phase") ? static_cast<bl_phase>(f->phase) : BL_PHASE_NONE;
}

bl_finding_status bl_finding_status_of(const bl_finding* f) {
    return checked(f, "bl_finding_status_of") ? static_cast<bl_finding_status>(f->finding->status) : BL_INDETERMINATE;
}

const char* bl_finding_status_name(const bl_finding* f) {
    return checked(f, "bl_finding_status_name") ? to_string(f->finding->status).data() : "";
}

const char* bl_finding_severity(const bl_finding* f) { return checked(f, "bl_finding_severity") ? f->severity.c_str() : ""; }
const char* bl_finding_section(const bl_finding* f) { return checked(f, "bl_finding_section") ? f->section.c_str() : ""; }
const char* bl_finding_subject_id(const bl_finding* f) { return checked(f, "bl_finding_subject_id") ? f->subject_id.c_str() : ""; }
uint32_t bl_finding_subject_line(const bl_finding* f) { return checked(f, "bl_finding_subject_line") ? f->subject_line : 0; }
const char* bl_finding_reason(const bl_finding* f) { return checked(f, "bl_finding_reason") ? f->reason.c_str() : ""; }
const char* bl_finding_basis(const bl_finding* f) { return checked(f, "bl_finding_basis") ? f->basis.c_str() : ""; }

int bl_finding_due(const bl_finding* f, int64_t* due) {
    if (!checked(f, "bl_finding_due") || !f->finding->deadline) return 0;
    if (due) *due = f->finding->deadline->due_first.time_since_epoch().count();
    return 1;
}

int bl_finding_margin(const bl_finding* f, int64_t* margin, bl_margin_unit* unit) {
    if (!checked(f, "bl_finding_margin") || !f->finding->margin) return 0;
    if (margin) *margin = *f->finding->margin;
    if (unit) *unit = static_cast<bl_margin_unit>(f->finding->margin_unit);
    return 1;
}

const char* bl_finding_message(const bl_finding* f, bl_lang lang) {
    if (!checked(f, "bl_finding_message")) return "";
    if (!valid_lang(lang)) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_finding_message: lang {} is not a bl_lang", static_cast<int>(lang));
        return "";
    }
    try {
        return texts_of(*f, lang)[BL_TEXT_MESSAGE].c_str();
    } catch (...) {
        getter_fail(BL_ERROR_NO_MEMORY, "bl_finding_message: out of memory");
        return "";
    }
}

bl_status bl_finding_text(const char** out, const bl_finding* f, bl_text part, bl_lang lang) {
    if (out) *out = nullptr;
    if (!out || !f) return fail(BL_ERROR_ARGUMENT, "bl_finding_text: out and f must not be NULL");
    if (!valid_text(part)) return failf(BL_ERROR_ARGUMENT, "bl_finding_text: part {} is not a bl_text", static_cast<int>(part));
    if (!valid_lang(lang)) return failf(BL_ERROR_ARGUMENT, "bl_finding_text: lang {} is not a bl_lang", static_cast<int>(lang));
    return guarded("bl_finding_text", [&] {
        *out = texts_of(*f, lang)[part].c_str();
        return ok();
    });
}

size_t bl_finding_event_count(const bl_finding* f) { return checked(f, "bl_finding_event_count") ? f->events.size() : 0; }

bl_status bl_finding_event(const char** id, const char** element, bl_event_role* role, uint32_t* line, const bl_finding* f,
                           size_t index) {
    if (id) *id = nullptr;
    if (element) *element = nullptr;
    if (role) *role = BL_ROLE_RELATED;
    if (line) *line = 0;
    if (!f) return fail(BL_ERROR_ARGUMENT, "bl_finding_event: f must not be NULL");
    if (index >= f->events.size())
        return failf(BL_ERROR_RANGE, "bl_finding_event: index {} is past the finding's {} events", index, f->events.size());
    const bl_finding_event_view& e = f->events[index];
    if (id) *id = e.id.c_str();
    if (element) *element = e.element.c_str();
    if (role) *role = e.role;
    if (line) *line = e.line;
    return ok();
}

const char* bl_event_role_name(bl_event_role role) {
    switch (role) {
        case BL_ROLE_TRIGGER: return "trigger";
        case BL_ROLE_FULFILMENT: return "fulfilment";
        case BL_ROLE_EXCEPTION: return "exception";
        case BL_ROLE_RELATED: return "related";
    }
    getter_fail(BL_ERROR_ARGUMENT, "bl_event_role_name: {} is not a bl_event_role", static_cast<int>(role));
    return "";
}

}  // extern "C"

// The C enums are the C++ ones, value for value: a C++ enumerator added, removed or moved fails
// the build here instead of changing what a C caller reads. bl_lang is mapped by name (fill_texts:
// C++'s Lang puts da first); bl_status, bl_text and bl_order have no C++ twin.
template <class E>
constexpr int as_int(E e) { return static_cast<int>(e); }
static_assert(as_int(barnetslov::Status::met) == BL_MET && as_int(barnetslov::Status::late) == BL_LATE &&
              as_int(barnetslov::Status::missed) == BL_MISSED && as_int(barnetslov::Status::violated) == BL_VIOLATED &&
              as_int(barnetslov::Status::pending) == BL_PENDING && as_int(barnetslov::Status::not_applicable) == BL_NOT_APPLICABLE &&
              as_int(barnetslov::Status::indeterminate) == BL_INDETERMINATE && barnetslov::status_count == BL_INDETERMINATE + 1);
static_assert(as_int(barnetslov::MarginUnit::seconds) == BL_MARGIN_SECONDS && as_int(barnetslov::MarginUnit::days) == BL_MARGIN_DAYS &&
              as_int(barnetslov::MarginUnit::hverdage) == BL_MARGIN_HVERDAGE);
static_assert(as_int(barnetslov::EventRole::trigger) == BL_ROLE_TRIGGER && as_int(barnetslov::EventRole::fulfilment) == BL_ROLE_FULFILMENT &&
              as_int(barnetslov::EventRole::exception) == BL_ROLE_EXCEPTION && as_int(barnetslov::EventRole::related) == BL_ROLE_RELATED);
static_assert(static_cast<int>(barnetslov::Phase::none) == BL_PHASE_NONE && static_cast<int>(barnetslov::Phase::before) == BL_PHASE_BEFORE &&
              static_cast<int>(barnetslov::Phase::with) == BL_PHASE_WITH && static_cast<int>(barnetslov::Phase::after) == BL_PHASE_AFTER);
static_assert(static_cast<int>(barnetslov::PrecheckList::blocking) == BL_PRECHECK_BLOCKING &&
              static_cast<int>(barnetslov::PrecheckList::to_include) == BL_PRECHECK_TO_INCLUDE &&
              static_cast<int>(barnetslov::PrecheckList::deadlines) == BL_PRECHECK_DEADLINES &&
              static_cast<int>(barnetslov::PrecheckList::other) == BL_PRECHECK_OTHER);
static_assert(lang_count == BL_LANG_DA + 1 && text_count == BL_TEXT_TITLE + 1, "texts[][] has one slot per bl_lang and bl_text");
