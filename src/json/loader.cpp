// The JSON front end: nlohmann's SAX parser streams the document straight into a CaseBuilder (no
// DOM of the file), through an iterator that tells how far the lexer has read, so that every key
// and value has its line and column. Values are checked by the builder, as for XML; the loader
// checks what only JSON has (the kinds of values; the keys that hold the structure: "format",
// "child", "parties", "siblings", "events", an event's "type") and says where each error is, as
// a JSON pointer in front of the message.
#include "json/document.hpp"

#include <algorithm>
#include <bitset>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/echo.hpp"
#include "barnetslov/vocabulary.hpp"
#include "case/builder_access.hpp"
#include "case/input_text.hpp"
#include "json/json_text.hpp"

namespace barnetslov::json {

namespace {

using Json = nlohmann::json;
using detail::BuilderAccess;

// Hands nlohmann's lexer the text a byte at a time and keeps `read` just past the last byte it
// took: at a SAX callback, the end of the token just read (after a number, one byte more, which
// the lexer looked at to see where the number ends).
class ReadingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ReadingIterator(const char* p, const char** read) : p_(p), read_(read) {}
    reference operator*() const { return *p_; }
    ReadingIterator& operator++() {
        *read_ = ++p_;
        return *this;
    }
    ReadingIterator operator++(int) {
        ReadingIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const ReadingIterator& a, const ReadingIterator& b) { return a.p_ == b.p_; }

private:
    const char* p_;
    const char** read_;
};

// Where the parser is: the containers open around the value being read.
enum class In : std::uint8_t {
    root,    // the case object
    child,   // the child object: its keys are the child's attributes
    person,  // an object of "parties" or "siblings"
    people,  // the array "parties" or "siblings"
    events,  // the array "events"
    event,   // an object of "events": its members wait for its end, which tells its "type"
    refs,    // an array of ids, a member of an event
    skip,    // a value already reported, or inside one, read over
};

struct Level {
    In in = In::skip;
    bool array = false;
    std::uint32_t count = 0;    // an array's elements begun: the current one is count - 1
    std::string key;            // an object's member being read
    std::size_t key_start = 0;  // where that key is
    std::string_view element;   // child, person, people: "child", "party" or "sibling"
    bool between = true;        // no member or element is being read: before the first, after one
};

// The keys of the case object besides its attributes, each given at most once.
constexpr std::string_view structure_keys[] = {"format", "$schema", "child", "parties", "siblings", "events"};

// A member of an event, kept until the event's end tells its type: JSON does not promise an order
// of keys, and serializers sort them or put "type" anywhere.
struct Member {
    std::string key;
    std::size_t key_start = 0;
    Kind kind = Kind::string;
    std::string text;                        // a string or number as written; an array's ids joined by spaces
    std::optional<std::uint32_t> bad_index;  // an array: the first element that is not an id
    std::size_t bad_start = 0;
    std::string bad_why;
};

Member member(const Level& top, Kind kind, std::string_view text) {
    Member m;
    m.key = top.key;
    m.key_start = top.key_start;
    m.kind = kind;
    m.text = text;
    return m;
}

Level level(In in, bool array = false) {
    Level l;
    l.in = in;
    l.array = array;
    return l;
}

// Where finish() may report an error (an event; its ref and party attributes), for its pointer.
struct Anchor {
    SourceLocation at;
    std::uint32_t event;
    std::string_view key;  // empty: the event itself
};

bool before(const SourceLocation& a, const SourceLocation& b) { return a.line != b.line ? a.line < b.line : a.column < b.column; }

void append_escaped(std::string& out, std::string_view key) {
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

std::string member_pointer(std::string_view object, std::string_view key) {
    std::string out(object);
    out += '/';
    append_escaped(out, key);
    return out;
}

// Keys are the document's: a pointer is shown escaped and masked, as any echo (echo.hpp).
std::string prefixed(std::string_view pointer, std::string_view message) {
    return pointer.empty() ? std::string(message) : fmt::format("{}: {}", echo(pointer, 200), message);
}

class Handler final : public nlohmann::json_sax<Json> {
public:
    struct Fatal {
        SourceLocation at;
        std::string message;
        std::string_view code;  // input_error_code
    };

    Handler(std::string_view text, const char* const& read, CaseBuilder& builder, const Limits& limits, std::uint32_t line)
        : text_(text), read_(read), positions_(text, line == 0), builder_(builder), limits_(limits), line_(line) {}

    // ---- the SAX interface ----
    bool null() override { return value(Kind::null, "null", token_start(read() - 1)); }
    bool boolean(bool v) override { return value(v ? Kind::yes : Kind::no, v ? "true" : "false", token_start(read() - 1)); }
    bool number_integer(number_integer_t v) override { return number(Kind::integer, std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(Kind::integer, std::to_string(v)); }
    // Also a whole number too large for 64 bits: its digits are what a count is then told.
    bool number_float(number_float_t, const string_t& written) override {
        const bool digits = std::all_of(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; });
        return number(digits ? Kind::integer : Kind::fraction, written);
    }
    bool string(string_t& v) override {
        const std::size_t start = token_start(read() - 1);
        // A character the text could not hold raw, written as an escape (\u0001); said, as every
        // error about a member, at its key.
        if (const auto bad = forbidden_character(v)) {
            const bool member = !levels_.empty() && !levels_.back().array;
            return fatal(member ? levels_.back().key_start : start, here(), input_error_code::syntax, forbidden_message(bad->code));
        }
        return value(Kind::string, v, start);
    }
    bool binary(binary_t&) override { return true; }  // never in JSON text
    bool start_object(std::size_t) override { return open(false, read() - 1); }
    bool start_array(std::size_t) override { return open(true, read() - 1); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        Level& top = levels_.back();
        top.key = std::move(k);
        top.key_start = token_start(read() - 1);
        top.between = false;
        return true;
    }
    // `position`: the bytes the lexer read, the one it stopped at included (the end counts as one).
    // `token`: after a string, number or literal, its bytes as read (the lexer starts them
    // afresh; control characters, a lexer error anyway, aside); after a one-byte token, not that.
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) override {
        const std::size_t end = std::min(position, text_.size() + 1);
        const std::size_t last = end == 0 ? 0 : std::min(end - 1, text_.size());
        const std::size_t token_at = end >= token.size() ? end - token.size() : 0;
        if (e.id == 406) return fatal(token_at, here(), input_error_code::syntax, "a number too large to read");  // out_of_range: 1e400
        const std::string detail = syntax_error_detail(e.what());
        // At an unexpected string, number or literal, its start; else the byte the parser stopped at.
        const bool literal = detail.rfind("unexpected ", 0) == 0 && detail.find(" literal") == detail.find_first_of(' ', 11);
        return fatal(literal ? token_at : last, here(), input_error_code::syntax, "not well-formed JSON: " + detail);
    }

    // ---- after the parse ----
    [[nodiscard]] const std::optional<Fatal>& fatal_error() const { return fatal_; }
    [[nodiscard]] bool stopped_at_event_limit() const { return event_limit_; }
    // What makes the document no case file of this format (no "format", another), or nothing.
    [[nodiscard]] std::optional<Fatal> format_error() const;
    // finish()'s errors, from `first` on, get the pointers of the events they are about.
    void point_finish_errors(std::size_t first);

private:
    std::size_t read() const { return std::size_t(read_ - text_.data()); }
    SourceLocation at(std::size_t offset) const {
        SourceLocation l = positions_.at(offset);
        if (line_ != 0) l.line += line_ - 1;
        return l;
    }

    // The first byte of the token whose last byte is at `last`: a string back to its opening quote
    // (the first '"' before it that is not escaped: after an even run of backslashes), a number
    // or a literal back over its characters.
    std::size_t token_start(std::size_t last) const {
        if (last >= text_.size()) return text_.size();
        if (text_[last] == '"') {
            for (std::size_t i = last; i-- > 0;) {
                if (text_[i] != '"') continue;
                std::size_t slashes = 0;
                while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
                if (slashes % 2 == 0) return i;
            }
            return 0;
        }
        std::size_t i = last;
        while (i > 0 && word(text_[i]) && word(text_[i - 1])) --i;
        return i;
    }
    static bool word(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.';
    }
    // A number's callback comes after the lexer has looked one byte past it (unless at the end).
    bool number(Kind kind, std::string_view written) {
        std::size_t last = read() - 1;
        if (last < text_.size() && !word(text_[last]) && last > 0) --last;
        return value(kind, written, token_start(last));
    }

    // The pointer of the value being read (RFC 6901): every open container's key or index; between
    // two members or elements, the container's.
    std::string here() const {
        std::string out;
        for (const Level& l : levels_) {
            if (l.between) break;
            if (l.array) out += '/' + std::to_string(l.count - 1);
            else append_escaped(out += '/', l.key);
        }
        return out;
    }

    // `call` (builder calls), its errors prefixed by the pointer `where()` gives.
    template <class Where, class Call>
    void pointed(Where where, Call call) {
        auto& errors = BuilderAccess::errors(builder_);
        const std::size_t before_call = errors.size();
        call();
        if (errors.size() == before_call) return;
        const std::string p = where();
        for (std::size_t i = before_call; i < errors.size(); ++i) errors[i].message = prefixed(p, errors[i].message);
    }
    void error(std::size_t offset, std::string_view pointer, std::string_view code, std::string_view message) {
        builder_.add_error(at(offset), code, prefixed(pointer, message));
    }
    // An error that ends the reading: then the document's only one.
    bool fatal(std::size_t offset, std::string_view pointer, std::string_view code, std::string_view message) {
        if (!fatal_) fatal_ = Fatal{at(offset), prefixed(pointer, message), code};
        return false;
    }

    bool value(Kind kind, std::string_view text, std::size_t start);
    bool open(bool array, std::size_t start);
    bool close();
    In root_member(Kind kind, std::string_view text, std::size_t start);
    void element_member(const Level& top, Kind kind, std::string_view text);
    void ref_element(Kind kind, std::string_view text, std::size_t start);
    bool event_ended(std::uint32_t index);
    void event_member(EventType type, std::uint32_t index, const std::string& event, const Member& m);

    std::string_view text_;
    const char* const& read_;
    detail::Positions positions_;
    CaseBuilder& builder_;
    const Limits& limits_;
    std::uint32_t line_;
    std::vector<Level> levels_;
    std::size_t root_start_ = 0;
    std::bitset<std::size(structure_keys)> seen_;
    std::optional<Kind> format_kind_;
    std::string format_;
    std::size_t format_start_ = 0;
    std::vector<Member> members_;  // of the event being read
    std::size_t event_start_ = 0;
    std::vector<Anchor> anchors_;
    std::optional<Fatal> fatal_;
    bool event_limit_ = false;
};

// ---- values and containers ----

bool Handler::value(Kind kind, std::string_view text, std::size_t start) {
    if (levels_.empty())
        return fatal(start, "", input_error_code::format,
                     fmt::format("the document is {}, not an object: a JSON case file is one object (a JSON Lines file, .jsonl, is one "
                                 "object a line)", kind_name(kind)));
    Level& top = levels_.back();
    if (top.array) ++top.count;
    top.between = false;
    switch (top.in) {
        case In::root: root_member(kind, text, start); break;
        case In::child:
        case In::person: element_member(top, kind, text); break;
        case In::people:
        case In::events:
            error(start, here(), input_error_code::structure,
                  fmt::format("expected an object ({}), not {}", top.in == In::events ? "an event" : top.element, kind_name(kind)));
            break;
        case In::event: members_.push_back(member(top, kind, text)); break;
        case In::refs: ref_element(kind, text, start); break;
        case In::skip: break;
    }
    top.between = true;
    return true;
}

bool Handler::open(bool array, std::size_t start) {
    const Kind kind = array ? Kind::array : Kind::object;
    if (levels_.size() >= limits_.max_depth)
        return fatal(start, here(), input_error_code::limit,
                     fmt::format("{} nested more than {} levels deep (limit)", kind_name(kind), limits_.max_depth));
    if (levels_.empty()) {
        if (array) return value(kind, {}, start);
        root_start_ = start;
        levels_.push_back(level(In::root));
        return true;
    }
    Level& top = levels_.back();
    if (top.array) ++top.count;
    top.between = false;
    Level next = level(In::skip, array);
    switch (top.in) {
        case In::root:
            next.in = root_member(kind, {}, start);
            next.element = "child";
            break;
        case In::child:
        case In::person: element_member(top, kind, {}); break;
        case In::people:
        case In::events:
            if (array) {
                error(start, here(), input_error_code::structure,
                      fmt::format("expected an object ({}), not an array", top.in == In::events ? "an event" : top.element));
            } else if (top.in == In::events) {
                next.in = In::event;
                members_.clear();
                event_start_ = start;
            } else {
                pointed([&] { return here(); }, [&] { builder_.begin_person(top.element, at(start)); });
                next.in = In::person;
                next.element = top.element;
            }
            break;
        case In::event:
            members_.push_back(member(top, kind, {}));
            if (array) next.in = In::refs;  // its elements go to members_.back()
            break;
        case In::refs: ref_element(kind, {}, start); break;
        case In::skip: break;
    }
    if (next.in == In::people) next.element = levels_.back().key == "parties" ? "party" : "sibling";
    levels_.push_back(std::move(next));
    return true;
}

bool Handler::close() {
    const In done = levels_.back().in;
    levels_.pop_back();
    if (levels_.empty()) return true;
    // Closed now, so that what its end reveals (a required attribute missing) has its pointer.
    if (done == In::child || done == In::person) pointed([&] { return here(); }, [&] { BuilderAccess::close_element(builder_); });
    const bool go_on = done != In::event || event_ended(levels_.back().count - 1);
    levels_.back().between = true;
    return go_on;
}

// A member of the case object: the format, a case attribute, or (a container) what to read it as.
In Handler::root_member(Kind kind, std::string_view text, std::size_t start) {
    const Level& top = levels_.back();
    const std::string& key = top.key;
    const std::size_t key_start = top.key_start;
    if (const auto s = std::find(std::begin(structure_keys), std::end(structure_keys), key); s != std::end(structure_keys)) {
        const auto bit = std::size_t(s - std::begin(structure_keys));
        if (seen_[bit]) {
            error(key_start, here(), input_error_code::duplicate_attribute, fmt::format("key '{}' given twice", key));
            return In::skip;
        }
        seen_[bit] = true;
    }
    auto wrong = [&](std::string_view what) {
        error(key_start, here(), input_error_code::structure, fmt::format("expected {}, not {}", what, kind_name(kind)));
        return In::skip;
    };
    if (key == "format") {
        format_kind_ = kind;
        format_ = text;
        format_start_ = key_start;
        return In::skip;
    }
    if (key == "$schema") return kind == Kind::string ? In::skip : wrong("a string");
    if (key == "child") {
        if (kind != Kind::object) return wrong("an object");
        pointed([&] { return here(); }, [&] { builder_.begin_child(at(start)); });
        return In::child;
    }
    if (key == "parties" || key == "siblings" || key == "events") {
        if (kind != Kind::array) return wrong("an array");
        return key == "events" ? In::events : In::people;
    }
    if (const CaseAttrSpec* a = find_case_attr_spec(case_element_spec("case"), key)) {
        pointed([&] { return here(); }, [&] {
            if (takes(accepts(a->type), kind)) builder_.case_attribute(key, text, at(key_start));
            else BuilderAccess::refuse(builder_, expected(accepts(a->type), kind), [&](CaseBuilder& b) { return b.case_attribute(key, {}, at(key_start)); });
        });
        return In::skip;
    }
    std::string keys;
    for (const std::string_view k : structure_keys) keys.append(keys.empty() ? "" : ", ").append(k);
    for (const CaseAttrSpec& a : case_element_spec("case").attrs) keys.append(", ").append(a.name);
    error(key_start, here(), input_error_code::unknown_attribute, fmt::format("case has no key '{}' (expected {})", echo(key), keys));
    return In::skip;
}

// A member of the child, a party or a sibling: one of its attributes.
void Handler::element_member(const Level& top, Kind kind, std::string_view text) {
    const CaseAttrSpec* a = find_case_attr_spec(case_element_spec(top.element), top.key);
    const SourceLocation where = at(top.key_start);
    auto give = [&](CaseBuilder& b, std::string_view value) {
        return top.in == In::child ? b.child_attribute(top.key, value, where) : b.person_attribute(top.key, value, where);
    };
    pointed([&] { return here(); }, [&] {
        // An unknown key is the builder's to report, whatever its value.
        if (!a || takes(accepts(a->type), kind)) give(builder_, text);
        else BuilderAccess::refuse(builder_, expected(accepts(a->type), kind), [&](CaseBuilder& b) { return give(b, {}); });
    });
}

// An element of an array of ids: added to the member, or the first that is no id remembered.
void Handler::ref_element(Kind kind, std::string_view text, std::size_t start) {
    Member& m = members_.back();
    if (m.bad_index) return;
    std::string why;
    if (kind != Kind::string) why = fmt::format("expected an id (a string), not {}", kind_name(kind));
    else if (text.empty() || text.find(' ') != std::string_view::npos) why = fmt::format("{} is not a valid id", barnetslov::quoted(text));
    if (!why.empty()) {
        m.bad_index = levels_.back().count - 1;
        m.bad_start = start;
        m.bad_why = std::move(why);
        return;
    }
    if (!m.text.empty()) m.text += ' ';
    m.text += text;
}

// The event whose object just ended, element `index` of "events": its type, then its members.
// False (stop reading) past Limits::max_events, as the XML loader stops.
bool Handler::event_ended(std::uint32_t index) {
    const std::string event = here();
    const auto type = std::find_if(members_.begin(), members_.end(), [](const Member& m) { return m.key == "type"; });
    if (type == members_.end()) {
        error(event_start_, event, input_error_code::structure, "the event has no key 'type' (its element name, e.g. 'underretning')");
        return true;
    }
    if (type->kind != Kind::string) {
        error(type->key_start, member_pointer(event, "type"), input_error_code::structure,
              fmt::format("expected an event type (a string), not {}", kind_name(type->kind)));
        return true;
    }
    bool began = false;
    pointed([&] { return event; }, [&] { began = builder_.begin_event(type->text, at(event_start_)); });
    if (!began) {
        event_limit_ = builder_.event_count() > limits_.max_events;
        return !event_limit_;
    }
    anchors_.push_back(Anchor{at(event_start_), index, {}});
    const EventType t = *event_type_from_element(type->text);
    for (const Member& m : members_) {
        if (&m == &*type) continue;
        if (m.key == "type") error(m.key_start, member_pointer(event, "type"), input_error_code::duplicate_attribute, "key 'type' given twice");
        else event_member(t, index, event, m);
    }
    pointed([&] { return event; }, [&] { BuilderAccess::close_element(builder_); });
    return true;
}

void Handler::event_member(EventType type, std::uint32_t index, const std::string& event, const Member& m) {
    const SourceLocation where = at(m.key_start);
    const AttrSpec* spec = nullptr;
    if (const auto attr = attr_from_name(m.key); attr && m.key != "id") spec = find_attr_spec(type, *attr);
    const Accepts a = spec ? accepts(spec->type) : Accepts::string;
    auto give = [&](CaseBuilder& b, std::string_view value) { return b.event_attribute(m.key, value, where); };
    if (m.kind == Kind::array && a == Accepts::ids && m.bad_index) {
        // The array was read as one of ids; an enumeration list's element is a value, not an id.
        std::string why = m.bad_why;
        if (spec && spec->type == ValueType::enumeration_list)
            if (const auto at = why.find(" is not a valid id"); at != std::string::npos) why.replace(at, std::string::npos, " is not one value");
        pointed([&] { return member_pointer(event, m.key) + '/' + std::to_string(*m.bad_index); },
                [&] { BuilderAccess::refuse(builder_, why, [&](CaseBuilder& b) { return b.event_attribute(m.key, {}, at(m.bad_start)); }); });
        return;
    }
    pointed([&] { return member_pointer(event, m.key); }, [&] {
        // An unknown key is the builder's to report, whatever its value.
        if ((!spec && m.key != "id") || takes(a, m.kind)) give(builder_, m.text);
        else BuilderAccess::refuse(builder_, expected(a, m.kind), [&](CaseBuilder& b) { return give(b, {}); });
    });
    if (spec && (spec->type == ValueType::id_refs || spec->type == ValueType::party_ref || spec->type == ValueType::event_ref))
        anchors_.push_back(Anchor{where, index, attr_name(spec->attr)});
}

std::optional<Handler::Fatal> Handler::format_error() const {
    const std::string_view urn = case_namespace_v1;
    const std::string_view code = input_error_code::format;
    if (!format_kind_)
        return Fatal{at(root_start_), fmt::format("the case has no key 'format' (a JSON case file says \"format\": \"{}\")", urn), code};
    const SourceLocation where = at(format_start_);
    if (*format_kind_ != Kind::string)
        return Fatal{where, fmt::format("/format: expected the string {}, not {}", urn, kind_name(*format_kind_)), code};
    if (format_ == urn) return std::nullopt;
    if (format_.rfind("urn:barnetslov:case:", 0) == 0)
        return Fatal{where, fmt::format("/format: case-file format {} is not supported (this version reads {})", barnetslov::quoted(format_), urn), code};
    return Fatal{where, fmt::format("/format: {} is not the format of a case file (expected {})", barnetslov::quoted(format_), urn), code};
}

void Handler::point_finish_errors(std::size_t first) {
    auto& errors = BuilderAccess::errors(builder_);
    for (std::size_t i = first; i < errors.size(); ++i) {
        const SourceLocation l = errors[i].location;
        const auto it = std::lower_bound(anchors_.begin(), anchors_.end(), l, [](const Anchor& a, const SourceLocation& x) { return before(a.at, x); });
        if (l.line == 0 || it == anchors_.end() || before(l, it->at)) continue;
        std::string p = "/events/" + std::to_string(it->event);
        if (!it->key.empty()) p = member_pointer(p, it->key);
        errors[i].message = prefixed(p, errors[i].message);
    }
}

}  // namespace

