// Case::Spare: the blocks of a case that ended on this thread, for the next one a CaseBuilder
// builds here (case.cpp keeps them, case_builder.cpp takes them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "barnetslov/case.hpp"
#include "case/thread_kept.hpp"

namespace barnetslov {

// A batch builds and drops a case a file: its events', fields', text's, lists' and people's
// blocks (and its refs'), a few KB each and beyond malloc's per-thread cache, were six allocations and six
// frees a file (~1.8 k instructions; issue 20, session 29). A case that ends leaves its blocks
// here, emptied (the largest of each kind, up to a limit: Case::~Case); the next CaseBuilder on
// the thread builds in them. Events are views into their case, and none outlives it, so nothing
// points into a block once it is here.
struct Case::Spare {
    std::vector<Event> events;
    std::vector<Event::Field> fields;
    std::string texts;
    std::vector<std::uint32_t> lists, refs;
    std::vector<Person> persons;
};

}  // namespace barnetslov
