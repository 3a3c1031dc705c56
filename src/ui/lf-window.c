/* lf-window.c: controls on one side, charts on the other; every change
 * re-runs the model and redraws in the same frame. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-view.h"
#include "lf-controls.h"
#include "lf-file.h"
#include "lf-output.h"
#include "lf-preset-strings.h"
#include "lf-projection.h"
#include "lf-window.h"

#define PRESET_DIR        "/io/github/landfall/Landfall/data/presets/"
#define LIVE_DRAWS        200     /* drawn in the frame of the change */
#define FULL_DRAWS        1000    /* refined off the main thread */
#define BAND_SEED         1
#define NARROW_WIDTH      720
#define UNDO_COALESCE_USEC (800 * 1000)
#define MAX_UNDO          200
#define N_SUMMARY         5

/* Side by side with a 2×2 grid of charts; side by side with the charts in one
 * scrolling column; or, on a phone, controls and charts as two views. */
typedef enum {
  LAYOUT_WIDE,
  LAYOUT_MEDIUM,
  LAYOUT_NARROW,
} LayoutMode;

#define WIDE_WIDTH 1100

struct _LfWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *layout_stack;
  GtkScrolledWindow   *controls_scroller;
  GtkScrolledWindow   *charts_scroller;
  GtkBox              *main_box;
  GtkBox              *narrow_controls;
  GtkBox              *narrow_charts;
  AdwViewStack        *view_stack;
  AdwViewSwitcherBar  *switcher_bar;
  GtkWidget           *separator;
  GtkFlowBox          *summary_box;
  GtkLabel            *description_label;
  GtkGrid             *chart_grid;
  GtkMenuButton       *preset_button;
  GtkWidget           *undo_button;
  GtkWidget           *redo_button;
  GtkWidget           *export_button;
  GMenu               *preset_section;
  GMenu               *recent_submenu;

  GtkWidget           *controls;
  GtkWidget           *charts[LF_N_MAIN_CHARTS];

  /* Sensitivity (tornado) window, made on first use */
  GtkWidget           *sens_window;
  GtkWidget           *sens_chart;
  GtkWidget           *sens_result;
  GtkAdjustment       *sens_year;
  LfTornadoBar         tornado[LF_TORNADO_MAX];
  int                  n_tornado;
  GtkWidget           *summary_cards[N_SUMMARY];
  GtkWidget           *summary_values[N_SUMMARY];
  GtkWidget           *summary_notes[N_SUMMARY];

  LfBaseline          *baseline;
  LfScenario          *scenario;       /* edited in place by the controls */
  LfScenario          *committed;      /* the state before the change being made */
  LfScenario          *saved;          /* as last opened or saved, for the modified marker */
  LfProjection        *projection;
  LfProjection        *current_policy; /* always overlaid */
  LfBands             *bands;
  GPtrArray           *undo;
  GPtrArray           *redo;
  char                *last_key;
  gint64               last_change;
  GFile               *file;
  GCancellable        *band_cancellable;
  guint                generation;
  int                  selected_plant;
  LayoutMode           layout;
  gboolean             close_after_save;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (LfWindow, lf_window, ADW_TYPE_APPLICATION_WINDOW)

static void recompute (LfWindow *self);
static void save_as (LfWindow *self);

/* ---- helpers ----------------------------------------------------------------- */

