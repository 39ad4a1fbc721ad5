// What the JSON loader says about JSON text: the kinds of values and which of them each value
// type of the vocabulary takes, the characters a case file may not hold, nlohmann's syntax errors
// without what they quote of the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "barnetslov/vocabulary.hpp"

namespace barnetslov::json {

enum class Kind : std::uint8_t { string, yes, no, integer, fraction, null, object, array };

// "a string", "true", "a number", "an object" ...: what a message calls a value of that kind.
std::string_view kind_name(Kind k);

// What an attribute takes besides a string, which every attribute takes as the text XML would
// hold: true or false for a boolean, a whole number for a count, an array of ids for event refs.
enum class Accepts : std::uint8_t { string, boolean, count, ids };
Accepts accepts(ValueType t);
Accepts accepts(CaseAttrType t);
bool takes(Accepts a, Kind k);
// "expected true, false or a string, not null": why a value of kind `k` is refused.
std::string expected(Accepts a, Kind k);

// The first character a case file may not hold, as in XML: C0 controls but tab, LF and CR; DEL;
// the C1 controls; the noncharacters U+FFFE and U+FFFF. `s` is valid UTF-8.
struct Forbidden {
    std::size_t offset;
    char32_t code;
};
std::optional<Forbidden> forbidden_character(std::string_view s);
std::string forbidden_message(char32_t code);

// nlohmann's text of a syntax error ("[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error while parsing value - invalid literal; last read: 'tru '") as the loader
// shows it: "invalid literal", "unexpected '}'; expected string literal". What the lexer last read
// is dropped: it is the document's text, and may hold anything, a CPR number too.
std::string syntax_error_detail(std::string_view what);

}  // namespace barnetslov::json
