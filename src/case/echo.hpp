// Echoing a caller's value inside an error message: quoted, printable, and short, so that a
// message never carries a whole (possibly sensitive) payload or control characters to a log.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
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

// Where a CPR-shaped number starts in `s` at or after `from`: six digits, an optional '-', four
// digits, not inside a longer run of digits. With `plausible`, only where the first four digits
// could be a day and a month (DDMM). Returns npos when there is none.
inline std::size_t find_cpr_shape(std::string_view s, bool plausible, std::size_t from = 0) {
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    for (std::size_t i = from; i + 10 <= s.size(); ++i) {
        if (!digit(i) || (i > 0 && digit(i - 1))) continue;
        std::size_t j = i;
        while (j < i + 6 && digit(j)) ++j;
        if (j != i + 6) continue;
        if (j < s.size() && s[j] == '-') ++j;
        const std::size_t k = j;
        while (j < k + 4 && digit(j)) ++j;
        if (j != k + 4 || digit(j)) continue;
        if (plausible) {
            const int dd = (s[i] - '0') * 10 + (s[i + 1] - '0'), mm = (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
            if (dd < 1 || dd > 31 || mm < 1 || mm > 12) continue;
        }
        return i;
    }
    return std::string_view::npos;
}

// Whether a value holds what could be a CPR number (the builder refuses it anywhere but in a cpr
// attribute, so that no id, name or label the library prints can carry one).
inline bool looks_like_cpr(std::string_view s) { return find_cpr_shape(s, true) != std::string_view::npos; }

// The digits of anything in `s` that is or may contain a CPR number, as '#': a run of ten or more
// digits, or six or more, a '-' and four or more. Whatever its date: a message goes to logs, and
// a mistyped CPR number is still one; a longer run may hold one, and a cut echo would show it.
inline void mask_cpr_digits(std::string& s) {
    auto run_end = [&](std::size_t i) {
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i;
    };
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t end = run_end(i);
        if (end == i) { ++i; continue; }
        std::size_t mask_to = end - i >= 10 ? end : i;
        if (end - i >= 6 && end < s.size() && s[end] == '-') {
            const std::size_t end2 = run_end(end + 1);
            if (end2 - end - 1 >= 4) mask_to = end2;
        }
        for (std::size_t k = i; k < mask_to; ++k)
            if (s[k] != '-') s[k] = '#';
        i = std::max(end, mask_to);
    }
}

// A caller's value for a message: control characters as '?', at most `max` bytes (cut at a
// character boundary), and CPR-like digits masked (mask_cpr_digits).
inline std::string echo(std::string_view v, std::size_t max = 60) {
    std::string masked(v);
    mask_cpr_digits(masked);
    std::string out;
    std::size_t i = 0;
    for (; i < masked.size(); ++i) {
        const auto c = static_cast<unsigned char>(masked[i]);
        if (i >= max && (c & 0xC0) != 0x80) break;  // never half a UTF-8 character
        out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    }
    if (i < masked.size()) out += "...";
    return out;
}

inline std::string quoted(std::string_view v) {
    std::string out(1, '\'');
    out += echo(v);
    out += '\'';
    return out;
}

}  // namespace barnetslov
