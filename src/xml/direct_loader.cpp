// The one-pass front end (direct_loader.hpp). Every check that finds the file outside the plain
// subset returns false at once: nothing is reported from here, the pugixml loader says what is
// wrong. Positions are counted on the way as detail::Positions counts them: lines end at LF (a
// CR is taken only before an LF, where it is the last character of its line, so the file has no
// CR alone, the case in which Positions counts differently), columns count characters, that is
// bytes that do not continue a UTF-8 sequence, from 1, and a byte-order mark is not one.
#include "xml/direct_loader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "barnetslov/echo.hpp"
#include "barnetslov/loader.hpp"
#include "case/builder_access.hpp"
#include "xml/lexical.hpp"

namespace barnetslov::xml {

namespace {

constexpr std::string_view case_ns = "urn:barnetslov:case:1";
constexpr std::string_view xsi_ns = "http://www.w3.org/2001/XMLSchema-instance";

// The subset's names: ASCII letters and '_' first, then also digits, '-' and '.'; a table, since
// names are a third of a case file's bytes. Its bit 4: a first byte other than 'x' and 'X', whose
// name cannot begin with "xml" (reserved()).
constexpr std::array<std::uint8_t, 256> name_table = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
        const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        t[c] = start ? ((c | 0x20) == 'x' ? 3 : 7) : ((c >= '0' && c <= '9') || c == '-' || c == '.') ? 1 : 0;
    }
    return t;
}();
bool name_start(char c) { return name_table[static_cast<unsigned char>(c)] & 2; }
bool name_start_not_x(char c) { return name_table[static_cast<unsigned char>(c)] & 4; }
bool name_char(char c) { return name_table[static_cast<unsigned char>(c)] & 1; }

#define BARNETSLOV_INLINE [[gnu::always_inline]] inline

// A vector's 16 bytes, for the SSE2 loops' constants.
#define BARNETSLOV_16(x) {x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x}

// The lowest set bit of `bits` (not 0), as a pointer's offset: __builtin_ctz's int was
// sign-extended after each scan of a name or a value, one instruction each (issue 20, session 35).
BARNETSLOV_INLINE std::size_t lowest_bit(unsigned bits) {
#if defined(__x86_64__)
    std::size_t n;
    __asm__("rep bsf %1, %0" : "=r"(n) : "r"(std::size_t(bits)) : "cc");  // tzcnt where there is BMI1
    return n;
#else
    return unsigned(__builtin_ctz(bits));
#endif
}

// Where the name whose later characters start at `p` ends. First 16 bytes at a time over the
// bytes this vocabulary's names are made of, 'a'-'z' and '-': the first other byte ends the name
// unless it is another name character (a capital, a digit, '_', '.'), from which the table reads
// on byte by byte. A range and one compare with memory operands, ~15 instructions a name, where
// the table's ~3 a byte were ~21 for the corpus's attribute names and ~37 for its element names;
// session 32's 16-byte scan of the whole class took ~25 and eight constants in registers, which
// GCC reloaded after every builder call (issue 20, sessions 32 and 35). The NUL at the end ends
// any name: the block loop stops there at the latest, reading up to 15 bytes past it, inside the
// padding. `Usual`, the byte that mostly follows the name ('=' after an attribute's), is tested
// first, which is the caller's own test of it (GCC merges the two): ~3 instructions a name less.
// The table loop's end is made opaque to GCC: knowing the byte there, it kept each byte the loop
// read in a second register, for the one the loop ends at; read again, it is one load a name.
template <char Usual = '\0'>
BARNETSLOV_INLINE const char* name_end(const char* p) {
#if defined(__SSE2__)
    // 'a'-'z' + 0x1F are the 26 lowest signed bytes, -128 to -103. The constants are read through
    // a pointer GCC cannot see through, as in value_end.
    alignas(16) static constexpr char constants[3][16] = {BARNETSLOV_16(0x1F), BARNETSLOV_16(char(0x99)), BARNETSLOV_16('-')};
    static_assert(scan_padding >= 16, "the name scan reads 16 bytes at a time up to the NUL after the text");
    const auto others = [](const char* q) {
        const __m128i* k;
        __asm__ volatile("lea %1, %0" : "=r"(k) : "m"(constants));
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i outside_letters = _mm_cmpgt_epi8(_mm_add_epi8(v, _mm_load_si128(k)), _mm_load_si128(k + 1));
        return unsigned(_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_load_si128(k + 2)), outside_letters)));
    };
    unsigned bits = others(p);
    if (!bits) [[unlikely]] {
        do bits = others(p += 16);
        while (!bits);
    }
    p += lowest_bit(bits);
    if ((Usual && *p == Usual) || !name_char(*p)) [[likely]] return p;
