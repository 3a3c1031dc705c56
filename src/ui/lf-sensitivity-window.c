/* lf-sensitivity-window.c: a tornado chart of the document's scenario, and
 * where its change from current policy came from.
 *
 * Levers' reach: each lever is set to the low and high end of its range in
 * turn, the rest held, and the chosen result in the chosen year read off
 * (lf_tornado()). Where the change came from: the change of the same result
 * from current policy split among the levers that differ (lf_attribute(),
 * in a thread: up to 2^12 projections; a result for values that changed
 * meanwhile is dropped). Both follow the document while the window shows.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lf-chart-view.h"
#include "lf-sensitivity-window.h"

struct _LfSensitivityWindow
{
  AdwWindow      parent_instance;

  GtkDropDown   *result_drop_down;
  GtkAdjustment *year_adjustment;
  AdwBin        *chart_bin;
  GtkWidget     *chart;
  GtkStack      *stack;
  AdwBin        *attribution_bin;
  GtkListBox    *attribution_list;
  GtkWidget     *attribution_chart;

  LfDocument    *document;
  LfTornadoBar   bars[LF_TORNADO_MAX];
  LfAttribution *attribution;          /* the latest in, or NULL */
  guint          generation;           /* bumped by every request for an attribution */
  GCancellable  *cancellable;          /* the latest request's: cancelled by the next, or when the window goes */
};

G_DEFINE_FINAL_TYPE (LfSensitivityWindow, lf_sensitivity_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The results a sensitivity chart can measure, in the order of the drop-down. */
static const LfSeries results[] = {
  LF_SERIES_CHINESE_SHARE_EV_PCT,
  LF_SERIES_FORD_EV_SALES,
  LF_SERIES_FORD_EV_EBIT_MUSD,
};

/* ---- where the change came from ------------------------------------------------ */

typedef struct {
  LfBaseline *baseline;   /* a reference: the job may outlive the document */
  LfScenario *from, *to;
  LfSeries    series;
  int         year;
  guint       generation;
} AttributionJob;

static void
attribution_job_free (AttributionJob *job)
{
  lf_scenario_free (job->from);
  lf_scenario_free (job->to);
  lf_baseline_unref (job->baseline);
  g_free (job);
}

static void
attribution_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AttributionJob *job = task_data;
  LfAttribution *a = lf_attribute (job->from, job->to, job->series, job->year, cancellable);

  if (a == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, a, (GDestroyNotify) lf_attribution_free);
}

/* One row of the list: the lever, its two values, its part. */
static GtkWidget *
attribution_row (const char *title, const char *subtitle, const char *value, const char *accessible)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* The row's own words, not also its title's (the row is labelled by it). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
show_attribution (LfSensitivityWindow *self)
{
  const LfAttribution *a = self->attribution;
  GtkWidget *child;
  LfChartData data;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attribution_list))) != NULL)
    gtk_list_box_remove (self->attribution_list, child);
  lf_sensitivity_attribution_data (self->document, a, &data);
  lf_chart_view_set_dark (LF_CHART_VIEW (self->attribution_chart),
                          adw_style_manager_get_dark (adw_style_manager_get_default ()));
  lf_chart_view_set_data (LF_CHART_VIEW (self->attribution_chart), &data);
  if (a == NULL)
    return;
  for (int i = 0; i < a->n_parts; i++)
    {
      const LfAttributionPart *p = &a->parts[i];
      g_autofree char *value = lf_chart_format_change (a->series, p->contribution, 2);
      /* TRANSLATORS: a lever's two values, current policy's and the scenario's, e.g. "off → on" */
      g_autofree char *subtitle = g_strdup_printf (_("%s → %s"), p->from_words, p->to_words);
      /* TRANSLATORS: a lever and its part of the change, for screen readers, e.g. "Tariff on China-built EVs: +1.25 pts" */
      g_autofree char *accessible = g_strdup_printf (_("%s: %s"), p->label, value);

      gtk_list_box_append (self->attribution_list, attribution_row (p->label, subtitle, value, accessible));
    }
  {
    g_autofree char *value = lf_chart_format_change (a->series, a->to - a->from, 2);
    g_autofree char *from = lf_chart_format_result (a->series, a->from);
    g_autofree char *to = lf_chart_format_result (a->series, a->to);
    /* TRANSLATORS: the result under current policy and in the scenario, e.g. "0.0 % → 5.7 %" */
    g_autofree char *subtitle = g_strdup_printf (_("%s → %s"), from, to);
    /* TRANSLATORS: the whole change, for screen readers, e.g. "Total change: +5.74 pts, from 0.0 % to 5.7 %" */
    g_autofree char *accessible = g_strdup_printf (_("Total change: %s, from %s to %s"), value, from, to);
    GtkWidget *row = attribution_row (_("Total change"), subtitle, value, accessible);

    gtk_widget_add_css_class (row, "heading");
    gtk_list_box_append (self->attribution_list, row);
  }
}

