/* test-controls.c: the control rows read their ranges from the parameter
 * registry and never clamp a value the model allows (issue 10). Needs a
 * display: meson runs it under xvfb-run in suite gui; without one it skips. */
#define G_LOG_DOMAIN "landfall-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-center-bin.h"
#include "lf-chart-view.h"
#include "lf-choice-row.h"
#include "lf-controls.h"
#include "lf-format.h"
#include "lf-lever-row.h"
#include "lf-plant-row.h"
#include "lf-row-common.h"
#include "lf-schedule-popover.h"
#include "lf-sensitivity-window.h"
#include "lf-stable-bin.h"
#include "lf-summary-card.h"
#include "lf-switch-row.h"
#include "lf-welcome.h"
#include "lf-window.h"
#include "lf-scenario-file.h"

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

static gboolean shows_label (GtkWidget *widget, const char *text);

/* A switch row: named by its lever, activated from its list (a click or a
 * key on the row) it flips its switch; its subtitle shows only when there is
 * one; a note's icon comes after the switch; and its wrapped name is never
 * asked its width at a height (the centre bin answers from the width). */
static void
test_switch_row (void)
{
  GtkWidget *list = g_object_ref_sink (gtk_list_box_new ());
  GtkWidget *row = GTK_WIDGET (g_object_new (LF_TYPE_SWITCH_ROW, "param", LF_PARAM_CREDIT_EXCLUDE_CHINESE, NULL));
  const char *name = lf_param_info (LF_PARAM_CREDIT_EXCLUDE_CHINESE)->label;
  GtkWidget *sw, *icon;
  int min, nat, min_high, nat_high;

  /* A switch flips at the end of its animation, which an unmapped one never reaches. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_assert_true (shows_label (row, name));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  sw = find_child (row, GTK_TYPE_SWITCH);
  g_assert_false (lf_switch_row_get_active (LF_SWITCH_ROW (row)));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (lf_switch_row_get_active (LF_SWITCH_ROW (row)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_false (lf_switch_row_get_active (LF_SWITCH_ROW (row)));

  g_assert_false (shows_label (row, "On or off"));
  g_object_set (row, "subtitle", "On or off", NULL);
  g_assert_true (shows_label (row, "On or off"));
  g_object_set (row, "subtitle", "", NULL);
  {
    GtkWidget *title = find_child (row, GTK_TYPE_LABEL);
    GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, name);
    g_assert_true (gtk_widget_has_css_class (subtitle, "subtitle"));
    g_assert_false (gtk_widget_get_visible (subtitle));
  }

  lf_row_set_note (row, "A note");
  icon = gtk_widget_get_next_sibling (sw);
  g_assert_true (GTK_IS_IMAGE (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, "A note");

  /* Its width at a given height is its width. */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, 400, &min_high, &nat_high, NULL, NULL);
  g_assert_cmpint (min, ==, min_high);
  g_assert_cmpint (nat, ==, nat_high);

  /* Out of its list, a row activated elsewhere is not its business. */
  g_object_ref (row);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_false (lf_switch_row_get_active (LF_SWITCH_ROW (row)));
  g_object_unref (row);
  g_object_unref (list);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* A choice row: a combo box to assistive technology, its title and chosen
 * value shown, no list until it is first opened; activated in its list box
 * it opens its list, whose items are whole (AdwComboRow's own cut them at 20
 * characters), and choosing one there sets it, shows it and notifies once. */
static void
on_selected_cb (GObject *row, GParamSpec *pspec, int *count)
{
  (*count)++;
}

static void
test_choice_row (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  LfChoiceRow *row = LF_CHOICE_ROW (g_object_new (LF_TYPE_CHOICE_ROW, "param", LF_PARAM_RULE_CONNECTED_VEHICLE, NULL));
  const LfParamInfo *info = lf_param_info (LF_PARAM_RULE_CONNECTED_VEHICLE);
  GtkWidget *popover, *view;
  GListModel *items;
  int notified = 0, min, nat, min_high, nat_high;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)), ==, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "combo"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected_cb), &notified);
  g_assert_true (shows_label (GTK_WIDGET (row), info->label));
  g_assert_true (shows_label (GTK_WIDGET (row), info->choice_labels[0]));
  g_assert_null (find_child (GTK_WIDGET (row), GTK_TYPE_POPOVER));

  g_signal_emit_by_name (list, "row-activated", row);
  popover = find_child (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "has-open-popup"));
  view = find_child (popover, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (view);
  items = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  for (guint i = 0; info->choice_labels[i] != NULL; i++)
    g_assert_cmpstr (gtk_string_object_get_string (g_list_model_get_item (items, i)), ==, info->choice_labels[i]);
  g_object_unref (g_list_model_get_item (items, 0));
  g_object_unref (g_list_model_get_item (items, 1));
  g_object_unref (g_list_model_get_item (items, 2));
  /* Its items whole: wrapped, not cut off with an ellipsis. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (shows_label (popover, info->choice_labels[1]));
  for (GtkWidget *label = find_child (popover, GTK_TYPE_LABEL); label != NULL; label = NULL)
    {
      g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
    }

  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpuint (lf_choice_row_get_selected (row), ==, 1);
  g_assert_cmpint (notified, ==, 1);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "has-open-popup"));
  g_assert_true (shows_label (GTK_WIDGET (row), info->choice_labels[1]));
  /* Opened again: the same list, the choice marked in it. */
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (find_child (GTK_WIDGET (row), GTK_TYPE_POPOVER) == popover);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  /* Set from outside: shown, notified once; the same again or out of range: nothing. */
  lf_choice_row_set_selected (row, 2);
  lf_choice_row_set_selected (row, 2);
  lf_choice_row_set_selected (row, 99);
  g_assert_cmpint (notified, ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (row), info->choice_labels[2]));

  /* Its width at a given height is its width (no search among its labels). */
  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_HORIZONTAL, 400, &min_high, &nat_high, NULL, NULL);
  g_assert_cmpint (min, ==, min_high);
  g_assert_cmpint (nat, ==, nat_high);
  gtk_window_destroy (GTK_WINDOW (window));
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

