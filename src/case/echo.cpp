// The CPR detector, the escaper and the markup escaper of include/barnetslov/echo.hpp.
//
// Unicode without a Unicode library: the detector needs to know, of a character, only whether it
// is a digit (and which), a letter, invisible, or anything else; a handful of small tables below
// answer that (Unicode 14). ICU (libicu72 in Debian 12) would answer it too, at the price of a
// 30 MB dependency for every user of an embeddable library, and its full NFKC would change
// nothing the detector looks at: NFKC maps fullwidth and other compatibility digits to ASCII
// digits (the tables do that) and compatibility spaces and dashes to other spaces and dashes,
// which are separators either way.
#include "barnetslov/echo.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "barnetslov/calendar.hpp"
#include "case/echo_detail.hpp"

namespace barnetslov {

namespace {

struct Range {
    char32_t first, last;
};

template <std::size_t N>
bool in(const Range (&table)[N], char32_t cp) {
    const auto it = std::upper_bound(std::begin(table), std::end(table), cp, [](char32_t c, const Range& r) { return c < r.first; });
    return it != std::begin(table) && cp <= std::prev(it)->last;
}

// The zero of each block of ten decimal digits (general category Nd, Unicode 14): ASCII,
// Arabic-Indic, Devanagari, ..., fullwidth (U+FF10), mathematical (U+1D7CE-U+1D7FF), segmented
// (U+1FBF0). Every block is ten consecutive code points from its zero.
constexpr char32_t digit_zeros[] = {
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
    0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
    0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
    0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

// Characters that are not Nd but that NFKC maps to one ASCII digit: ² ³ ¹ ⁰ ⁴-⁹ ₀-₉ ①-⑨ ⓪.
// (Those it maps to several characters, ⑩ "10" or ⒈ "1.", are left out: no one writes a CPR
// number with them, and they count as separators.)
struct CompatDigits {
    char32_t first, last;
    int value_of_first;
};
constexpr CompatDigits compat_digits[] = {{0xB2, 0xB3, 2},     {0xB9, 0xB9, 1},     {0x2070, 0x2070, 0}, {0x2074, 0x2079, 4},
                                          {0x2080, 0x2089, 0}, {0x2460, 0x2468, 1}, {0x24EA, 0x24EA, 0}};

// Removed before matching: default-ignorable code points (soft hyphen, Hangul fillers, Mongolian
// selectors, zero-width space and joiners, LRM/RLM, bidi embeddings and isolates, word joiner and
// invisible operators, variation selectors, BOM, tags) and combining marks (diacritics, the
// combining marks for symbols such as the keycap U+20E3, half marks).
constexpr Range ignorables[] = {
    {0x00AD, 0x00AD},   {0x0300, 0x036F},   {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180F},
    {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x20D0, 0x20FF},
    {0x3164, 0x3164},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

// Shown escaped, never raw: C1 controls, invisible format characters and the line and paragraph
// separators (a terminal or an editor may break a line or reorder the text at them).
constexpr Range escaped_format[] = {{0x0080, 0x009F}, {0x00AD, 0x00AD}, {0x061C, 0x061C}, {0x180E, 0x180E},
                                    {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x206F}, {0xFEFF, 0xFEFF},
                                    {0xFFF9, 0xFFFB}, {0xE0000, 0xE007F}};

// Letters beyond ASCII: Latin-1 and Latin Extended (æ ø å among them), IPA, Greek, Cyrillic,
// Latin Extended Additional and Greek Extended, Latin Extended-C/-D/-E, Latin ligatures,
// fullwidth Latin letters and the mathematical letters (which NFKC maps to Latin and Greek).
constexpr Range letters[] = {
    {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},   {0x00C0, 0x00D6},   {0x00D8, 0x00F6}, {0x00F8, 0x02AF},
    {0x0370, 0x0373}, {0x0376, 0x0377}, {0x037A, 0x037D},   {0x037F, 0x037F},   {0x0386, 0x0386}, {0x0388, 0x03F5},
    {0x03F7, 0x0481}, {0x048A, 0x052F}, {0x1E00, 0x1FBC},   {0x2C60, 0x2C7F},   {0xA722, 0xA7FF}, {0xAB30, 0xAB6F},
    {0xFB00, 0xFB06}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},   {0x1D400, 0x1D7CB}};

enum class Kind : std::uint8_t { digit, letter, separator, ignorable };

// One character of the text: a character reference (when `refs`), a UTF-8 character, or one byte
// that is not UTF-8 (`cp` is then the byte and `valid` false).
struct Unit {
    char32_t cp = 0;
    std::size_t begin = 0, end = 0;
    bool valid = true;
    bool reference = false;
};

// A character reference at s[i] == '&': &#DDD; &#xHHH; or one of XML's five named entities.
bool reference_at(std::string_view s, std::size_t i, Unit& u) {
    std::size_t j = i + 1;
    char32_t cp = 0;
    if (j < s.size() && s[j] == '#') {
        ++j;
        const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        const std::size_t digits_from = j;
        for (; j < s.size() && j - digits_from < 10; ++j) {
            const char c = s[j];
            int v;
            if (c >= '0' && c <= '9') v = c - '0';
            else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
            else break;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
            if (cp > 0x10FFFF) return false;
        }
        if (j == digits_from || j >= s.size() || s[j] != ';' || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        ++j;
    } else {
        static constexpr std::pair<std::string_view, char32_t> named[] = {
            {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
        const auto it = std::find_if(std::begin(named), std::end(named), [&](const auto& n) { return s.substr(j, n.first.size()) == n.first; });
        if (it == std::end(named)) return false;
        cp = it->second;
        j += it->first.size();
    }
    u = Unit{cp, i, j, true, true};
    return true;
}

Unit unit_at(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned c = p[i];
    if (c < 0x80) {
        Unit u;
        if (c == '&' && reference_at(s, i, u)) return u;
        return Unit{c, i, i + 1, true, false};
    }
    std::size_t len = 0;
    unsigned min = 0;
    if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
    const Unit bad{c, i, i + 1, false, false};
    if (len == 0 || i + len > s.size()) return bad;
    char32_t cp = c & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
        if ((p[i + k] & 0xC0) != 0x80) return bad;
        cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;
    return Unit{cp, i, i + len, true, false};
}

// The digit a character stands for, or -1.
int digit_value(char32_t cp) {
    if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
    const auto z = std::upper_bound(std::begin(digit_zeros), std::end(digit_zeros), cp);
    if (z != std::begin(digit_zeros) && cp - *std::prev(z) < 10) return static_cast<int>(cp - *std::prev(z));
    for (const CompatDigits& d : compat_digits)
        if (cp >= d.first && cp <= d.last) return d.value_of_first + static_cast<int>(cp - d.first);
    return -1;
}

Kind kind_of(const Unit& u, int& digit) {
    digit = -1;
    if (!u.valid) return Kind::separator;
    const char32_t cp = u.cp;
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') {
            digit = static_cast<int>(cp - '0');
            return Kind::digit;
        }
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ? Kind::letter : Kind::separator;
    }
    if ((digit = digit_value(cp)) >= 0) return Kind::digit;
    if (in(ignorables, cp)) return Kind::ignorable;
    return in(letters, cp) ? Kind::letter : Kind::separator;
}

// Whether DDMMYY + SSSS is a date under the CPR century rule (law README).
bool real_date(const char (&digits)[10]) {
    return birth_date_from_cpr(std::string_view(digits, 10)).error == CprError::none;
}

// Whether `s` could hold a CPR number at all: ten characters or more that could be digits (ASCII
// digits, every character beyond ASCII, every '&' as a reference may stand for one: a reference's
// own digits are no bound, as &#xBEA; is a Tamil digit written in letters), and six ASCII digits
// in a row unless a character beyond ASCII or a '&' could be one. Nearly
// every value (an id, a date, an enumeration, a name in Danish) is not, and is looked at once.
bool may_hold_digits(std::string_view s) {
    if (s.size() < 10) return false;
    std::size_t digits = 0, run = 0;
    bool six = false, special = false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            special = true;
            digits += (c & 0xC0) != 0x80;  // a character, not a continuation byte
        } else if (c >= '0' && c <= '9') {
            ++digits;
            six = six || ++run >= 6;
        } else {
            if (c == '&') special = true, ++digits;
            run = 0;
        }
    }
    return digits >= 10 && (six || special);
}

// How a span of digits relates to a CPR number: it is one (find_cpr), it holds one (inside a
// longer run of digits, or with three separators: masked in names), or it only has the shape of
// one, whatever its date (masked in messages).
enum class Level : std::uint8_t { shaped, holds, cpr };

// Calls on_span(begin, end, level) for every span of `s` that is a CPR number or may hold one;
// stops when on_span returns false.
template <class OnSpan>
void scan(std::string_view s, OnSpan&& on_span) {
    struct Run {
        std::size_t begin = 0, end = 0, length = 0;
        char digits[64] = {};  // its first 64
        char last6[6] = {};    // its last six
    };
    // Whether ten digits in a row of the run form a CPR number's date; a run too long to look at
    // whole is taken to hold one.
    auto window_with_date = [](const Run& r) {
        if (r.length > std::size(r.digits)) return true;
        for (std::size_t i = 0; i + 10 <= r.length; ++i) {
            char ten[10];
            std::copy_n(r.digits + i, 10, ten);
            if (real_date(ten)) return true;
        }
        return false;
    };
    Run prev, cur;
    bool have_prev = false, in_run = false, letter_between = false;
    int separators = 0;
    // Called when `cur` ends; false to stop.
    auto close_run = [&]() -> bool {
        bool go = true;
        if (cur.length >= 10) {
            Level level = Level::shaped;
            if (cur.length == 10) level = window_with_date(cur) ? Level::cpr : Level::shaped;
            else if (window_with_date(cur)) level = Level::holds;
            go = on_span(cur.begin, cur.end, level);
        }
        if (go && have_prev && !letter_between && separators >= 1 && separators <= 3 && prev.length >= 6 && cur.length >= 4) {
            char ten[10];
            std::copy_n(prev.last6, 6, ten);
            std::copy_n(cur.digits, 4, ten + 6);
            Level level = Level::shaped;
            if (real_date(ten)) level = prev.length == 6 && cur.length == 4 && separators <= 2 ? Level::cpr : Level::holds;
            go = on_span(prev.begin, cur.end, level);
        }
        prev = cur;
        have_prev = true;
        separators = 0;
        letter_between = false;
        return go;
    };
    for (std::size_t i = 0; i < s.size();) {
        const Unit u = unit_at(s, i);
        i = u.end;
        int digit = -1;
        const Kind kind = kind_of(u, digit);
        switch (kind) {
            case Kind::ignorable: break;
            case Kind::digit: {
                if (!in_run) cur.begin = u.begin, cur.length = 0, in_run = true;
                const char c = static_cast<char>('0' + digit);
                if (cur.length < std::size(cur.digits)) cur.digits[cur.length] = c;
                std::memmove(cur.last6, cur.last6 + 1, 5);
                cur.last6[5] = c;
                ++cur.length;
                cur.end = u.end;
                break;
            }
            case Kind::letter:
            case Kind::separator:
                if (in_run) {
                    in_run = false;
                    if (!close_run()) return;
                }
                if (kind == Kind::letter) letter_between = true;
                else ++separators;
                break;
        }
    }
    if (in_run) close_run();
}

// The spans to mask in `s` (echo.hpp), from `least` up, merged and in order.
std::vector<CprSpan> mask_spans(std::string_view s, Level least) {
    std::vector<CprSpan> spans;
    if (!may_hold_digits(s)) return spans;
    scan(s, [&](std::size_t begin, std::size_t end, Level level) {
        if (level < least) return true;
        if (!spans.empty() && begin <= spans.back().end) spans.back().end = std::max(spans.back().end, end);
        else spans.push_back({begin, end});
        return true;
    });
    return spans;
}

void append_hex(std::string& out, const char* prefix, char32_t v, int digits) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += prefix;
    for (int k = digits - 1; k >= 0; --k) out += hex[(v >> (4 * k)) & 0xF];
}

constexpr bool plain_byte(char c) { return c >= 0x20 && c < 0x7F; }

bool plain_ascii(std::string_view s) { return std::all_of(s.begin(), s.end(), plain_byte); }

// Appends `s` escaped and, inside `spans`, with digits as '#'; stops before the first character
// that starts at or after `max` bytes. Returns whether it stopped early.
bool render(std::string& out, std::string_view s, const std::vector<CprSpan>& spans, std::size_t max) {
    auto span = spans.begin();
    for (std::size_t i = 0; i < s.size();) {
        if (i >= max) return true;
        const Unit u = unit_at(s, i);
        i = u.end;
        while (span != spans.end() && span->end <= u.begin) ++span;
        int digit = -1;
        if (span != spans.end() && u.begin >= span->begin && kind_of(u, digit) == Kind::digit) {
            out += '#';
        } else if (!u.valid) {
            append_hex(out, "\\x", u.cp, 2);
        } else if (u.reference) {
            out.append(s.substr(u.begin, u.end - u.begin));  // as written: "&#10;" is no line feed
        } else if (u.cp < 0x20 || u.cp == 0x7F) {
            append_hex(out, "\\x", u.cp, 2);
        } else if (u.cp >= 0x80 && in(escaped_format, u.cp)) {
            if (u.cp > 0xFFFF) append_hex(out, "\\U", u.cp, 8);
            else append_hex(out, "\\u", u.cp, 4);
        } else {
            out.append(s.substr(u.begin, u.end - u.begin));
        }
    }
    return false;
}

// Eight bytes at a time (little-endian words; the tests below say false on a big-endian machine).
constexpr std::uint64_t word_ones = 0x0101010101010101u, word_highs = 0x8080808080808080u;

// The high bit of each byte of `w` (every byte below 0x80) that is an ASCII digit: b + 0x50 has
// its high bit iff b >= '0', b + 0x46 iff b > '9' (no carry into the next byte).
constexpr std::uint64_t digit_flags(std::uint64_t w) {
    return (w + 0x50 * word_ones) & ~(w + 0x46 * word_ones) & word_highs;
}

// How many bytes have their high bit in `flags` (only high bits set): by a multiply, not a
// popcount, which without -mpopcnt is a call.
constexpr std::size_t count_flags(std::uint64_t flags) { return static_cast<std::size_t>(((flags >> 7) * word_ones) >> 56); }

// Whether `w` (every byte below 0x80) holds a '&' (a reference, which may stand for a digit:
// may_hold_digits counts it as one): a zero byte of w ^ '&'s, by the borrow test (exact as to whether any).
constexpr std::uint64_t amps_in(std::uint64_t w) {
    const std::uint64_t x = w ^ (0x26 * word_ones);
    return (x - word_ones) & ~x & word_highs;
}

// Calls look(w, valid) for each eight bytes of `s` (at least 8 bytes) in order, as a word w whose
// bytes under `valid` (their high bits) are the text's next ones: the last n % 8 bytes as the low
// bytes of the word that ends the text (its first bytes, already looked at, shifted out; zeros above).
template <class Look>
void for_each_word(std::string_view s, Look&& look) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::uint64_t w;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::memcpy(&w, p + i, 8);
        look(w, word_highs);
    }
    if (i < n) {
        std::memcpy(&w, p + n - 8, 8);
        look(w >> 8 * (8 - (n - i)), word_highs >> 8 * (8 - (n - i)));
    }
}

