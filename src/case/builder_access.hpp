// The library's own front ends (the XML and JSON loaders) reach past the builder's public calls
// for what only a loader that has seen the whole file can know.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "barnetslov/case_builder.hpp"

namespace barnetslov {

struct detail::BuilderAccess {
    // The loader checks the whole file's UTF-8 before the builder sees any of it.
    static void utf8_checked(CaseBuilder& b);  // in case_builder.cpp, which knows the builder's state
    // Closes the element being built, so that what its end reveals (a required attribute missing)
    // is reported now, where the loader still knows which element it was.
    static void close_element(CaseBuilder& b) { b.close_open_element(); }
    // `give(b)` (an attribute call) with a value the loader could not hand over as text, `why`
    // saying what it is instead ("expected a string, not null"): reported like a bad value.
    template <class Give>
    static bool refuse(CaseBuilder& b, std::string_view why, Give give) {
        b.refusal_ = why;
        const bool ok = give(b);
        b.refusal_ = {};
        return ok;
    }
    // The next finish() is the builder's last call but errors(): it need not make ready for a next
    // case. Any other builder call after that finish() is an error (the state is spent).
    static void last_case(CaseBuilder& b);  // in case_builder.cpp, which knows the builder's state
    // Room for the events a loader has counted (at most Limits::max_events).
    static void reserve_events(CaseBuilder& b, std::size_t n);  // in case_builder.cpp, which knows the builder's state
    // The name the builder shows in messages and hands to the case: for a loader that has shown
    // it already (shown_name) and moves it in, and out again for the builder after it, instead
    // of a copy and shown_name again per builder (issue 20, session 29).
    static std::string& shown_source(CaseBuilder& b) { return b.source_; }
    // The errors, for a loader that adds where in its document each is.
    static std::vector<InputError>& errors(CaseBuilder& b) { return b.errors_; }
};

}  // namespace barnetslov
