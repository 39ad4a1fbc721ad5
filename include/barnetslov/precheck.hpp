// Pre-checking an event that is not yet on file: a decision about to be saved, or a plan, a
// follow-up, a measure's start. The case is copied with the event added, evaluated as of the event's
// time, and the findings about the event are sorted by what a case system does with them:
//
//   blocking    duties due before the decision (RuleMeta::phase before) that are not done: the
//               child's views, the hearing, the information, the consents, the plan or undersøgelse a
//               placement needs, the deciding body. A well-prepared decision has none; a case system
//               may refuse to save it while any is left.
//   to_include  what the decision and its letter must carry (phase with): reasons, klagevejledning to
//               each party, the purpose and period of a placement. Their status says whether the
//               proposed event already states it.
//   deadlines   what the event starts (phase after, or any duty left pending with a due date): the
//               plan within 3 months, the first follow-up, the renewal of a placement.
//   other       the rest (duties done, or not the proposed event's to carry).
//
//   barnetslov::ProposedEvent d{"afgoerelse", {{"at", "2024-06-27T10:00"}, {"kind", "placement-with-consent"}}};
//   barnetslov::PrecheckResult r = barnetslov::precheck(engine, *kase, d, now);
//   for (const barnetslov::Finding* f : r.in(barnetslov::PrecheckList::blocking)) ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "barnetslov/case_builder.hpp"
#include "barnetslov/engine.hpp"

namespace barnetslov {

// An event not yet on file, as the case-file vocabulary writes it: its element ("afgoerelse", "plan",
// "opfoelgning", "indsats-start", ...) and its attributes by name and value ("at", "kind", "ref", ...;
// not "id", which the pre-check gives it). Values are checked as a file's would be.
struct ProposedEvent {
    std::string element;
    std::vector<std::pair<std::string, std::string>> attributes;
};

enum class PrecheckList : std::uint8_t { blocking, to_include, deadlines, other };
[[nodiscard]] std::string_view to_string(PrecheckList l);  // "blocking", "to_include", "deadlines", "other"

// Which list a finding about a proposed event belongs in, from its rule's phase and its status.
[[nodiscard]] PrecheckList precheck_list(const RuleMeta& meta, const Finding& f);

struct PrecheckResult {
    // Why the event could not be added (a wrong value, an id in use), with the loader's messages;
    // nothing was judged then and `report` is empty.
    std::vector<InputError> errors;
    // The findings about the proposed event: those whose subject, or one of whose events, it is.
    Report report;
    // For each finding of report.findings, the list it belongs in.
    std::vector<PrecheckList> lists;

    [[nodiscard]] bool ok() const { return errors.empty(); }
    // The findings of one list, in the report's order.
    [[nodiscard]] std::vector<const Finding*> in(PrecheckList l) const;
};

// `kase` with `event` added under `id`, evaluated as of the later of `as_of` and the event's time
// (its day, for a date without a time): an earlier as_of would not see the event at all. `kase` is
// not changed. Thread-safe as Engine::evaluate is.
[[nodiscard]] PrecheckResult precheck(const Engine& engine, const Case& kase, const ProposedEvent& event, Instant as_of,
                                      std::string_view id = "proposed-event");

}  // namespace barnetslov