// Whether `s` (at least 8 bytes) is ASCII without a '&' and with fewer than ten ASCII digits, read
// eight bytes at a time: then may_hold_digits is false (it counts ASCII digits, '&'s and
// characters beyond ASCII, and there are fewer than ten). Most values the detector sees are such
// (a caseworker pseudonym "rg0461.1.05", a label, an id); may_hold_digits' loop per byte was ~9
// instructions a byte (issue 20, session 28). False says nothing: the exact test follows. Byte order matters for the last, overlapping
// word, so on a big-endian machine this always says false.
bool ascii_with_few_digits(std::string_view s) {
    if constexpr (std::endian::native != std::endian::little) {
        return false;
    } else {
        std::size_t digits = 0;
        std::uint64_t high = 0, amp = 0;
        for_each_word(s, [&](std::uint64_t w, std::uint64_t) {
            high |= w;
            amp |= amps_in(w & ~word_highs);
            digits += count_flags(digit_flags(w & ~word_highs));
        });
        return (high & word_highs) == 0 && amp == 0 && digits < 10;
    }
}

// Whether `s` (at least 8 bytes) is printable ASCII (plain_ascii) in which may_hold_digits finds
// nothing: no '&', and fewer than ten ASCII digits or no six of them in a row. Then shown() shows
// it as it is. A file's path in a batch is such ("corpus-10000/case-00001.xml": ten digits, no six
// in a row), and the exact test took ~1.2 k instructions a file (issue 20, session 33). False
// says nothing: the exact test follows.
bool printable_without_cpr_shape(std::string_view s) {
    if constexpr (std::endian::native != std::endian::little) {
        return false;
    } else {
        std::size_t digits = 0, run = 0;  // run: the ASCII digits that end the bytes looked at
        std::uint64_t bad = 0;            // a byte not printable ASCII, or a '&'
        bool six = false;
        for_each_word(s, [&](std::uint64_t w, std::uint64_t valid) {
            const std::uint64_t low = w & ~word_highs;
            // 0x20 <= b < 0x7F: b + 0x60 has its high bit iff b >= 0x20, b + 0x01 iff b >= 0x7F.
            const std::uint64_t printable = (low + 0x60 * word_ones) & ~(low + word_ones) & ~w & word_highs;
            bad |= (valid & ~printable) | amps_in(low);
            const std::uint64_t d = digit_flags(low);  // zeros above `valid` are no digits
            digits += count_flags(d);
            const std::uint64_t two = d & d >> 8, four = two & two >> 16;
            six = six || (four & two >> 32) != 0 || run + std::countr_zero(~d & word_highs) / 8 >= 6;
            run = d == word_highs ? run + 8 : static_cast<std::size_t>(std::countl_zero(~d & word_highs) / 8);
        });
        return bad == 0 && (digits < 10 || !six);
    }
}

}  // namespace