/* ---- words a newcomer meets (issue 12) ---------------------------------------- */

/* Developer text that must not be in a tooltip. */
static void
assert_plain_tooltip (const char *tip, const char *where)
{
  if (tip == NULL)
    return;
  g_test_message ("%s: %s", where, tip);
  g_assert_null (strstr (tip, "Key:"));
  g_assert_null (strstr (tip, "data/"));
  g_assert_null (strstr (tip, ".json"));
  g_assert_null (strstr (tip, "0 off"));
  g_assert_null (strchr (tip, '\n'));
  g_assert_cmpuint (g_utf8_strlen (tip, -1), <=, 100);
}

static void
collect_tooltips (GtkWidget *widget, guint *n_tips, guint *n_info)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *tip = gtk_widget_get_tooltip_text (c);

      /* A combo row keeps its tooltip itself (away from its open list). */
      if (tip == NULL)
        tip = g_object_get_data (G_OBJECT (c), "lf-tip");
      if (tip != NULL)
        {
          (*n_tips)++;
          assert_plain_tooltip (tip, G_OBJECT_TYPE_NAME (c));
          if (GTK_IS_MENU_BUTTON (c) && g_str_has_prefix (tip, "About "))
            (*n_info)++;
        }
      collect_tooltips (c, n_tips, n_info);
    }
}

/* Each lever's tooltip is one short plain sentence; its About popover says
 * what it means, its range and today's value in words, the source of that
 * from the baseline, and its key for analysts. */
static void
test_tooltips_and_about (void)
{
  for (int p = 0; p < LF_N_PARAMS; p++)
    {
      const LfParamInfo *info = lf_param_info (p);
      g_autofree char *tip = lf_param_tooltip (p, baseline);
      g_autofree char *about = lf_param_about (p, baseline);
      g_autofree char *files = g_strdup_printf ("In files: %s", info->key);
      const char *source = lf_baseline_get_source (baseline, info->key);

      assert_plain_tooltip (tip, info->key);
      g_assert_nonnull (source);
      g_assert_nonnull (strstr (about, source));
      g_assert_nonnull (strstr (about, files));
      g_assert_nonnull (strstr (about, "Today: "));
      g_assert_true (g_str_has_prefix (about, info->about));
    }
  {
    g_autofree char *about = lf_param_about (LF_PARAM_RULE_CONNECTED_VEHICLE, baseline);
    g_autofree char *tariff = lf_param_about (LF_PARAM_TARIFF_CHINA, baseline);

    g_assert_nonnull (strstr (about, "Today: As published: Chinese makers barred from 2027."));
    g_assert_nonnull (strstr (about, "Choices: Off; "));
    g_assert_nonnull (strstr (tariff, "Today: 127.5"));
  }

  /* The whole panel, every group and a plant opened: plain tooltips, and an
   * About button on every lever, switch, choice and plant field. */
  {
    g_autoptr(LfScenario) s = lf_scenario_new (baseline);
    GtkWidget *controls = g_object_ref_sink (lf_controls_new ());
    guint n_tips = 0, n_info = 0, n_authorised = 0;

    lf_controls_set_scenario (LF_CONTROLS (controls), s);
    lf_controls_select_plant (LF_CONTROLS (controls), 0);
    collect_tooltips (controls, &n_tips, &n_info);
    for (int m = 0; m < baseline->n_makers; m++)
      n_authorised += baseline->makers[m].chinese_controlled;
    /* The quota has two rows (its switch and its size), each with its button;
     * a plant's four fields have one each. */
    g_assert_cmpuint (n_info, ==, LF_N_PARAMS + 1 + n_authorised + 4);
    g_object_unref (controls);
  }
}

/* A spin button shows the locale's digit grouping and reads it back; a bad
 * entry is refused and the value kept. */
