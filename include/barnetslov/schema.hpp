// The case-file format described for other programs and people, generated from the vocabulary
// table (vocabulary.hpp) so that no description can disagree with what the loaders accept.
// `barnetslov schema ...` prints them; schema/ holds them checked in and `cmake --install` puts
// them in share/barnetslov/ (a test fails when a checked-in copy is out of date).
#pragma once

#include <string>

namespace barnetslov {

// XML Schema 1.0 of XML case files (schema/case-1.xsd).
[[nodiscard]] std::string case_xsd();
// Markdown: a table of the event elements, then a section for each with its attributes and an
// example (the generated part of schema/README.md).
[[nodiscard]] std::string case_reference();
// JSON Schema (draft 2020-12) of JSON case files, one case a document (schema/case-1.schema.json);
// each line of a JSON Lines file is such a document.
[[nodiscard]] std::string case_json_schema();
// The vocabulary as one JSON document, for programs that build or check case files
// (schema/vocabulary-1.json): the value types with their formats, the attributes of the case,
// the child, a party and a sibling, and every event type with its attributes, their value types,
// whether each is required, and the values of each enumeration.
[[nodiscard]] std::string vocabulary_json();

}  // namespace barnetslov