namespace {

// find_cpr past its first test: the exact one, then the scan. A function of its own (not inlined,
// where the compiler allows saying so) so that find_cpr's common answer, none, is a few
// instructions without this one's frame (issue 20, session 28).
#if defined(__GNUC__)
[[gnu::noinline]]
#endif
std::optional<CprSpan> find_cpr_exact(std::string_view s) {
    std::optional<CprSpan> found;
    if (!may_hold_digits(s)) return found;
    scan(s, [&](std::size_t begin, std::size_t end, Level level) {
        if (level == Level::cpr) found = CprSpan{begin, end};
        return level != Level::cpr;
    });
    return found;
}

}  // namespace

std::optional<CprSpan> find_cpr(std::string_view s) {
    // What may_hold_digits would refuse, refused cheaply first: a short value, or ASCII with few digits.
    if (s.size() < 10 || ascii_with_few_digits(s)) return std::nullopt;
    return find_cpr_exact(s);
}

void append_printable(std::string& out, std::string_view s) {
    // Printable ASCII goes as it is, a run at a time: only the other bytes go through render, a unit at a
    // time ("Aarhus Børn og Unge Nord", a unit's name in half the files, was ~1,000 instructions that
    // way). No unit render sees crosses a run's edge: a reference is ASCII, the rest is one byte or bytes >= 0x80.
    if (plain_ascii(s)) {  // nearly every value: one append
        out += s;
        return;
    }
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = i;
        while (j < s.size() && plain_byte(s[j])) ++j;
        out.append(s.data() + i, j - i);
        for (i = j; j < s.size() && !plain_byte(s[j]);) ++j;
        if (j != i) render(out, s.substr(i, j - i), {}, std::string_view::npos);
        i = j;
    }
}

