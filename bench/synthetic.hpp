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

struct SyntheticOptions {
    // Each trajectory's measure ends (an indsats-slut naming its start): the § 32 measure after
    // about nine months, the placement after a placement year and three weeks, so that the
    // supervision visits have a whole year and a cut one to judge. Without it no measure ends, and
    // a placement has a supervision window for every year up to the as-of date.
    bool measures_ended = false;
};

// The first `events` events of the repeated trajectories.
[[nodiscard]] SyntheticCase synthetic_case(std::size_t events, SyntheticOptions options = {});
// The same case as the C++ CaseBuilder builds it; throws std::runtime_error on an input error.
[[nodiscard]] std::shared_ptr<const Case> build(const SyntheticCase& c, const Calendar& calendar);
// The same case as a case file (urn:barnetslov:case:1).
[[nodiscard]] std::string to_xml(const SyntheticCase& c);
// The instant the synthetic cases are judged as of: after the last event of the largest case.
[[nodiscard]] Instant synthetic_as_of();
// The end of 31 December of the year of the case's last event (Copenhagen time).
[[nodiscard]] Instant end_of_last_event_year(const Case& c, const Calendar& calendar);

}  // namespace barnetslov::bench
