/* test-controls.c: the control rows read their ranges from the parameter
 * registry and never clamp a value the model allows (issue 10). Needs a
 * display: meson runs it under xvfb-run in suite gui; without one it skips. */
#define G_LOG_DOMAIN "landfall-test"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "lf-controls.h"
#include "lf-lever-row.h"
#include "lf-plant-row.h"
#include "lf-sensitivity-window.h"

/* The window's resource bundle, registered as the program registers it. */
GResource *landfall_ui_get_resource (void);

static LfBaseline *baseline;

static GtkWidget *
find_child (GtkWidget *widget, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_child (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkAdjustment *
spin_adjustment (GtkWidget *row)
{
  return gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (find_child (row, GTK_TYPE_SPIN_BUTTON)));
}

static GtkAdjustment *
slider_adjustment (GtkWidget *row)
{
  return gtk_range_get_adjustment (GTK_RANGE (find_child (row, GTK_TYPE_SCALE)));
}

/* Every numeric lever's exact entry spans the registry's whole range with
 * its step, decimals and page; its slider starts there and ends at the
 * registry's slider end or its maximum. */
static void
test_lever_row_range (void)
{
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);
      double scale = info->percent ? 100.0 : 1.0;
      GtkWidget *row;
      GtkAdjustment *spin, *slider;

      if (info->flags & LF_PARAM_FLAG_CHOICE)
        continue;
      row = g_object_ref_sink (lf_lever_row_new (i));
      spin = spin_adjustment (row);
      slider = slider_adjustment (row);
      g_test_message ("%s", info->key);
      g_assert_cmpfloat (gtk_adjustment_get_lower (spin), ==, info->min * scale);
      g_assert_cmpfloat (gtk_adjustment_get_upper (spin), ==, info->max * scale);
      g_assert_cmpfloat (gtk_adjustment_get_step_increment (spin), ==, info->step);
      g_assert_cmpfloat (gtk_adjustment_get_page_increment (spin), ==, info->step * 10);
      g_assert_cmpuint (gtk_spin_button_get_digits (GTK_SPIN_BUTTON (find_child (row, GTK_TYPE_SPIN_BUTTON))),
                        ==, info->digits);
      g_assert_cmpfloat (gtk_adjustment_get_lower (slider), ==, info->min * scale);
      g_assert_cmpfloat (gtk_adjustment_get_upper (slider), ==,
                         info->slider_max > 0 ? info->slider_max : info->max * scale);
      g_assert_cmpfloat (gtk_adjustment_get_step_increment (slider), ==, info->step);
      g_object_unref (row);
    }
}

static void
count_notify (GObject *object, GParamSpec *pspec, int *count)
{
  (*count)++;
}

/* 400 % is a valid tariff: the row shows it on both, the slider grows to
 * reach it, one step down gives 397.5; and the value notifies only when it
 * changes. */
static void
test_lever_row_never_clamps (void)
{
  GtkWidget *row = g_object_ref_sink (lf_lever_row_new (LF_PARAM_TARIFF_CHINA));
  GtkWidget *quota = g_object_ref_sink (lf_lever_row_new (LF_PARAM_QUOTA_CHINA));
  GtkAdjustment *slider = slider_adjustment (row);
  int notified = 0;

  g_signal_connect (row, "notify::value", G_CALLBACK (count_notify), &notified);
  lf_lever_row_set_value (LF_LEVER_ROW (row), 400);
  g_assert_cmpint (notified, ==, 1);
  lf_lever_row_set_value (LF_LEVER_ROW (row), 400);
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpfloat (lf_lever_row_get_value (LF_LEVER_ROW (row)), ==, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (spin_adjustment (row)), ==, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (slider), ==, 400);
  g_assert_cmpfloat (gtk_adjustment_get_upper (slider), ==, 400);

  /* One step down on the slider, as the Left key does. */
  gtk_adjustment_set_value (slider, gtk_adjustment_get_value (slider) - gtk_adjustment_get_step_increment (slider));
  g_assert_cmpfloat (lf_lever_row_get_value (LF_LEVER_ROW (row)), ==, 397.5);
  g_assert_cmpfloat (gtk_adjustment_get_value (spin_adjustment (row)), ==, 397.5);
  g_assert_cmpint (notified, ==, 2);

  /* Back inside the slider's own end, the slider ends there again. */
  lf_lever_row_set_value (LF_LEVER_ROW (row), 127.5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (slider), ==, 300);

  lf_lever_row_set_value (LF_LEVER_ROW (quota), 5000000);
  g_assert_cmpfloat (gtk_adjustment_get_value (spin_adjustment (quota)), ==, 5000000);
  g_assert_cmpfloat (gtk_adjustment_get_value (slider_adjustment (quota)), ==, 5000000);

  g_object_unref (quota);
  g_object_unref (row);
}

