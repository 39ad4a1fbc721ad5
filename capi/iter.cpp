// Finding iterators: a filtered, ordered view of a report, e.g. the caseworker's warning list.
#include "internal.hpp"

#include <algorithm>
#include <optional>

using namespace barnetslov;
using namespace bl_detail;

namespace {

constexpr unsigned all_statuses = (1u << status_count) - 1;

bl_status read_filter(bl_finding_filter& f, const bl_finding_filter* given, const bl_report& report) {
    f = BL_FINDING_FILTER_INIT;
    if (!given) return BL_OK;
    const std::size_t n = given->struct_size;
    if (const bl_status s = check_struct_size(n, sizeof(std::size_t), sizeof(bl_finding_filter), "bl_report_findings", "filter");
        s != BL_OK)
        return s;
    if (covers(n, offsetof(bl_finding_filter, statuses), sizeof(unsigned))) f.statuses = given->statuses;
    if (covers(n, offsetof(bl_finding_filter, rule_id), sizeof(const char*))) f.rule_id = given->rule_id;
    if (covers(n, offsetof(bl_finding_filter, order), sizeof(bl_order))) f.order = given->order;
    if (f.statuses & ~all_statuses)
        return failf(BL_ERROR_ARGUMENT, "bl_report_findings: filter->statuses {:#x} has bits that are no "
                                                   "bl_finding_status", f.statuses);
    if (f.order != BL_ORDER_REPORT && f.order != BL_ORDER_DUE)
        return failf(BL_ERROR_ARGUMENT, "bl_report_findings: filter->order {} is not a bl_order", static_cast<int>(f.order));
    if (f.rule_id && !report.engine->rulebook().find(f.rule_id))
        return failf(BL_ERROR_ARGUMENT, "bl_report_findings: filter->rule_id: the engine has no rule {}", shown(f.rule_id));
    return BL_OK;
}

std::unique_ptr<bl_finding_iter> select(const bl_report& report, const bl_finding_filter& filter) {
    auto it = std::make_unique<bl_finding_iter>();
    it->report = &report;
    const unsigned wanted = filter.statuses ? filter.statuses : all_statuses;
    for (std::uint32_t i = 0; i < report.findings.size(); ++i) {
        const bl_finding& f = report.findings[i];
        if (!((wanted >> static_cast<unsigned>(f.finding->status)) & 1u)) continue;
        if (filter.rule_id && f.rule_id != filter.rule_id) continue;
        it->selection.push_back(i);
    }
    if (filter.order == BL_ORDER_DUE) {
        // Stable, so that equal due times keep the report's order and the list never flickers.
        auto due_of = [&](std::uint32_t i) -> const auto& { return report.findings[i].finding->deadline; };
        std::stable_sort(it->selection.begin(), it->selection.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& da = due_of(a);
            const auto& db = due_of(b);
            if (!da || !db) return da.has_value() && !db.has_value();
            return da->due_first < db->due_first;
        });
    }
    return it;
}

// The pending findings, earliest due first (those without a deadline last): all of them, or only
// those with (`with_deadline` true) or without a deadline.
bl_status pending(bl_finding_iter** out, const bl_report* report, std::optional<bool> with_deadline, const char* function) {
    if (out) *out = nullptr;
    if (!out || !report) return failf(BL_ERROR_ARGUMENT, "{}: out and report must not be NULL", function);
    return guarded(function, [&] {
        bl_finding_filter f = BL_FINDING_FILTER_INIT;
        f.statuses = BL_FINDING_STATUS_BIT(BL_PENDING);
        f.order = BL_ORDER_DUE;
        std::unique_ptr<bl_finding_iter> it = select(*report, f);
        if (with_deadline)
            std::erase_if(it->selection, [&](std::uint32_t i) { return report->findings[i].finding->deadline.has_value() != *with_deadline; });
        *out = it.release();
        return ok();
    });
}

}  // namespace

extern "C" {

bl_status bl_report_findings(bl_finding_iter** out, const bl_report* report, const bl_finding_filter* filter) {
    if (out) *out = nullptr;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_report_findings: out and report must not be NULL");
    return guarded("bl_report_findings", [&] {
        bl_finding_filter f;
        if (const bl_status s = read_filter(f, filter, *report); s != BL_OK) return s;
        *out = select(*report, f).release();
        return ok();
    });
}

bl_status bl_finding_filter_init(bl_finding_filter* filter) {
    static const bl_finding_filter init = BL_FINDING_FILTER_INIT;
    // Its fields when the function was added (0.1.0): never more (init_struct).
    return init_struct(filter, init, BL_FIELD_END(bl_finding_filter, order), "bl_finding_filter_init");
}

bl_status bl_report_deadlines_ahead(bl_finding_iter** out, const bl_report* report) {
    return pending(out, report, true, "bl_report_deadlines_ahead");
}

bl_status bl_report_open_duties(bl_finding_iter** out, const bl_report* report) {
    return pending(out, report, false, "bl_report_open_duties");
}

bl_status bl_report_pending(bl_finding_iter** out, const bl_report* report) {
    return pending(out, report, std::nullopt, "bl_report_pending");
}

bl_status bl_finding_iter_next(const bl_finding** out, bl_finding_iter* iter) {
    if (out) *out = nullptr;
    if (!out || !iter) return fail(BL_ERROR_ARGUMENT, "bl_finding_iter_next: out and iter must not be NULL");
    if (iter->next < iter->selection.size()) *out = &iter->report->findings[iter->selection[iter->next++]];
    return ok();
}

size_t bl_finding_iter_count(const bl_finding_iter* iter) {
    if (!iter) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_finding_iter_count: iter is NULL");
        return 0;
    }
    return iter->selection.size();
}

bl_status bl_finding_iter_reset(bl_finding_iter* iter) {
    if (!iter) return fail(BL_ERROR_ARGUMENT, "bl_finding_iter_reset: iter is NULL");
    iter->next = 0;
    return ok();
}

void bl_finding_iter_free(bl_finding_iter* iter) { delete iter; }

}  // extern "C"
