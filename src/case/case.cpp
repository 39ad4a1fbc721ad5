#include "barnetslov/case.hpp"

#include "case/case_spare.hpp"

#include <algorithm>
#include <stdexcept>

namespace barnetslov {

std::vector<Value> Event::values(Attr a) const {
    std::vector<Value> out;
    const Field* f = find(a);
    if (!f || f->type != ValueType::enumeration_list) return out;
    const AttrSpec* spec = find_attr_spec(type_, a);
    const auto set = static_cast<std::uint64_t>(f->number);
    for (std::size_t i = 0; spec && i < spec->values.size(); ++i)
        if (set >> i & 1u) out.push_back(spec->values[i]);
    return out;
}

bool Event::has_value(Attr a, Value v) const {
    const Field* f = find(a);
    if (!f || f->type != ValueType::enumeration_list) return false;
    const AttrSpec* spec = find_attr_spec(type_, a);
    if (!spec) return false;
    const auto pos = std::find(spec->values.begin(), spec->values.end(), v);
    return pos != spec->values.end() && (static_cast<std::uint64_t>(f->number) >> (pos - spec->values.begin()) & 1u);
}

SourceLocation Event::location_of(Attr a) const {
    const Field* f = find(a);
    return f ? f->location : location_;
}

bool Case::refers_to(const Event& from, std::uint32_t to) const {
    return std::find(from.refs().begin(), from.refs().end(), to) != from.refs().end();
}

void Case::out_of_range(const char* what) { throw std::out_of_range(what); }

Case::Case(const Case& other)
    : source_(other.source_), id_(other.id_), municipality_(other.municipality_), unit_(other.unit_), cpr_(other.cpr_),
      child_(other.child_), persons_(other.persons_), events_(other.events_), lists_(other.lists_),
      by_type_start_(other.by_type_start_), fields_(other.fields_), event_refs_(other.event_refs_), texts_(other.texts_) {
    point_events();
}

Case& Case::operator=(const Case& other) {
    if (this != &other) *this = Case(other);
    return *this;
}

// A moved vector keeps its heap block, so the events' pointers stay right; pointed again all the
// same, which costs a pass over the events and depends on no library's choice.
Case::Case(Case&& other) noexcept
    : source_(std::move(other.source_)), id_(std::move(other.id_)), municipality_(std::move(other.municipality_)),
      unit_(std::move(other.unit_)), cpr_(std::move(other.cpr_)), child_(std::move(other.child_)),
      persons_(std::move(other.persons_)), events_(std::move(other.events_)), lists_(std::move(other.lists_)),
      by_type_start_(other.by_type_start_), fields_(std::move(other.fields_)),
      event_refs_(std::move(other.event_refs_)), texts_(std::move(other.texts_)) {
    point_events();
    other.events_.clear();
    other.event_count_ = 0;
}

Case& Case::operator=(Case&& other) noexcept {
    source_ = std::move(other.source_);
    id_ = std::move(other.id_);
    municipality_ = std::move(other.municipality_);
    unit_ = std::move(other.unit_);
    cpr_ = std::move(other.cpr_);
    child_ = std::move(other.child_);
    persons_ = std::move(other.persons_);
    events_ = std::move(other.events_);
    lists_ = std::move(other.lists_);
    by_type_start_ = other.by_type_start_;
    fields_ = std::move(other.fields_);
    event_refs_ = std::move(other.event_refs_);
    texts_ = std::move(other.texts_);
    point_events();
    if (&other != this) {
        other.events_.clear();
        other.event_count_ = 0;
    }
    return *this;
}

namespace {
constexpr std::size_t kept_block_bytes = std::size_t{1} << 18;

// Moves `block`, emptied, into `kept` when it is the larger and not too large; the smaller one
// (left in `block`) is freed with its case.
template <class Block>
void keep_larger(Block& kept, Block& block) {
    if (block.capacity() <= kept.capacity() || block.capacity() * sizeof(typename Block::value_type) > kept_block_bytes) return;
    block.clear();
    std::swap(kept, block);
}
}  // namespace

Case::Spare* Case::spare() noexcept { return detail::thread_kept<Spare>(); }

Case::~Case() {
    Spare* kept = spare();
    if (!kept) return;
    keep_larger(kept->events, events_);
    keep_larger(kept->fields, fields_);
    keep_larger(kept->texts, texts_);
    keep_larger(kept->lists, lists_);
    keep_larger(kept->refs, event_refs_);
    keep_larger(kept->persons, persons_);
}

void Case::point_events() {
    event_count_ = static_cast<std::uint32_t>(events_.size());
    for (Event& e : events_) {
        e.fields_ = fields_.data() + e.fields_begin_;
        e.refs_ = event_refs_.data() + e.refs_begin_;
        e.texts_ = texts_.data();
    }
}

std::size_t Case::unit_period_on(LocalDay day) const {
    const auto changes = events_of(EventType::ansvarlig_enhed);
    if (changes.empty()) return 0;  // most cases: no change of unit on file
    // The first change dated after `day`; the ones before it are on or before that day.
    const auto after = std::upper_bound(changes.begin(), changes.end(), day,
                                        [this](LocalDay d, std::uint32_t i) { return d < events_[i].at().day; });
    return static_cast<std::size_t>(after - changes.begin());
}

std::string_view Case::unit_on(LocalDay day) const {
    const std::size_t period = unit_period_on(day);
    if (period == 0) return unit_;
    return events_[events_of(EventType::ansvarlig_enhed)[period - 1]].text(Attr::unit).value_or(std::string_view{});
}

const Event* Case::find_event(std::string_view id) const {
    for (const Event& e : events_) {
        BARNETSLOV_COUNT_WORK_STEP();
        if (e.id() == id) return &e;
    }
    return nullptr;
}

}  // namespace barnetslov
