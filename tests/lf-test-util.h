/* lf-test-util.h: folders for the unit tests that write files (test-file,
 * test-scenario, test-cli): a private one made, listed as a person would see
 * it, and removed. GLib only. */
#pragma once

#include <glib.h>

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

G_END_DECLS
