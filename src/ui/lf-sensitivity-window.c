/* lf-sensitivity-window.c: a tornado chart of the document's scenario.
 *
 * Each lever is set to the low and high end of its range in turn, the rest
 * held, and the chosen result in the chosen year read off (lf_tornado()).
 * The bars follow the document while the window shows.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-chart-view.h"
#include "lf-sensitivity-window.h"

struct _LfSensitivityWindow
{
  AdwWindow      parent_instance;

  GtkDropDown   *result_drop_down;
  GtkAdjustment *year_adjustment;
  AdwBin        *chart_bin;
  GtkWidget     *chart;

  LfDocument    *document;
  LfTornadoBar   bars[LF_TORNADO_MAX];
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
  gtk_widget_class_bind_template_callback (widget_class, on_result_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
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
