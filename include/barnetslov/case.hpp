// A case: the child, the people around it, and a time-ordered list of typed events.
// Immutable once built (by the XML loader or a CaseBuilder); safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "barnetslov/calendar.hpp"
#include "barnetslov/vocabulary.hpp"

// Work counting for the complexity sweep (tests/complexity_test.cpp, issue 15): a test build of the
// library defines BARNETSLOV_COUNT_WORK, and every access to a case's events, lists of events and
// attributes adds one to a per-thread counter, so that the sweep can prove each rule O(n log n)
// without timing anything. Without the define the macro is nothing at all.
#ifdef BARNETSLOV_COUNT_WORK
namespace barnetslov::detail {
inline thread_local std::uint64_t work_done = 0;
}
#define BARNETSLOV_COUNT_WORK_STEP() (void)(++::barnetslov::detail::work_done)
#else
#define BARNETSLOV_COUNT_WORK_STEP() (void)0
#endif

namespace barnetslov {

// A point in time as the case file gave it: with a time (an instant), or a date only.
struct Moment {
    Instant instant{};  // for a date only: 00:00 local on `day`
    LocalDay day{};     // the local date
    bool has_time = false;

    friend bool operator==(const Moment&, const Moment&) = default;
};

// Where something came from: a line and column in a case file (1-based), or 0/0 for a case
// built in memory, in which case `ordinal` says which event it was (1-based).
struct SourceLocation {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

enum class PersonKind : std::uint8_t { child, party, sibling };

struct Person {
    std::string id;
    PersonKind kind = PersonKind::party;
    std::optional<Value> role;            // parties: custody-holder, parent, ...
    std::optional<LocalDay> birth_date;   // where given (siblings, bisidder)
    std::optional<bool> in_household;     // siblings
    SourceLocation location;
};

enum class BirthDateSource : std::uint8_t { none, birth_date, cpr };

// An event of a Case. Its attributes are kept in blocks the case holds for all its events, so an
// Event (or a copy of one) is valid while its Case lives; a copy of the Case has its own.
class Event {
public:
    EventType type() const { return type_; }
    const std::string& id() const { return id_; }
    // The moment that dates the event (its `at`, or an underretning's `received-at`).
    const Moment& at() const { return at_; }
    SourceLocation location() const { return location_; }
    // Position in the case's time order (0-based).
    std::uint32_t index() const { return index_; }

    [[nodiscard]] std::optional<Moment> moment(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::moment && f->type != ValueType::date)) return std::nullopt;
        return f->moment;
    }
    [[nodiscard]] std::optional<LocalDay> date(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::moment && f->type != ValueType::date)) return std::nullopt;
        return f->moment.day;
    }
    [[nodiscard]] std::optional<bool> flag(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::boolean)) return std::nullopt;
        return f->number != 0;
    }
    [[nodiscard]] std::optional<Value> value(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::enumeration)) return std::nullopt;
        return static_cast<Value>(f->number);
    }
    [[nodiscard]] std::optional<std::int64_t> number(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::integer)) return std::nullopt;
        return f->number;
    }
    // Free text, or a pseudonym (the caseworker). Inline as the accessors above: out of line it was
    // a call of 29 instructions, ~26 times a file of `check --summary` (the figures read each
    // event's caseworker; issue 20, session 34).
    [[nodiscard]] std::optional<std::string_view> text(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::text && f->type != ValueType::pseudonym)) return std::nullopt;
        return text_of(*f);
    }
    // The values of an enumeration list (a youth order's grounds), in the vocabulary's order;
    // empty when the attribute is absent.
    [[nodiscard]] std::vector<Value> values(Attr a) const;
    [[nodiscard]] bool has_value(Attr a, Value v) const;
    // The event (its index) an event_ref attribute names (maal-status's goal).
    [[nodiscard]] std::optional<std::uint32_t> target(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::event_ref)) return std::nullopt;
        return static_cast<std::uint32_t>(f->number);
    }
    // The person (index into Case::persons) an attribute names.
    [[nodiscard]] std::optional<std::uint32_t> person(Attr a) const {
        const Field* f = find(a);
        if (!f || (f->type != ValueType::party_ref)) return std::nullopt;
        return static_cast<std::uint32_t>(f->number);
    }
    // Indices of the events named in `ref`, in the order given.
    [[nodiscard]] std::span<const std::uint32_t> refs() const {
        BARNETSLOV_COUNT_WORK_STEP();
        return {refs_, ref_count_};
    }
    [[nodiscard]] bool has(Attr a) const { return find(a) != nullptr; }
    // The attributes the event carries as bits (attribute a: bit a % 64 of word a / 64), has() for all
    // at once: the figures read a case's evidence as one union of these a type (aggregate.cpp).
    [[nodiscard]] const std::array<std::uint64_t, (attr_count + 63) / 64>& attribute_bits() const { return present_; }
    [[nodiscard]] SourceLocation location_of(Attr a) const;

