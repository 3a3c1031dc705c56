/* test-document.c: the document a window binds to, with no display. Undo and
 * redo, a slider drag as one step, modified after a save, replacing the
 * scenario, all-or-nothing opening, and a refined band that arrives after
 * the values changed again is dropped. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lf-document.h"
#include "lf-test-util.h"

static LfBaseline *baseline;

/* ---- helpers ------------------------------------------------------------- */

typedef struct {
  guint title, modified, can_undo, can_redo, file;
  guint changed;
  LfDocumentChange last_change;
  guint bands;
} Counts;

static void
on_notify_cb (GObject *object, GParamSpec *pspec, Counts *c)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    c->title++;
  else if (g_str_equal (name, "modified"))
    c->modified++;
  else if (g_str_equal (name, "can-undo"))
    c->can_undo++;
  else if (g_str_equal (name, "can-redo"))
    c->can_redo++;
  else if (g_str_equal (name, "file"))
    c->file++;
}

static void
on_changed_cb (LfDocument *doc, LfDocumentChange change, Counts *c)
{
  c->changed++;
  c->last_change = change;
  if (change & LF_DOCUMENT_CHANGE_BANDS)
    c->bands++;
}

static LfDocument *
new_document (Counts *c)
{
  LfDocument *doc = lf_document_new (baseline);

  /* Few draws keep the test quick; the mechanics are those of 200 and 1,000. */
  lf_document_set_band_draws (doc, 20, 60);
  if (c != NULL)
    {
      memset (c, 0, sizeof *c);
      g_signal_connect (doc, "notify", G_CALLBACK (on_notify_cb), c);
      g_signal_connect (doc, "changed", G_CALLBACK (on_changed_cb), c);
    }
  return doc;
}

static void
edit (LfDocument *doc, const char *key, double value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lf_scenario_set_number (lf_document_get_scenario (doc), key, value, &error));
  g_assert_no_error (error);
  lf_document_commit_edit (doc, key);
}

static double
value_of (LfDocument *doc, LfParam param)
{
  return lf_document_get_scenario (doc)->value[param];
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_new (void)
{
  g_autoptr(LfDocument) doc = new_document (NULL);
  g_autoptr(LfScenario) plain = lf_scenario_new (baseline);
  LfProjection p;
  gboolean modified = TRUE, can_undo = TRUE;
  g_autofree char *title = NULL;
  g_autoptr(GFile) file = NULL;

  g_object_get (doc, "title", &title, "modified", &modified, "can-undo", &can_undo,
                "file", &file, NULL);
  g_assert_cmpstr (title, ==, "Current policy");
  g_assert_false (modified);
  g_assert_false (can_undo);
  g_assert_null (file);
  g_assert_false (lf_document_get_can_redo (doc));
  /* The projection and the reference are current policy's. */
  lf_project (plain, &p);
  g_assert_cmpmem (lf_document_get_projection (doc), sizeof p, &p, sizeof p);
  g_assert_cmpmem (lf_document_get_reference (doc), sizeof p, &p, sizeof p);
  lf_test_drain_bands (doc);
}

static void
test_undo_redo (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  g_autoptr(LfScenario) start = lf_scenario_copy (lf_document_get_scenario (doc));
  double china = value_of (doc, LF_PARAM_TARIFF_CHINA);

  edit (doc, "tariff.china", 25);
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, 25);
  g_assert_true (lf_document_get_modified (doc));
  g_assert_true (lf_document_get_can_undo (doc));
  g_assert_false (lf_document_get_can_redo (doc));
  g_assert_cmpuint (c.modified, ==, 1);
  g_assert_cmpuint (c.can_undo, ==, 1);
  g_assert_cmpuint (c.changed, ==, 1);
  g_assert_cmpuint (c.last_change, ==, LF_DOCUMENT_CHANGE_VALUES);

  edit (doc, "tariff.mexico", 30);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, 25);
  g_assert_true (lf_document_get_can_redo (doc));
  g_assert_cmpuint (c.last_change, ==, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, china);
  g_assert_true (lf_scenario_equal (lf_document_get_scenario (doc), start));
  g_assert_false (lf_document_get_modified (doc));
  g_assert_false (lf_document_get_can_undo (doc));
  g_assert_false (lf_document_undo (doc));

  g_assert_true (lf_document_redo (doc));
  g_assert_true (lf_document_redo (doc));
  g_assert_false (lf_document_redo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_MEXICO), ==, 30);
  g_assert_false (lf_document_get_can_redo (doc));

  /* A new edit after an undo forgets what could be redone. */
  g_assert_true (lf_document_undo (doc));
  g_assert_true (lf_document_get_can_redo (doc));
  edit (doc, "tariff.canada", 10);
  g_assert_false (lf_document_get_can_redo (doc));
  g_assert_false (lf_document_redo (doc));

  /* The projection follows the values every time. */
  {
    LfProjection p;
    lf_project (lf_document_get_scenario (doc), &p);
    g_assert_cmpmem (lf_document_get_projection (doc), sizeof p, &p, sizeof p);
  }
  lf_test_drain_bands (doc);
}