static void
test_spin_grouping (void)
{
  GtkAdjustment *adj = gtk_adjustment_new (0, 0, 2000000, 10000, 100000, 0);
  GtkWidget *spin = g_object_ref_sink (gtk_spin_button_new (adj, 10000, 0));

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      g_object_unref (spin);
      return;
    }
  lf_spin_group_digits (GTK_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 200000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "200,000");

  gtk_editable_set_text (GTK_EDITABLE (spin), "250,000");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 250000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "250,000");

  gtk_editable_set_text (GTK_EDITABLE (spin), "300000");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 300000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "300,000");

  /* Refused: the old value stays and is shown again. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "lots");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 300000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "300,000");

  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), "200.000");
      gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
      g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 200000);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "200.000");
    }
  setlocale (LC_ALL, "C.UTF-8");

  /* A lever row's exact entry and a plant's capacity use it. */
  {
    g_autoptr(LfScenario) s = lf_scenario_new (baseline);
    GtkWidget *controls = g_object_ref_sink (lf_controls_new ());
    GtkWidget *plant, *capacity;

    setlocale (LC_ALL, "en_US.UTF-8");
    g_assert_true (lf_scenario_set_number (s, "quota.china", 100000, NULL));
    lf_controls_set_scenario (LF_CONTROLS (controls), s);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_child (GTK_WIDGET (find_lever (controls, LF_PARAM_QUOTA_CHINA)),
                                                                      GTK_TYPE_SPIN_BUTTON))), ==, "100,000");
    lf_controls_select_plant (LF_CONTROLS (controls), 0);
    plant = find_child (controls, LF_TYPE_PLANT_ROW);
    capacity = find_child (plant, GTK_TYPE_SPIN_BUTTON);
    /* The maker's and the site's lists show whole items. */
    for (GtkWidget *c = find_child (plant, ADW_TYPE_COMBO_ROW); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (ADW_IS_COMBO_ROW (c))
        g_assert_nonnull (adw_combo_row_get_list_factory (ADW_COMBO_ROW (c)));
    {
      g_autofree char *shown = lf_format_value (s->plants[0].capacity, 0);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (capacity)), ==, shown);
      g_assert_nonnull (strchr (shown, ','));
    }
    setlocale (LC_ALL, "C.UTF-8");
    g_object_unref (controls);
  }
  g_object_unref (spin);
}

static GtkWidget *
find_row_of (GtkWidget *widget, GType type, LfParam param)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        {
          LfParam p;

          g_object_get (c, "param", &p, NULL);
          if (p == param)
            return c;
        }
      if ((found = find_row_of (c, type, param)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether any label under @widget shows exactly @text. */
static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_visible (c) && g_str_equal (gtk_label_get_text (GTK_LABEL (c)), text))
        return TRUE;
      if (shows_label (c, text))
        return TRUE;
    }
  return FALSE;
}

/* The trade deal: no quota now, 100,000 from 2027, the rule off from 2027.
 * The quota's switch says so rather than "Off: no limit"; its size shows the
 * quota that binds; the rule's schedule names the choice ("Off", not "0"). */
static void
test_schedule_shown (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets",
                                            "05-trade-deal.landfall", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = lf_scenario_load_file (baseline, path, &error);
  GtkWidget *controls, *quota_switch, *rule, *window = NULL;
  g_autofree char *rule_text = NULL;

  g_assert_no_error (error);
  g_assert_false (isfinite (s->value[LF_PARAM_QUOTA_CHINA]));
  rule_text = lf_schedule_text (s, LF_PARAM_RULE_CONNECTED_VEHICLE);
  g_assert_cmpstr (rule_text, ==, "from 2027: Off");

  controls = g_object_ref_sink (lf_controls_new ());
  lf_controls_set_scenario (LF_CONTROLS (controls), s);
  quota_switch = find_row_of (controls, LF_TYPE_SWITCH_ROW, LF_PARAM_QUOTA_CHINA);
  g_assert_nonnull (quota_switch);
  g_assert_false (lf_switch_row_get_active (LF_SWITCH_ROW (quota_switch)));
  {
    g_autofree char *n = lf_format_value (100000, 0);
    g_autofree char *later = g_strdup_printf ("Now: no limit; from 2027: %s a year", n);

    g_assert_true (shows_label (quota_switch, later));
  }
  g_assert_cmpfloat (lf_lever_row_get_value (find_lever (controls, LF_PARAM_QUOTA_CHINA)), ==, 100000);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_lever (controls, LF_PARAM_QUOTA_CHINA))));
  rule = find_row_of (controls, LF_TYPE_CHOICE_ROW, LF_PARAM_RULE_CONNECTED_VEHICLE);
  g_assert_nonnull (rule);
  g_assert_true (shows_label (rule, "from 2027: Off"));
  /* Its schedule takes a new value by name. */
  {
    GtkWidget *button = find_child (rule, GTK_TYPE_MENU_BUTTON);
    GtkWidget *popover = NULL, *choice = NULL;

    /* The first menu button is the schedule's (the About button follows).
     * Its popover is built the first time it opens, in a window. */
    g_assert_nonnull (button);
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    window = gtk_window_new ();
    gtk_window_set_child (GTK_WINDOW (window), controls);
    gtk_window_present (GTK_WINDOW (window));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    g_assert_true (LF_IS_SCHEDULE_POPOVER (popover));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    choice = find_child (popover, GTK_TYPE_DROP_DOWN);
    g_assert_nonnull (choice);
    g_assert_nonnull (gtk_drop_down_get_list_factory (GTK_DROP_DOWN (choice)));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (choice))), 0),
                     ==, "Off");
  }

  /* Without a later change the switch says what it did before. */
  lf_scenario_clear_steps (s, LF_PARAM_QUOTA_CHINA);
  lf_controls_sync (LF_CONTROLS (controls));
  g_assert_true (shows_label (quota_switch, "Off: no limit on China-built imports"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (controls);
}

/* The first-launch text cites the data's own tariff, not a figure written
 * into the code. */
static void
test_welcome_text (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autofree char *text = NULL;
  g_autofree char *stack = lf_format_percent (s->value[LF_PARAM_TARIFF_CHINA], 1);

  lf_project (s, p);
  text = lf_welcome_text (baseline, p);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, stack));
  g_assert_nonnull (strstr (text, "connected-vehicle rule bars"));
  g_assert_nonnull (strstr (text, "starts at zero"));
}

