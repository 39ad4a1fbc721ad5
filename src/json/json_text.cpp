#include "json/json_text.hpp"

#include <fmt/format.h>

namespace barnetslov::json {

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::string: return "a string";
        case Kind::yes: return "true";
        case Kind::no: return "false";
        case Kind::integer: return "a number";
        case Kind::fraction: return "a number with a fraction or an exponent";
        case Kind::null: return "null";
        case Kind::object: return "an object";
        case Kind::array: return "an array";
    }
    return "a value";
}

Accepts accepts(ValueType t) {
    switch (t) {
        case ValueType::boolean: return Accepts::boolean;
        case ValueType::integer: return Accepts::count;
        case ValueType::id_refs:
        case ValueType::enumeration_list: return Accepts::ids;
        default: return Accepts::string;
    }
}

Accepts accepts(CaseAttrType t) { return t == CaseAttrType::boolean ? Accepts::boolean : Accepts::string; }

bool takes(Accepts a, Kind k) {
    switch (k) {
        case Kind::string: return true;
        case Kind::yes:
        case Kind::no: return a == Accepts::boolean;
        case Kind::integer: return a == Accepts::count;
        case Kind::array: return a == Accepts::ids;
        default: return false;
    }
}

std::string expected(Accepts a, Kind k) {
    switch (a) {
        case Accepts::string: return fmt::format("expected a string, not {}", kind_name(k));
        case Accepts::boolean: return fmt::format("expected true, false or a string, not {}", kind_name(k));
        case Accepts::count: return fmt::format("expected a whole number or a string, not {}", kind_name(k));
        case Accepts::ids: return fmt::format("expected a string or an array of ids, not {}", kind_name(k));
    }
    return {};
}

std::optional<Forbidden> forbidden_character(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned c = p[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return Forbidden{i, c};
        // U+0080-U+009F is C2 80-9F; U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        if (c == 0xC2 && i + 1 < s.size() && p[i + 1] <= 0x9F) return Forbidden{i, char32_t(p[i + 1])};
        if (c == 0xEF && i + 2 < s.size() && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) return Forbidden{i, char32_t(0xFFC0 + (p[i + 2] & 0x3F))};
    }
    return std::nullopt;
}

std::string forbidden_message(char32_t code) {
    if (code >= 0xFFFE) return fmt::format("U+{:04X} is not a character", unsigned(code));
    return fmt::format("control character U+{:04X} (a case file may not contain control characters)", unsigned(code));
}

std::string syntax_error_detail(std::string_view what) {
    const auto syntax = what.find("syntax error");
    const auto dash = what.find(" - ", syntax == std::string_view::npos ? 0 : syntax);
    if (syntax == std::string_view::npos || dash == std::string_view::npos) return "the parser stopped";
    const std::string_view detail = what.substr(dash + 3);
    // "unexpected X; expected Y" names tokens, never text; a lexer's message is followed by what it read.
    if (detail.rfind("unexpected ", 0) == 0) return std::string(detail);
    return std::string(detail.substr(0, detail.find("; last read: ")));
}

}  // namespace barnetslov::json