#endif
    for (;; p += 4) {
        if (!name_char(p[0])) break;
        if (!name_char(p[1])) {
            p += 1;
            break;
        }
        if (!name_char(p[2])) {
            p += 2;
            break;
        }
        if (!name_char(p[3])) {
            p += 3;
            break;
        }
    }
    __asm__("" : "+r"(p));
    return p;
}

// The bytes `s` (4 or fewer) at `p`, which the text's padding lets be read past its end.
template <std::size_t N>
bool at_bytes(const char* p, const char (&s)[N]) {
    return std::memcmp(p, s, N - 1) == 0;
}

// Where the scan stands: the next byte, the line, and where the line's columns count from (its
// first byte, one on for each UTF-8 continuation byte read on it, so that a column is a
// difference). A value that the loops keep in registers: as members of the Scanner, the position
// was stored at every step and reloaded after every builder call, which for all the compiler knows
// could change them (issue 20, session 32).
struct Cursor {
    const char* p;
    const char* column_base;
    std::uint32_t line = 1;

    SourceLocation at() const { return {line, std::uint32_t(p - column_base) + 1}; }
    void newline(const char* lf) {
        ++line;
        column_base = lf + 1;
    }
    void continuation(unsigned char c) { column_base += (c & 0xC0) == 0x80; }
};

// At a byte above 0x7F of valid UTF-8: whether it begins a C1 control (U+0080-U+009F) or
// U+FFFE/U+FFFF, which lexical_problem refuses (its `always` stops). Reads at most two bytes on,
// which the sequence it begins has.
BARNETSLOV_INLINE bool refused_above_ascii(const char* q) {
    const auto c = static_cast<unsigned char>(q[0]), c1 = static_cast<unsigned char>(q[1]);
    return (c == 0xC2 && c1 <= 0x9F) || (c == 0xEF && c1 == 0xBF && static_cast<unsigned char>(q[2]) >= 0xBE);
}

// Counts the byte at `q`: a line end, or a byte that continues a UTF-8 sequence (no character);
// false for a CR alone (see the file's head) and for a character lexical_problem refuses.
BARNETSLOV_INLINE bool count(Cursor& c, const char* q) {
    const auto b = static_cast<unsigned char>(*q);
    if (b == '\n') c.newline(q);
    else if (b == '\r' && q[1] != '\n') return false;
    else if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7F || refused_above_ascii(q)) return false;
    else c.continuation(b);
    return true;
}

// ---- between elements ----

// ' ' in each of 8 bytes, made where it is used: as a constant, GCC kept it in a register across
// the builder's calls, one that the attribute loop's position then lacked and was stored and
// loaded around each call (issue 20, session 34).
BARNETSLOV_INLINE std::uint64_t eight_spaces() {
#if defined(__x86_64__)
    std::uint64_t w;
    __asm__ volatile("movabs $0x2020202020202020, %0" : "=r"(w));
    return w;
#else
    return 0x2020202020202020u;
#endif
}

BARNETSLOV_INLINE bool space(Cursor& c) {
    for (;; ++c.p) {
        // Above ' ' first: most calls end at once, at the next tag or name.
        const auto b = static_cast<unsigned char>(*c.p);
        if (b > ' ') return true;
        if (b == '\n') {
            c.newline(c.p);
            // The indentation that follows, 8 bytes at a time (a case file's lines begin with
            // 2-8 spaces, which byte by byte were a fifth of the scanner; issue 20, session 29):
            // p to the last space, which the loop steps past. The padding's NULs end a run.
            for (;;) {
                std::uint64_t w;
                std::memcpy(&w, c.p + 1, sizeof w);
                if (const std::uint64_t other = w ^ eight_spaces()) {
                    c.p += __builtin_ctzll(other) / 8;
                    break;
                }
                c.p += 8;
            }
        } else if (b == '\r') {
            if (c.p[1] != '\n') return false;  // a CR alone (see the file's head)
        } else if (b != ' ' && b != '\t') {
            return true;
        }
    }
}