static void
card_measure (GtkWidget *card, int *width, int *height)
{
  int min = 0;

  /* A card fits its room to a new text after the frame. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &min, width, NULL, NULL);
  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, *width, &min, height, NULL, NULL);
}

/* A summary card's figures change with every slider step without a new
 * size: the width never follows the text, the height grows when a note
 * needs more lines and keeps them until the card is refitted (a new
 * scenario), so a drag never shifts what is below. */
static void
test_summary_card_room (void)
{
  GtkWidget *card = g_object_ref_sink (lf_summary_card_new ("Ford EVs 2030"));
  GtkInscription *value = GTK_INSCRIPTION (find_child (card, GTK_TYPE_INSCRIPTION));
  GtkInscription *note = GTK_INSCRIPTION (gtk_widget_get_next_sibling (GTK_WIDGET (value)));
  const char *long_note = "211,847 with no entry (\u22124.7 %)\np10\u2013p90: 158,924\u2013224,214";
  int w0, h0, w, h;
  guint chars;

  g_assert_true (GTK_IS_INSCRIPTION (note));
  /* Assistive technology hears value and note in the card's own label, not
   * again one by one (each new text was a message on the bus per step). */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (value)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (note)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "1");
  lf_summary_card_set_note (LF_SUMMARY_CARD (card), "p10");
  card_measure (card, &w0, &h0);
  g_assert_cmpuint (gtk_inscription_get_min_lines (note), ==, 1);

  /* A longer note: more lines, the same width. */
  lf_summary_card_set_note (LF_SUMMARY_CARD (card), long_note);
  g_assert_cmpstr (lf_summary_card_get_note (LF_SUMMARY_CARD (card)), ==, long_note);
  card_measure (card, &w, &h);
  g_assert_cmpuint (gtk_inscription_get_min_lines (note), >=, 3);
  g_assert_cmpint (w, ==, w0);
  g_assert_cmpint (h, >, h0);
  h0 = h;

  /* A shorter one keeps the room, until the card is refitted. */
  lf_summary_card_set_note (LF_SUMMARY_CARD (card), "p10");
  card_measure (card, &w, &h);
  g_assert_cmpint (h, ==, h0);
  lf_summary_card_refit (LF_SUMMARY_CARD (card));
  g_assert_cmpuint (gtk_inscription_get_min_lines (note), ==, 1);
  card_measure (card, &w, &h);
  g_assert_cmpint (h, <, h0);

  /* A wider value gets the characters it needs; a narrower one keeps them. */
  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "\u2212$1,234,567 M");
  card_measure (card, &w, &h);
  chars = gtk_inscription_get_min_chars (value);
  g_assert_cmpuint (chars, >=, 12);
  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "7");
  card_measure (card, &w, &h);
  g_assert_cmpuint (gtk_inscription_get_min_chars (value), ==, chars);
  g_assert_cmpstr (lf_summary_card_get_value (LF_SUMMARY_CARD (card)), ==, "7");
  lf_summary_card_refit (LF_SUMMARY_CARD (card));
  g_assert_cmpuint (gtk_inscription_get_min_chars (value), <, chars);
  g_object_unref (card);
}

/* The nodes of one type a widget gives a frame, in order (through the
 * containers, transforms, clips and debug nodes GTK puts around them). */
static void
collect_nodes (GskRenderNode *node, GskRenderNodeType type, GPtrArray *out)
{
  GskRenderNodeType t = gsk_render_node_get_node_type (node);

  if (t == type)
    g_ptr_array_add (out, node);
  else if (t == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_nodes (gsk_container_node_get_child (node, i), type, out);
  else if (t == GSK_TRANSFORM_NODE)
    collect_nodes (gsk_transform_node_get_child (node), type, out);
  else if (t == GSK_CLIP_NODE)
    collect_nodes (gsk_clip_node_get_child (node), type, out);
  else if (t == GSK_DEBUG_NODE)
    collect_nodes (gsk_debug_node_get_child (node), type, out);
}

/* What a widget's class gives a frame, as GTK asks for it. */
static GskRenderNode *
widget_snapshot (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* The clear colour node a card draws over its whole area (see
 * lf_summary_card_snapshot()): its red, or -1 when there is none. */
static double
card_mark (GskRenderNode *node, int width, int height)
{
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();

  collect_nodes (node, GSK_COLOR_NODE, colors);
  for (guint i = 0; i < colors->len; i++)
    {
      const GdkRGBA *c = gsk_color_node_get_color (colors->pdata[i]);
      graphene_rect_t b;

      gsk_render_node_get_bounds (colors->pdata[i], &b);
      if (c->alpha == 0.f && (int) b.size.width == width && (int) b.size.height == height)
        return c->red;
    }
  return -1;
}

static double
card_mark_now (GtkWidget *card)
{
  g_autoptr(GskRenderNode) node = widget_snapshot (card);

  return card_mark (node, gtk_widget_get_width (card), gtk_widget_get_height (card));
}

/* A card whose text changed marks its whole area changed in the next frame,
 * and one whose text did not, does not: GTK 4.8 gives up counting a frame's
 * changed area past 30 rectangles and draws the whole window again, which
 * the lines of ten changed texts passed when each was its own. */
static void
test_summary_card_marks_change (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = lf_summary_card_new ("Ford EVs 2030");
  double first, again;

  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "185,256");
  lf_summary_card_set_note (LF_SUMMARY_CARD (card), "p10\u2013p90: 147,791\u2013209,933");
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (card) == 0)
    g_main_context_iteration (NULL, TRUE);

  first = card_mark_now (card);
  g_assert_cmpfloat (first, >=, 0);
  /* Nothing changed: the same mark, so nothing is drawn again. */
  g_assert_cmpfloat (card_mark_now (card), ==, first);
  /* The same text again is no change either. */
  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "185,256");
  g_assert_cmpfloat (card_mark_now (card), ==, first);
  /* A new figure, a new note: each time, another mark. */
  lf_summary_card_set_value (LF_SUMMARY_CARD (card), "185,257");
  again = card_mark_now (card);
  g_assert_cmpfloat (again, !=, first);
  lf_summary_card_set_note (LF_SUMMARY_CARD (card), "p10\u2013p90: 147,790\u2013209,933");
  g_assert_cmpfloat (card_mark_now (card), !=, again);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GskRenderNode *
