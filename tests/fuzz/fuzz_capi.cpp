// The C API driven by a byte stream: each byte picks an operation (builder calls with names and
// values from small dictionaries or raw bytes, finishing, loading a buffer, evaluating, reading
// findings, JSON, pre-checks, freeing), so that calls come in every order, right and wrong.
// Checked on every call: no crash, a status and the last error that agree, never a NULL string,
// never a message for success. Everything is freed at the end: a leak fails under ASan.
#include <cstdint>
#include <cstring>
#include <string>

#include "barnetslov.h"
#include "fuzz_input.hpp"

namespace {

const char* const sources[] = {"case 2024-0117", "<memory>", ""};
const char* const case_attrs[] = {"id", "municipality", "unit", "xmlns", "status"};
const char* const child_attrs[] = {"id", "birth-date", "cpr", "due-date", "name"};
const char* const person_elements[] = {"party", "sibling", "child", "underretning"};
const char* const person_attrs[] = {"id", "role", "birth-date", "cpr", "in-household"};
const char* const events[] = {"underretning", "akutvurdering", "kvittering", "screening", "afdaekning",
                              "undersoegelse", "undersoegelse-afsluttet", "foreloebig-vurdering", "boernesamtale",
                              "boernesamtale-undtagelse", "afgoerelse", "indsats-start", "indsats-slut", "plan",
                              "opfoelgning", "klage", "oversendelse", "partshoering", "samtykke", "kontakt",
                              "information", "aktindsigt-anmodning", "aktindsigt-svar", "flytning", "tilsynsbesoeg",
                              "indstilling", "hjemgivelse", "anmodning", "risikovurdering", "notat", "telefonnotat"};
const char* const event_attrs[] = {"id", "at", "ref", "received-at", "notifier", "channel", "kind", "body", "party",
                                   "start", "end", "outcome", "danger", "unborn", "section", "renewal-years-stated",
                                   "has-reasons", "child-heard", "topic", "to-municipality", "written-received-at",
                                   "first-placement", "reason", "provisional", "colour"};
const char* const values[] = {"u1", "u2", "a1", "d1", "barn", "mor", "2024-03-28", "2024-03-28T14:30", "2024-02-30",
                              "2024-03-31T02:30", "2024-10-27T02:30", "2024-10-27T02:30+01:00", "2024-04-04T09:00Z",
                              "1899-12-31", "2200-01-01", "2015-06-01", "150610-4321", "1506104321", "true", "false",
                              "professional", "phone", "custody-holder", "parent", "supportive-measure",
                              "placement-without-consent", "committee", "municipality", "undersoegelse", "3",
                              "99999999999999999999", "-1", "", "u1 u2", "u1 u1 u1", "§ 32 stk. 1"};
const char* const rule_ids[] = {"BL-UND-24H", "BL-UND-KVIT", "BL-BARN-VIEWS", "BL-NOPE", ""};

struct World {
    const bl_engine* engine;
    bl_builder* builder = nullptr;
    bl_case* cases[2] = {};
    bl_report* reports[2] = {};
    bl_finding_iter* iter = nullptr;

