// Escaping text for XML and HTML: one loop for the generated XSD, the JUnit report and the HTML
// report, so that they cannot drift apart.
#pragma once

#include <string>
#include <string_view>

#include "case/echo.hpp"

namespace barnetslov::detail {

// Escapes & < > and " (and ' when asked: the HTML report escapes everything it prints, attribute
// values included, whichever quote they use). Control characters and bytes that are not UTF-8
// come out as the text \xHH (printable, echo.hpp): XML 1.0 cannot carry most of them even as
// character references, and a browser should not be handed them raw.
inline std::string markup_escape(std::string_view raw, bool apostrophe = false) {
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

}  // namespace barnetslov::detail