view_snapshot (GtkWidget *view, GPtrArray *out)
{
  GskRenderNode *node = widget_snapshot (view);

  g_ptr_array_set_size (out, 0);
  collect_nodes (node, GSK_CAIRO_NODE, out);
  return node;
}

/* A chart in the window gives GTK its axes and legend as the same nodes
 * while they draw the same (GTK then redraws only the panels a change
 * touches), and new ones when they change: the style here. */
static void
test_chart_view_keeps_parts (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lf_chart_view_new (LF_CHART_SHARE);
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GPtrArray) again = g_ptr_array_new ();
  g_autoptr(GskRenderNode) n1 = NULL, n2 = NULL, n3 = NULL;
  LfChartData data;

  lf_project (s, p);
  lf_chart_data_init (&data, s, p, NULL, NULL);
  lf_chart_view_set_data (LF_CHART_VIEW (view), &data);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) == 0)
    g_main_context_iteration (NULL, TRUE);

  n1 = view_snapshot (view, first);
  g_assert_cmpuint (first->len, ==, 3);  /* axes, data, legend */
  n2 = view_snapshot (view, again);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_true (again->pdata[0] == first->pdata[0]);
  g_assert_true (again->pdata[1] != first->pdata[1]);
  g_assert_true (again->pdata[2] == first->pdata[2]);

  /* Another style: new axes and legend. */
  lf_chart_view_set_dark (LF_CHART_VIEW (view), TRUE);
  n3 = view_snapshot (view, again);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_true (again->pdata[0] != first->pdata[0]);
  g_assert_true (again->pdata[2] != first->pdata[2]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_until_idle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A panel's rows out of view are left out of its drawing and come back into
 * it as the panel scrolls to them (lf_row_in_view()). */
static void
test_rows_in_view (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *rows[12];
  GtkAdjustment *adj;
  graphene_rect_t last;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i] = g_object_new (LF_TYPE_LEVER_ROW, "param", LF_PARAM_TARIFF_CHINA, NULL);
      gtk_list_box_append (GTK_LIST_BOX (box), rows[i]);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 240);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 100 && !gtk_widget_get_mapped (rows[G_N_ELEMENTS (rows) - 1]); i++)
    run_until_idle ();
  g_assert_true (gtk_widget_get_mapped (rows[0]));
  run_until_idle ();

  g_assert_true (lf_row_in_view (rows[0]));
  g_assert_false (lf_row_in_view (rows[G_N_ELEMENTS (rows) - 1]));

  /* Scrolled to the end: the last row is in view, the first is not. */
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  /* Until the panel's next frame has laid the rows out where it scrolled to. */
  for (int i = 0; i < 200; i++)
    {
      run_until_idle ();
      if (gtk_widget_compute_bounds (rows[G_N_ELEMENTS (rows) - 1], scroller, &last)
          && last.origin.y < gtk_widget_get_height (scroller))
        break;
    }
  g_assert_true (gtk_widget_compute_bounds (rows[G_N_ELEMENTS (rows) - 1], scroller, &last));
  g_assert_cmpfloat (last.origin.y, <, gtk_widget_get_height (scroller));
  g_assert_true (lf_row_in_view (rows[G_N_ELEMENTS (rows) - 1]));
  g_assert_false (lf_row_in_view (rows[0]));

  /* A row in no scrolled window is always drawn. */
  {
    GtkWidget *lone = g_object_ref_sink (g_object_new (LF_TYPE_LEVER_ROW, "param", LF_PARAM_TARIFF_CHINA, NULL));

    g_assert_true (lf_row_in_view (lone));
    g_object_unref (lone);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The description above the charts: while the width stays, the room only
 * grows (a drag's words never move what is below); the text sits at the top
 * at its own height; a new scenario (reset) or a new child starts afresh. */
static void
test_stable_bin (void)
{
  GtkWidget *bin = g_object_ref_sink (lf_stable_bin_new ());
  GtkWidget *label = gtk_label_new ("Changed from Trade deal (2 settings differ): Tariff on "
                                    "China-built EVs 0 % (was 127.5 %); and 1 more");
  graphene_rect_t bounds;
  int min, tall, shorter, width = 200;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  adw_bin_set_child (ADW_BIN (bin), label);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &tall, NULL, NULL);
  gtk_label_set_text (GTK_LABEL (label), "Trade deal");
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &min, &shorter, NULL, NULL);
  g_assert_cmpint (shorter, <, tall);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &tall, NULL, NULL);
  g_assert_cmpint (min, ==, tall);
  g_assert_cmpint (tall, >, shorter);

  gtk_widget_allocate (bin, width, tall, -1, NULL);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.origin.y, ==, 0);
  g_assert_cmpfloat (bounds.size.height, ==, shorter);

  lf_stable_bin_reset (LF_STABLE_BIN (bin));
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &tall, NULL, NULL);
  g_assert_cmpint (tall, ==, shorter);

  gtk_label_set_text (GTK_LABEL (label), "Changed from Trade deal (2 settings differ): Tariff on "
                      "China-built EVs 0 % (was 127.5 %); and 1 more");
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &tall, NULL, NULL);
  g_assert_cmpint (tall, >, shorter);
  adw_bin_set_child (ADW_BIN (bin), gtk_label_new ("Trade deal"));
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &tall, NULL, NULL);
  g_assert_cmpint (tall, ==, shorter);
  g_object_unref (bin);
}

