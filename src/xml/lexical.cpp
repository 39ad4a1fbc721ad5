// One pass over the raw bytes of a case file, before pugixml parses them (see lexical.hpp).
//
// A state machine over the markup: text, tags, attribute values, comments, processing
// instructions, CDATA sections. Each state skips bytes with a table of the bytes it must look at
// (its delimiters, '&', control characters and the lead bytes of C1 controls and of U+FFFE/U+FFFF);
// the text's terminating NUL is in every table, so no loop checks for the end. Where SSE2 is
// there (every x86-64), a whole tag is read 16 bytes at a time when nothing in it needs a look
// (tag_end_fast), and so is the indentation between tags: the pass costs about 2.3 instructions
// a byte of a case file, a fifth of pugixml's parse (bench/ANALYSIS.md).
#include "xml/lexical.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "barnetslov/echo.hpp"

namespace barnetslov::xml {

namespace {

using uchar = unsigned char;
using Table = std::array<bool, 256>;

// What every state stops at: the end (NUL), control characters other than tab, LF and CR, DEL,
// and 0xC2 / 0xEF, the lead bytes of U+0080-U+00BF and of U+F000-U+FFFF (C1, U+FFFE, U+FFFF).
constexpr bool always(unsigned c) {
    return c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xC2 || c == 0xEF;
}

constexpr Table stops(std::string_view extra) {
    Table t{};
    for (unsigned c = 0; c < 256; ++c) t[c] = always(c);
    for (const char ch : extra) t[static_cast<uchar>(ch)] = true;
    return t;
}

constexpr Table text_stops = stops("<&");
constexpr Table tag_stops = stops("\"'>");
constexpr Table dq_value_stops = stops("\"<&");
constexpr Table sq_value_stops = stops("'<&");
constexpr Table comment_stops = stops("-");
constexpr Table pi_stops = stops("?");
constexpr Table cdata_stops = stops("]");

// The first byte at or after `p` that `t` stops at (there is always one: the final NUL).
inline const uchar* skip(const uchar* p, const Table& t) {
    for (;; p += 4) {
        if (t[p[0]]) return p;
        if (t[p[1]]) return p + 1;
        if (t[p[2]]) return p + 2;
        if (t[p[3]]) return p + 3;
    }
}

// The same for the states most bytes are read in (text, tags, attribute values), whose tables
// stop at A, B, C and the bytes of `always`: 16 bytes at a time where SSE2 is there (x86-64),
// candidates first (the delimiters, DEL, and bytes below 0x20 or above 0x7F), then the table.
// Reads up to 15 bytes past the final NUL: the text must be padded (scan_padding).
template <char A, char B, char C>
inline const uchar* skip_fast(const uchar* p, const Table& t) {
#if defined(__SSE2__)
    const __m128i a = _mm_set1_epi8(A), b = _mm_set1_epi8(B), c = _mm_set1_epi8(C), del = _mm_set1_epi8(0x7F),
                  space = _mm_set1_epi8(0x20);
    for (;; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i delimiters = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)), _mm_cmpeq_epi8(v, c));
        // Signed: below 0x20, or 0x80 and above.
        const __m128i others = _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmplt_epi8(v, space));
        for (unsigned bits = unsigned(_mm_movemask_epi8(_mm_or_si128(delimiters, others))); bits; bits &= bits - 1) {
            const uchar* q = p + __builtin_ctz(bits);
            if (t[*q]) return q;
        }
    }
#else
    return skip(p, t);
#endif
}

#if defined(__SSE2__)
constexpr Table tag_fast_stops = stops("<&'");

