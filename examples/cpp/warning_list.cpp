// The C example's warning list and pre-check (examples/c/warning_list.c) in C++17, with the
// RAII wrappers of bl.hpp over the C API: no free to forget, and a failed call throws with the
// library's message. It prints exactly what the C example prints.
//
// Usage: warning_list_cpp [AS_OF]    AS_OF a Copenhagen local time; default 2025-01-15T12:00.
#include <cstdio>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "bl.hpp"

namespace {

// The vendor's event table: element, then attribute name/value pairs.
struct EventRow {
    const char* element;
    std::vector<std::pair<const char*, const char*>> attributes;
};

const std::vector<EventRow> events = {
    {"underretning", {{"id", "u1"}, {"received-at", "2024-11-20T09:00"}, {"notifier", "professional"}, {"notifier-role", "school"},
                      {"channel", "digital"}}},
    {"akutvurdering", {{"id", "a1"}, {"at", "2024-11-20T14:00"}, {"ref", "u1"}, {"danger", "false"}, {"acute-measures", "false"}}},
    {"kvittering", {{"id", "k1"}, {"at", "2024-11-22"}, {"ref", "u1"}}},
    {"undersoegelse", {{"id", "bfu1"}, {"at", "2024-11-26"}, {"ref", "u1"}}},
    {"underretning", {{"id", "u2"}, {"received-at", "2025-01-14T10:30"}, {"notifier", "professional"}, {"notifier-role", "doctor"},
                      {"channel", "phone"}}},
    {"akutvurdering", {{"id", "a2"}, {"at", "2025-01-14T15:00"}, {"ref", "u2"}, {"danger", "false"}, {"acute-measures", "false"}}},
};

bl::Case build_case(const bl::Engine& engine) {
    bl::Builder b = engine.builder("case 2024-0655");
    b.case_attribute("id", "2024-0655").case_attribute("municipality", "0851");
    b.begin_child().child_attribute("birth-date", "2012-10-10");
    for (const EventRow& row : events) {
        b.begin_event(row.element);
        for (const auto& [name, value] : row.attributes) b.event_attribute(name, value);
    }
    return b.finish();
}

void print_warning_list(const bl::Engine& engine, const bl::Report& report) {
    const std::vector<const bl_finding*> ahead = report.deadlines_ahead();
    std::printf("Deadlines ahead, earliest first (%lu):\n", static_cast<unsigned long>(ahead.size()));
    int n = 0;
    for (const bl_finding* f : ahead) {
        const bl::EventRef subject = bl::event(f, 0);
        std::int64_t due = 0;
        bl_finding_due(f, &due);
        std::printf("  %d. %-12s %s '%s': %s\n", ++n, bl_finding_rule_id(f), subject.element.c_str(), subject.id.c_str(),
                    bl::text(f, BL_TEXT_MESSAGE).c_str());
        std::printf("     due %s: %s\n", engine.local_time(due).c_str(), bl::text(f, BL_TEXT_COUNTING).c_str());
    }
    const std::vector<const bl_finding*> open = report.open_duties();
    std::printf("Open duties without a deadline (%lu):\n", static_cast<unsigned long>(open.size()));
    for (const bl_finding* f : open) {
        const bl::EventRef subject = bl::event(f, 0);
        std::printf("  - %-12s %s '%s': %s\n", bl_finding_rule_id(f), subject.element.c_str(), subject.id.c_str(),
                    bl::text(f, BL_TEXT_MESSAGE).c_str());
    }
}

void precheck(const bl::Engine& engine, const bl::Case& kase, std::int64_t as_of) {
    static const char* const attributes[] = {"section", "§ 32 stk. 1 nr. 3", "has-reasons", "true",
                                             "has-klagevejledning", "true", nullptr};
    bl_proposed_decision decision = BL_PROPOSED_DECISION_INIT;
    decision.at = engine.time(2025, 1, 20, 10, 0);
    decision.kind = "supportive-measure";
    decision.refs = "bfu1";
    decision.attributes = attributes;
    const bl::Report report = engine.precheck(kase, decision, as_of);
    std::printf("Pre-check of a supportive-measure decision on 2025-01-20:\n");
    for (std::size_t i = 0; i < report.size(); ++i) {
        const bl_finding* f = report[i];
        std::printf("  %-10s %-22s %s\n", bl_finding_status_name(f), bl_finding_rule_id(f), bl::text(f, BL_TEXT_MESSAGE).c_str());
    }
    // Only what is due before the decision stops it; what the decision must carry is for its letter.
    const auto blocking = report.precheck(BL_PRECHECK_BLOCKING);
    if (!blocking.empty())
        std::printf("  => stop: %lu duty(ies) due before the decision not done\n", static_cast<unsigned long>(blocking.size()));
    else
        std::printf("  => no objection\n");
    for (const bl_finding* f : report.precheck(BL_PRECHECK_TO_INCLUDE)) std::printf("  include    %s\n", bl_finding_rule_id(f));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const bl::Engine engine;
        const std::int64_t as_of = engine.time(argc > 1 ? argv[1] : "2025-01-15T12:00");
        const bl::Case kase = build_case(engine);
        const bl::Report report = engine.evaluate(kase, as_of);
        std::printf("Case %s: %lu events, %lu findings\n", kase.id().c_str(), static_cast<unsigned long>(kase.event_count()),
                    static_cast<unsigned long>(report.size()));
        print_warning_list(engine, report);
        precheck(engine, kase, as_of);
    } catch (const bl::Error& e) {
        std::fprintf(stderr, "%s\n%s\n", bl_status_name(e.status()), e.what());
        return 1;
    }
    return 0;
}