static void
toast (LfWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);
  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error (LfWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_modified (LfWindow *self)
{
  return !lf_scenario_equal (self->scenario, self->saved);
}

static void
update_title (LfWindow *self)
{
  gboolean modified = is_modified (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the window title of a scenario with unsaved changes */
  title = modified ? g_strdup_printf (_("• %s"), self->scenario->name) : g_strdup (self->scenario->name);
  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (modified ? _("Not saved") : "");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (LfWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", self->redo->len > 0);
}

/* ---- summary strip ----------------------------------------------------------- */

static char *
format_units (double v)
{
  return g_strdup_printf ("%'.0f", v);
}

static char *
format_musd (double v)
{
  /* Translators: an amount in millions of US dollars, e.g. "−$162 M" */
  return v < 0 ? g_strdup_printf (_("−$%'.0f M"), -v) : g_strdup_printf (_("$%'.0f M"), v);
}

static void
set_card (LfWindow *self, int i, const char *caption, const char *value, const char *note)
{
  g_autofree char *a11y = g_strdup_printf ("%s: %s. %s", caption, value, note);

  gtk_label_set_text (GTK_LABEL (self->summary_values[i]), value);
  gtk_label_set_text (GTK_LABEL (self->summary_notes[i]), note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_cards[i]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
update_summary (LfWindow *self)
{
  const LfProjection *p = self->projection;
  const LfBands *b = self->bands;
  const int y30 = lf_year_index (2030), y35 = lf_year_index (2035);
  const int years[2] = { y30, y35 };

  for (int k = 0; k < 2; k++)
    {
      int y = years[k];
      g_autofree char *value = g_strdup_printf ("%.1f\u00a0%%", p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][y]);
      g_autofree char *note = g_strdup_printf (_("p10–p90: %.1f–%.1f\u00a0%%"),
                                               b->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][y],
                                               b->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][y]);
      g_autofree char *caption = g_strdup_printf (_("Chinese share of US EV sales, %d"),
                                                  LF_FIRST_YEAR + y);
      set_card (self, k, caption, value, note);
    }
  {
    double units = p->series[LF_SERIES_FORD_EV_SALES][y30];
    double none = p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y30];
    g_autofree char *value = format_units (units);
    g_autofree char *n = format_units (none);
    g_autofree char *lo = format_units (b->p10[LF_SERIES_FORD_EV_SALES][y30]);
    g_autofree char *hi = format_units (b->p90[LF_SERIES_FORD_EV_SALES][y30]);
    /* Translators: a summary card's note: Ford's units with no Chinese entry and the change,
       then the Monte Carlo range, e.g. "211,847 with no entry (−4.2 %)\np10–p90: 166,980–232,317" */
    g_autofree char *note = g_strdup_printf (_("%s with no entry (%+.1f %%)\np10–p90: %s–%s"), n,
                                             none > 0 ? 100.0 * (units - none) / none : 0.0, lo, hi);
    set_card (self, 2, _("Ford EV sales, 2030"), value, note);
  }
  {
    double ebit = p->series[LF_SERIES_FORD_EV_EBIT_MUSD][y30];
    double none = p->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y30];
    double fee = p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y30];
    g_autofree char *value = format_musd (ebit);
    g_autofree char *n = format_musd (none);
    g_autofree char *f = format_musd (fee);
    g_autofree char *lo = format_musd (b->p10[LF_SERIES_FORD_EV_EBIT_MUSD][y30]);
    g_autofree char *hi = format_musd (b->p90[LF_SERIES_FORD_EV_EBIT_MUSD][y30]);
    /* Translators: a summary card's note, e.g. "$824 M with no entry; fees $20 M\np10–p90: −$81 M–$835 M" */
    g_autofree char *note = fee > 0 ? g_strdup_printf (_("%s with no entry; fees %s\np10–p90: %s–%s"), n, f, lo, hi)
                                    : g_strdup_printf (_("%s with no entry\np10–p90: %s–%s"), n, lo, hi);
    set_card (self, 3, _("Ford EV EBIT, 2030"), value, note);
  }
  {
    double rev = p->series[LF_SERIES_TARIFF_REVENUE_MUSD][y30];
    double total = 0;
    g_autofree char *value = format_musd (rev);
    g_autofree char *sum = NULL;
    g_autofree char *note = NULL;

    for (int y = 0; y < LF_N_YEARS; y++)
      total += p->series[LF_SERIES_TARIFF_REVENUE_MUSD][y];
    sum = format_musd (total);
    note = g_strdup_printf (_("%s over 2025–\u20602035"), sum);
    set_card (self, 4, _("Tariff revenue, 2030"), value, note);
  }
}

static GtkWidget *
summary_card (LfWindow *self, int i)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (NULL);
  static const char *captions[N_SUMMARY] = {
    N_("Chinese share 2030"), N_("Chinese share 2035"), N_("Ford EVs 2030"),
    N_("Ford EV EBIT 2030"), N_("Tariff revenue 2030"),
  };

  gtk_label_set_text (GTK_LABEL (caption), _(captions[i]));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  self->summary_values[i] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_values[i]), 0);
  gtk_widget_add_css_class (self->summary_values[i], "title-3");
  gtk_widget_add_css_class (self->summary_values[i], "numeric");
  self->summary_notes[i] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_notes[i]), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->summary_notes[i]), PANGO_ELLIPSIZE_END);
  /* Bounded natural widths let all five cards share one line on a laptop screen;
   * the notes wrap rather than lose their numbers. */
  gtk_label_set_ellipsize (GTK_LABEL (self->summary_notes[i]), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (self->summary_notes[i]), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->summary_notes[i]), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 20);
  gtk_widget_add_css_class (self->summary_notes[i], "caption");
  gtk_widget_add_css_class (self->summary_notes[i], "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), self->summary_values[i]);
  gtk_box_append (GTK_BOX (box), self->summary_notes[i]);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "summary-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _(captions[i]), -1);
  self->summary_cards[i] = box;
  return box;
}

