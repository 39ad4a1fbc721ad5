// RAII over the C API: each handle in a std::unique_ptr with its bl_*_free, each failed call an
// exception carrying the status and the library's message. Header-only and C++17, so a vendor
// can copy it; it adds no symbols to the ABI, which stays the C one (libbarnetslov.so.1).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "barnetslov.h"

namespace bl {

class Error : public std::runtime_error {
public:
    explicit Error(bl_status status) : std::runtime_error(bl_last_error_message()), status_(status) {}
    bl_status status() const { return status_; }

private:
    bl_status status_;
};

inline void check(bl_status s) {
    if (s != BL_OK) throw Error(s);
}

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using EnginePtr = std::unique_ptr<bl_engine, Deleter<bl_engine, bl_engine_free>>;
using CasePtr = std::unique_ptr<bl_case, Deleter<bl_case, bl_case_free>>;
using BuilderPtr = std::unique_ptr<bl_builder, Deleter<bl_builder, bl_builder_free>>;
using ReportPtr = std::unique_ptr<bl_report, Deleter<bl_report, bl_report_free>>;
using IterPtr = std::unique_ptr<bl_finding_iter, Deleter<bl_finding_iter, bl_finding_iter_free>>;

// A report and the findings it owns; a Finding pointer is valid while its Report lives.
class Report {
public:
    explicit Report(bl_report* r) : report_(r) {}
    const bl_report* get() const { return report_.get(); }
    std::size_t size() const { return bl_report_count(get()); }
    const bl_finding* operator[](std::size_t i) const {
        const bl_finding* f = nullptr;
        check(bl_report_finding(&f, get(), i));
        return f;
    }
    // The deadlines still ahead, earliest first.
    std::vector<const bl_finding*> deadlines_ahead() const {
        bl_finding_iter* raw = nullptr;
        check(bl_report_deadlines_ahead(&raw, get()));
        return collect(raw);
    }
    // The open duties the law sets no time for, in report order.
    std::vector<const bl_finding*> open_duties() const {
        bl_finding_iter* raw = nullptr;
        check(bl_report_open_duties(&raw, get()));
        return collect(raw);
    }
    // One list of a pre-check's report: BL_PRECHECK_BLOCKING, _TO_INCLUDE, _DEADLINES or _OTHER.
    std::vector<const bl_finding*> precheck(bl_precheck_list list) const {
        bl_finding_iter* raw = nullptr;
        check(bl_precheck_findings(&raw, get(), list));
        return collect(raw);
    }

private:
    static std::vector<const bl_finding*> collect(bl_finding_iter* raw) {
        IterPtr it(raw);
        std::vector<const bl_finding*> out;
        for (const bl_finding* f = nullptr; bl_finding_iter_next(&f, it.get()) == BL_OK && f;) out.push_back(f);
        return out;
    }

    ReportPtr report_;
};

class Case {
public:
    explicit Case(bl_case* c) : case_(c) {}
    const bl_case* get() const { return case_.get(); }
    std::string id() const { return bl_case_id(get()); }
    std::size_t event_count() const { return bl_case_event_count(get()); }

private:
    CasePtr case_;
};

class Builder {
public:
    Builder(const bl_engine* engine, const char* source_name) {
        bl_builder* raw = nullptr;
        check(bl_builder_new(&raw, engine, source_name));
        builder_.reset(raw);
    }
    // Problems are collected and reported together by finish(), as the C API intends.
    Builder& case_attribute(const char* name, const char* value) { return keep(bl_builder_case_attribute(b(), name, value)); }
    Builder& begin_child() { return keep(bl_builder_begin_child(b())); }
    Builder& child_attribute(const char* name, const char* value) { return keep(bl_builder_child_attribute(b(), name, value)); }
    Builder& begin_event(const char* element) { return keep(bl_builder_begin_event(b(), element)); }
    Builder& event_attribute(const char* name, const char* value) { return keep(bl_builder_event_attribute(b(), name, value)); }
    Case finish() {
        bl_case* raw = nullptr;
        check(bl_builder_finish(&raw, b()));
        return Case(raw);
    }

private:
    bl_builder* b() const { return builder_.get(); }
    Builder& keep(bl_status) { return *this; }
    BuilderPtr builder_;
};

class Engine {
public:
    Engine() {
        bl_engine* raw = nullptr;
        check(bl_engine_new(&raw, nullptr));
        engine_.reset(raw);
    }
    const bl_engine* get() const { return engine_.get(); }
    Builder builder(const char* source_name) const { return Builder(get(), source_name); }
    // A Copenhagen local time as a case file writes it ("2025-01-15T12:00"), as Unix seconds.
    std::int64_t time(const char* local) const {
        std::int64_t t = 0;
        check(bl_time_parse(&t, get(), local));
        return t;
    }
    std::int64_t time(int year, int month, int day, int hour, int minute, int second = 0) const {
        std::int64_t t = 0;
        check(bl_time_from_local(&t, get(), year, month, day, hour, minute, second));
        return t;
    }
    // An instant as Copenhagen local time with its offset: "2025-01-22T23:59:59+01:00".
    std::string local_time(std::int64_t instant) const {
        char text[BL_TIME_TEXT_SIZE];
        check(bl_time_format(text, sizeof text, get(), instant));
        return text;
    }
    Report evaluate(const Case& kase, std::int64_t as_of) const {
        bl_report* raw = nullptr;
        check(bl_evaluate(&raw, get(), kase.get(), as_of));
        return Report(raw);
    }
    Report precheck(const Case& kase, const bl_proposed_decision& decision, std::int64_t as_of) const {
        bl_report* raw = nullptr;
        check(bl_precheck_decision(&raw, get(), kase.get(), &decision, as_of));
        return Report(raw);
    }

private:
    EnginePtr engine_;
};

inline std::string text(const bl_finding* f, bl_text part, bl_lang lang = BL_LANG_EN) {
    const char* s = nullptr;
    check(bl_finding_text(&s, f, part, lang));
    return s;
}

struct EventRef {
    std::string id, element;
    bl_event_role role;
    std::uint32_t line;
};

inline EventRef event(const bl_finding* f, std::size_t index) {
    EventRef e{};
    const char* id = nullptr;
    const char* element = nullptr;
    check(bl_finding_event(&id, &element, &e.role, &e.line, f, index));
    e.id = id;
    e.element = element;
    return e;
}

}  // namespace bl