std::string printable(std::string_view s) {
    std::string out;
    append_printable(out, s);
    return out;
}

namespace {

// `s` escaped and masked from `least` up, at most `max` bytes of it. Masked again once escaped:
// an escape is digits too, and "\x01" before "50610-4321" would read as a CPR number.
std::string shown_exact(std::string_view s, Level least, std::size_t max) {
    const std::vector<CprSpan> spans = mask_spans(s, least);
    if (spans.empty() && s.size() <= max && plain_ascii(s)) return std::string(s);
    std::string out;
    out.reserve(std::min(s.size(), max) + 3);
    const bool cut = render(out, s, spans, max);
    if (const std::vector<CprSpan> again = mask_spans(out, least); !again.empty()) {
        std::string twice;
        twice.reserve(out.size());
        render(twice, out, again, std::string_view::npos);
        out = std::move(twice);
    }
    if (cut) out += "...";
    return out;
}

// shown_exact, and first what it would show as it is, found cheaply: what mask_spans would find
// nothing in (may_hold_digits false), if printable ASCII. A file's path in a batch is shown once a
// file (issue 20, sessions 29 and 33).
std::string shown(std::string_view s, Level least, std::size_t max) {
    if (s.size() <= max && (s.size() < 8 ? plain_ascii(s) : printable_without_cpr_shape(s))) return std::string(s);
    return shown_exact(s, least, max);
}

}  // namespace

std::string detail::shown_name_exact(std::string_view s) { return shown_exact(s, Level::holds, std::string_view::npos); }

std::string detail::echo_exact(std::string_view v, std::size_t max) { return shown_exact(v, Level::shaped, max); }

std::string detail::printable_exact(std::string_view s) {
    std::string out;
    render(out, s, {}, std::string_view::npos);
    return out;
}

std::string shown_name(std::string_view s) { return shown(s, Level::holds, std::string_view::npos); }

std::string echo(std::string_view v, std::size_t max) { return shown(v, Level::shaped, max); }

std::string markup_escape(std::string_view raw, bool apostrophe) {
    const std::string s = printable(raw);
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'':
                if (apostrophe) {
                    out += "&#39;";
                    break;
                }
                [[fallthrough]];
            default: out += c;
        }
    }
    return out;
}

}  // namespace barnetslov
