/* fuzz-common.h: what every fuzz target checks, and the built-in baseline.
 *
 * A target is one LLVMFuzzerTestOneInput(). It is linked either with
 * libFuzzer (-Dfuzzing=true, clang) or with fuzz-replay.c, a plain main()
 * that runs it on every file of the corpus directories it is given. A broken
 * promise is an abort() with one line on standard error saying which; a
 * crash, a leak or undefined behaviour is caught by the sanitizers when the
 * build has them.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lf-baseline.h"
#include "lf-scenario.h"

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Aborts, after printing the failed promise, when @cond is false. */
#define FUZZ_CHECK(cond, ...) \
  G_STMT_START { if (G_UNLIKELY (!(cond))) fuzz_fail (__FILE__, __LINE__, #cond, __VA_ARGS__); } G_STMT_END

G_GNUC_NORETURN G_GNUC_PRINTF (4, 5)
void fuzz_fail (const char *file, int line, const char *cond, const char *format, ...);

/* Once per process: warnings and criticals abort (as G_DEBUG=fatal-warnings
 * does in the tests), LANDFALL_BASELINE is ignored, the built-in baseline is
 * loaded and a picture of it kept. */
void              fuzz_init           (void);
const LfBaseline *fuzz_baseline       (void);

/* The built-in baseline is as it was after fuzz_init(): nothing a refused
 * (or accepted) input did has touched it. */
void fuzz_check_baseline_unchanged    (void);

/* A call that reports success returns no error; one that fails sets an error
 * whose message is one non-empty line. */
void fuzz_check_outcome               (const char   *what,
                                       gboolean      ok,
                                       const GError *error);

/* A scenario that a loader or --set accepted and lf_scenario_validate()
 * passes: name and description in UTF-8, plants within bounds with distinct
 * ids, a maker and a site. */
void fuzz_check_scenario              (const LfScenario *scenario);

/* Saved with lf_scenario_to_json(), it loads back equal (name, description,
 * every value, step and plant). */
void fuzz_check_round_trip            (const LfScenario *scenario);

/* Its projection (and counterfactual) is finite in every series, for every
 * year, maker and plant. */
void fuzz_check_projection            (const LfScenario *scenario);

/* The three above. */
void fuzz_check_accepted              (const LfScenario *scenario);

G_END_DECLS
