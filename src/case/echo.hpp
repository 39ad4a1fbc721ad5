// Echoing a caller's value inside an error message: quoted, printable, and short, so that a
// message never carries a whole (possibly sensitive) payload or control characters to a log.
#pragma once

#include <string>
#include <string_view>

namespace barnetslov {

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