// The end of a tag, after its '>', when nothing in it needs a closer look, else null: a tag with
// no '<', '&', '\'' or control character, no lead byte of C1 or U+FFFE/U+FFFF, and no '>' inside
// a "-quoted value (by the parity of the '"' before it). Nearly every tag of a case file is such
// a tag, read 16 bytes at a time without stopping at its quotes; the others are read by the
// states below (Scanner::tag), from the start. Reads up to 15 bytes past the final NUL.
inline const uchar* tag_end_fast(const uchar* p) {
    const __m128i two = _mm_set1_epi8(2), gt = _mm_set1_epi8('>'), one = _mm_set1_epi8(1), apos = _mm_set1_epi8('\''),
                  quot = _mm_set1_epi8('"'), x21 = _mm_set1_epi8(0x21);
    unsigned before = 0;  // the '"' of the blocks before, xor-ed: its parity is theirs
    for (;; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const unsigned quotes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quot)));
        // '<' or '>' (0x3C, 0x3E: | 2 is 0x3E), '&' or '\'' (0x26, 0x27: | 1 is 0x27), and below 0x20,
        // DEL or above (+ 1, signed, below 0x21).
        const __m128i angle = _mm_cmpeq_epi8(_mm_or_si128(v, two), gt), amp = _mm_cmpeq_epi8(_mm_or_si128(v, one), apos),
                      others = _mm_cmplt_epi8(_mm_add_epi8(v, one), x21);
        for (unsigned bits = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(angle, amp), others))); bits; bits &= bits - 1) {
            const unsigned i = unsigned(__builtin_ctz(bits));
            const uchar c = p[i];
            if (c == '>') return __builtin_parity(before ^ (quotes & ((1u << i) - 1))) == 0 ? p + i + 1 : nullptr;
            if (!tag_fast_stops[c]) continue;  // tab, LF, CR, a byte of a character above U+007F
            // U+0080-U+00BF but C1 controls, and U+F000-U+FFFF but U+FFFE and U+FFFF.
            if (c == 0xC2 ? p[i + 1] > 0x9F : c == 0xEF && !(p[i + 1] == 0xBF && p[i + 2] >= 0xBE)) continue;
            return nullptr;
        }
        before ^= quotes;
    }
}

// The first byte at or after `p` that is not ' ' or LF: the indentation between tags.
inline const uchar* indentation_end(const uchar* p) {
    const __m128i blank = _mm_set1_epi8(' '), lf = _mm_set1_epi8('\n');
    for (;; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const unsigned other = ~unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, blank), _mm_cmpeq_epi8(v, lf)))) & 0xFFFFu;
        if (other) return p + __builtin_ctz(other);
    }
}
#endif