static void
test_coalescing (void)
{
  g_autoptr(LfDocument) doc = new_document (NULL);
  double china = value_of (doc, LF_PARAM_TARIFF_CHINA);

  /* A drag: one key, many values in quick succession, is one step. */
  for (int v = 30; v <= 60; v += 5)
    edit (doc, "tariff.china", v);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, china);
  g_assert_false (lf_document_get_can_undo (doc));

  /* Another key in between starts a step of its own. */
  edit (doc, "tariff.china", 40);
  edit (doc, "tariff.mexico", 40);
  edit (doc, "tariff.china", 45);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, 40);
  g_assert_true (lf_document_undo (doc));
  g_assert_true (lf_document_undo (doc));
  g_assert_false (lf_document_get_can_undo (doc));

  /* The same key after a pause is a new step. */
  edit (doc, "tariff.china", 50);
  g_usleep (LF_DOCUMENT_COALESCE_USEC + 100 * 1000);
  edit (doc, "tariff.china", 55);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, 50);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, china);

  /* An undo ends a drag: the next change of that key is a new step. */
  edit (doc, "tariff.china", 70);
  g_assert_true (lf_document_undo (doc));
  g_assert_true (lf_document_redo (doc));
  edit (doc, "tariff.china", 75);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpfloat (value_of (doc, LF_PARAM_TARIFF_CHINA), ==, 70);
  lf_test_drain_bands (doc);
}