// An element or attribute name of the subset (ASCII, no ':'), or "" when there is none here.
template <char Usual = '\0'>
BARNETSLOV_INLINE std::string_view name(Cursor& c) {
    const char* s = c.p;
    if (!name_start(*s)) return {};
    c.p = name_end<Usual>(s + 1);
    // Told again, past name_end's opaque end: a name found is not empty (its callers' tests go).
    if (c.p <= s) __builtin_unreachable();
    return {s, std::size_t(c.p - s)};
}

// Names beginning with "xml" in any case, which XML reserves and the walk treats as namespace
// declarations (xmlns) or foreign attributes (xml:...): given up on, except where root() takes them.
BARNETSLOV_INLINE bool reserved(std::string_view name) {
    // The first byte first: it is in a register already, and most names are 3 bytes or more. The
    // others are read again through a pointer GCC cannot see through: knowing the second from the
    // name's loop, it stored it on the stack for this test at every attribute.
    if ((name[0] | 0x20) != 'x' || name.size() < 3) return false;
    const char* rest = name.data();
    __asm__("" : "+r"(rest));
    return (rest[1] | 0x20) == 'm' && (rest[2] | 0x20) == 'l';
}

// Whether the name about to be read at `p` begins with "xml" in any case, as reserved() says of
// it once read: 'm' and 'l' are name characters, so these bytes are the name's when they match
// (the padding lets the two after the text's last byte be read).
BARNETSLOV_INLINE bool reserved_at(const char* p) {
    return (p[0] | 0x20) == 'x' && (p[1] | 0x20) == 'm' && (p[2] | 0x20) == 'l';
}

// At "<!" or "<?" between elements: past the comment or processing instruction, or nothing.
// Out of line, rare in a case file; the cursor goes by value, so that its address (and with it
// the loops' registers) is not handed to a call.
[[gnu::noinline]] std::optional<Cursor> comment_or_pi(Cursor c) {
    const char* const from = c.p;
    if (at_bytes(c.p, "<!--")) {
        for (c.p += 4;; ++c.p) {
            if (*c.p == '\0') return {};
            if (c.p[0] == '-' && c.p[1] == '-') {
                if (c.p[2] != '>') return {};
                c.p += 3;
                break;
            }
            if (!count(c, c.p)) return {};
        }
    } else if (c.p[0] == '<' && c.p[1] == '?') {
        c.p += 2;
        const std::string_view target = name(c);
        if (target.empty() || reserved(target) || (*c.p != '?' && *c.p != ' ' && *c.p != '\t' && *c.p != '\n' && *c.p != '\r')) return {};
        for (;; ++c.p) {
            if (*c.p == '\0') return {};
            if (c.p[0] == '?' && c.p[1] == '>') {
                c.p += 2;
                break;
            }
            if (!count(c, c.p)) return {};
        }
    } else {
        return {};  // "<!" other than a comment: DOCTYPE, CDATA, or not XML
    }
    if (!valid_utf8({from, std::size_t(c.p - from)})) return {};  // see value_rest
    return c;
}

// White space, comments and processing instructions, which pugixml drops (the loader asks for
// neither). What lexical_problem would refuse is given up on: "--" inside a comment (and so a
// comment that ends in "--->" or not at all), a target outside the subset's names or beginning
// with "xml" in any case, and the characters count() refuses.
BARNETSLOV_INLINE bool misc(Cursor& c) {
    for (;;) {
        if (!space(c)) return false;
        // A tag's name first: the one test most calls take.
        if (c.p[0] != '<' || name_start(c.p[1]) || (c.p[1] != '!' && c.p[1] != '?')) return true;
        const std::optional<Cursor> past = comment_or_pi(c);
        if (!past) return false;
        c = *past;
    }
}

// ---- tags ----

// The end of a value from `q` on, byte by byte (its closing `Quote`, or null as value_end says),
// with the UTF-8 continuation bytes before it. Out of line: only values with a character above
// U+007F, or that are given up on, come here, and the loop of value_end keeps its registers.
// The bytes from `q` on must be UTF-8: the loader checks the whole file only when the scanner
// gives up, so the scanner checks the values and comments that hold bytes above 0x7F, the only
// places its subset lets them be (and value_end sends every such value here).
struct ValueRest {
    const char* end;
    std::size_t continuations;
};
template <char Quote>
[[gnu::noinline]] ValueRest value_rest(const char* q) {
    const char* const from = q;
    std::size_t continuations = 0;
    for (;; ++q) {
        const auto b = static_cast<unsigned char>(*q);
        // The bytes above 0x7F apart first: GCC had them go through all of ASCII's tests.
        if (b >= 0x80) {
            if (refused_above_ascii(q)) return {nullptr, continuations};
            continuations += b < 0xC0;
        } else if (b == static_cast<unsigned char>(Quote)) {
            return {valid_utf8({from, std::size_t(q - from)}) ? q : nullptr, continuations};
        } else if (b == '&' || b == '<' || b < 0x20 || b == 0x7F) {
            return {nullptr, continuations};
        }
    }
}

