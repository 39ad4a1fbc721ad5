// The C header compiles as C++ (pedantic, warnings as errors): its declarations have C linkage,
// and its _INIT macros initialise its versioned structs in C++ as they do in C.
#include "barnetslov.h"

#include <cstddef>

static_assert(BL_VERSION_NUMBER == BL_VERSION_MAJOR * 10000 + BL_VERSION_MINOR * 100 + BL_VERSION_PATCH);
extern "C" const char* (*const header_check)(void) = &bl_version;
extern "C" bl_status (*const precheck_check)(bl_report**, const bl_engine*, const bl_case*, const bl_proposed_decision*,
                                             int64_t) = &bl_precheck_decision;

namespace {
constexpr bl_engine_options engine_options = BL_ENGINE_OPTIONS_INIT;
constexpr bl_finding_filter filter = BL_FINDING_FILTER_INIT;
constexpr bl_proposed_decision decision = BL_PROPOSED_DECISION_INIT;
static_assert(engine_options.struct_size == sizeof(bl_engine_options) && engine_options.grundlovsdag_off == 1 &&
              engine_options.reserved_0 == 0 && engine_options.readings == nullptr);
// The appended fields begin where the struct of the header before them ended (its sizeof), so an
// older caller's struct_size never covers them (capi/README.md, ABI policy).
static_assert(offsetof(bl_engine_options, readings) >= offsetof(bl_engine_options, nytaarsaftensdag_off) + sizeof(int) +
                                                          sizeof(int) &&
              offsetof(bl_engine_options, reserved_0) == offsetof(bl_engine_options, nytaarsaftensdag_off) + sizeof(int));
static_assert(filter.struct_size == sizeof(bl_finding_filter) && filter.order == BL_ORDER_REPORT);
static_assert(decision.struct_size == sizeof(bl_proposed_decision) && decision.kind == nullptr);
// Each versioned struct begins with its size, which is how the library knows which fields a
// caller's header had.
static_assert(offsetof(bl_engine_options, struct_size) == 0 && offsetof(bl_finding_filter, struct_size) == 0 &&
              offsetof(bl_proposed_decision, struct_size) == 0);
static_assert(BL_FINDING_STATUS_BIT(BL_PENDING) == 16u);
}  // namespace