    ~World() {
        bl_builder_free(builder);
        for (bl_case* c : cases) bl_case_free(c);
        bl_finding_iter_free(iter);  // before the reports it walks
        for (bl_report* r : reports) bl_report_free(r);
    }
};

const bl_engine* engine() {
    static bl_engine* e = [] {
        bl_engine* out = nullptr;
        if (bl_engine_new(&out, nullptr) != BL_OK) std::abort();
        return out;
    }();
    return e;
}

// A status-returning call: failure has a message and the same code, success clears it.
void check(bl_status s) {
    const char* m = bl_last_error_message();
    FUZZ_CHECK(m != nullptr);
    if (s == BL_OK) FUZZ_CHECK(m[0] == '\0' && bl_last_error_code() == BL_OK);
    else FUZZ_CHECK(m[0] != '\0' && bl_last_error_code() == s && std::strcmp(bl_status_name(s), "BL_UNKNOWN_STATUS") != 0);
}

void str(const char* s) { FUZZ_CHECK(s != nullptr && std::strlen(s) < (1u << 20)); }

std::int64_t as_of(fuzz::Input& in) {
    // Mostly 2023-2026, where the cases are; now and then any value, to hit the range checks.
    if (in.byte() == 0) return in.i64();
    return 1672531200 + in.range(0, 4 * 365 * 86400);
}

void read_finding(const bl_finding* f) {
    str(bl_finding_rule_id(f));
    str(bl_finding_status_name(f));
    str(bl_finding_severity(f));
    str(bl_finding_section(f));
    str(bl_finding_subject_id(f));
    str(bl_finding_reason(f));
    str(bl_finding_basis(f));
    (void)bl_finding_subject_line(f);
    (void)bl_finding_status_of(f);
    std::int64_t due = 0, margin = 0;
    bl_margin_unit unit{};
    (void)bl_finding_due(f, &due);
    (void)bl_finding_margin(f, &margin, &unit);
    for (int lang = 0; lang < 3; ++lang) {
        str(bl_finding_message(f, static_cast<bl_lang>(lang)));
        for (int part = 0; part < 7; ++part) {
            const char* t = nullptr;
            const bl_status s = bl_finding_text(&t, f, static_cast<bl_text>(part), static_cast<bl_lang>(lang));
            check(s);
            if (s == BL_OK) str(t);
            else FUZZ_CHECK(t == nullptr);
        }
    }
    const std::size_t n = bl_finding_event_count(f);
    for (std::size_t i = 0; i <= n; ++i) {
        const char *id = nullptr, *element = nullptr;
        bl_event_role role{};
        std::uint32_t line = 0;
        const bl_status s = bl_finding_event(&id, &element, &role, &line, f, i);
        check(s);
        FUZZ_CHECK((s == BL_OK) == (i < n));
        if (s == BL_OK) {
            str(id);
            str(element);
            str(bl_event_role_name(role));
        }
    }
}

void step(World& w, fuzz::Input& in) {
    const unsigned slot = in.byte() & 1u;
    switch (in.byte() % 16) {
        case 0:
            bl_builder_free(w.builder);
            w.builder = nullptr;
            check(bl_builder_new(&w.builder, w.engine, in.byte() % 4 == 3 ? nullptr : in.pick(sources).c_str()));
            break;
        case 1: check(bl_builder_case_attribute(w.builder, in.pick(case_attrs).c_str(), in.pick(values).c_str())); break;
        case 2: check(bl_builder_begin_child(w.builder)); break;
        case 3: check(bl_builder_child_attribute(w.builder, in.pick(child_attrs).c_str(), in.pick(values).c_str())); break;
        case 4: check(bl_builder_begin_person(w.builder, in.pick(person_elements).c_str())); break;
        case 5: check(bl_builder_person_attribute(w.builder, in.pick(person_attrs).c_str(), in.pick(values).c_str())); break;
        case 6: check(bl_builder_begin_event(w.builder, in.pick(events).c_str())); break;
        case 7:
        case 8: check(bl_builder_event_attribute(w.builder, in.pick(event_attrs).c_str(), in.pick(values).c_str())); break;
        case 9: {
            bl_case_free(w.cases[slot]);
            w.cases[slot] = nullptr;
            const bl_status s = bl_builder_finish(&w.cases[slot], w.builder);
            check(s);
            FUZZ_CHECK((s == BL_OK) == (w.cases[slot] != nullptr));
            if (w.cases[slot]) {
                str(bl_case_id(w.cases[slot]));
                (void)bl_case_event_count(w.cases[slot]);
            }
            break;
        }
        case 10: {
            bl_case_free(w.cases[slot]);
            w.cases[slot] = nullptr;
            const std::string xml = in.bytes(255);
            check(bl_case_load_buffer(&w.cases[slot], w.engine, xml.data(), xml.size(), in.byte() & 1 ? "fuzz.xml" : nullptr));
            break;
        }
        case 11: {
            // The iterator walks a report: drop it before the report it may point into.
            bl_finding_iter_free(w.iter);
            w.iter = nullptr;
            bl_report_free(w.reports[slot]);
            w.reports[slot] = nullptr;
            const bl_status s = bl_evaluate(&w.reports[slot], w.engine, w.cases[in.byte() & 1u], as_of(in));
            check(s);
            if (s == BL_OK) {
                (void)bl_report_has_problems(w.reports[slot]);
                (void)bl_report_as_of(w.reports[slot]);
            }
            break;
        }
        case 12: {
            bl_finding_iter_free(w.iter);
            w.iter = nullptr;
            bl_finding_filter filter = BL_FINDING_FILTER_INIT;
            filter.statuses = in.byte() % 8 == 0 ? in.u32() : in.byte() & 0x7Fu;
            const std::string rule = in.pick(rule_ids);
            filter.rule_id = in.byte() & 1 ? rule.c_str() : nullptr;
            filter.order = static_cast<bl_order>(in.byte() % 3);
            if (in.byte() % 16 == 0) filter.struct_size = in.byte();
            const bl_status s = in.byte() & 1 ? bl_report_pending(&w.iter, w.reports[slot])
                                              : bl_report_findings(&w.iter, w.reports[slot], &filter);
            check(s);
            if (s != BL_OK) break;
            const std::size_t count = bl_finding_iter_count(w.iter);
            std::size_t seen = 0;
            for (const bl_finding* f = nullptr; bl_finding_iter_next(&f, w.iter) == BL_OK && f != nullptr; ++seen) read_finding(f);
            FUZZ_CHECK(seen == count);
            check(bl_finding_iter_reset(w.iter));
            break;
        }
        case 13: {
            const bl_finding* f = nullptr;
            const std::size_t n = bl_report_count(w.reports[slot]);
            const bl_status s = bl_report_finding(&f, w.reports[slot], n == 0 ? 0 : in.range(0, std::int64_t(n)));
            check(s);
            if (s == BL_OK) read_finding(f);
            break;
        }
        case 14: {
            char* json = nullptr;
            std::size_t size = 0;
            const bl_status s = bl_report_to_json(&json, in.byte() & 1 ? &size : nullptr, w.reports[slot]);
            check(s);
            if (s == BL_OK) FUZZ_CHECK(json != nullptr && (size == 0 || std::strlen(json) == size));
            bl_string_free(json);
            break;
        }
        default: {
            bl_proposed_decision d = BL_PROPOSED_DECISION_INIT;
            const std::string kind = in.pick(values), body = in.pick(values), refs = in.pick(values);
            const std::string name = in.pick(event_attrs), value = in.pick(values);
            const char* const attrs[] = {name.c_str(), value.c_str(), nullptr};
            d.at = as_of(in);
            d.kind = in.byte() % 8 ? kind.c_str() : nullptr;
            d.body = in.byte() & 1 ? body.c_str() : nullptr;
            d.refs = in.byte() & 1 ? refs.c_str() : nullptr;
            d.attributes = in.byte() & 1 ? attrs : nullptr;
            bl_finding_iter_free(w.iter);
            w.iter = nullptr;
            bl_report_free(w.reports[slot]);
            w.reports[slot] = nullptr;
            check(bl_precheck_decision(&w.reports[slot], w.engine, w.cases[in.byte() & 1u], &d, as_of(in)));
            break;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input in(data, size);
    World w{engine()};
    for (int i = 0; i < 200 && !in.empty(); ++i) step(w, in);
    return 0;
}
