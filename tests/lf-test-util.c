/* lf-test-util.c: see lf-test-util.h. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lf-test-util.h"

char *
lf_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("landfall-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* g_ptr_array_sort() passes pointers to the elements. */
int
lf_test_compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
lf_test_list_dir (const char *dir, const char *separator)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, lf_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (separator, (char **) names->pdata);
}

void
lf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    d = g_dir_open (path, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      lf_test_remove_tree (child);
    }
  g_remove (path);
}

void
lf_test_wait_bands (LfDocument *doc)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!lf_document_get_bands_final (doc))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
lf_test_drain_bands (LfDocument *doc)
{
  lf_test_wait_bands (doc);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

LfScenario *
lf_test_scenario_from (const LfBaseline *baseline, const char *const *assignments)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);

  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      lf_scenario_apply (s, assignments[i], &error);
      g_assert_no_error (error);
    }
  g_assert_true (lf_scenario_validate (s, NULL));
  return g_steal_pointer (&s);
}