/* ---- charts and the model ---------------------------------------------------- */

/* The results a sensitivity chart can measure, in the order of its drop-down. */
static const LfSeries sens_series[] = {
  LF_SERIES_CHINESE_SHARE_EV_PCT,
  LF_SERIES_FORD_EV_SALES,
  LF_SERIES_FORD_EV_EBIT_MUSD,
};

static LfSeries
sens_current_series (LfWindow *self)
{
  guint i = self->sens_result ? gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sens_result)) : 0;
  return sens_series[MIN (i, G_N_ELEMENTS (sens_series) - 1)];
}

static int
sens_current_year (LfWindow *self)
{
  return self->sens_year ? (int) gtk_adjustment_get_value (self->sens_year) : 2030;
}

/* Fills @data's tornado fields, computing the bars for the current scenario. */
static void
compute_tornado (LfWindow *self, LfChartData *data)
{
  LfSeries series = sens_current_series (self);
  int year = sens_current_year (self);

  self->n_tornado = lf_tornado (self->scenario, series, year, self->tornado);
  data->tornado = self->tornado;
  data->n_tornado = self->n_tornado;
  data->tornado_series = series;
  data->tornado_year = year;
}

static void
refresh_sensitivity (LfWindow *self)
{
  LfChartData data;

  if (self->sens_window == NULL || !gtk_widget_get_visible (self->sens_window))
    return;
  lf_chart_data_init (&data, self->scenario, self->projection, self->current_policy, self->bands);
  compute_tornado (self, &data);
  lf_chart_view_set_dark (LF_CHART_VIEW (self->sens_chart),
                          adw_style_manager_get_dark (adw_style_manager_get_default ()));
  lf_chart_view_set_data (LF_CHART_VIEW (self->sens_chart), &data);
}

static void
on_sens_changed_cb (GObject *object, GParamSpec *pspec, LfWindow *self)
{
  refresh_sensitivity (self);
}

static void
on_sens_year_changed_cb (GtkAdjustment *adj, LfWindow *self)
{
  refresh_sensitivity (self);
}

static void
sensitivity_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);

  if (self->sens_window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      const char *results[] = { _("Chinese share of US EV sales"), _("Ford EV sales"),
                                _("Ford EV EBIT"), NULL };
      GtkWidget *year_spin, *year_label;

      self->sens_window = adw_window_new ();
      gtk_window_set_title (GTK_WINDOW (self->sens_window), _("Sensitivity"));
      gtk_window_set_transient_for (GTK_WINDOW (self->sens_window), GTK_WINDOW (self));
      gtk_window_set_default_size (GTK_WINDOW (self->sens_window), 900, 560);
      gtk_window_set_hide_on_close (GTK_WINDOW (self->sens_window), TRUE);

      self->sens_result = gtk_drop_down_new_from_strings (results);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sens_result),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
      gtk_widget_set_tooltip_text (self->sens_result, _("The result the levers are measured against"));
      self->sens_year = gtk_adjustment_new (2030, LF_FIRST_YEAR + 1, LF_LAST_YEAR, 1, 1, 0);
      year_label = gtk_label_new (_("in"));
      year_spin = gtk_spin_button_new (self->sens_year, 1, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (year_spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
      gtk_box_append (GTK_BOX (controls), self->sens_result);
      gtk_box_append (GTK_BOX (controls), year_label);
      gtk_box_append (GTK_BOX (controls), year_spin);
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), controls);
      g_signal_connect_object (self->sens_result, "notify::selected",
                               G_CALLBACK (on_sens_changed_cb), self, 0);
      g_signal_connect_object (self->sens_year, "value-changed",
                               G_CALLBACK (on_sens_year_changed_cb), self, 0);

      self->sens_chart = lf_chart_view_new (LF_CHART_TORNADO);
      gtk_widget_set_margin_start (self->sens_chart, 18);
      gtk_widget_set_margin_end (self->sens_chart, 18);
      gtk_widget_set_margin_top (self->sens_chart, 12);
      gtk_widget_set_margin_bottom (self->sens_chart, 18);
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), self->sens_chart);
      adw_window_set_content (ADW_WINDOW (self->sens_window), box);
    }
  gtk_window_present (GTK_WINDOW (self->sens_window));
  refresh_sensitivity (self);
}