// Where the value starting at c.p ends (its closing `Quote`), or null when it holds anything
// pugixml would rewrite (a reference, tab, CR, LF) or refuse ('<', the end of the text).
template <char Quote>
BARNETSLOV_INLINE const char* value_end(Cursor& c) {
    const char* q = c.p;
#if defined(__SSE2__)
    // 16 bytes at a time to the first byte that needs a look: the quote or '&' in one test ('"' | 4
    // and '&' | 4 are '&', '\'' | 1 and '&' | 1 are '\''), '<', and the bytes outside ' '-'~' (+ 0x60
    // puts those above 0xDE, signed): the NUL at the end, the control characters and DEL, which
    // lexical_problem refuses, and the bytes of characters above U+007F. Nearly always the quote.
    // The constants are read from memory through a pointer GCC cannot see through, once for
    // each block: as constants, it kept them in registers across the attribute loop and loaded
    // them again after every builder call, five instructions an attribute; with the pointer made
    // opaque once, before the loop, it still loaded all five into registers for the loop (and
    // copied two), where read from memory each time they are operands, and it kept the address
    // in a register across the builder's calls, which the asm's `lea` in the loop stops (issue
    // 20, session 34).
    constexpr char fold = Quote == '"' ? 4 : 1;
    alignas(16) static constexpr char constants[5][16] = {BARNETSLOV_16(fold), BARNETSLOV_16(char(Quote | fold)), BARNETSLOV_16('<'),
                                                          BARNETSLOV_16(0x60), BARNETSLOV_16(char(0xDE))};
    // The loop stops at the NUL after the text at the latest, so it reads up to 15 bytes past it: inside the padding.
    static_assert(scan_padding >= 16, "the value scan reads 16 bytes at a time up to the NUL after the text");
    for (;; q += 16) {
        const __m128i* k;
        __asm__ volatile("lea %1, %0" : "=r"(k) : "m"(constants));
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_load_si128(k)), _mm_load_si128(k + 1)), _mm_cmpeq_epi8(v, _mm_load_si128(k + 2))),
                         _mm_cmpgt_epi8(_mm_add_epi8(v, _mm_load_si128(k + 3)), _mm_load_si128(k + 4)));
        if (const unsigned bits = unsigned(_mm_movemask_epi8(hits))) {
            q += lowest_bit(bits);
            if (*q == Quote) return q;
            break;
        }
    }
#endif
    const ValueRest rest = value_rest<Quote>(q);
    c.column_base += rest.continuations;
    return rest.end;
}

// The rest of a start tag after its name: `give(name, value, location, prefixed)` for each
// attribute, false to give up. `empty` tells an empty-element tag (/>) from a start tag (>).
// Prefixed names are taken only where `Prefixes` says so (the root), and given up on at once
// elsewhere, before their value is read; so are names beginning with "xml" (reserved()), which
// elsewhere the usual path never meets: its test of the first byte is the one that leaves out
// 'x' and 'X' (a test of the name after the value was ~4 instructions an attribute; issue 20,
// session 36).
template <bool Prefixes, class Give>
BARNETSLOV_INLINE bool attributes(Cursor& c, Give give, bool& empty) {
    for (;;) {
        // The usual one space before the next attribute's name, in one test.
        if (c.p[0] == ' ' && (Prefixes ? name_start(c.p[1]) : name_start_not_x(c.p[1]))) {
            ++c.p;
        } else {
            const char* before = c.p;
            if (!space(c)) return false;
            if (*c.p == '/') {
                if (c.p[1] != '>') return false;
                c.p += 2;
                empty = true;
                return true;
            }
            if (*c.p == '>') {
                ++c.p;
                empty = false;
                return true;
            }
            if (c.p == before) return false;  // no white space before the attribute
            if (!Prefixes && reserved_at(c.p)) return false;
        }
        const SourceLocation where = c.at();
        std::string_view name = barnetslov::xml::name<'='>(c);
        if (name.empty()) return false;
        // A prefixed name: only the root's xmlns:xsi and xsi:schemaLocation (see root()).
        bool prefixed = false;
        if (*c.p == ':') {
            if (!Prefixes) return false;
            prefixed = true;
            const char* s = name.data();
            ++c.p;
            if (barnetslov::xml::name(c).empty()) return false;
            name = {s, std::size_t(c.p - s)};
        }
        if (c.p[0] != '=') return false;
        const char* value = c.p + 2;
        c.p = value;
        const char* close = c.p[-1] == '"' ? value_end<'"'>(c) : c.p[-1] == '\'' ? value_end<'\''>(c) : nullptr;
        if (!close) return false;
        c.p = close + 1;
        if (!give(name, std::string_view(value, std::size_t(close - value)), where, prefixed)) return false;
    }
}

