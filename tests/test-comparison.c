/* test-comparison.c: scenarios side by side, with no display. Pinning up
 * to five, removing, which is edited and which is the reference; a change
 * projects only its own document; saving and reopening; and what differs
 * between two scenarios, in words. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lf-comparison.h"
#include "lf-difference.h"
#include "lf-format.h"
#include "lf-test-util.h"

static LfBaseline *baseline;

static LfScenario *
preset (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets", name, NULL);
  g_autoptr(GError) error = NULL;
  LfScenario *s = lf_scenario_load_file (baseline, path, &error);

  g_assert_no_error (error);
  return s;
}

/* Lets every document's refined band come in. */
static void
settle (LfComparison *c)
{
  for (guint i = 0; i < lf_comparison_get_n_documents (c); i++)
    lf_test_drain_bands (lf_comparison_get_document (c, i));
}

typedef struct {
  guint position, removed, added, calls;
} ItemsChanged;

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, ItemsChanged *ic)
{
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
  ic->calls++;
}

static void
on_changed_cb (LfComparison *c, guint index, LfDocumentChange change, guint *counts)
{
  if (change & LF_DOCUMENT_CHANGE_VALUES)
    counts[index]++;
}

static void
test_pin_and_remove (void)
{
  g_autoptr(LfComparison) c = lf_comparison_new (baseline);
  g_autoptr(LfScenario) deal = preset ("05-trade-deal.landfall");
  g_autoptr(GError) error = NULL;
  ItemsChanged ic = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (c)) == LF_TYPE_DOCUMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (c)), ==, 1);
  g_assert_cmpuint (lf_comparison_get_edited_index (c), ==, 0);
  g_assert_cmpuint (lf_comparison_get_reference_index (c), ==, 0);
  g_signal_connect (c, "items-changed", G_CALLBACK (on_items_changed_cb), &ic);

  for (int i = 1; i < LF_COMPARISON_MAX; i++)
    {
      g_assert_true (lf_comparison_pin (c, deal, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ic.position, ==, (guint) i);
      g_assert_cmpuint (ic.added, ==, 1);
    }
  /* A pinned scenario is unmodified, with nothing to undo, and equal to what was pinned. */
  {
    LfDocument *d = lf_comparison_get_document (c, 1);
    g_assert_true (lf_scenario_equal (lf_document_get_scenario (d), deal));
    g_assert_false (lf_document_get_modified (d));
    g_assert_false (lf_document_get_can_undo (d));
  }
  /* A sixth is refused, and nothing changes. */
  ic.calls = 0;
  g_assert_false (lf_comparison_pin (c, deal, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpuint (ic.calls, ==, 0);
  g_assert_cmpuint (lf_comparison_get_n_documents (c), ==, LF_COMPARISON_MAX);

  /* Edited 3, reference 4: removing 1 moves both down; removing the edited one
   * makes its neighbour the edited one. */
  lf_comparison_set_edited_index (c, 3);
  lf_comparison_set_reference_index (c, 4);
  g_assert_true (lf_comparison_remove (c, 1, &error));
  g_assert_cmpuint (lf_comparison_get_edited_index (c), ==, 2);
  g_assert_cmpuint (lf_comparison_get_reference_index (c), ==, 3);
  g_assert_true (lf_comparison_remove (c, 3, &error));
  g_assert_cmpuint (lf_comparison_get_reference_index (c), ==, 2);
  g_assert_true (lf_comparison_remove (c, 2, &error));
  g_assert_cmpuint (lf_comparison_get_edited_index (c), ==, 1);
  g_assert_cmpuint (lf_comparison_get_reference_index (c), ==, 1);
  g_assert_true (lf_comparison_remove (c, 0, &error));
  g_assert_cmpuint (lf_comparison_get_n_documents (c), ==, 1);
  g_assert_cmpuint (lf_comparison_get_edited_index (c), ==, 0);
  /* The last one stays. */
  g_assert_false (lf_comparison_remove (c, 0, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (lf_comparison_get_n_documents (c), ==, 1);
  settle (c);
}

/* A change to one document projects it again, and no other. */
static void
test_only_changed_projects (void)
{
  g_autoptr(LfComparison) c = lf_comparison_new (baseline);
  g_autoptr(LfScenario) deal = preset ("05-trade-deal.landfall");
  guint counts[LF_COMPARISON_MAX] = { 0 };
  LfProjection before[3];
  LfDocument *edited;

  g_assert_true (lf_comparison_pin (c, deal, NULL));
  g_assert_true (lf_comparison_pin (c, deal, NULL));
  settle (c);
  for (int i = 0; i < 3; i++)
    before[i] = *lf_document_get_projection (lf_comparison_get_document (c, i));
  g_signal_connect (c, "changed", G_CALLBACK (on_changed_cb), counts);

  lf_comparison_set_edited_index (c, 1);
  edited = lf_comparison_get_edited (c);
  g_assert_true (edited == lf_comparison_get_document (c, 1));
  g_assert_true (lf_scenario_set_number (lf_document_get_scenario (edited), "tariff.china@2027", 10, NULL));
  lf_document_commit_edit (edited, "tariff.china@2027");
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpmem (lf_document_get_projection (lf_comparison_get_document (c, 0)), sizeof (LfProjection),
                   &before[0], sizeof (LfProjection));
  g_assert_cmpmem (lf_document_get_projection (lf_comparison_get_document (c, 2)), sizeof (LfProjection),
                   &before[2], sizeof (LfProjection));
  g_assert_true (memcmp (lf_document_get_projection (edited), &before[1], sizeof (LfProjection)) != 0);
  settle (c);
}

/* Saved as a file and read back into another comparison: the same. */
static void
test_save_and_replace (void)
{
  g_autoptr(LfComparison) c = lf_comparison_new (baseline);
  g_autoptr(LfComparison) other = lf_comparison_new (baseline);
  g_autoptr(LfScenario) deal = preset ("05-trade-deal.landfall");
  g_autoptr(LfScenario) mexico = preset ("03-mexico-route.landfall");
  g_autoptr(LfComparisonFile) file = NULL;
  g_autoptr(LfComparisonFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "briefing.landfall", NULL);
  ItemsChanged ic = { 0 };

  g_assert_true (lf_comparison_pin (c, deal, NULL));
  g_assert_true (lf_comparison_pin (c, mexico, NULL));
  lf_comparison_set_edited_index (c, 2);
  lf_comparison_set_reference_index (c, 1);
  file = lf_comparison_to_file (c);
  g_assert_true (lf_comparison_file_save (file, path, &error));
  g_assert_no_error (error);
  back = lf_comparison_file_load_file (baseline, path, &error);
  g_assert_no_error (error);

  g_signal_connect (other, "items-changed", G_CALLBACK (on_items_changed_cb), &ic);
  lf_comparison_replace (other, back);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 3);
  g_assert_cmpuint (lf_comparison_get_n_documents (other), ==, 3);
  g_assert_cmpuint (lf_comparison_get_edited_index (other), ==, 2);
  g_assert_cmpuint (lf_comparison_get_reference_index (other), ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_true (lf_scenario_equal (lf_document_get_scenario (lf_comparison_get_document (other, i)),
                                      lf_document_get_scenario (lf_comparison_get_document (c, i))));
  lf_test_remove_tree (dir);
  settle (c);
  settle (other);
}

static const LfDifference *
find (GPtrArray *d, const char *key)
{
  for (guint i = 0; i < d->len; i++)
    if (g_str_equal (((LfDifference *) g_ptr_array_index (d, i))->key, key))
      return g_ptr_array_index (d, i);
  return NULL;
}

/* What differs, in words; nothing for equal scenarios, names aside. */
static void
test_differences (void)
{
  g_autoptr(LfScenario) current = lf_scenario_new (baseline);
  g_autoptr(LfScenario) deal = preset ("05-trade-deal.landfall");
  g_autoptr(LfScenario) mexico = preset ("03-mexico-route.landfall");
  g_autoptr(LfScenario) renamed = lf_scenario_copy (current);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) d = lf_differences (current, deal);
  g_autoptr(GPtrArray) m = lf_differences (current, mexico);
  const LfDifference *x;

  if (!g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "en_US"))
    {
      g_test_skip ("the words are checked in en_US.UTF-8, which is not installed");
      return;
    }
  lf_scenario_set_name (renamed, "Another name");
  none = lf_differences (current, renamed);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpuint (d->len, ==, 3);
  x = find (d, "tariff.china");
  g_assert_nonnull (x);
  g_assert_cmpstr (x->label, ==, "Tariff on China-built EVs");
  {
    g_autofree char *high = lf_format_percent (127.5, 1);
    g_autofree char *low = lf_format_percent (27.5, 1);
    g_autofree char *later = g_strdup_printf ("%s, %s from 2027", high, low);

    g_assert_cmpstr (x->a, ==, high);
    g_assert_cmpstr (x->b, ==, later);
  }
  x = find (d, "quota.china");
  g_assert_cmpstr (x->a, ==, "no limit");
  g_assert_cmpstr (x->b, ==, "no limit, 100,000 a year from 2027");
  x = find (d, "rule.connected_vehicle");
  /* A mode in the words its control uses. */
  g_assert_cmpstr (x->b, ==, "As published: Chinese makers barred from 2027, Off from 2027");

  /* Plants the Mexico route adds, and the rule it switches off. */
  x = find (m, "plant.byd-mx");
  g_assert_nonnull (x);
  g_assert_cmpstr (x->label, ==, "BYD plant (byd-mx)");
  g_assert_cmpstr (x->a, ==, "—");
  g_assert_nonnull (strstr (x->b, "150,000 a year"));
  g_assert_nonnull (find (m, "rule.connected_vehicle"));
  /* Both ways round, the same keys. */
  {
    g_autoptr(GPtrArray) back = lf_differences (mexico, current);
    g_assert_cmpuint (back->len, ==, m->len);
    for (guint i = 0; i < m->len; i++)
      {
        const LfDifference *f = g_ptr_array_index (m, i);
        const LfDifference *r = find (back, f->key);
        g_assert_nonnull (r);
        g_assert_cmpstr (r->a, ==, f->b);
        g_assert_cmpstr (r->b, ==, f->a);
      }
  }
}

/* An edited preset says what changed from it, with a count, its first
 * changes by name and how many more; nothing when nothing changed. */
static void
test_changes_words (void)
{
  g_autoptr(LfScenario) deal = preset ("05-trade-deal.landfall");
  g_autoptr(LfScenario) edited = lf_scenario_copy (deal);
  g_autofree char *none = lf_changes_words (deal, edited, 2);
  g_autofree char *one = NULL, *three = NULL;

  if (!g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "en_US"))
    {
      g_test_skip ("the words are checked in en_US.UTF-8, which is not installed");
      return;
    }
  g_assert_null (none);
  g_assert_true (lf_scenario_set_number (edited, "credit.ev_usd", 7500, NULL));
  one = lf_changes_words (deal, edited, 2);
  g_assert_cmpstr (one, ==, "Changed from Trade deal (1 setting differs): EV purchase credit $7,500 (was $0).");
  g_assert_true (lf_scenario_set_number (edited, "tariff.mexico", 0, NULL));
  g_assert_true (lf_scenario_set_number (edited, "ford.partnership", 1, NULL));
  three = lf_changes_words (deal, edited, 2);
  g_assert_true (g_str_has_prefix (three, "Changed from Trade deal (3 settings differ): "));
  g_assert_true (g_str_has_suffix (three, "; and 1 more."));

  /* A dragged slider's value reads as its control shows it, not 6.4815. */
  {
    g_autoptr(LfScenario) dragged = lf_scenario_copy (deal);
    g_autofree char *words = NULL;

    g_assert_true (lf_scenario_set_number (dragged, "tariff.mexico", 6.4815, NULL));
    words = lf_changes_words (deal, dragged, 2);
    g_assert_nonnull (strstr (words, "6.5 %"));
    g_assert_null (strstr (words, "6.48"));
  }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Words in English with grouping: the tests read "100,000". */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/comparison/pin-and-remove", test_pin_and_remove);
  g_test_add_func ("/landfall/comparison/only-changed-projects", test_only_changed_projects);
  g_test_add_func ("/landfall/comparison/save-and-replace", test_save_and_replace);
  g_test_add_func ("/landfall/comparison/differences", test_differences);
  g_test_add_func ("/landfall/comparison/changes-words", test_changes_words);
  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