static void
refresh_charts (LfWindow *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  LfChartData data;

  /* One description of the state serves every view (each copies it). */
  lf_chart_data_init (&data, self->scenario, self->projection, self->current_policy, self->bands);
  data.selected_plant = self->selected_plant;
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      lf_chart_view_set_dark (LF_CHART_VIEW (self->charts[k]), dark);
      lf_chart_view_set_selected_plant (LF_CHART_VIEW (self->charts[k]), self->selected_plant);
      lf_chart_view_set_data (LF_CHART_VIEW (self->charts[k]), &data);
    }
  update_summary (self);
  refresh_sensitivity (self);
  gtk_label_set_text (self->description_label, self->scenario->description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *self->scenario->description != '\0');
}

typedef struct {
  LfScenario *scenario;
  guint       generation;
} BandJob;

static void
band_job_free (BandJob *job)
{
  lf_scenario_free (job->scenario);
  g_free (job);
}

static void
band_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BandJob *job = task_data;
  LfBands *bands = g_new (LfBands, 1);

  if (!lf_monte_carlo (job->scenario, FULL_DRAWS, BAND_SEED, bands, cancellable))
    {
      g_free (bands);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_pointer (task, bands, g_free);
}

static void
on_band_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LfWindow *self = LF_WINDOW (source);
  BandJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree LfBands *bands = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Stale work (the scenario changed meanwhile) is dropped. */
  if (bands == NULL || job->generation != self->generation)
    return;
  *self->bands = *bands;
  refresh_charts (self);
}

static void
recompute (LfWindow *self)
{
  g_autoptr(GTask) task = NULL;
  BandJob *job;

  self->generation++;
  lf_project (self->scenario, self->projection);
  /* A quick band now, in this frame; the full one follows off the main thread. */
  lf_monte_carlo (self->scenario, LIVE_DRAWS, BAND_SEED, self->bands, NULL);
  refresh_charts (self);
  update_title (self);
  update_actions (self);

  g_cancellable_cancel (self->band_cancellable);
  g_clear_object (&self->band_cancellable);
  self->band_cancellable = g_cancellable_new ();
  job = g_new0 (BandJob, 1);
  job->scenario = lf_scenario_copy (self->scenario);
  job->generation = self->generation;
  task = g_task_new (self, self->band_cancellable, on_band_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) band_job_free);
  g_task_run_in_thread (task, band_thread);
}

/* ---- undo ------------------------------------------------------------------------- */

static void
push_undo (LfWindow *self, const char *key)
{
  gint64 now = g_get_monotonic_time ();

  /* A slider drag is one step: the same key changed again within a moment. */
  if (key == NULL || g_strcmp0 (key, self->last_key) != 0 ||
      now - self->last_change > UNDO_COALESCE_USEC)
    {
      g_ptr_array_add (self->undo, lf_scenario_copy (self->committed));
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
    }
  g_ptr_array_set_size (self->redo, 0);
  g_free (self->last_key);
  self->last_key = g_strdup (key);
  self->last_change = now;
  lf_scenario_assign (self->committed, self->scenario);
}

/* Replace the whole scenario (undo, preset, file, reset): always undoable. */
static void
replace_scenario (LfWindow *self, const LfScenario *next, gboolean undoable)
{
  if (undoable)
    {
      g_ptr_array_add (self->undo, lf_scenario_copy (self->scenario));
      g_ptr_array_set_size (self->redo, 0);
    }
  lf_scenario_assign (self->scenario, next);
  lf_scenario_assign (self->committed, next);
  g_clear_pointer (&self->last_key, g_free);
  self->selected_plant = -1;
  lf_controls_sync (LF_CONTROLS (self->controls));
  recompute (self);
}

static void
on_controls_changed_cb (LfControls *controls, const char *key, LfWindow *self)
{
  push_undo (self, key);
  recompute (self);
}

static void
on_plant_selected_cb (GObject *source, int plant, LfWindow *self)
{
  self->selected_plant = plant;
  if (LF_IS_CHART_VIEW (source))
    {
      /* On a phone the controls are another view: go there. */
      if (self->layout == LAYOUT_NARROW)
        adw_view_stack_set_visible_child_name (self->view_stack, "controls");
      lf_controls_select_plant (LF_CONTROLS (self->controls), plant);
    }
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    lf_chart_view_set_selected_plant (LF_CHART_VIEW (self->charts[k]), plant);
}

static void
undo_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(LfScenario) prev = NULL;

  if (self->undo->len == 0)
    return;
  prev = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, lf_scenario_copy (self->scenario));
  replace_scenario (self, prev, FALSE);
}

