// The XSD and the element reference of the case-file format, generated from the vocabulary
// table so that schema/ can never disagree with what the loader accepts.
#pragma once

#include <string>

namespace barnetslov::cli {

std::string vocabulary_xsd();
std::string vocabulary_reference();  // Markdown: one section per event element, with an example

}  // namespace barnetslov::cli