/* The lever's name beside its spin button: centred at its own height, and
 * its width the same whatever height it is asked at (a wrapped label
 * searches a dozen layouts for its width at each height). */
static void
test_center_bin (void)
{
  GtkWidget *bin = g_object_ref_sink (lf_center_bin_new ());
  GtkWidget *label = gtk_label_new ("Tariff on Mexico-built EVs (non-USMCA), a name long "
                                    "enough to wrap at the width the row gives it");
  GtkWidget *alone = g_object_ref_sink (gtk_label_new (gtk_label_get_text (GTK_LABEL (label))));
  graphene_rect_t bounds;
  int min, nat, min_h, nat_h, min_free, nat_free, height, width = 160, room = 400;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (alone), TRUE);
  adw_bin_set_child (ADW_BIN (bin), label);
  g_assert_true (adw_bin_get_child (ADW_BIN (bin)) == label);

  /* A label alone answers a width at a height by its search: another answer. */
  gtk_widget_measure (alone, GTK_ORIENTATION_HORIZONTAL, -1, &min_free, &nat_free, NULL, NULL);
  gtk_widget_measure (alone, GTK_ORIENTATION_HORIZONTAL, 60, &min_h, &nat_h, NULL, NULL);
  g_assert_true (min_h != min_free || nat_h != nat_free);
  /* The bin answers as for no height in particular. */
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 60, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, min_free);
  g_assert_cmpint (nat, ==, nat_free);
  /* Its height at a width is the label's. */
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_measure (alone, GTK_ORIENTATION_VERTICAL, width, &min_h, &height, NULL, NULL);
  g_assert_cmpint (nat, ==, height);
  g_assert_cmpint (min, ==, min_h);

  /* Given more height, the label sits in its middle at its own height. */
  gtk_widget_allocate (bin, width, room, -1, NULL);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, width);
  g_assert_cmpfloat (bounds.size.height, ==, height);
  g_assert_cmpfloat (bounds.origin.y, ==, (room - height) / 2);
  /* Given less, it fills what there is from the top. */
  gtk_widget_allocate (bin, width, height / 2, -1, NULL);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.origin.y, ==, 0);
  g_assert_cmpfloat (bounds.size.height, ==, height / 2);

  adw_bin_set_child (ADW_BIN (bin), NULL);
  g_assert_null (adw_bin_get_child (ADW_BIN (bin)));
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 0);
  g_object_unref (alone);
  g_object_unref (bin);
}

/* A window as the program makes it when started on bench/input.landfall,
 * the file opened but the window not yet shown; with @app registered under
 * @app_id (one per test: another test's application may still be on the
 * bus) and the file's scenario as loaded. */
static LfWindow *
window_opening_file (const char *app_id, AdwApplication **app, LfScenario **scenario)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "bench",
                                            "input.landfall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LfWindow *window;

  *scenario = lf_scenario_load_file (baseline, path, &error);
  g_assert_no_error (error);
  *app = adw_application_new (app_id, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  g_assert_no_error (error);
  window = lf_window_new (*app);
  lf_window_open_file (window, file);
  return window;
}

/* The window's second summary card: the Chinese share in 2030 and its range
 * (each card sits in a flow box child). */
static GtkWidget *
share_2030_card (LfWindow *window)
{
  GtkWidget *first = find_child (GTK_WIDGET (window), LF_TYPE_SUMMARY_CARD);
  GtkWidget *card;

  g_assert_nonnull (first);
  card = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_parent (first)));
  g_assert_true (LF_IS_SUMMARY_CARD (card));
  return card;
}

/* The Scenarios menu is built the first time it opens, and then lists every
 * preset twice (to open, and under Pin to Comparison). */