static void
redo_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(LfScenario) next = NULL;

  if (self->redo->len == 0)
    return;
  next = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, lf_scenario_copy (self->scenario));
  replace_scenario (self, next, FALSE);
}

/* A preset's name and description are English in its file; lf-preset-strings.h (made by
 * build-aux/preset-strings.py) carries them to the translators. Show them translated.
 * Only the window does this: scenario files and CSV stay as written. */
static void
translate_preset (LfScenario *s)
{
  if (s->name != NULL && *s->name != '\0')
    {
      g_autofree char *name = g_strdup (_(s->name));
      lf_scenario_set_name (s, name);
    }
  if (s->description != NULL && *s->description != '\0')
    {
      char *description = g_strdup (_(s->description));
      g_free (s->description);
      s->description = description;
    }
}

static void
reset_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(LfScenario) base = lf_scenario_new (self->baseline);

  translate_preset (base);
  replace_scenario (self, base, TRUE);
  toast (self, _("Reset to the current-policy baseline"));
}

/* ---- presets ---------------------------------------------------------------------- */

static LfScenario *
load_preset (LfWindow *self, const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (PRESET_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  LfScenario *s;

  if (bytes == NULL)
    return NULL;
  s = lf_scenario_load_bytes (self->baseline, bytes, name, error);
  if (s != NULL)
    translate_preset (s);
  return s;
}

static void
preset_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = load_preset (self, g_variant_get_string (param, NULL), &error);

  if (s == NULL)
    {
      show_error (self, _("Could Not Open the Preset"), error->message);
      return;
    }
  replace_scenario (self, s, TRUE);
  /* A preset is a starting point, not a file: nothing to save yet. */
  lf_scenario_assign (self->saved, self->scenario);
  g_clear_object (&self->file);
  update_title (self);
}

