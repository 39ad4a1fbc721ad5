// A scalable synthetic case for the in-memory benchmarks: N events of realistic shape.
//
// Two trajectories taken from examples/ (19: a § 32 supportive measure; 13: a placement without
// consent by the committee) are repeated alternately, every 12 days, with renamed ids and
// shifted dates, so that a large case spreads over years (2014 onwards) and mixes
// underretninger, assessments, undersøgelser, hearings, decisions, plans, measures, visits and
// follow-ups the way a long-running real case does. Any prefix is a valid case: within a
// trajectory an event only refers to events listed before it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "barnetslov/case.hpp"

namespace barnetslov::bench {

using Attributes = std::vector<std::pair<std::string, std::string>>;

struct SyntheticEvent {
    std::string element;  // "underretning", "afgoerelse", ...
    Attributes attributes;
};

struct SyntheticCase {
    Attributes case_attributes;
    Attributes child;
    std::vector<std::pair<std::string, Attributes>> persons;  // element ("party"), attributes
    std::vector<SyntheticEvent> events;
};

// The first `events` events of the repeated trajectories.
[[nodiscard]] SyntheticCase synthetic_case(std::size_t events);
// The same case as the C++ CaseBuilder builds it; throws std::runtime_error on an input error.
[[nodiscard]] std::shared_ptr<const Case> build(const SyntheticCase& c, const Calendar& calendar);
// The same case as a case file (urn:barnetslov:case:1).
[[nodiscard]] std::string to_xml(const SyntheticCase& c);
// The instant the synthetic cases are judged as of: after the last event of the largest case.
[[nodiscard]] Instant synthetic_as_of();

}  // namespace barnetslov::bench