static void
test_window_menus_built_on_opening (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.TestMenus", &app, &scenario);
  g_autofree char *dir = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets", NULL);
  g_autoptr(GDir) presets = g_dir_open (dir, 0, NULL);
  GtkMenuButton *preset_button, *menu_button;
  GMenuModel *preset_section, *pin_section, *recent;
  guint n_presets = 0;

  g_assert_nonnull (presets);
  for (const char *name; (name = g_dir_read_name (presets)) != NULL;)
    n_presets += g_str_has_suffix (name, ".landfall");
  g_assert_cmpuint (n_presets, >=, 5);
  preset_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "preset_button"));
  menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "menu_button"));
  preset_section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "preset_section"));
  pin_section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "pin_section"));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (gtk_menu_button_get_popover (preset_button));
  g_assert_cmpint (g_menu_model_get_n_items (preset_section), ==, 0);

  gtk_menu_button_popup (preset_button);
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (preset_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (preset_button))));
  g_assert_cmpint (g_menu_model_get_n_items (preset_section), ==, n_presets);
  g_assert_cmpint (g_menu_model_get_n_items (pin_section), ==, n_presets);
  gtk_menu_button_popdown (preset_button);
  /* Opened again: the same menu, not a second list. */
  gtk_menu_button_popup (preset_button);
  g_assert_cmpint (g_menu_model_get_n_items (preset_section), ==, n_presets);
  gtk_menu_button_popdown (preset_button);

  /* The main menu is there from the start (its radio items' role, above
   * open_preset_menu_cb), and opens with the recent files read then: the
   * file the window opened is among them. */
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (menu_button)));
  recent = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "recent_submenu"));
  g_menu_remove_all (G_MENU (recent));
  gtk_menu_button_popup (menu_button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  {
    g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "bench", "input.landfall", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *uri = g_file_get_uri (file);
    gboolean listed = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
      {
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (recent, i, G_MENU_ATTRIBUTE_TARGET,
                                                                             G_VARIANT_TYPE_STRING);

        listed |= target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri);
      }
    g_assert_true (listed);
  }
  gtk_menu_button_popdown (menu_button);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An About button's popover is built when it first opens, with the text set
 * before, and follows text set after. */
static void
test_info_button_built_on_opening (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = lf_info_button_new ("Thing");
  GtkPopover *popover;

  lf_info_button_set_text (button, "What the thing is.");
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (popover))), ==, "What the thing is.");
  lf_info_button_set_text (button, "What it is now.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (popover))), ==, "What it is now.");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file opened as the window starts: its first frame shows the file's
 * title and description, not current policy's (the words and the title
 * follow a change after its frame, but there is no frame before the first). */
static void
test_window_first_frame_words (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.Test", &app, &scenario);
  GtkLabel *description;
  AdwWindowTitle *title;
  GtkWidget *welcome;

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* No main loop has run: no idle has had its turn. */
  description = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW,
                                                          "description_label"));
  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW,
                                                           "window_title"));
  g_assert_cmpstr (gtk_label_get_text (description), ==, scenario->description);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (description)));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, scenario->name);
  /* The welcome speaks of current policy: not shown over another scenario. */
  welcome = find_child (GTK_WIDGET (window), LF_TYPE_WELCOME);
  g_assert_nonnull (welcome);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (welcome)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_after_paint_cb (GdkFrameClock *clock, char **note)
{
  /* Read once, as the first frame is drawn. */
  if (*note == NULL)
    *note = g_strdup (g_object_get_data (G_OBJECT (clock), "summary-note"));
}

static void
on_note_cb (LfSummaryCard *card, GParamSpec *pspec, GdkFrameClock *clock)
{
  g_object_set_data_full (G_OBJECT (clock), "summary-note", g_strdup (lf_summary_card_get_note (card)), g_free);
}

/* A new scenario's band is drawn in a thread while the window is built; the
 * first frame still shows the file's band (the summary's p10–p90), not
 * current policy's and not none. */
static void
test_window_first_frame_band (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.TestBand", &app, &scenario);
  g_autofree char *note = NULL;
  g_autofree char *quick = NULL, *refined = NULL;
  const int y = lf_year_index (2030);
  const LfSeries share = LF_SERIES_CHINESE_SHARE_EV_PCT;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *card;
  GdkFrameClock *clock;

  /* The note the card shows with the quick band, or with the refined one. */
  for (int k = 0; k < 2; k++)
    {
      LfBands b;
      g_autofree char *range = NULL;

      lf_monte_carlo (scenario, k == 0 ? LF_DOCUMENT_LIVE_DRAWS : LF_DOCUMENT_FULL_DRAWS,
                      LF_DOCUMENT_BAND_SEED, &b, NULL);
      range = lf_format_percent_range (b.p10[share][y], b.p90[share][y], 1);
      *(k == 0 ? &quick : &refined) = g_strdup_printf ("p10–p90: %s", range);
    }

  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  card = share_2030_card (window);
  on_note_cb (LF_SUMMARY_CARD (card), NULL, clock);
  g_signal_connect_object (card, "notify::note", G_CALLBACK (on_note_cb), clock, 0);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &note);
  gtk_window_present (GTK_WINDOW (window));
  while (note == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, &note);
  if (g_strcmp0 (note, refined) != 0)
    g_assert_cmpstr (note, ==, quick);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_painted_cb (GdkFrameClock *clock, int *frames)
{
  (*frames)++;
}

