/* lf-test-util.h: folders for the unit tests that write files (test-file,
 * test-scenario, test-cli): a private one made, listed as a person would see
 * it, and removed; and waiting for a document's bands (test-document,
 * test-comparison). GLib and the model only. */
#pragma once

#include <glib.h>

#include "lf-document.h"

G_BEGIN_DECLS

/* A new private folder under the temporary directory; the test fails if it
 * cannot be made. */
char *lf_test_make_temp_dir (void);

/* For g_ptr_array_sort() of strings: byte order. */
int   lf_test_compare_names (gconstpointer a,
                             gconstpointer b);

/* The folder's names, sorted, joined by @separator. */
char *lf_test_list_dir      (const char *dir,
                             const char *separator);

/* Removes @path: a file, or a folder and all below it. A symbolic link is
 * removed, never followed. */
void  lf_test_remove_tree   (const char *path);

/* Runs the main loop until @doc's refined band for its current values is in. */
void  lf_test_wait_bands    (LfDocument *doc);

/* A scenario of @baseline with "key=value" @assignments applied (each must
 * apply, and the result validate). */
LfScenario *lf_test_scenario_from (const LfBaseline *baseline,
                                   const char *const *assignments);

/* That, then every result still queued for the main loop dispatched. */
void  lf_test_drain_bands   (LfDocument *doc);

G_END_DECLS
