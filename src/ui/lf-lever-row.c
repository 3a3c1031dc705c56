/* lf-lever-row.c: a numeric lever as a row (see lf-lever-row.h).
 *
 * The exact entry takes the registry's whole range. The slider takes it too,
 * except where the registry gives a shorter slider_max (a tariff slider to
 * 300 %, a quota slider to 1 M): then the slider ends there, or at the value
 * when that is higher, so a valid value is never clamped. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-center-bin.h"
#include "lf-lever-row.h"
#include "lf-row-common.h"
#include "lf-schedule-popover.h"

struct _LfLeverRow
{
  AdwPreferencesRow  parent_instance;

  LfParam            param;
  double             value;      /* in the model's units */
  gboolean           updating;   /* setting the adjustments from value */
  const LfBaseline  *tooltip_baseline;

  GtkLabel          *title_label;
  GtkLabel          *schedule_label;
  GtkLabel          *note_label;
  GtkSpinButton     *spin;
  GtkLabel          *unit_label;
  GtkMenuButton     *schedule_button;
  GtkScale          *slider;
  GtkAdjustment     *spin_adjustment;
  GtkAdjustment     *slider_adjustment;
  LfSchedulePopover *schedule;   /* NULL until a policy lever's is first opened */
  const LfScenario  *scenario;   /* the last given, for the schedule popover */
  GtkWidget         *info_button; /* "About …": meaning, range, default, source */
};

G_DEFINE_FINAL_TYPE (LfLeverRow, lf_lever_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PARAM,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHEDULE_APPLY,
  SCHEDULE_CLEAR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
slider_upper (LfLeverRow *self, double shown)
{
  const LfParamInfo *info = lf_param_info (self->param);
  double scale = lf_param_shown_scale (self->param);

  if (info->slider_max <= 0 || info->slider_max >= info->max * scale)
    return info->max * scale;
  return MAX (info->slider_max, shown);
}

/* Shows value in the entry and the slider; from_slider: the slider already
 * shows it, and its end must not move under the pointer. */
static void
show_value (LfLeverRow *self, gboolean from_slider)
{
  double shown = self->value * lf_param_shown_scale (self->param);

  self->updating = TRUE;
  gtk_adjustment_set_value (self->spin_adjustment, shown);
  if (!from_slider)
    {
      gtk_adjustment_set_upper (self->slider_adjustment, slider_upper (self, shown));
      gtk_adjustment_set_value (self->slider_adjustment, shown);
    }
  self->updating = FALSE;
}

static void
take_value (LfLeverRow *self, double value, gboolean from_slider)
{
  if (self->value == value)
    return;
  self->value = value;
  show_value (self, from_slider);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
on_spin_value_changed_cb (LfLeverRow *self, GtkAdjustment *adj)
{
  if (self->updating)
    return;
  take_value (self, gtk_adjustment_get_value (adj) / lf_param_shown_scale (self->param), FALSE);
}

static void
on_slider_value_changed_cb (LfLeverRow *self, GtkAdjustment *adj)
{
  if (self->updating)
    return;
  take_value (self, gtk_adjustment_get_value (adj) / lf_param_shown_scale (self->param), TRUE);
}

static void
on_schedule_apply_cb (LfLeverRow *self, int year, double value)
{
  g_signal_emit (self, signals[SCHEDULE_APPLY], 0, year, value);
}

static void
on_schedule_clear_cb (LfLeverRow *self)
{
  g_signal_emit (self, signals[SCHEDULE_CLEAR], 0);
}

/* The row's title names its label, slider and entry (a .ui file may give a
 * title other than the registry's label). */
static void
on_title_changed_cb (LfLeverRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *exact = g_strdup_printf (_("%s, exact value"), title);

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slider), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  exact, -1);
}

static void
lf_lever_row_constructed (GObject *object)
{
  LfLeverRow *self = LF_LEVER_ROW (object);
  const LfParamInfo *info = lf_param_info (self->param);
  double scale = lf_param_shown_scale (self->param);

  G_OBJECT_CLASS (lf_lever_row_parent_class)->constructed (object);

  self->value = info->min;
  self->updating = TRUE;
  gtk_adjustment_configure (self->spin_adjustment, info->min * scale, info->min * scale,
                            info->max * scale, info->step, info->step * 10, 0);
  gtk_adjustment_configure (self->slider_adjustment, info->min * scale, info->min * scale,
                            slider_upper (self, info->min * scale), info->step, info->step * 10, 0);
  self->updating = FALSE;
  gtk_spin_button_configure (self->spin, self->spin_adjustment, info->step, info->digits);
  lf_spin_group_digits (self->spin);
  gtk_label_set_text (self->unit_label, lf_param_shown_unit (self->param));
  lf_wheel_scrolls_panel (GTK_WIDGET (self->spin));
  lf_wheel_scrolls_panel (GTK_WIDGET (self->slider));

  /* A .ui file may have given a title of its own (the quota's size row). */
  if (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self))[0] == '\0')
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(info->label));
  on_title_changed_cb (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);

  self->info_button = lf_info_button_new (_(info->label));
  gtk_widget_insert_after (self->info_button, gtk_widget_get_parent (GTK_WIDGET (self->schedule_button)),
                           GTK_WIDGET (self->schedule_button));

  if (info->flags & LF_PARAM_FLAG_SCHEDULE)
    {
      g_autofree char *a11y = g_strdup_printf (_("Change %s in a later year"), _(info->label));

      lf_schedule_popover_build_later (self->schedule_button, self->param, &self->schedule,
                                       &self->scenario, G_CALLBACK (on_schedule_apply_cb),
                                       G_CALLBACK (on_schedule_clear_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->schedule_button), TRUE);
    }
}