static void
presets_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_menu_button_popup (LF_WINDOW (widget)->preset_button);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
build_preset_menu (LfWindow *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (PRESET_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (int i = 0; names && names[i]; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = g_ptr_array_index (sorted, i);
      g_autoptr(LfScenario) s = load_preset (self, name, NULL);
      g_autoptr(GMenuItem) item = NULL;

      if (s == NULL)
        continue;
      item = g_menu_item_new (s->name, NULL);
      g_menu_item_set_action_and_target (item, "win.preset", "s", name);
      g_menu_append_item (self->preset_section, item);
    }
}

/* ---- files ------------------------------------------------------------------------- */

static void
add_recent (LfWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  char *groups[] = { (char *) "landfall", NULL };

  data.mime_type = (char *) "application/x-landfall-scenario";
  data.app_name = (char *) "Landfall";
  data.app_exec = (char *) "landfall %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
build_recent_menu (LfWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  int n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *it = items; it != NULL && n < 8; it = it->next)
    {
      GtkRecentInfo *info = it->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_group (info, "landfall") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/**
 * lf_window_open_file:
 * Loads a scenario file. All or nothing: on error the current scenario is kept
 * and the problem is shown.
 */
void
lf_window_open_file (LfWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LfScenario) s = NULL;

  g_return_if_fail (LF_IS_WINDOW (self));
  s = path ? lf_scenario_load_file (self->baseline, path, &error) : NULL;
  if (s == NULL)
    {
      show_error (self, _("Could Not Open the Scenario"),
                  error ? error->message : _("Only local files can be opened"));
      return;
    }
  replace_scenario (self, s, TRUE);
  lf_scenario_assign (self->saved, self->scenario);
  g_set_object (&self->file, file);
  add_recent (self, file);
  build_recent_menu (self);
  if (self->settings)
    g_settings_set_string (self->settings, "last-scenario", path);
  update_title (self);
}

/**
 * lf_window_restore_last:
 * Reopens the scenario open when the program last closed, if its file is
 * still there. A file that no longer loads is forgotten, with a toast.
 */
void
lf_window_restore_last (LfWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(LfScenario) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (LF_IS_WINDOW (self));
  if (self->settings == NULL)
    return;
  path = g_settings_get_string (self->settings, "last-scenario");
  if (*path == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  s = lf_scenario_load_file (self->baseline, path, &error);
  if (s == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("The last scenario could not be opened: %s"),
                                              error->message);
      g_settings_set_string (self->settings, "last-scenario", "");
      toast (self, msg);
      return;
    }
  file = g_file_new_for_path (path);
  /* Where the user left off is no change of theirs: nothing to undo. */
  replace_scenario (self, s, FALSE);
  lf_scenario_assign (self->saved, self->scenario);
  g_set_object (&self->file, file);
  update_title (self);
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Landfall scenarios"));
  gtk_file_filter_add_pattern (filter, "*.landfall");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-landfall-scenario");
  return filter;
}

static void
on_open_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      lf_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = scenario_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  lf_window_open_file (LF_WINDOW (widget), file);
}

static gboolean
save_to (LfWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || !lf_scenario_save_file (self->scenario, path, &error))
    {
      show_error (self, _("Could Not Save the Scenario"),
                  error ? error->message : _("Only local files can be saved"));
      return FALSE;
    }
  g_set_object (&self->file, file);
  lf_scenario_assign (self->saved, self->scenario);
  add_recent (self, file);
  build_recent_menu (self);
  if (self->settings)
    g_settings_set_string (self->settings, "last-scenario", path);
  update_title (self);
  toast (self, _("Scenario saved"));
  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (file);

      /* Scenario files carry their own extension, so the file manager knows them. */
      if (!g_str_has_suffix (base, ".landfall") && !g_str_has_suffix (base, ".json"))
        {
          g_autofree char *named = g_strconcat (base, ".landfall", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autoptr(GFile) renamed = g_file_get_child (parent, named);
          save_to (self, renamed);
        }
      else
        save_to (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

static void
save_as (LfWindow *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = scenario_filter ();
  g_autofree char *name = g_strconcat (self->scenario->name, ".landfall", NULL);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);

  if (self->file != NULL)
    save_to (self, self->file);
  else
    save_as (self);
}

static void
save_as_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  save_as (LF_WINDOW (widget));
}

/* ---- export ------------------------------------------------------------------------- */

static const struct { const char *id; int w, h; double scale; } export_sizes[] = {
  { "1280x720", 1280, 720, 1.0 },
  { "1600x900", 1600, 900, 1.0 },
  { "1920x1080", 1920, 1080, 1.0 },
  { "1600x900@2", 1600, 900, 2.0 },
};

static void
on_export_chart_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *kind_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "chart");
      const char *size_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
      LfChartKind kind = kind_name ? lf_chart_kind_from_string (kind_name) : LF_CHART_SHARE;
      int w = 1600, h = 900;
      double scale = 1.0;
      g_autoptr(GError) error = NULL;
      LfChartData data;

      if (kind == LF_N_CHARTS)
        kind = LF_CHART_SHARE;
      for (guint i = 0; size_name && i < G_N_ELEMENTS (export_sizes); i++)
        if (g_str_equal (size_name, export_sizes[i].id))
          {
            w = export_sizes[i].w;
            h = export_sizes[i].h;
            scale = export_sizes[i].scale;
          }
      lf_chart_data_init (&data, self->scenario, self->projection, self->current_policy, self->bands);
      if (kind == LF_CHART_TORNADO)
        compute_tornado (self, &data);
      if (path == NULL || !lf_chart_export_png (path, kind, &data, w, h, scale, &error))
        show_error (self, _("Could Not Export the Chart"),
                    error ? error->message : _("Only local files can be written"));
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *msg = g_strdup_printf (_("Chart exported to %s"), base);
          if (self->settings)
            {
              g_settings_set_int (self->settings, "export-width", w);
              g_settings_set_int (self->settings, "export-height", h);
            }
          toast (self, msg);
        }
    }
  g_object_unref (dialog);
}

static void
export_chart_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  const char *kinds[] = { "share", "origin", "ford", "map", "tornado", NULL };
  const char *kind_labels[] = { _("Chinese share"), _("Sales by origin"), _("Ford"), _("Plant map"),
                                _("Sensitivity"), NULL };
  const char *size_ids[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  const char *size_labels[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  g_autofree char *name = g_strconcat (self->scenario->name, ".png", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *default_size = g_strdup ("1600x900");

  if (self->settings)
    {
      g_free (default_size);
      default_size = g_strdup_printf ("%dx%d", g_settings_get_int (self->settings, "export-width"),
                                      g_settings_get_int (self->settings, "export-height"));
    }
  /* The default size goes first: GTK's own chooser (outside a portal)
   * ignores the preselected choice and shows the first. */
  {
    guint n = 0;
    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
        {
          gboolean is_default = g_str_equal (export_sizes[i].id, default_size);
          if (is_default != (pass == 0))
            continue;
          size_ids[n] = export_sizes[i].id;
          size_labels[n] = export_sizes[i].scale > 1 ? _("1600 × 900 at 2× (3200 × 1800)")
                                                     : export_sizes[i].id;
          n++;
        }
  }
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "chart", _("Chart"), kinds, kind_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "chart", "share");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", default_size);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chart_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_csv_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *csv = lf_projection_to_csv (self->scenario, self->projection, self->bands);
      g_autoptr(GError) error = NULL;

      if (path == NULL ||
          !lf_file_replace (path, csv, strlen (csv), &error))
        show_error (self, _("Could Not Export the Data"),
                    error ? error->message : _("Only local files can be written"));
      else
        toast (self, _("Data exported as CSV"));
    }
  g_object_unref (dialog);
}

