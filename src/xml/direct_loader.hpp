// The one-pass front end for the ordinary case file: the text scanned once, the CaseBuilder fed on
// the way, without pugixml's document and the walk over it (src/xml/loader.cpp). It takes only a
// small, plain subset of XML and gives up on anything else, so that the pugixml loader, which
// stays the reference for every message, runs on the file from scratch. What it takes:
//  - an optional XML declaration at the very start, <?xml version="1.0" encoding="UTF-8"?> or
//    <?xml version="1.0"?> exactly; comments, processing instructions (a target
//    not beginning with "xml") and white space (space, tab, LF, CRLF) between elements, all of
//    which pugixml drops; no DOCTYPE, CDATA, text or CR alone;
//  - the root <case> with xmlns="urn:barnetslov:case:1" as its only default namespace
//    declaration, optionally xmlns:xsi (the XML Schema instance namespace) and one
//    xsi:schemaLocation; no other prefix anywhere, and no other attribute named xml...;
//  - child, then party and sibling, then at most one events, each written as an empty-element
//    tag (<x a="v"/>), events' children likewise; names of ASCII letters, digits, '_', '-', '.';
//  - attribute values without '&', '<', tab, CR or LF (pugixml rewrites those, or they are
//    errors), nor DEL, a C1 control, U+FFFE or U+FFFF (the lexical pass refuses those), written
//    name="value" or name='value' after white space.
// For such a file it makes the calls the walk makes, with the same names, values and positions
// (an element at its '<', an attribute at its name), in the same order: its errors and its case
// are the pugixml loader's (tests/direct_loader_test.cpp compares both on every test file and
// thousands of mutations of them; fuzz_loader does on what libFuzzer makes).
#pragma once

#include <cstddef>
#include <string_view>

#include "barnetslov/case_builder.hpp"

namespace barnetslov::xml {

// `text` is the whole file, followed in memory by scan_padding NULs (lexical.hpp). Neither the
// loader's UTF-8 and NUL checks nor xml::lexical_problem has read it: the scanner gives up on a
// NUL, on bytes that are not UTF-8 and on every byte that pass would refuse (a control character,
// DEL, a C1 control, U+FFFE/U+FFFF, a reference, "--" in a comment, a reserved PI target, any XML
// declaration but the two usual ones), so that a file it takes is one those find nothing in, and
// the builder is handed valid UTF-8 only; `start` is 3 after a byte-order mark, else 0.
// `builder` is new (utf8_checked set). True when the file was taken and every call
// made: the caller finishes the builder. False when the scanner gave up: the builder may have
// been fed part of the file and must be thrown away.
[[nodiscard]] bool load_direct(std::string_view text, std::size_t start, CaseBuilder& builder, const Limits& limits);

}  // namespace barnetslov::xml