static void
lf_lever_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfLeverRow *self = LF_LEVER_ROW (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      g_value_set_enum (value, self->param);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_lever_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfLeverRow *self = LF_LEVER_ROW (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      self->param = g_value_get_enum (value);
      break;
    case PROP_VALUE:
      lf_lever_row_set_value (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_lever_row_class_init (LfLeverRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_lever_row_constructed;
  object_class->get_property = lf_lever_row_get_property;
  object_class->set_property = lf_lever_row_set_property;

  /**
   * LfLeverRow:param:
   * The lever; its range, step, decimals, unit, label and tooltip come from the registry.
   */
  properties[PROP_PARAM] =
    g_param_spec_enum ("param", NULL, NULL, LF_TYPE_PARAM, LF_PARAM_TARIFF_CHINA,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LfLeverRow:value:
   * The lever's value in the model's units (a fraction, not the percentage shown).
   */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfLeverRow::schedule-apply:
   * @year: the first year of the new value
   * @value: the new value, in the model's units
   */
  signals[SCHEDULE_APPLY] = g_signal_new ("schedule-apply", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /**
   * LfLeverRow::schedule-clear:
   * The user asked to take the lever's later changes away.
   */
  signals[SCHEDULE_CLEAR] = g_signal_new ("schedule-clear", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LF_TYPE_CENTER_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-lever-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, spin);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, slider);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, spin_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LfLeverRow, slider_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_slider_value_changed_cb);
  /* Out of the panel's view, a row is not drawn (lf-row-common.c). */
  lf_row_class_draw_only_in_view (widget_class);
}

static void
lf_lever_row_init (LfLeverRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lf_lever_row_new (LfParam param)
{
  g_return_val_if_fail (param < LF_N_PARAMS, NULL);
  return g_object_new (LF_TYPE_LEVER_ROW, "param", param, NULL);
}

LfParam
lf_lever_row_get_param (LfLeverRow *self)
{
  g_return_val_if_fail (LF_IS_LEVER_ROW (self), LF_PARAM_TARIFF_CHINA);
  return self->param;
}

double
lf_lever_row_get_value (LfLeverRow *self)
{
  g_return_val_if_fail (LF_IS_LEVER_ROW (self), 0.0);
  return self->value;
}

/**
 * lf_lever_row_set_value:
 * @value: in the model's units; any value the registry allows is shown as it is
 */
void
lf_lever_row_set_value (LfLeverRow *self, double value)
{
  g_return_if_fail (LF_IS_LEVER_ROW (self));
  g_return_if_fail (isfinite (value));
  take_value (self, value, FALSE);
}

/**
 * lf_lever_row_show:
 * @scenario: (transfer none): read, never written; must outlive the row's use of it
 *
 * Shows what the scenario says about the lever: its value (when finite), its
 * later changes, and the source of its default in the tooltip.
 */
void
lf_lever_row_show (LfLeverRow *self, const LfScenario *scenario)
{
  double v;
  g_autofree char *sched = NULL;

  g_return_if_fail (LF_IS_LEVER_ROW (self));
  g_return_if_fail (scenario != NULL);

  if (self->tooltip_baseline != scenario->baseline)
    {
      g_autofree char *tooltip = lf_param_tooltip (self->param, scenario->baseline);

      self->tooltip_baseline = scenario->baseline;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->spin), tooltip);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->slider), tooltip);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), tooltip);
      {
        g_autofree char *about = lf_param_about (self->param, scenario->baseline);
        lf_info_button_set_text (self->info_button, about);
      }
    }
  v = scenario->value[self->param];
  if (isfinite (v))
    lf_lever_row_set_value (self, v);
  sched = lf_schedule_text (scenario, self->param);
  gtk_label_set_text (self->schedule_label, sched);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_label), *sched != '\0');
  self->scenario = scenario;
  if (self->schedule != NULL)
    lf_schedule_popover_set_scenario (self->schedule, scenario);
}

/**
 * lf_lever_row_set_note:
 * @text: (nullable): why the lever changes nothing in this scenario, or NULL
 *
 * Shows a note under the slider (lf-notes.h); the same text again changes nothing.
 */
void
lf_lever_row_set_note (LfLeverRow *self, const char *text)
{
  g_return_if_fail (LF_IS_LEVER_ROW (self));
  if (text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
      return;
    }
  if (g_strcmp0 (gtk_label_get_text (self->note_label), text) != 0)
    gtk_label_set_text (self->note_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
}