/* Draws frames of @window until @n more have been painted. */
static void
paint_frames (LfWindow *window, int n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  int frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_cb), &frames);

  while (frames < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

/* A window that opens as narrow as a phone's opens in the phone layout, at
 * its own width: measured first in the wide layout it grew to that layout's
 * minimum (595 px for 365) and stayed there. */
static void
test_window_opens_narrow (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.TestNarrow", &app, &scenario);
  GtkStack *layout = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LF_TYPE_WINDOW, "layout_stack"));

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_present (GTK_WINDOW (window));
  paint_frames (window, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (layout), ==, "narrow");
  g_test_message ("opened at %d px for 400", gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The room a summary card keeps for its figure and its note: each one's
 * characters and lines. */
static void
card_room (GtkWidget *card, guint room[2][2])
{
  int k = 0;

  for (GtkWidget *i = find_child (card, GTK_TYPE_INSCRIPTION); i != NULL && k < 2;
       i = gtk_widget_get_next_sibling (i))
    if (GTK_IS_INSCRIPTION (i))
      {
        room[k][0] = gtk_inscription_get_min_chars (GTK_INSCRIPTION (i));
        room[k][1] = gtk_inscription_get_min_lines (GTK_INSCRIPTION (i));
        k++;
      }
  g_assert_cmpint (k, ==, 2);
}

/* A new scenario's summary cards fit its own figures, not the room the
 * scenario before needed, though its figures come in a frame later (with
 * its band, drawn in a thread). */
static void
test_window_cards_refit (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.TestRefit", &app, &scenario);
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets",
                                            "01-current-policy.landfall", NULL);
  g_autoptr(GFile) current = g_file_new_for_path (path);
  GtkWidget *first;
  int changed = 0;

  gtk_window_present (GTK_WINDOW (window));
  paint_frames (window, 2);
  /* From the bench file's long figures to current policy's short ones. */
  lf_window_open_file (window, current);
  paint_frames (window, 2);
  first = gtk_widget_get_parent (find_child (GTK_WIDGET (window), LF_TYPE_SUMMARY_CARD));
  for (GtkWidget *c = first; c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *card = gtk_widget_get_first_child (c);
      guint before[2][2], after[2][2];

      card_room (card, before);
      lf_summary_card_refit (LF_SUMMARY_CARD (card));
      card_room (card, after);
      g_test_message ("%s: %u chars %u lines, %u chars %u lines; refitted %u %u, %u %u",
                      lf_summary_card_get_title (LF_SUMMARY_CARD (card)),
                      before[0][0], before[0][1], before[1][0], before[1][1],
                      after[0][0], after[0][1], after[1][0], after[1][1]);
      g_assert_cmpmem (before, sizeof before, after, sizeof after);
      changed++;
    }
  g_assert_cmpint (changed, ==, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A slider's step: the charts change in its frame, and the summary's figure
 * follows after it (from an idle after the frame, or with the band that
 * comes in a few frames later, whichever is first: not never). */
static void
test_window_figures_follow (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  LfWindow *window = window_opening_file ("io.github.landfall.Landfall.TestFigures", &app, &scenario);
  g_autofree LfProjection *p = g_new (LfProjection, 1);
  g_autofree char *want = NULL;
  g_autofree char *before = NULL;
  GtkWidget *card;
  LfLeverRow *tariff;

  gtk_window_present (GTK_WINDOW (window));
  paint_frames (window, 2);
  card = share_2030_card (window);
  before = g_strdup (lf_summary_card_get_value (LF_SUMMARY_CARD (card)));

  /* As the user moves it: the slider, in percent. */
  tariff = find_lever (GTK_WIDGET (window), LF_PARAM_TARIFF_CHINA);
  gtk_adjustment_set_value (slider_adjustment (GTK_WIDGET (tariff)), 60);
  g_assert_true (lf_scenario_set_number (scenario, "tariff.china", lf_lever_row_get_value (tariff), NULL));
  lf_project (scenario, p);
  want = lf_format_percent (p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][lf_year_index (2030)], 1);
  g_assert_cmpstr (want, !=, before);
  paint_frames (window, 3);
  g_assert_cmpstr (lf_summary_card_get_value (LF_SUMMARY_CARD (card)), ==, want);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/landfall/ui/switch-row/basics", test_switch_row);
  g_test_add_func ("/landfall/ui/choice-row/list-on-opening", test_choice_row);
  g_test_add_func ("/landfall/ui/lever-row/never-clamps", test_lever_row_never_clamps);
  g_test_add_func ("/landfall/ui/controls/beyond-old-ranges", test_controls_scenario);
  g_test_add_func ("/landfall/ui/controls/built-later", test_controls_lazy);
  g_test_add_func ("/landfall/ui/sensitivity/attribution", test_sensitivity_attribution);
  g_test_add_func ("/landfall/ui/controls/tooltips-and-about", test_tooltips_and_about);
  g_test_add_func ("/landfall/ui/controls/spin-grouping", test_spin_grouping);
  g_test_add_func ("/landfall/ui/controls/schedule-shown", test_schedule_shown);
  g_test_add_func ("/landfall/ui/welcome/text", test_welcome_text);
  g_test_add_func ("/landfall/ui/summary-card/room", test_summary_card_room);
  g_test_add_func ("/landfall/ui/summary-card/marks-change", test_summary_card_marks_change);
  g_test_add_func ("/landfall/ui/chart-view/keeps-parts", test_chart_view_keeps_parts);
  g_test_add_func ("/landfall/ui/controls/rows-in-view", test_rows_in_view);
  g_test_add_func ("/landfall/ui/stable-bin/grows-only", test_stable_bin);
  g_test_add_func ("/landfall/ui/center-bin/middle-and-width", test_center_bin);
  g_test_add_func ("/landfall/ui/window/first-frame-band", test_window_first_frame_band);
  g_test_add_func ("/landfall/ui/window/cards-refit", test_window_cards_refit);
  g_test_add_func ("/landfall/ui/window/figures-follow", test_window_figures_follow);
  g_test_add_func ("/landfall/ui/window/first-frame-words", test_window_first_frame_words);
  g_test_add_func ("/landfall/ui/window/opens-narrow", test_window_opens_narrow);
  g_test_add_func ("/landfall/ui/window/menus-built-on-opening", test_window_menus_built_on_opening);
  g_test_add_func ("/landfall/ui/info-button/built-on-opening", test_info_button_built_on_opening);
  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
