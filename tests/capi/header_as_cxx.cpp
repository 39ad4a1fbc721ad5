// The C header compiles as C++ (pedantic, warnings as errors) and its declarations have C linkage.
#include "barnetslov.h"

static_assert(BL_VERSION_NUMBER == BL_VERSION_MAJOR * 10000 + BL_VERSION_MINOR * 100 + BL_VERSION_PATCH);
extern "C" const char* (*const header_check)(void) = &bl_version;
