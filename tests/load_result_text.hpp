// Everything a LoadResult says, as text: every field of every error and the whole case (child,
// persons, every event's type, time, position, references and referrers, and every attribute's
// value and position). Two loads are the same when these texts are, and a difference shows where.
// Shared by tests/direct_loader_test.cpp and tests/fuzz/fuzz_loader.cpp (no gtest here).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "barnetslov/loader.hpp"

namespace barnetslov::test {

template <class T, class Put>
inline void opt(std::string& s, const std::optional<T>& v, Put put) {
    if (v) put(*v);
    else s += '-';
    s += ' ';
}

inline void loc(std::string& s, SourceLocation at) { s += std::to_string(at.line) + ':' + std::to_string(at.column) + ' '; }

template <class D>
std::string ticks(D d) {
    return std::to_string(d.time_since_epoch().count());
}

// Everything a LoadResult says, as text (a difference then shows where it is).
inline std::string describe(const LoadResult& r) {
    std::string s;
    for (const InputError& e : r.errors) {
        s += "error " + e.source + ' ';
        loc(s, e.location);
        s += std::string(e.code) + " [" + e.element + "] " + std::to_string(e.event_index) + " [" + e.id + "] [" + e.attribute + "] " + e.message + '\n';
    }
    if (!r.kase) return s + "no case\n";
    const Case& c = *r.kase;
    s += "case " + c.source() + " | " + c.id() + " | " + c.municipality() + " | " + c.unit() + " | " + c.cpr() + '\n';
    const Child& ch = c.child();
    s += "child " + ch.id + ' ';
    opt(s, ch.birth_date, [&](LocalDay d) { s += ticks(d); });
    opt(s, ch.due_date, [&](LocalDay d) { s += ticks(d); });
    s += std::to_string(int(ch.birth_date_source)) + ' ';
    loc(s, ch.location);
    s += '\n';
    for (const Person& p : c.persons()) {
        s += "person " + p.id + ' ' + std::to_string(int(p.kind)) + ' ';
        opt(s, p.role, [&](Value v) { s += std::to_string(int(v)); });
        opt(s, p.birth_date, [&](LocalDay d) { s += ticks(d); });
        opt(s, p.in_household, [&](bool b) { s += b ? "true" : "false"; });
        loc(s, p.location);
        s += '\n';
    }
    const auto moment = [&](const Moment& m) { s += ticks(m.instant) + '/' + ticks(m.day) + (m.has_time ? "t" : "d"); };
    for (const Event& e : c.events()) {
        s += "event " + std::to_string(int(e.type())) + ' ' + e.id() + ' ';
        moment(e.at());
        s += ' ';
        loc(s, e.location());
        s += std::to_string(e.index()) + " refs";
        for (const std::uint32_t r2 : e.refs()) s += ' ' + std::to_string(r2);
        s += " by";
        for (const std::uint32_t r2 : c.referrers(e.index())) s += ' ' + std::to_string(r2);
        s += '\n';
        for (std::size_t i = 0; i < attr_count; ++i) {
            const auto a = static_cast<Attr>(i);
            if (!e.has(a)) continue;
            s += "  attr " + std::to_string(i) + ' ';
            loc(s, e.location_of(a));
            opt(s, e.moment(a), moment);
            opt(s, e.date(a), [&](LocalDay d) { s += ticks(d); });
            opt(s, e.flag(a), [&](bool b) { s += b ? "true" : "false"; });
            opt(s, e.value(a), [&](Value v) { s += std::to_string(int(v)); });
            opt(s, e.number(a), [&](std::int64_t n) { s += std::to_string(n); });
            opt(s, e.text(a), [&](std::string_view t) { s += '[' + std::string(t) + ']'; });
            opt(s, e.target(a), [&](std::uint32_t t) { s += std::to_string(t); });
            opt(s, e.person(a), [&](std::uint32_t t) { s += std::to_string(t); });
            for (const Value v : e.values(a)) s += std::to_string(int(v)) + ',';
            s += '\n';
        }
    }
    for (std::size_t t = 0; t < event_type_count; ++t) {
        s += "type " + std::to_string(t) + ':';
        for (const std::uint32_t i : c.events_of(static_cast<EventType>(t))) s += ' ' + std::to_string(i);
        s += '\n';
    }
    return s;
}

}  // namespace barnetslov::test
