// Echoing a caller's value inside an error message: quoted, printable, and short, so that a
// message never carries a whole (possibly sensitive) payload or control characters to a log.
#pragma once

#include <string>
#include <string_view>

namespace barnetslov {

// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates). A case file is checked whole by
// the loader; values that come through a builder are checked one by one.
inline bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = p[i];
        std::size_t len = 1;
        unsigned min = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return false;
        if (i + len > n) return false;
        unsigned cp = c & (0x7Fu >> len);
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

inline std::string echo(std::string_view v, std::size_t max = 60) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < v.size() && shown < max; ++i, ++shown) {
        const auto c = static_cast<unsigned char>(v[i]);
        out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    }
    if (v.size() > max) out += "...";
    return out;
}

inline std::string quoted(std::string_view v) {
    std::string out(1, '\'');
    out += echo(v);
    out += '\'';
    return out;
}

}  // namespace barnetslov