static void
on_changed (LfControls *controls, const char *key, GPtrArray *keys)
{
  g_ptr_array_add (keys, g_strdup (key));
}

static LfLeverRow *
find_lever (GtkWidget *widget, LfParam param)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      LfLeverRow *found;

      if (LF_IS_LEVER_ROW (c) && lf_lever_row_get_param (LF_LEVER_ROW (c)) == param)
        return LF_LEVER_ROW (c);
      if ((found = find_lever (c, param)) != NULL)
        return found;
    }
  return NULL;
}

/* The whole panel on a scenario beyond the old ends: it shows 400 % and
 * 5,000,000 without writing anything, and a change writes the key. */
static void
test_controls_scenario (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) before = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *controls = g_object_ref_sink (lf_controls_new ());
  LfLeverRow *tariff, *quota;

  g_assert_true (lf_scenario_set_number (s, "tariff.china", 400, NULL));
  g_assert_true (lf_scenario_set_number (s, "quota.china", 5000000, NULL));
  before = lf_scenario_copy (s);
  g_signal_connect (controls, "changed", G_CALLBACK (on_changed), keys);
  lf_controls_set_scenario (LF_CONTROLS (controls), s);

  tariff = find_lever (controls, LF_PARAM_TARIFF_CHINA);
  quota = find_lever (controls, LF_PARAM_QUOTA_CHINA);
  g_assert_nonnull (tariff);
  g_assert_nonnull (quota);
  g_assert_cmpfloat (lf_lever_row_get_value (tariff), ==, 400);
  g_assert_cmpfloat (lf_lever_row_get_value (quota), ==, 5000000);
  g_assert_cmpuint (keys->len, ==, 0);
  g_assert_true (lf_scenario_equal (s, before));

  lf_lever_row_set_value (tariff, 397.5);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "tariff.china");
  g_assert_cmpfloat (s->value[LF_PARAM_TARIFF_CHINA], ==, 397.5);

  g_object_unref (controls);
}

/* The panel builds its groups below the first after the window's first
 * frame, and a plant's controls when the plant is first opened. Outside a
 * window no frame comes: syncing shows what is built, and selecting a plant
 * builds the rest at once, showing the scenario as it is then, without
 * writing anything; the plant's controls then write their keys. */
static void
test_controls_lazy (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) before = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *controls = g_object_ref_sink (lf_controls_new ());
  GtkWidget *plant, *spin;
  LfLeverRow *elasticity;
  g_autofree char *key = NULL;

  g_assert_cmpint (s->n_plants, >, 0);
  g_signal_connect (controls, "changed", G_CALLBACK (on_changed), keys);
  lf_controls_set_scenario (LF_CONTROLS (controls), s);
  g_assert_nonnull (find_lever (controls, LF_PARAM_TARIFF_CHINA));
  g_assert_null (find_lever (controls, LF_PARAM_PRICE_ELASTICITY));

  /* Changed before the rest is built: shown once it is. */
  g_assert_true (lf_scenario_set_number (s, "behaviour.price_elasticity", -2.5, NULL));
  g_assert_true (lf_scenario_set_number (s, "tariff.mexico", 0.5, NULL));
  lf_controls_sync (LF_CONTROLS (controls));
  g_assert_cmpfloat (lf_lever_row_get_value (find_lever (controls, LF_PARAM_TARIFF_MEXICO)), ==, 0.5);
  before = lf_scenario_copy (s);

  lf_controls_select_plant (LF_CONTROLS (controls), 0);
  elasticity = find_lever (controls, LF_PARAM_PRICE_ELASTICITY);
  g_assert_nonnull (elasticity);
  g_assert_cmpfloat (lf_lever_row_get_value (elasticity), ==, -2.5);
  plant = find_child (controls, LF_TYPE_PLANT_ROW);
  g_assert_nonnull (plant);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (plant)));
  g_assert_cmpstr (lf_plant_row_get_plant_id (LF_PLANT_ROW (plant)), ==, s->plants[0].id);
  spin = find_child (plant, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, s->plants[0].capacity);
  g_assert_cmpuint (lf_plant_row_get_maker (LF_PLANT_ROW (plant)), ==, s->plants[0].maker);
  g_assert_cmpuint (keys->len, ==, 0);
  g_assert_true (lf_scenario_equal (s, before));

  /* Built, the plant's controls follow the scenario and write to it. */
  key = g_strdup_printf ("plant.%s.capacity", s->plants[0].id);
  g_assert_true (lf_scenario_set_number (s, key, 250000, NULL));
  lf_controls_sync (LF_CONTROLS (controls));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 250000);
  g_assert_cmpuint (keys->len, ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 300000);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, key);
  g_assert_cmpfloat (s->plants[0].capacity, ==, 300000);

  g_object_unref (controls);
}