static void
on_attribution_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LfSensitivityWindow *self = LF_SENSITIVITY_WINDOW (source);
  AttributionJob *job = g_task_get_task_data (G_TASK (result));
  LfAttribution *a = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled (the window went), or a newer request is on its way. */
  if (a == NULL)
    return;
  if (job->generation != self->generation || self->document == NULL)
    {
      lf_attribution_free (a);
      return;
    }
  lf_attribution_free (self->attribution);
  self->attribution = a;
  show_attribution (self);
}

static void
start_attribution (LfSensitivityWindow *self)
{
  AttributionJob *job = g_new0 (AttributionJob, 1);
  g_autoptr(GTask) task = NULL;

  job->baseline = lf_baseline_ref ((LfBaseline *) lf_document_get_baseline (self->document));
  job->from = lf_scenario_new (job->baseline);
  job->to = lf_scenario_copy (lf_document_get_scenario (self->document));
  job->series = lf_sensitivity_window_get_series (self);
  job->year = lf_sensitivity_window_get_year (self);
  job->generation = ++self->generation;
  /* A drag asks again and again: the request before this one is stale. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_attribution_done_cb, NULL);
  g_task_set_source_tag (task, start_attribution);
  g_task_set_task_data (task, job, (GDestroyNotify) attribution_job_free);
  g_task_run_in_thread (task, attribution_thread);
}

static gboolean
showing_attribution (LfSensitivityWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "attribution") == 0;
}

static void
refresh (LfSensitivityWindow *self)
{
  LfChartData data;

  if (self->document == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  lf_sensitivity_chart_data (self->document, self, &data, self->bars);
  lf_chart_view_set_dark (LF_CHART_VIEW (self->chart),
                          adw_style_manager_get_dark (adw_style_manager_get_default ()));
  lf_chart_view_set_data (LF_CHART_VIEW (self->chart), &data);
  if (showing_attribution (self))
    start_attribution (self);
}

static void
on_page_changed_cb (LfSensitivityWindow *self)
{
  refresh (self);
}

static void
on_result_selected_cb (LfSensitivityWindow *self)
{
  refresh (self);
}

static void
on_year_changed_cb (LfSensitivityWindow *self)
{
  refresh (self);
}

static void
on_document_changed_cb (LfDocument *document, LfDocumentChange change, LfSensitivityWindow *self)
{
  /* The bars are single projections: refined bands change none of them. */
  if (change & LF_DOCUMENT_CHANGE_VALUES)
    refresh (self);
}

static void
on_dark_changed_cb (LfSensitivityWindow *self)
{
  refresh (self);
  if (self->document != NULL)
    show_attribution (self);
}

static void
lf_sensitivity_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lf_sensitivity_window_parent_class)->show (widget);
  refresh (LF_SENSITIVITY_WINDOW (widget));
}

static void
lf_sensitivity_window_dispose (GObject *object)
{
  LfSensitivityWindow *self = LF_SENSITIVITY_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->attribution, lf_attribution_free);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_SENSITIVITY_WINDOW);
  G_OBJECT_CLASS (lf_sensitivity_window_parent_class)->dispose (object);
}

static void
lf_sensitivity_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfSensitivityWindow *self = LF_SENSITIVITY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_sensitivity_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfSensitivityWindow *self = LF_SENSITIVITY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      if (self->document != NULL)
        g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self, 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_sensitivity_window_class_init (LfSensitivityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_sensitivity_window_dispose;
  object_class->get_property = lf_sensitivity_window_get_property;
  object_class->set_property = lf_sensitivity_window_set_property;
  widget_class->show = lf_sensitivity_window_show;

  /* The document whose scenario the levers are varied around. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LF_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-sensitivity-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, result_drop_down);
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, attribution_bin);
  gtk_widget_class_bind_template_child (widget_class, LfSensitivityWindow, attribution_list);
  gtk_widget_class_bind_template_callback (widget_class, on_result_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);

  /* A window beside the main one: Escape and Ctrl+W close (hide) it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lf_sensitivity_window_init (LfSensitivityWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The first year is actual: nothing in it can move. */
  gtk_adjustment_set_lower (self->year_adjustment, LF_FIRST_YEAR + 1);
  gtk_adjustment_set_upper (self->year_adjustment, LF_LAST_YEAR);
  self->chart = lf_chart_view_new (LF_CHART_TORNADO);
  adw_bin_set_child (self->chart_bin, self->chart);
  self->attribution_chart = lf_chart_view_new (LF_CHART_ATTRIBUTION);
  adw_bin_set_child (self->attribution_bin, self->attribution_chart);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lf_sensitivity_window_new (LfDocument *document)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (document), NULL);
  return g_object_new (LF_TYPE_SENSITIVITY_WINDOW, "document", document, NULL);
}

