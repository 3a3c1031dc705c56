/* lf-row-common.c: see lf-row-common.h. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-row-common.h"

/**
 * lf_param_tooltip:
 * @baseline: (nullable): where the default's source is looked up
 *
 * Returns: (transfer full): what the lever means, where its default comes from and its key
 */
char *
lf_param_tooltip (LfParam param, const LfBaseline *baseline)
{
  const LfParamInfo *info = lf_param_info (param);
  const char *source = baseline ? lf_baseline_get_source (baseline, info->key) : NULL;

  return g_strdup_printf (_("%s.\nDefault: %s\nKey: %s"),
                          _(info->description), source ? source : _("built in"), info->key);
}

/* The unit beside a lever's number: "%" and "$" are not words to translate. */
const char *
lf_param_shown_unit (LfParam param)
{
  const char *unit = lf_param_info (param)->shown_unit;

  if (unit == NULL)
    return "";
  if (g_str_equal (unit, "%") || g_str_equal (unit, "$"))
    return unit;
  return _(unit);
}

/* Shown value = model value x this (fractions are shown as percentages). */
double
lf_param_shown_scale (LfParam param)
{
  return lf_param_info (param)->percent ? 100.0 : 1.0;
}

/**
 * lf_schedule_text:
 *
 * Returns: (transfer full): a policy lever's later changes, e.g. "from 2028: 25 %",
 *   or "" when it has none
 */
char *
lf_schedule_text (const LfScenario *scenario, LfParam param)
{
  GString *text = g_string_new (NULL);
  double scale = lf_param_shown_scale (param);

  for (int y = 1; y < LF_N_YEARS; y++)
    if (scenario->has_step[param][y])
      {
        double v = scenario->step[param][y];
        g_autofree char *num = isinf (v) ? g_strdup (_("unlimited"))
                                         : g_strdup_printf ("%'.*f", v * scale == floor (v * scale) ? 0 : 1, v * scale);
        if (text->len)
          g_string_append (text, ", ");
        /* Translators: a policy change, e.g. "from 2028: 25 %" */
        g_string_append_printf (text, _("from %d: %s %s"), LF_FIRST_YEAR + y, num,
                                lf_param_shown_unit (param));
      }
  return g_string_free (text, FALSE);
}

/* A wheel turned over a slider or a spin button while scrolling the panel
 * would change that value behind the user's back. They pass the scroll on to
 * the panel instead; values change by dragging, keys or typing. */
static gboolean
on_value_widget_scroll_cb (GtkEventControllerScroll *scroll, double dx, double dy, gpointer data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (scroll));
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;
  double step;

  if (scroller == NULL)
    return GDK_EVENT_STOP;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Wheel clicks move as GtkScrolledWindow moves them; touchpads give pixels. */
  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL)
    step = dy * pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0);
  else
    step = dy;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + step);
  return GDK_EVENT_STOP;
}

void
lf_wheel_scrolls_panel (GtkWidget *widget)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_value_widget_scroll_cb), NULL);
  gtk_widget_add_controller (widget, scroll);
}