// An element of the vocabulary: an empty-element tag whose attributes go to `give` (the
// builder's call for its kind, or one that drops them). attributes<false> has given up on
// prefixed and reserved names.
template <class Give>
BARNETSLOV_INLINE bool leaf(Cursor& c, Give give) {
    bool empty = false;
    const bool ok = attributes<false>(
        c, [&](std::string_view name, std::string_view value, SourceLocation where, bool) { return give(name, value, where); }, empty);
    return ok && empty;
}

template <std::size_t N>
BARNETSLOV_INLINE bool end_tag(Cursor& c, const char (&tag)[N]) {  // "</events>"
    if (!at_bytes(c.p, tag)) return false;
    c.p += N - 1;
    return true;
}

// An element read to its end on the copy `c`: the caller's cursor `at` moved past it.
BARNETSLOV_INLINE bool taken(Cursor& at, const Cursor& c) {
    at = c;
    return true;
}

class Scanner {
public:
    Scanner(std::string_view text, std::size_t start, CaseBuilder& builder, const Limits& limits)
        : start_(text.data() + start), end_(text.data() + text.size()), builder_(builder), limits_(limits) {}

    bool run() {
        // The vocabulary's three levels (case, events, an event) must be within the limit.
        if (limits_.max_depth < 3) return false;
        Cursor c{start_, start_};
        if (at_bytes(c.p, "<?xml") && (c.p[5] == ' ' || c.p[5] == '\t' || c.p[5] == '\n' || c.p[5] == '\r') && !declaration(c))
            return false;
        if (!misc(c) || *c.p != '<' || !root(c) || !misc(c)) return false;
        return c.p == end_;
    }

private:
    // The declaration: lexical_problem has not looked at the file (it runs only when this scanner
    // gives up), so only the two declarations case files are written with are taken here, as
    // they stand; any other, well-formed or not, is left to it and pugixml.
    bool declaration(Cursor& c) const {
        for (const std::string_view d : {std::string_view(R"(<?xml version="1.0" encoding="UTF-8"?>)"), std::string_view(R"(<?xml version="1.0"?>)")})
            if (std::size_t(end_ - c.p) >= d.size() && std::memcmp(c.p, d.data(), d.size()) == 0) {
                c.p += d.size();
                return true;
            }
        return false;
    }

    // ---- the vocabulary ----

