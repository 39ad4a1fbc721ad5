// The lexical rules of XML 1.0 that pugixml does not check, and what a case file may not contain
// although XML allows it; checked in one pass over the raw bytes before pugixml parses them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace barnetslov::xml {

inline constexpr std::size_t scan_padding = 16;

struct LexicalProblem {
    std::size_t offset = 0;  // into the text, at what is wrong
    std::string message;
};

// The first problem in document order, or none:
//  - the XML declaration: only at the very start, once; version 1.0; encoding UTF-8 if given;
//    well-formed (version, encoding, standalone in this order). No other PI with target "xml"
//    in any case, and no PI target with a colon or outside XML's names;
//  - no DOCTYPE at all (a case file needs none; nothing of a DTD is ever read);
//  - references: only &lt; &gt; &amp; &apos; &quot; and well-formed character references
//    (&#N; &#xH;) to characters XML allows; a '&' that begins no reference;
//  - '<' in an attribute value; "--" inside a comment;
//  - characters: control characters except tab, line feed and carriage return (C0, DEL and C1 —
//    XML 1.0 allows DEL and C1; a case file has no use for them and they hide in logs), and the
//    noncharacters U+FFFE and U+FFFF, raw or by character reference.
// `text` is the whole file, valid UTF-8 without a NUL, and must be followed by scan_padding NULs
// (the first is the scan's end marker; it reads up to 15 bytes past it, 16 at a time). `start` is 3 after a byte-order mark,
// else 0. Where the text ends inside markup (a comment, a tag), the scan stops without a problem:
// pugixml reports that, as it did before.
std::optional<LexicalProblem> lexical_problem(std::string_view text, std::size_t start);

// Whether `s` is an NCName of XML Namespaces 1.0 (an XML 1.0 name without ':'); `s` is valid UTF-8.
bool is_ncname(std::string_view s);

}  // namespace barnetslov::xml