/* ---- the Sensitivity window's attribution ------------------------------------- */

static LfScenario *
load_preset (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets", name, NULL);
  LfScenario *s = lf_scenario_load_file (baseline, path, &error);

  g_assert_no_error (error);
  return s;
}

/* The stack with a page named @name below @widget. */
static GtkStack *
find_stack_with (GtkWidget *widget, const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkStack *found;

      if (GTK_IS_STACK (c) && gtk_stack_get_child_by_name (GTK_STACK (c), name) != NULL)
        return GTK_STACK (c);
      if ((found = find_stack_with (c, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The attribution list's rows' titles, joined by "|", "" while it is empty. */
static char *
attribution_titles (GtkWidget *window)
{
  GtkWidget *list = find_child (window, GTK_TYPE_LIST_BOX);
  GString *out = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c))
      g_string_append_printf (out, "%s%s", out->len ? "|" : "", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)));
  return g_string_free (out, FALSE);
}

/* Runs the main loop until the list holds @want (or 20 s pass). */
static void
wait_for_titles (GtkWidget *window, const char *want)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *titles = attribution_titles (window);

      if (g_str_equal (titles, want))
        return;
      if (g_get_monotonic_time () > end)
        g_error ("the attribution list holds \"%s\", not \"%s\"", titles, want);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The second view follows the document: a new scenario replaces its rows,
 * and of two changes in a row only the last one's rows stay; closing the
 * window while one is computed leaves nothing behind. */
static void
test_sensitivity_attribution (void)
{
  g_autoptr(LfScenario) build = load_preset ("02-build-in-america.landfall");
  g_autoptr(LfScenario) trade = load_preset ("05-trade-deal.landfall");
  g_autoptr(LfScenario) mexico = load_preset ("03-mexico-route.landfall");
  g_autoptr(LfDocument) doc = lf_document_new_for_scenario (baseline, build);
  GtkWidget *window = lf_sensitivity_window_new (doc);
  GtkStack *stack = find_stack_with (window, "attribution");

  g_assert_nonnull (stack);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_titles (window, "");
  gtk_stack_set_visible_child_name (stack, "attribution");
  wait_for_titles (window, "Connected-vehicle rule|BYD plant (byd-tx)|Geely group plant (geely-sc)|Total change");

  lf_document_replace (doc, trade, TRUE);
  wait_for_titles (window, "Import quota on China-built EVs|Tariff on China-built EVs|Connected-vehicle rule|"
                           "Total change");

  /* Two changes before either is in: the first one's result is dropped. */
  lf_document_replace (doc, mexico, TRUE);
  lf_document_replace (doc, build, TRUE);
  wait_for_titles (window, "Connected-vehicle rule|BYD plant (byd-tx)|Geely group plant (geely-sc)|Total change");
  for (int i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  wait_for_titles (window, "Connected-vehicle rule|BYD plant (byd-tx)|Geely group plant (geely-sc)|Total change");

  /* Gone while a request runs. */
  lf_document_replace (doc, trade, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 300; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();
  g_assert_nonnull (landfall_ui_get_resource ());
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/ui/lever-row/range", test_lever_row_range);
  g_test_add_func ("/landfall/ui/lever-row/never-clamps", test_lever_row_never_clamps);
  g_test_add_func ("/landfall/ui/controls/beyond-old-ranges", test_controls_scenario);
  g_test_add_func ("/landfall/ui/controls/built-later", test_controls_lazy);
  g_test_add_func ("/landfall/ui/sensitivity/attribution", test_sensitivity_attribution);
  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