    // The root element from its '<': `at` is moved past it when it is taken. The work is done on
    // a copy, whose address no call sees (see Cursor).
    [[gnu::noinline]] bool root(Cursor& at) {
        Cursor c = at;
        ++c.p;
        if (name(c) != "case") return false;
        // The walk checks the namespace declarations before it hands over any attribute: the
        // root's are kept until its start tag has been read, in room left uninitialised
        // (string_views' zeroing of all 16 was a `rep stos` of 640 bytes a file).
        struct Attribute {
            const char* name;
            const char* value;
            std::size_t name_size, value_size;
            std::uint32_t line, column;  // not a SourceLocation, whose members are initialised
        };
        std::array<Attribute, 16> kept;
        std::size_t n = 0;
        bool xmlns = false, xsi = false, schema_location = false, empty = false;
        const bool ok = attributes<true>(
            c,
            [&](std::string_view name, std::string_view value, SourceLocation where, bool prefixed) {
                if (name == "xmlns") {
                    if (xmlns || value != case_ns) return false;
                    xmlns = true;
                } else if (name == "xmlns:xsi") {
                    if (xsi || value != xsi_ns) return false;
                    xsi = true;
                } else if (name == "xsi:schemaLocation") {
                    if (schema_location) return false;
                    schema_location = true;
                } else if (prefixed || reserved(name) || n == kept.size()) {
                    return false;
                } else {
                    kept[n++] = {name.data(), value.data(), name.size(), value.size(), where.line, where.column};
                }
                return true;
            },
            empty);
        if (!ok || !xmlns || (schema_location && !xsi)) return false;
        for (std::size_t i = 0; i < n; ++i)
            builder_.case_attribute({kept[i].name, kept[i].name_size}, {kept[i].value, kept[i].value_size}, {kept[i].line, kept[i].column});
        if (empty) return taken(at, c);

        // The XSD's sequence: one child, then any party and sibling, then at most one events;
        // anything out of order the walk reports, and so it is left to it.
        bool child = false, people = false, events = false;
        for (;;) {
            if (!misc(c) || *c.p != '<') return false;
            if (c.p[1] == '/') return end_tag(c, "</case>") && taken(at, c);
            const SourceLocation where = c.at();
            ++c.p;
            const std::string_view element = name(c);
            if (element == "child") {
                if (child || people || events) return false;
                child = true;
                builder_.begin_child(where);
                if (!leaf(c, [&](std::string_view a, std::string_view v, SourceLocation w) { return builder_.child_attribute(a, v, w), true; }))
                    return false;
            } else if (element == "party" || element == "sibling") {
                if (events) return false;
                people = true;
                builder_.begin_person(element, where);
                if (!leaf(c, [&](std::string_view a, std::string_view v, SourceLocation w) { return builder_.person_attribute(a, v, w), true; }))
                    return false;
            } else if (element == "events") {
                if (events) return false;
                events = true;
                handed_ = c;
                if (!walk_events()) return false;
                c = handed_;
            } else {
                return false;
            }
        }
    }

    // The events element after its name, from handed_, which is moved past it when it is taken
    // (see root()).
    [[gnu::noinline]] bool walk_events() {
        Cursor c = handed_;
        CaseBuilder& builder = builder_;
        bool empty = false;
        if (!attributes<false>(c, [](std::string_view, std::string_view, SourceLocation, bool) { return false; }, empty)) return false;
        // Room for the events, estimated from the bytes left: only the builder's capacities depend
        // on it, and an event that does not fit grows them. A 96th is about the generated corpora's
        // median of bytes a '<' (their tightest file has 40.7); a denser file grows the blocks, and
        // with the blocks a case leaves on the thread (Case::Spare) a batch pays for that once. A
        // 32nd, room for nearly every file, made the builder zero more room than it saved; counting
        // the '<' to the file's end was ~0.6 k instructions a file (issue 20, session 36).
        constexpr std::size_t event_bytes = 96;
        detail::BuilderAccess::reserve_events(builder, empty ? 0 : std::size_t(end_ - c.p) / event_bytes);
        if (empty) {
            handed_ = c;
            return true;
        }
        for (;;) {
            if (!misc(c) || *c.p != '<') return false;
            if (c.p[1] == '/') {
                if (!end_tag(c, "</events>")) return false;
                handed_ = c;
                return true;
            }
            const SourceLocation where = c.at();
            ++c.p;
            const std::string_view element = name(c);
            if (element.empty()) return false;
            if (builder.begin_event(element, where)) {
                if (!leaf(c, [&](std::string_view a, std::string_view v, SourceLocation w) { return builder.event_attribute(a, v, w), true; }))
                    return false;
            } else {
                // The walk stops at the limit; the rest of the file is left to it.
                if (builder.event_count() > limits_.max_events) return false;
                if (!leaf(c, [](std::string_view, std::string_view, SourceLocation) { return true; })) return false;
            }
        }
    }

    const char* const start_;
    const char* const end_;
    CaseBuilder& builder_;
    const Limits& limits_;
    // The cursor handed to walk_events and back: a pointer to root()'s, as an argument, had a
    // register of its own through the whole events' loop, which the position then lacked and
    // was stored and loaded around each builder call; `this` is on the stack anyway.
    Cursor handed_{};
};

#undef BARNETSLOV_INLINE
#undef BARNETSLOV_16

}  // namespace

bool load_direct(std::string_view text, std::size_t start, CaseBuilder& builder, const Limits& limits) {
    return Scanner(text, start, builder, limits).run();
}

}  // namespace barnetslov::xml