static void
test_save (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.landfall", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "mine.landfall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;

  edit (doc, "tariff.china", 25);
  g_assert_true (lf_document_get_modified (doc));

  /* A save that fails changes nothing. */
  g_assert_false (lf_document_save (doc, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (lf_document_get_modified (doc));
  g_assert_null (lf_document_get_file (doc));

  g_assert_true (lf_document_save (doc, file, &error));
  g_assert_no_error (error);
  g_assert_false (lf_document_get_modified (doc));
  g_assert_true (g_file_equal (lf_document_get_file (doc), file));
  g_assert_cmpuint (c.file, ==, 1);
  /* Saving keeps the history. */
  g_assert_true (lf_document_get_can_undo (doc));

  edit (doc, "tariff.china", 30);
  g_assert_true (lf_document_get_modified (doc));
  /* Back to the saved values is unmodified again. */
  g_assert_true (lf_document_undo (doc));
  g_assert_false (lf_document_get_modified (doc));
  /* ... and undoing past the save is modified. */
  g_assert_true (lf_document_undo (doc));
  g_assert_true (lf_document_get_modified (doc));

  /* The file opens as it was saved, into another document. */
  {
    g_autoptr(LfDocument) other = new_document (NULL);
    g_assert_true (lf_document_open (other, file, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (value_of (other, LF_PARAM_TARIFF_CHINA), ==, 25);
    g_assert_false (lf_document_get_modified (other));
    g_assert_true (lf_document_get_can_undo (other));
    g_assert_true (g_file_equal (lf_document_get_file (other), file));
    lf_test_drain_bands (other);
  }
  lf_test_remove_tree (dir);
  lf_test_drain_bands (doc);
}

static void
test_replace (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  g_autoptr(LfScenario) next = lf_scenario_copy (lf_document_get_scenario (doc));
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.landfall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) before = NULL;

  lf_scenario_set_name (next, "Trade deal");
  g_assert_true (lf_scenario_set_number (next, "tariff.china", 10, NULL));

  /* Undoable replacement (a preset picked, a reset). */
  lf_document_replace (doc, next, TRUE);
  g_assert_cmpstr (lf_document_get_title (doc), ==, "Trade deal");
  g_assert_cmpuint (c.title, ==, 1);
  g_assert_true (lf_document_get_modified (doc));
  g_assert_cmpuint (c.last_change, ==, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpstr (lf_document_get_title (doc), ==, "Current policy");
  g_assert_true (lf_document_redo (doc));

  /* A starting point that is no file: unmodified, nothing to save. */
  lf_scenario_set_name (next, "Mexico route");
  lf_document_start_from (doc, next);
  g_assert_false (lf_document_get_modified (doc));
  g_assert_null (lf_document_get_file (doc));
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpstr (lf_document_get_title (doc), ==, "Trade deal");

  /* Not undoable (where the user left off last time). */
  while (lf_document_undo (doc))
    ;
  lf_document_replace (doc, next, FALSE);
  g_assert_false (lf_document_get_can_undo (doc));

  /* A file that does not load changes nothing at all. */
  g_assert_true (g_file_set_contents (path, "{\"tariff.china\": 900}", -1, NULL));
  before = lf_scenario_copy (lf_document_get_scenario (doc));
  g_assert_false (lf_document_open (doc, file, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (lf_scenario_equal (lf_document_get_scenario (doc), before));
  g_assert_null (lf_document_get_file (doc));
  g_assert_false (lf_document_get_can_undo (doc));
  lf_test_remove_tree (dir);
  lf_test_drain_bands (doc);
}

static void
test_bands (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  LfBands want, before;
  LfProjection old_p;
  const LfProjection *p;
  const LfSeries s = LF_SERIES_FORD_EV_SALES;

  lf_test_drain_bands (doc);
  before = *lf_document_get_bands (doc);
  old_p = *lf_document_get_projection (doc);
  c.bands = 0;
  edit (doc, "tariff.china", 40);
  /* In the frame of the edit: no draws, the band moved with the projection. */
  p = lf_document_get_projection (doc);
  g_assert_false (lf_document_get_bands_final (doc));
  for (int y = 0; y < LF_N_YEARS; y++)
    g_assert_cmpfloat_with_epsilon (lf_document_get_bands (doc)->p50[s][y] - before.p50[s][y],
                                    p->series[s][y] - old_p.series[s][y], 1e-6);
  /* Then the quick band and the refined one, each announced. */
  lf_test_wait_bands (doc);
  g_assert_cmpuint (c.bands, ==, 2);
  g_assert_cmpuint (c.last_change, ==, LF_DOCUMENT_CHANGE_BANDS);
  lf_monte_carlo (lf_document_get_scenario (doc), 60, LF_DOCUMENT_BAND_SEED, &want, NULL);
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want, &want, sizeof want);

  /* A new scenario gets its quick band at once. */
  {
    g_autoptr(LfScenario) next = lf_scenario_copy (lf_document_get_scenario (doc));
    g_assert_true (lf_scenario_set_number (next, "tariff.china", 10, NULL));
    lf_document_replace (doc, next, TRUE);
    lf_monte_carlo (next, 20, LF_DOCUMENT_BAND_SEED, &want, NULL);
    g_assert_cmpmem (lf_document_get_bands (doc), sizeof want, &want, sizeof want);
    lf_test_drain_bands (doc);
  }
}

/* A new scenario's quick band is drawn in a thread: the caller goes on, and
 * whoever asks for the bands first waits for it; if nobody asks, it comes
 * in as a change of its own. A scenario replaced before its band is in never
 * shows that band. */
static void
test_band_in_thread (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  g_autoptr(LfScenario) a = lf_scenario_copy (lf_document_get_scenario (doc));
  g_autoptr(LfScenario) b = lf_scenario_copy (lf_document_get_scenario (doc));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  LfBands want_a, want_b;

  g_assert_true (lf_scenario_set_number (a, "tariff.china", 10, NULL));
  g_assert_true (lf_scenario_set_number (b, "tariff.china", 90, NULL));
  lf_monte_carlo (a, 20, LF_DOCUMENT_BAND_SEED, &want_a, NULL);
  lf_monte_carlo (b, 20, LF_DOCUMENT_BAND_SEED, &want_b, NULL);
  lf_test_drain_bands (doc);

  /* Asked for: waited for, with no change of its own. */
  c.bands = 0;
  lf_document_replace (doc, a, TRUE);
  g_assert_true (lf_document_get_bands_pending (doc));
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want_a, &want_a, sizeof want_a);
  g_assert_false (lf_document_get_bands_pending (doc));
  g_assert_false (lf_document_get_bands_final (doc));
  lf_test_drain_bands (doc);
  g_assert_cmpuint (c.bands, ==, 1);   /* the refined one */

  /* Not asked for: it comes in with a change. */
  c.bands = 0;
  lf_document_replace (doc, b, TRUE);
  g_assert_true (lf_document_get_bands_pending (doc));
  while (lf_document_get_bands_pending (doc))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (c.bands, ==, 1);
  g_assert_cmpuint (c.last_change, ==, LF_DOCUMENT_CHANGE_BANDS);
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want_b, &want_b, sizeof want_b);
  lf_test_drain_bands (doc);

  /* Replaced again before its band is in: only the last scenario's band,
   * whether the first had finished or not. */
  lf_document_replace (doc, a, TRUE);
  lf_document_replace (doc, b, TRUE);
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want_b, &want_b, sizeof want_b);
  lf_test_drain_bands (doc);
  lf_monte_carlo (b, 60, LF_DOCUMENT_BAND_SEED, &want_b, NULL);
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want_b, &want_b, sizeof want_b);

  /* An edit while the band is drawn moves that band with the projection. */
  {
    LfProjection before;
    const LfProjection *p;
    const LfSeries series = LF_SERIES_FORD_EV_SALES;

    lf_document_replace (doc, a, TRUE);
    before = *lf_document_get_projection (doc);
    edit (doc, "tariff.china", 40);
    g_assert_false (lf_document_get_bands_pending (doc));
    p = lf_document_get_projection (doc);
    for (int y = 0; y < LF_N_YEARS; y++)
      g_assert_cmpfloat_with_epsilon (lf_document_get_bands (doc)->p50[series][y] - want_a.p50[series][y],
                                      p->series[series][y] - before.series[series][y], 1e-6);
    lf_test_drain_bands (doc);
  }
}

/* A refined band that comes in after the values changed again is dropped. */
static void
test_stale_band (void)
{
  Counts c;
  g_autoptr(LfDocument) doc = new_document (&c);
  gint64 deadline;
  LfBands want;

  lf_test_drain_bands (doc);
  c.bands = 0;
  edit (doc, "tariff.china", 40);
  /* Let that band finish in its thread: its result is then waiting to be
   * dispatched here, and cannot be cancelled any more. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  edit (doc, "tariff.china", 80);
  want = *lf_document_get_bands (doc);

  /* The first result is dispatched: it must not replace the current band
   * (the second may come in the same iteration, and then may). */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (lf_document_get_stale_bands (doc), ==, 1);
  if (c.bands == 0)
    g_assert_cmpmem (lf_document_get_bands (doc), sizeof want, &want, sizeof want);

  lf_test_wait_bands (doc);
  g_assert_cmpuint (c.bands, ==, 2);
  lf_monte_carlo (lf_document_get_scenario (doc), 60, LF_DOCUMENT_BAND_SEED, &want, NULL);
  g_assert_cmpmem (lf_document_get_bands (doc), sizeof want, &want, sizeof want);
}

/* A document dropped while its band is being refined goes at once; the
 * band, when it comes in, is dropped, and the baseline it used stays alive. */
static void
test_dispose_while_busy (void)
{
  LfDocument *doc = new_document (NULL);
  GWeakRef weak;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  lf_test_drain_bands (doc);
  edit (doc, "tariff.china", 40);
  g_weak_ref_init (&weak, doc);
  g_object_unref (doc);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  /* The job finishes (or sees its cancellation) and reports here. */
  while (!g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* A document holds its baseline: it outlives the caller's reference
   * (the sanitizer build would see a use after free). */
  {
    g_autoptr(GError) error = NULL;
    LfBaseline *own = lf_baseline_load_default (&error);

    g_assert_no_error (error);
    doc = lf_document_new (own);
    lf_baseline_unref (own);
    edit (doc, "tariff.china", 40);
    g_object_unref (doc);
    /* Give its job time to finish with the baseline. */
    while (g_get_monotonic_time () < deadline - 29 * G_USEC_PER_SEC)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
}

/* A preset or a file that replaces unsaved changes can give them back
 * exactly: the scenario, its file, and that it was modified. */
static void
test_restore_state (void)
{
  g_autoptr(LfDocument) doc = new_document (NULL);
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.landfall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) edited = NULL;
  g_autoptr(LfScenario) deal = lf_scenario_copy (lf_document_get_scenario (doc));
  g_autoptr(LfDocumentState) before = NULL;

  edit (doc, "tariff.china", 25);
  g_assert_true (lf_document_save (doc, file, &error));
  g_assert_no_error (error);
  edit (doc, "tariff.mexico", 10);
  g_assert_true (lf_document_get_modified (doc));
  edited = lf_scenario_copy (lf_document_get_scenario (doc));
  g_assert_true (lf_scenario_equal (lf_document_get_saved (doc), lf_document_get_scenario (doc)) == FALSE);

  /* A preset replaces it. */
  before = lf_document_get_state (doc);
  lf_scenario_set_name (deal, "Trade deal");
  g_assert_true (lf_scenario_set_number (deal, "tariff.china", 27.5, NULL));
  lf_document_start_from (doc, deal);
  g_assert_false (lf_document_get_modified (doc));
  g_assert_null (lf_document_get_file (doc));
  g_assert_cmpstr (lf_document_get_title (doc), ==, "Trade deal");

  /* Undo in the toast. */
  lf_document_restore_state (doc, before);
  g_assert_true (lf_scenario_equal (lf_document_get_scenario (doc), edited));
  g_assert_cmpstr (lf_document_get_title (doc), ==, edited->name);
  g_assert_nonnull (lf_document_get_file (doc));
  g_assert_true (g_file_equal (lf_document_get_file (doc), file));
  g_assert_true (lf_document_get_modified (doc));
  g_assert_cmpfloat (lf_document_get_saved (doc)->value[LF_PARAM_TARIFF_CHINA], ==, 25);
  g_assert_cmpfloat (lf_document_get_saved (doc)->value[LF_PARAM_TARIFF_MEXICO], !=, 10);
  /* The restore is a step of its own: undo goes back to the preset. */
  g_assert_true (lf_document_undo (doc));
  g_assert_cmpstr (lf_document_get_title (doc), ==, "Trade deal");

  lf_test_remove_tree (dir);
  lf_test_drain_bands (doc);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/document/new", test_new);
  g_test_add_func ("/landfall/document/undo-redo", test_undo_redo);
  g_test_add_func ("/landfall/document/coalescing", test_coalescing);
  g_test_add_func ("/landfall/document/save", test_save);
  g_test_add_func ("/landfall/document/replace", test_replace);
  g_test_add_func ("/landfall/document/restore-state", test_restore_state);
  g_test_add_func ("/landfall/document/bands", test_bands);
  g_test_add_func ("/landfall/document/band-in-thread", test_band_in_thread);
  g_test_add_func ("/landfall/document/stale-band", test_stale_band);
  g_test_add_func ("/landfall/document/dispose-while-busy", test_dispose_while_busy);
  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