LfDocument *
lf_sensitivity_window_get_document (LfSensitivityWindow *self)
{
  g_return_val_if_fail (LF_IS_SENSITIVITY_WINDOW (self), NULL);
  return self->document;
}

/* The result the bars measure; the share of US EV sales unless chosen otherwise. */
LfSeries
lf_sensitivity_window_get_series (LfSensitivityWindow *self)
{
  guint i;

  g_return_val_if_fail (LF_IS_SENSITIVITY_WINDOW (self), LF_SERIES_CHINESE_SHARE_EV_PCT);
  i = gtk_drop_down_get_selected (self->result_drop_down);
  return results[MIN (i, G_N_ELEMENTS (results) - 1)];
}

int
lf_sensitivity_window_get_year (LfSensitivityWindow *self)
{
  g_return_val_if_fail (LF_IS_SENSITIVITY_WINDOW (self), 2030);
  return (int) gtk_adjustment_get_value (self->year_adjustment);
}

/**
 * lf_sensitivity_chart_data:
 * @document: whose scenario the levers are varied around
 * @choices: (nullable): the window whose result and year are used; NULL
 *   for the defaults (the Chinese share in 2030)
 * @data: filled with the document's state and the bars
 * @bars: where the bars are computed; must live as long as @data is used
 *
 * What the tornado chart draws, for the window and for an export.
 */
void
lf_sensitivity_chart_data (LfDocument *document, LfSensitivityWindow *choices, LfChartData *data,
                           LfTornadoBar bars[LF_TORNADO_MAX])
{
  g_return_if_fail (LF_IS_DOCUMENT (document));
  g_return_if_fail (choices == NULL || LF_IS_SENSITIVITY_WINDOW (choices));

  lf_chart_data_init (data, lf_document_get_scenario (document), lf_document_get_projection (document),
                      lf_document_get_reference (document), lf_document_get_bands (document));
  data->tornado_series = choices ? lf_sensitivity_window_get_series (choices) : results[0];
  data->tornado_year = choices ? lf_sensitivity_window_get_year (choices) : 2030;
  data->n_tornado = lf_tornado (data->scenario, data->tornado_series, data->tornado_year, bars);
  data->tornado = bars;
}

/**
 * lf_sensitivity_attribution_data:
 * @document: the scenario whose change from current policy is split
 * @attribution: (nullable): from lf_attribute() or lf_sensitivity_attribute();
 *   must live as long as @data is used
 * @data: filled with the document's state and the attribution
 *
 * What the attribution chart draws, for the window and for an export.
 */
void
lf_sensitivity_attribution_data (LfDocument *document, const LfAttribution *attribution, LfChartData *data)
{
  g_return_if_fail (LF_IS_DOCUMENT (document));

  lf_chart_data_init (data, lf_document_get_scenario (document), lf_document_get_projection (document),
                      lf_document_get_reference (document), lf_document_get_bands (document));
  data->attribution = attribution;
}

/**
 * lf_sensitivity_attribute:
 * @document: whose scenario's change from current policy is split
 * @choices: (nullable): the window whose result and year are used; NULL
 *   for the defaults (the Chinese share in 2030)
 *
 * The attribution now, computed in the calling thread (for an export).
 *
 * Returns: (transfer full)
 */
LfAttribution *
lf_sensitivity_attribute (LfDocument *document, LfSensitivityWindow *choices)
{
  g_autoptr(LfScenario) current = NULL;
  LfSeries series = choices ? lf_sensitivity_window_get_series (choices) : results[0];
  int year = choices ? lf_sensitivity_window_get_year (choices) : 2030;

  g_return_val_if_fail (LF_IS_DOCUMENT (document), NULL);
  current = lf_scenario_new (lf_document_get_baseline (document));
  return lf_attribute (current, lf_document_get_scenario (document), series, year, NULL);
}
