// Showing a caller's text in a message, a report or a log, as the library shows it: what a
// program that prints case data next to barnetslov's own output (the CLI, the C API, an
// embedder's log) uses so that its output keeps the same promises.
//  - One detector decides what looks like a CPR number (find_cpr), for refusing values
//    (CaseBuilder) and for masking everything echoed (echo, shown_name).
//  - One escaper keeps bytes that are not UTF-8 and control characters out of terminals, logs,
//    CSV and HTML (printable); markup_escape adds XML's and HTML's escapes on top.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace barnetslov {

// Offset of the first byte of `s` that is not well-formed UTF-8 (overlongs and surrogates
// included), or npos. A case file is checked whole by the loader; values that come through a
// builder are checked one by one. ASCII, nearly all of a case file, is skipped 8 bytes at a time.
inline std::size_t invalid_utf8_at(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned c = p[i];
        std::size_t len = 1;
        unsigned min = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        unsigned cp = c & (0x7Fu >> len);
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

inline bool valid_utf8(std::string_view s) { return invalid_utf8_at(s) == std::string_view::npos; }

// ---- What looks like a CPR number ----------------------------------------------------------
//
// The text is read as a person would read it (the part of NFKC that matters for digits):
//  - character references are decoded (&#45; &#x2D; and the five named ones: &amp; ...);
//  - every Unicode decimal digit is that digit (fullwidth ０-９, mathematical, the digits of
//    other scripts), and so are the compatibility digits NFKC maps to one ASCII digit
//    (superscripts, subscripts, circled ①-⑨ and ⓪);
//  - invisible characters are removed: format characters (soft hyphen U+00AD, zero-width space
//    and joiners U+200B-U+200D, word joiner U+2060, BOM U+FEFF, bidi controls, ...), combining
//    marks and variation selectors (a keycap or an underline does not hide a digit).
// A CPR number is then six digits DDMMYY that form a real date under the CPR century rule (the
// seventh digit, birth_date_from_cpr; modulus 11 is not applied), at most two separators (any
// character that is not a letter or a digit: '-', ' ', '.', '/', ':', NBSP, en dash, ...) and
// four digits, not inside a longer run of digits: a case number like 2024011500001 is none.
// Letters are those of the Latin, Greek and Cyrillic alphabets (and their fullwidth and
// mathematical forms); any other character counts as a separator, so that the detector errs
// towards finding.
struct CprSpan {
    std::size_t begin = 0, end = 0;  // bytes of the text, from the first digit to the last
};
// The first CPR number in `s`, if any. Bytes that are not UTF-8 count as separators.
[[nodiscard]] std::optional<CprSpan> find_cpr(std::string_view s);
// Whether a value holds a CPR number (the builder refuses it anywhere but in a cpr attribute, so
// that no id, name or label the library prints can carry one).
[[nodiscard]] inline bool looks_like_cpr(std::string_view s) { return find_cpr(s).has_value(); }

// ---- Showing text ----------------------------------------------------------------------------
//
// Escaped: a byte that is not UTF-8 as \xHH (a Latin-1 'ø' from an old share is \xF8), a C0
// control character or DEL as \xHH ("\x0A" for a line feed), a C1 control character, a line or
// paragraph separator and an invisible format character (soft hyphen, zero-width space, bidi
// controls, BOM) as \uHHHH (\UHHHHHHHH beyond the BMP). What comes out is valid UTF-8 without
// control characters, and the same text again when escaped twice.
//
// Masked: the digits of anything that is or holds a CPR number become '#', one '#' per digit
// however it was written ('######-####'). In a name (shown_name): every find_cpr match, and a
// CPR number inside a longer run of digits or with three separators ('150610 - 4321'), since a
// name is not refused, only shown. In a message (echo) also anything shaped like one, whatever
// its date: six or more digits, one to three separators and four or more digits, or a run of ten
// or more digits; a message goes to logs, and a mistyped CPR number is still one. Masking is
// broader than refusal: a case number 2024011500001 is a valid case id, but a file of that name
// is shown as '#############' (240115-0000 is a CPR number's shape and date).

// `s` escaped, not masked: values the builder has accepted (case id, municipality, unit).
[[nodiscard]] std::string printable(std::string_view s);
// Appends printable(s) to `out`; printable ASCII, nearly every value, is copied as it is.
void append_printable(std::string& out, std::string_view s);
// `s` escaped and masked: how a file or source name is shown (InputError::source, Case::source).
[[nodiscard]] std::string shown_name(std::string_view s);

// A caller's value for a message: escaped and masked, and at most `max` bytes of it (cut at a
// character boundary, "..." after), so that a message never carries a whole, possibly
// sensitive, payload. The masking looks at the whole value, so a cut cannot reveal half a number.
[[nodiscard]] std::string echo(std::string_view v, std::size_t max = 60);

// echo(v) between single quotes: how a message names a value ("--lang must be en or da, not 'x'").
inline std::string quoted(std::string_view v) {
    std::string out(1, '\'');
    out += echo(v);
    out += '\'';
    return out;
}

// Text for XML or HTML, in an element or an attribute value: printable(raw), then & < > and "
// escaped (and ' as &#39; when `apostrophe`: for attribute values in either quote). Control
// characters and bytes that are not UTF-8 come out as the text \xHH, since XML 1.0 cannot carry
// most of them even as character references. The generated XSD, the JUnit report and the HTML
// report all escape with it, so that they cannot drift apart.
[[nodiscard]] std::string markup_escape(std::string_view raw, bool apostrophe = false);

}  // namespace barnetslov