private:
    friend class CaseBuilder;
    friend class Case;
    [[noreturn]] static void out_of_range(const char* what);
    // 40 bytes (a 72-byte field with a std::string each was issue 20's cost of building and
    // scanning): `number` and `moment` share room, as a field holds one or the other, and text
    // lies in the case's text block (Case::texts_).
    struct Field {
        Field() : number(0) {}
        Attr attr{};
        ValueType type{};
        SourceLocation location;
        std::uint32_t text_begin = 0, text_size = 0;  // in the case's text block: text, pseudonym, event or party ref
        union {
            std::int64_t number;  // integer, boolean, enumeration, person or event index, set of list values
            Moment moment;        // moment, date
        };
    };
    // A field of attribute `a`, or nullptr: a bit test, then a scan of the fields (in input order).
    // Fields in attribute order found by the rank of `a` among present_'s bits were slower: without
    // the POPCNT instruction (not in the x86-64 baseline) a count of bits is a libgcc call, 55
    // instructions a lookup against the scan's 22 (issue 20, bench/ANALYSIS.md).
    // Inline with the getters above: out of line, a call and an optional returned through memory
    // were ~22 instructions of each of the rules' ~400 lookups a case (issue 20, session 28).
    const Field* find(Attr a) const {
        BARNETSLOV_COUNT_WORK_STEP();
        if (!present(a)) return nullptr;
        // present(a) says a field of `a` is there: the scan needs no end test (most calls find their field).
        const Field* f = fields_;
        while (f->attr != a) ++f;
        return f;
    }
    [[nodiscard]] std::string_view text_of(const Field& f) const { return {texts_ + f.text_begin, f.text_size}; }
    // Whether a field of attribute `a` is among fields_: a rule asks for attributes an event mostly
    // lacks (a decision's kind-specific ones), and a miss answered by one bit test, not a scan of
    // the event's fields (then ~80 bytes apart), was a tenth of evaluating a 50-event case.
    [[nodiscard]] bool present(Attr a) const {
        const auto i = static_cast<std::size_t>(a);
        return (present_[i / 64] >> (i % 64) & 1u) != 0;
    }
    void mark_present(Attr a) {
        const auto i = static_cast<std::size_t>(a);
        present_[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    void unmark_present(Attr a) {
        const auto i = static_cast<std::size_t>(a);
        present_[i / 64] &= ~(std::uint64_t{1} << (i % 64));
    }

    EventType type_{};
    std::string id_;
    Moment at_;
    SourceLocation location_;
    std::uint32_t index_ = 0;
    std::uint32_t ordinal_ = 0;  // position in the input
    // The event's fields, the events its ref names and its text lie in blocks its case holds for
    // all its events (Case::fields_, event_refs_, texts_): a heap block per case, not two or more
    // per event to fill and to free (issue 20). An Event is therefore a view into its Case, valid
    // while the Case lives. While a CaseBuilder builds, the pointers are unset and the builder
    // reads its own blocks by fields_begin_.
    const Field* fields_ = nullptr;
    const std::uint32_t* refs_ = nullptr;
    const char* texts_ = nullptr;
    std::uint32_t fields_begin_ = 0, field_count_ = 0;
    std::uint32_t refs_begin_ = 0, ref_count_ = 0;
    std::array<std::uint64_t, (attr_count + 63) / 64> present_{};  // attributes with a field (present())
};

struct Child {
    std::string id;  // the id events use to name the child as a party
    std::optional<LocalDay> birth_date;
    BirthDateSource birth_date_source = BirthDateSource::none;
    std::optional<LocalDay> due_date;  // terminsdato, before birth
    SourceLocation location;
};

class Case {
public:
    // The name used in messages and reports: a file path, or what the caller gave a builder, as
    // shown (escaped and CPR-masked; CaseBuilder).
    const std::string& source() const { return source_; }
    const std::string& id() const { return id_; }
    const std::string& municipality() const { return municipality_; }
    // The unit the case file names (the case element's unit attribute).
    const std::string& unit() const { return unit_; }
    // The unit responsible for the case on `day` (issue 18): the unit of the latest ansvarlig-enhed
    // dated on or before that day, else unit(). A finding belongs to the unit responsible on the day
    // its duty started (finding_unit, report.hpp). A binary search over the case's ansvarlig-enhed
    // events, which Case::events_of keeps in time order: no scan of the events.
    [[nodiscard]] std::string_view unit_on(LocalDay day) const;
    // Which responsibility period `day` falls in: 0 before the first ansvarlig-enhed (unit()), k on
    // or after the k-th (1-based, in time order). unit_on(day) is that period's unit.
    [[nodiscard]] std::size_t unit_period_on(LocalDay day) const;
    const Child& child() const { return child_; }
    // The CPR number as given, or empty. Never printed by the library unless asked for.
    const std::string& cpr() const { return cpr_; }

    std::span<const Person> persons() const {
        BARNETSLOV_COUNT_WORK_STEP();
        return persons_;
    }
    std::span<const Event> events() const { return events_; }
    // The event of an index (Event::index, EventUse::event, Finding::subject, the lists below).
    // Throws std::out_of_range for an index not below events().size(), as every index-taking
    // function of the library does (engine.hpp).
    const Event& event(std::uint32_t index) const {
        BARNETSLOV_COUNT_WORK_STEP();
        if (index >= event_count_) out_of_range("barnetslov::Case::event: no event of that index");
        return events_[index];
    }
    // Indices of the events of one type, in time order. Throws std::out_of_range for a value
    // that is not an event type.
    std::span<const std::uint32_t> events_of(EventType t) const {
        BARNETSLOV_COUNT_WORK_STEP();
        const auto i = static_cast<std::size_t>(t);
        if (i >= event_type_count) out_of_range("barnetslov::Case::events_of: not an event type");
        return std::span<const std::uint32_t>(lists_).subspan(by_type_start_[i], by_type_start_[i + 1] - by_type_start_[i]);
    }
    // Indices of the events whose `ref` names event `index`, in time order. Throws
    // std::out_of_range for an index not below events().size().
    std::span<const std::uint32_t> referrers(std::uint32_t index) const {
        BARNETSLOV_COUNT_WORK_STEP();
        const std::size_t n = events_.size();
        if (index >= n) out_of_range("barnetslov::Case::referrers: no event of that index");
        const std::uint32_t* starts = lists_.data() + n;
        return std::span<const std::uint32_t>(lists_).subspan(2 * n + 1 + starts[index], starts[index + 1] - starts[index]);
    }
    // Whether event `from` names event `to` in its `ref`.
    [[nodiscard]] bool refers_to(const Event& from, std::uint32_t to) const;
    [[nodiscard]] const Event* find_event(std::string_view id) const;

    Case() = default;
    // A copy's events point into the copy's own blocks (Event::fields_).
    Case(const Case& other);
    Case& operator=(const Case& other);
    Case(Case&& other) noexcept;
    Case& operator=(Case&& other) noexcept;
    // Keeps the case's larger blocks for the next case built on the same thread (case.cpp; the
    // bound on what a thread keeps is in capi/barnetslov.h, THREADS).
    ~Case();

private:
    friend class CaseBuilder;
    [[noreturn]] static void out_of_range(const char* what);
    // The blocks of a case that ended on this thread (its events, fields, text, lists and people,
    // emptied), for the next case a CaseBuilder builds here; null while the thread ends.
    struct Spare;
    static Spare* spare() noexcept;
    // Points each event into fields_, event_refs_ and texts_ (after building, a copy or a move).
    void point_events();
    std::string source_, id_, municipality_, unit_, cpr_;
    Child child_;
    std::vector<Person> persons_;
    std::vector<Event> events_;
    // events_.size(), kept by point_events() (which every build, copy and move ends in) and zeroed in a
    // moved-from case: event() checks an index against it on every call, where events_.size() is a
    // subtraction, a shift and a multiply (Event's size is no power of two), ~5 k instructions of
    // evaluating a 50-event case (issue 20, session 30).
    std::uint32_t event_count_ = 0;
    // Flat lists with offsets, in one block (one allocation per case, not one per type and one per
    // referred event, nor one per list; issue 20): for n events, first the events by type (type t's
    // are lists_[by_type_start_[t] .. by_type_start_[t+1]]), then n + 1 starts of each event's
    // referrers, then the referrers (event i's are lists_[2n + 1 + start[i] .. 2n + 1 + start[i+1]]).
    // Empty for a case without events.
    std::vector<std::uint32_t> lists_;
    std::array<std::uint32_t, event_type_count + 1> by_type_start_{};
    // Every event's fields (by Event::fields_begin_), the events each event's ref names (by
    // Event::refs_begin_) and the fields' text (Event::Field::text_begin).
    std::vector<Event::Field> fields_;
    std::vector<std::uint32_t> event_refs_;
    // A std::string, so that the builder's text moves in without a copy; a short one moves its
    // bytes, which is why every copy, move and build ends in point_events().
    std::string texts_;
};

}  // namespace barnetslov