static void
export_csv_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Export Data as CSV"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strconcat (self->scenario->name, ".csv", NULL);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- closing ------------------------------------------------------------------------ */

static void
on_close_response_cb (AdwMessageDialog *dialog, const char *response, LfWindow *self)
{
  if (g_str_equal (response, "discard"))
    {
      lf_scenario_assign (self->saved, self->scenario);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (self->file != NULL)
        save_to (self, self->file);
      else
        save_as (self);
    }
}

static gboolean
lf_window_close_request (GtkWindow *window)
{
  LfWindow *self = LF_WINDOW (window);
  GtkWidget *dialog;

  if (!is_modified (self))
    return GTK_WINDOW_CLASS (lf_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The scenario has unsaved changes. Changes which are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- layout --------------------------------------------------------------------------- */

static void
move_child (GtkWidget *child, GtkBox *to, GtkWidget *after)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (parent == GTK_WIDGET (to))
    return;
  g_object_ref (child);
  if (parent != NULL)
    gtk_box_remove (GTK_BOX (parent), child);
  gtk_box_insert_child_after (to, child, after);
  g_object_unref (child);
}

static void
apply_layout (LfWindow *self)
{
  LayoutMode mode = self->layout;
  gboolean narrow = mode == LAYOUT_NARROW;
  gboolean grid = mode == LAYOUT_WIDE;

  if (narrow)
    {
      move_child (GTK_WIDGET (self->controls_scroller), self->narrow_controls, NULL);
      move_child (GTK_WIDGET (self->charts_scroller), self->narrow_charts, NULL);
      gtk_stack_set_visible_child_name (self->layout_stack, "narrow");
    }
  else
    {
      move_child (GTK_WIDGET (self->controls_scroller), self->main_box, NULL);
      move_child (GTK_WIDGET (self->charts_scroller), self->main_box, self->separator);
      gtk_stack_set_visible_child_name (self->layout_stack, "wide");
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  /* A phone's header bar keeps the scenario picker and the menu; undo, redo
   * and export stay on their shortcuts and in the menu. */
  gtk_widget_set_visible (self->undo_button, !narrow);
  gtk_widget_set_visible (self->redo_button, !narrow);
  gtk_widget_set_visible (self->export_button, !narrow);
  if (narrow)
    gtk_menu_button_set_icon_name (self->preset_button, "view-list-symbolic");
  else
    {
      gtk_menu_button_set_label (self->preset_button, _("_Scenarios"));
      gtk_menu_button_set_use_underline (self->preset_button, TRUE);
    }
  /* Side by side, both panes scroll sideways rather than demand width, so the
   * window can always be made narrow enough to switch to the phone layout;
   * there, each view fits the width. */
  gtk_scrolled_window_set_policy (self->controls_scroller,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_policy (self->charts_scroller,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  /* The preference page scrolls inside itself and asks for little width:
   * give the controls a readable width beside the charts. */
  gtk_widget_set_size_request (GTK_WIDGET (self->controls_scroller),
                               narrow ? -1 : grid ? 400 : 340, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->controls_scroller), narrow);
  /* The strip's height is measured at its narrowest: bound the lines it takes. */
  gtk_flow_box_set_min_children_per_line (self->summary_box, grid ? 5 : narrow ? 2 : 3);
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      GtkWidget *chart = self->charts[k];
      g_object_ref (chart);
      if (gtk_widget_get_parent (chart) != NULL)
        gtk_grid_remove (self->chart_grid, chart);
      if (grid)
        gtk_grid_attach (self->chart_grid, chart, k % 2, k / 2, 1, 1);
      else
        gtk_grid_attach (self->chart_grid, chart, 0, k, 1, 1);
      gtk_widget_set_size_request (chart, -1, grid ? -1 : 280);
      g_object_unref (chart);
    }
}

static gboolean
apply_layout_idle (gpointer data)
{
  apply_layout (LF_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
lf_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LfWindow *self = LF_WINDOW (widget);
  LayoutMode mode = width < NARROW_WIDTH ? LAYOUT_NARROW
                    : width < WIDE_WIDTH ? LAYOUT_MEDIUM : LAYOUT_WIDE;

  GTK_WIDGET_CLASS (lf_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* Changing the layout inside an allocation is not allowed: do it just after. */
  if (mode != self->layout)
    {
      self->layout = mode;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_idle, g_object_ref (self), g_object_unref);
    }
}

/* For bench/bench-startup.py: report the first painted frame, then quit. */
static void
on_first_paint_cb (GdkFrameClock *clock, LfWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  g_print ("first-frame\n");
  g_application_quit (g_application_get_default ());
}

static void
on_map_for_bench_cb (GtkWidget *widget, gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint_cb), widget, 0);
}

static void
on_dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, LfWindow *self)
{
  refresh_charts (self);
}