LoadResult load_document(std::string_view text, std::string source, const Calendar& calendar, const Limits& limits, std::uint32_t line) {
    const std::string shown = shown_name(source);
    CaseBuilder builder(std::move(source), calendar, limits);
    const detail::Positions positions(text, line == 0);
    auto located = [&](std::size_t offset) {
        SourceLocation l = positions.at(offset);
        if (line != 0) l.line += line - 1;
        return l;
    };
    // An error that leaves nothing else worth saying: the document's only one.
    auto only = [&](SourceLocation at, std::string message, std::string_view code) {
        InputError e{shown, at, std::move(message)};
        e.code = code;
        return LoadResult{nullptr, {std::move(e)}};
    };
    // The text as a whole, before the parser: what it does not check, or says less plainly.
    const SourceLocation start = line == 0 ? SourceLocation{} : SourceLocation{line, 1};
    using namespace input_error_code;
    if (const char* other = detail::other_encoding(text, '{')) return only(start, fmt::format("the file is {}; case files are UTF-8", other), encoding);
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        return only(located(0), "the file begins with a byte-order mark, which JSON does not allow (RFC 8259 8.1); save it as UTF-8 without one",
                    encoding);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return only(start, "the file is empty", syntax);
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) return only(located(bad), "the file is not valid UTF-8", encoding);
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        return only(located(nul), "not well-formed JSON: the file contains a NUL character", syntax);
    if (const auto bad = forbidden_character(text)) return only(located(bad->offset), forbidden_message(bad->code), syntax);
    // Every string then is valid UTF-8: the parser decodes escapes to valid UTF-8 only.
    BuilderAccess::utf8_checked(builder);

    const char* read = text.data();
    Handler handler(text, read, builder, limits, line);
    Json::sax_parse(ReadingIterator(text.data(), &read), ReadingIterator(text.data() + text.size(), &read), &handler);
    if (const auto& fatal = handler.fatal_error()) return only(fatal->at, fatal->message, fatal->code);
    if (!handler.stopped_at_event_limit())
        if (auto wrong = handler.format_error()) return only(wrong->at, std::move(wrong->message), wrong->code);
    const std::size_t first = builder.errors().size();
    LoadResult r;
    BuilderAccess::last_case(builder);  // one case; only errors() is read after finish()
    r.kase = builder.finish();
    handler.point_finish_errors(first);
    r.errors = builder.errors();
    return r;
}

}  // namespace barnetslov::json