constexpr bool space(uchar c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether the text at `p` begins with `s`; stops at the final NUL, which `s` never holds.
bool starts(const uchar* p, std::string_view s) {
    for (const char c : s)
        if (*p++ != static_cast<uchar>(c)) return false;
    return true;
}

// The code point at `p` (valid UTF-8) and its length.
char32_t decode(const uchar* p, std::size_t& len) {
    const uchar c = p[0];
    if (c < 0x80) return len = 1, c;
    if (c < 0xE0) return len = 2, char32_t((c & 0x1F) << 6 | (p[1] & 0x3F));
    if (c < 0xF0) return len = 3, char32_t((c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
    return len = 4, char32_t((c & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F));
}

bool name_start(char32_t c) {
    return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
           (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool name_char(char32_t c) {
    return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
           (c >= 0x203F && c <= 0x2040);
}

// A character XML 1.0 allows and a case file may hold (no DEL, no C1 control).
bool allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Why a code point is not allowed, for a message: "U+0000, which XML does not allow".
std::string why_not(char32_t c) {
    if (c > 0x10FFFF) return "a code point beyond U+10FFFF";
    if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) return fmt::format("control character U+{:04X}, which a case file may not contain", unsigned(c));
    if (c >= 0xD800 && c <= 0xDFFF) return fmt::format("U+{:04X}, a surrogate, which XML does not allow", unsigned(c));
    if (c < 0x20) return fmt::format("control character U+{:04X}, which XML does not allow", unsigned(c));
    return fmt::format("U+{:04X}, which is not a character", unsigned(c));
}

constexpr std::string_view not_wf = "not well-formed XML: ";

// The state a problem was found in, for the message: where in the file it is.
enum class In { text, tag, value, comment, pi, cdata };

class Scanner {
public:
    Scanner(std::string_view text, std::size_t start)
        : base_(reinterpret_cast<const uchar*>(text.data())), start_(base_ + start) {}

    std::optional<LexicalProblem> run() {
        const uchar* p = start_;
        bool declared = false;
        if (starts(p, "<?xml") && (space(p[5]) || p[5] == '?')) {
            p = declaration(p);
            if (!p) return std::move(problem_);
            declared = true;
        }
        // Before the root element only white space is text; text there is the first problem
        // when it comes first (pugixml's tree would show it, but after what follows is checked).
        bool prolog = true;
        for (;;) {
            const uchar* from = p;
#if defined(__SSE2__)
            p = indentation_end(p);  // between tags, mostly
#endif
            while (space(*p)) ++p;
            if (*p != '<') p = skip_fast<'<', '&', '&'>(p, text_stops);
            const uchar c = *p;
            if (prolog) {
                while (from < p && space(*from)) ++from;
                if (from < p || c == '&' || c >= 0x80) return LexicalProblem{offset(from), std::string(not_wf) + "text outside the root element"};
            }
            if (c == '<') {
                if (p[1] == '!') {
                    if (p[2] == '-' && p[3] == '-')
                        p = comment(p + 4);
                    else if (starts(p + 2, "[CDATA["))
                        p = cdata(p + 9);
                    else if (starts(p + 2, "DOCTYPE"))
                        return LexicalProblem{offset(p), "a DOCTYPE is not allowed in a case file (it needs none; entities and DTDs are never read)"};
                    else
                        p += 2;  // no markup XML knows: pugixml refuses it
                } else if (p[1] == '?') {
                    p = processing_instruction(p, declared);
                } else {
                    prolog = prolog && p[1] == '/';
                    p = tag(p + 1);
                }
            } else if (c == '&') {
                p = reference(p, In::text);
            } else if (c == 0) {
                return std::nullopt;
            } else {
                p = character(p, In::text);
            }
            if (!p) return std::move(problem_);
        }
    }

private:
    std::size_t offset(const uchar* p) const { return std::size_t(p - base_); }

    // Records a problem; returns null, which ends the scan. A null without a problem ends it
    // where the text ends inside markup (pugixml reports that).
    const uchar* fail(const uchar* at, std::string message) {
        problem_ = LexicalProblem{offset(at), std::move(message)};
        return nullptr;
    }

    // " in attribute 'ref' of element 'kvittering'", " in a comment", ...
    std::string where(In in) const {
        switch (in) {
            case In::value: {
                // The attribute's name: back from the opening quote over '=' and white space.
                const uchar* e = value_ - 1;
                while (e > tag_ && space(e[-1])) --e;
                if (e > tag_ && e[-1] == '=') --e;
                while (e > tag_ && space(e[-1])) --e;
                const uchar* b = e;
                while (b > tag_ && !space(b[-1]) && b[-1] != '"' && b[-1] != '\'') --b;
                const uchar* n = tag_;
                while (*n && !space(*n) && *n != '/' && *n != '>') ++n;
                return fmt::format(" in attribute {} of element {}", quoted({reinterpret_cast<const char*>(b), std::size_t(e - b)}),
                                   quoted({reinterpret_cast<const char*>(tag_), std::size_t(n - tag_)}));
            }
            case In::comment: return " in a comment";
            case In::pi: return " in a processing instruction";
            case In::cdata: return " in a CDATA section";
            case In::text:
            case In::tag: return "";
        }
        return "";
    }

    // At a byte some table stopped at for being a control character or the lead byte of one
    // (0xC2, 0xEF): a problem, or the next byte to look at.
    const uchar* character(const uchar* p, In in) {
        const uchar c = *p;
        char32_t cp = c;
        if (c == 0xC2) {
            if (p[1] > 0x9F) return p + 2;
            cp = 0x80 + (p[1] & 0x3F);
        } else if (c == 0xEF) {
            if (p[1] != 0xBF || p[2] < 0xBE) return p + 1;
            cp = 0xFFC0 + (p[2] & 0x3F);
        }
        if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            return fail(p, fmt::format("control character U+{:04X}{} (a case file may not contain control characters)", unsigned(cp), where(in)));
        if (cp < 0x20) return fail(p, fmt::format("{}control character U+{:04X}{}", not_wf, unsigned(cp), where(in)));
        return fail(p, fmt::format("{}U+{:04X}{} is not a character", not_wf, unsigned(cp), where(in)));
    }

    // A reference's text as written, for a message: from '&' to ';', or as far as it could go.
    static std::string_view reference_text(const uchar* p) {
        const uchar* e = p + 1;
        while ((e - p < 40 || (*e & 0xC0) == 0x80) && *e && !space(*e) && *e != '<' && *e != '&' && *e != '"' && *e != '\'' && *e != ';') ++e;
        if (*e == ';') ++e;
        return {reinterpret_cast<const char*>(p), std::size_t(e - p)};
    }

    // At '&' in text or an attribute value: the byte after the reference, or null.
    const uchar* reference(const uchar* p, In in) {
        if (p[1] == '#') {
            const bool hex = p[2] == 'x';
            const uchar* d = p + (hex ? 3 : 2);
            const uchar* digits = d;
            char32_t cp = 0;
            for (;; ++d) {
                unsigned v;
                if (*d >= '0' && *d <= '9') v = *d - '0';
                else if (hex && *d >= 'a' && *d <= 'f') v = *d - 'a' + 10;
                else if (hex && *d >= 'A' && *d <= 'F') v = *d - 'A' + 10;
                else break;
                cp = std::min<char32_t>(cp * (hex ? 16 : 10) + v, 0x110000);  // beyond U+10FFFF is one answer
            }
            if (d == digits || *d != ';')
                return fail(p, fmt::format("{}malformed character reference {}{} (&#N; or &#xH; with decimal or hexadecimal digits)",
                                           not_wf, quoted(reference_text(p)), where(in)));
            if (!allowed(cp)) {
                const bool xml_allows = cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
                return fail(p, fmt::format("{}character reference {}{} refers to {}", xml_allows ? "" : not_wf, quoted(reference_text(p)),
                                           where(in), why_not(cp)));
            }
            return d + 1;
        }
        const uchar* e = p + 1;
        while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') || *e == '_' || *e == '-' || *e == '.' ||
               *e == ':' || *e >= 0x80)
            ++e;
        if (e == p + 1 || *e != ';')
            return fail(p, fmt::format("{}'&' that begins no reference{} (write &amp; for '&')", not_wf, where(in)));
        const std::string_view name(reinterpret_cast<const char*>(p + 1), std::size_t(e - p - 1));
        if (name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot") return e + 1;
        return fail(p, fmt::format("{}reference to undeclared entity {}{} (a case file may use only &lt; &gt; &amp; &apos; &quot;)", not_wf,
                                   quoted(reference_text(p)), where(in)));
    }

    // After "<!--": the byte after "-->", or null.
    const uchar* comment(const uchar* p) {
        for (;;) {
            p = skip(p, comment_stops);
            if (*p == '-') {
                if (p[1] != '-') { ++p; continue; }
                if (p[2] == '>') return p + 3;
                return fail(p, fmt::format("{}'--' inside a comment", not_wf));
            }
            if (*p == 0) return nullptr;  // unterminated: pugixml says so
            p = character(p, In::comment);
            if (!p) return nullptr;
        }
    }

    // After "<![CDATA[": the byte after "]]>", or null.
    const uchar* cdata(const uchar* p) {
        for (;;) {
            p = skip(p, cdata_stops);
            if (*p == ']') {
                if (p[1] == ']' && p[2] == '>') return p + 3;
                ++p;
                continue;
            }
            if (*p == 0) return nullptr;
            p = character(p, In::cdata);
            if (!p) return nullptr;
        }
    }

    // At "<?" (not the declaration at the start): the byte after "?>", or null.
    const uchar* processing_instruction(const uchar* p, bool declared) {
        const uchar* t = p + 2;
        const uchar* e = t;
        while (*e && !space(*e) && *e != '?') ++e;
        if (!*e || e == t) return e == t ? p + 2 : nullptr;  // no target, or cut short: pugixml refuses it
        const std::string_view target(reinterpret_cast<const char*>(t), std::size_t(e - t));
        if (target == "xml")
            return fail(p, fmt::format("{}{}", not_wf, declared ? "a second XML declaration" : "the XML declaration is not at the start of the file"));
        // Targets beginning with "xml" are reserved to W3C's: xml-stylesheet and xml-model.
        if (target.size() >= 3 && (t[0] | 0x20) == 'x' && (t[1] | 0x20) == 'm' && (t[2] | 0x20) == 'l' && target != "xml-stylesheet" &&
            target != "xml-model")
            return fail(t, fmt::format("{}processing-instruction target {} is reserved (names beginning with 'xml' are)", target.size() == 3 ? not_wf : std::string_view{}, quoted(target)));
        if (target.find(':') != std::string_view::npos)
            return fail(t, fmt::format("{}processing-instruction target {} contains a ':'", not_wf, quoted(target)));
        if (!is_ncname(target)) return fail(t, fmt::format("{}{} is not a processing-instruction target (an XML name)", not_wf, quoted(target)));
        for (p = e;;) {
            p = skip(p, pi_stops);
            if (*p == '?') {
                if (p[1] == '>') return p + 2;
                ++p;
                continue;
            }
            if (*p == 0) return nullptr;
            p = character(p, In::pi);
            if (!p) return nullptr;
        }
    }

    // After '<' or "</": the byte after the tag's '>', or null.
    const uchar* tag(const uchar* p) {
        tag_ = p;
#if defined(__SSE2__)
        if (const uchar* end = tag_end_fast(p)) return end;
#endif
        for (;;) {
            p = skip_fast<'"', '\'', '>'>(p, tag_stops);
            const uchar c = *p;
            if (c == '>') return p + 1;
            if (c == '"' || c == '\'') {
                p = value(p + 1, c);
            } else {
                if (c == 0) return nullptr;
                p = character(p, In::tag);
            }
            if (!p) return nullptr;
        }
    }

    // After an attribute value's opening quote: the byte after its closing quote, or null.
    const uchar* value(const uchar* p, uchar quote) {
        value_ = p;
        for (;;) {
            p = quote == '"' ? skip_fast<'"', '<', '&'>(p, dq_value_stops) : skip_fast<'\'', '<', '&'>(p, sq_value_stops);
            const uchar c = *p;
            if (c == quote) return p + 1;
            if (c == '<') return fail(p, fmt::format("{}'<'{} (write &lt; for '<')", not_wf, where(In::value)));
            if (c == '&') {
                p = reference(p, In::value);
            } else {
                if (c == 0) return nullptr;
                p = character(p, In::value);
            }
            if (!p) return nullptr;
        }
    }

    // At "<?xml" at the start: the byte after its "?>", or null. Version, encoding and
    // standalone, in this order, each "name = 'value'" after white space (XML 1.0 § 2.8).
    const uchar* declaration(const uchar* p) {
        const char* close = std::strstr(reinterpret_cast<const char*>(p), "?>");
        if (!close) return nullptr;  // cut short: pugixml says so
        const uchar* end = reinterpret_cast<const uchar*>(close);
        const uchar* q = p + 5;
        const std::string_view order[] = {"version", "encoding", "standalone"};
        std::size_t next = 0;
        const auto malformed = [&](const uchar* at) { return fail(at, fmt::format("{}malformed XML declaration", not_wf)); };
        for (;;) {
            const uchar* s = q;
            while (q < end && space(*q)) ++q;
            if (q == end) break;
            if (q == s) return malformed(q);
            const uchar* n = q;
            while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) ++q;
            const std::string_view name(reinterpret_cast<const char*>(n), std::size_t(q - n));
            std::size_t k = next;
            while (k < 3 && order[k] != name) ++k;
            if (k == 3 || (next == 0 && k != 0))
                return fail(n, fmt::format("{}{} in the XML declaration (it holds version, then optionally encoding and standalone)", not_wf,
                                           next == 0 ? "no version" : fmt::format("unexpected {}", quoted(name))));
            next = k + 1;
            while (q < end && space(*q)) ++q;
            if (q == end || *q != '=') return malformed(q);
            ++q;
            while (q < end && space(*q)) ++q;
            if (q == end || (*q != '"' && *q != '\'')) return malformed(q);
            const uchar* v = q + 1;
            const uchar* ve = v;
            while (ve < end && *ve != *q) ++ve;
            if (ve == end) return malformed(q);
            const std::string_view val(reinterpret_cast<const char*>(v), std::size_t(ve - v));
            q = ve + 1;
            if (k == 0 && val != "1.0") {
                const bool one_x = val.size() > 2 && val.substr(0, 2) == "1." && val.find_first_not_of("0123456789", 2) == std::string_view::npos;
                return fail(v, one_x ? fmt::format("XML version {} is not supported (case files are XML 1.0)", quoted(val))
                                     : fmt::format("{}{} is not an XML version", not_wf, quoted(val)));
            }
            if (k == 1 && !(val.size() == 5 && (val[0] | 0x20) == 'u' && (val[1] | 0x20) == 't' && (val[2] | 0x20) == 'f' && val[3] == '-' &&
                            val[4] == '8'))
                return fail(v, fmt::format("the file declares encoding {}; case files are UTF-8", quoted(val)));
            if (k == 2 && val != "yes" && val != "no")
                return fail(v, fmt::format("{}standalone is {} in the XML declaration (yes or no)", not_wf, quoted(val)));
        }
        if (next == 0) return fail(end, fmt::format("{}no version in the XML declaration (it holds version, then optionally encoding and standalone)", not_wf));
        return end + 2;
    }

    const uchar* base_;
    const uchar* start_;
    const uchar* tag_ = nullptr;    // the name of the last tag entered
    const uchar* value_ = nullptr;  // the start of the last attribute value entered
    std::optional<LexicalProblem> problem_;
};

}  // namespace

std::optional<LexicalProblem> lexical_problem(std::string_view text, std::size_t start) { return Scanner(text, start).run(); }

bool is_ncname(std::string_view s) {
    const auto* p = reinterpret_cast<const uchar*>(s.data());
    const auto* e = p + s.size();
    for (bool first = true; p < e; first = false) {
        std::size_t len;
        const char32_t c = decode(p, len);
        if (first ? !name_start(c) : !name_char(c)) return false;
        p += len;
    }
    return !s.empty();
}

}  // namespace barnetslov::xml