/* ---- object ------------------------------------------------------------------------ */

static void
lf_window_dispose (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);

  if (self->band_cancellable)
    g_cancellable_cancel (self->band_cancellable);
  if (self->sens_window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->sens_window));
      self->sens_window = NULL;
    }
  g_clear_object (&self->band_cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_WINDOW);
  G_OBJECT_CLASS (lf_window_parent_class)->dispose (object);
}

static void
lf_window_finalize (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->scenario, lf_scenario_free);
  g_clear_pointer (&self->committed, lf_scenario_free);
  g_clear_pointer (&self->saved, lf_scenario_free);
  g_clear_pointer (&self->projection, g_free);
  g_clear_pointer (&self->current_policy, g_free);
  g_clear_pointer (&self->bands, g_free);
  g_clear_pointer (&self->last_key, g_free);
  /* Scenarios point into the baseline: free it last. */
  g_clear_pointer (&self->baseline, lf_baseline_unref);
  G_OBJECT_CLASS (lf_window_parent_class)->finalize (object);
}

static void
lf_window_class_init (LfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lf_window_dispose;
  object_class->finalize = lf_window_finalize;
  widget_class->size_allocate = lf_window_size_allocate;
  window_class->close_request = lf_window_close_request;

  g_type_ensure (LF_TYPE_CONTROLS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/landfall/Landfall/ui/lf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, controls_scroller);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, charts_scroller);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, narrow_controls);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, narrow_charts);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, separator);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, preset_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, preset_section);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, recent_submenu);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "win.preset", "s", preset_activated);
  gtk_widget_class_install_action (widget_class, "win.presets", NULL, presets_activated);
  gtk_widget_class_install_action (widget_class, "win.sensitivity", NULL, sensitivity_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.presets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.sensitivity", NULL);
}

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled run has no schema; the window then simply does not remember. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

static void
lf_window_init (LfWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->baseline = lf_baseline_load_default (&error);
  if (self->baseline == NULL)
    g_error ("The built-in baseline data cannot be read: %s", error->message);
  self->scenario = lf_scenario_new (self->baseline);
  translate_preset (self->scenario);  /* named "Current policy", like the first preset */
  self->committed = lf_scenario_copy (self->scenario);
  self->saved = lf_scenario_copy (self->scenario);
  self->projection = g_new0 (LfProjection, 1);
  self->current_policy = g_new0 (LfProjection, 1);
  self->bands = g_new0 (LfBands, 1);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_scenario_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_scenario_free);
  self->selected_plant = -1;
  lf_project (self->scenario, self->current_policy);

  self->settings = settings_if_installed ();
  /* The window's size follows its settings both ways, as GNOME's apps do. */
  if (self->settings)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  self->controls = lf_controls_new ();
  gtk_scrolled_window_set_child (self->controls_scroller, self->controls);
  g_signal_connect_object (self->controls, "changed", G_CALLBACK (on_controls_changed_cb), self, 0);
  g_signal_connect_object (self->controls, "plant-selected", G_CALLBACK (on_plant_selected_cb), self, 0);
  lf_controls_set_scenario (LF_CONTROLS (self->controls), self->scenario);

  for (int i = 0; i < N_SUMMARY; i++)
    gtk_flow_box_append (self->summary_box, summary_card (self, i));
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      self->charts[k] = lf_chart_view_new (k);
      g_signal_connect_object (self->charts[k], "plant-activated", G_CALLBACK (on_plant_selected_cb), self, 0);
    }
  apply_layout (self);

  build_preset_menu (self);
  build_recent_menu (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
  if (g_getenv ("LANDFALL_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_map_for_bench_cb), NULL);
  recompute (self);
}

LfWindow *
lf_window_new (AdwApplication *app)
{
  return g_object_new (LF_TYPE_WINDOW, "application", app, NULL);
}
