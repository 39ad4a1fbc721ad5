/* CHECK macros for the C API tests (C99): each failed check is printed and counted, and the
 * test's exit code says whether any failed, so CTest reports every broken promise at once. */
#ifndef BARNETSLOV_TEST_CHECK_H
#define BARNETSLOV_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "barnetslov.h"

static int check_failures = 0;

#define CHECK(cond)                                                                \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++check_failures;                                                      \
        }                                                                          \
    } while (0)

/* The call returns `expected`, and on failure leaves a message (never NULL, never empty). */
#define CHECK_STATUS(call, expected)                                                            \
    do {                                                                                        \
        bl_status got_ = (call);                                                                \
        if (got_ != (expected)) {                                                               \
            fprintf(stderr, "%s:%d: %s gave %s (%s), expected %s\n", __FILE__, __LINE__, #call, \
                    bl_status_name(got_), bl_last_error_message(), bl_status_name(expected));   \
            ++check_failures;                                                                   \
        } else if (got_ != BL_OK && (bl_last_error_message()[0] == '\0' || bl_last_error_code() != got_)) { \
            fprintf(stderr, "%s:%d: %s failed without its message or code\n", __FILE__, __LINE__, #call); \
            ++check_failures;                                                                   \
        }                                                                                       \
    } while (0)

/* The last error message contains `text`. */
#define CHECK_MESSAGE(text)                                                                         \
    do {                                                                                            \
        if (strstr(bl_last_error_message(), (text)) == NULL) {                                      \
            fprintf(stderr, "%s:%d: message lacks \"%s\": \"%s\"\n", __FILE__, __LINE__, (text),   \
                    bl_last_error_message());                                                       \
            ++check_failures;                                                                       \
        }                                                                                           \
    } while (0)

static int check_result(void) {
    if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
    return check_failures ? 1 : 0;
}

#endif
