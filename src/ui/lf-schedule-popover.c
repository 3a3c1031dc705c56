/* lf-schedule-popover.c: the per-year schedule of a policy lever.
 *
 * It reads the scenario (to start from the lever's value in the chosen year
 * and to list the changes so far) but never writes it: ::apply and ::clear
 * go to LfControls, which does. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-row-common.h"
#include "lf-schedule-popover.h"

struct _LfSchedulePopover
{
  GtkPopover         parent_instance;

  LfParam            param;
  const LfScenario  *scenario;   /* not owned */

  GtkLabel          *title_label;
  GtkLabel          *list_label;
  GtkSpinButton     *value_spin;
  GtkAdjustment     *year_adjustment;
  GtkAdjustment     *value_adjustment;
  GtkDropDown       *value_choice;  /* a choice lever's new value, by name (else NULL) */
};

G_DEFINE_FINAL_TYPE (LfSchedulePopover, lf_schedule_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_PARAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPLY,
  CLEAR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh_list (LfSchedulePopover *self)
{
  g_autofree char *text = NULL;

  if (self->scenario == NULL)
    return;
  text = lf_schedule_text (self->scenario, self->param);
  gtk_label_set_text (self->list_label, *text ? text : _("No change in a later year"));
}

static void
on_show_cb (LfSchedulePopover *self)
{
  int year = (int) gtk_adjustment_get_value (self->year_adjustment);
  double v;

  if (self->scenario == NULL)
    return;
  /* Start from the value the lever has in that year, not from zero. */
  v = lf_scenario_value_at (self->scenario, self->param, year);
  if (self->value_choice != NULL && isfinite (v))
    gtk_drop_down_set_selected (self->value_choice, (guint) v);
  else if (isfinite (v))
    gtk_adjustment_set_value (self->value_adjustment, v * lf_param_shown_scale (self->param));
  refresh_list (self);
}

static void
on_apply_clicked_cb (LfSchedulePopover *self)
{
  int year = (int) gtk_adjustment_get_value (self->year_adjustment);
  double v = self->value_choice != NULL
             ? gtk_drop_down_get_selected (self->value_choice)
             : gtk_adjustment_get_value (self->value_adjustment) / lf_param_shown_scale (self->param);

  g_signal_emit (self, signals[APPLY], 0, year, v);
  refresh_list (self);
}

static void
on_clear_clicked_cb (LfSchedulePopover *self)
{
  g_signal_emit (self, signals[CLEAR], 0);
  refresh_list (self);
}

static void
lf_schedule_popover_constructed (GObject *object)
{
  LfSchedulePopover *self = LF_SCHEDULE_POPOVER (object);
  const LfParamInfo *info = lf_param_info (self->param);
  double scale = lf_param_shown_scale (self->param);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", _(info->label));

  G_OBJECT_CLASS (lf_schedule_popover_parent_class)->constructed (object);

  gtk_label_set_markup (self->title_label, markup);
  /* 2028 to start with: the first year a new policy could take effect. */
  gtk_adjustment_configure (self->year_adjustment, CLAMP (2028, LF_FIRST_YEAR + 1, LF_LAST_YEAR),
                            LF_FIRST_YEAR + 1, LF_LAST_YEAR, 1, 1, 0);
  /* The whole range the model accepts, like the lever's own exact entry. */
  gtk_adjustment_configure (self->value_adjustment, info->min * scale, info->min * scale,
                            info->max * scale, info->step, info->step * 10, 0);
  gtk_spin_button_configure (self->value_spin, self->value_adjustment, info->step, info->digits);
  lf_spin_group_digits (self->value_spin);

  /* A choice (the connected-vehicle rule) takes its new value by name, not
   * as a number: "Off", not "0". */
  if (info->choice_labels != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (self->value_spin));

      for (int i = 0; info->choice_labels[i] != NULL; i++)
        gtk_string_list_append (labels, _(info->choice_labels[i]));
      self->value_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
      lf_drop_down_show_whole_items (self->value_choice);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("New value"), -1);
      gtk_widget_set_visible (GTK_WIDGET (self->value_spin), FALSE);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->value_choice), 1, 2, 1, 1);
    }
}

static void
lf_schedule_popover_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfSchedulePopover *self = LF_SCHEDULE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      g_value_set_enum (value, self->param);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_schedule_popover_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfSchedulePopover *self = LF_SCHEDULE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      self->param = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_schedule_popover_class_init (LfSchedulePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_schedule_popover_constructed;
  object_class->get_property = lf_schedule_popover_get_property;
  object_class->set_property = lf_schedule_popover_set_property;

  /**
   * LfSchedulePopover:param:
   * The policy lever whose later values this edits.
   */
  properties[PROP_PARAM] =
    g_param_spec_enum ("param", NULL, NULL, LF_TYPE_PARAM, LF_PARAM_TARIFF_CHINA,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfSchedulePopover::apply:
   * @year: the first year of the new value
   * @value: the new value, in the model's units
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /**
   * LfSchedulePopover::clear:
   * The user asked to take every later change away.
   */
  signals[CLEAR] = g_signal_new ("clear", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-schedule-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, LfSchedulePopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, LfSchedulePopover, list_label);
  gtk_widget_class_bind_template_child (widget_class, LfSchedulePopover, value_spin);
  gtk_widget_class_bind_template_child (widget_class, LfSchedulePopover, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LfSchedulePopover, value_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
lf_schedule_popover_init (LfSchedulePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lf_schedule_popover_new (LfParam param)
{
  g_return_val_if_fail (param < LF_N_PARAMS, NULL);
  return g_object_new (LF_TYPE_SCHEDULE_POPOVER, "param", param, NULL);
}

LfParam
lf_schedule_popover_get_param (LfSchedulePopover *self)
{
  g_return_val_if_fail (LF_IS_SCHEDULE_POPOVER (self), LF_PARAM_TARIFF_CHINA);
  return self->param;
}

/**
 * lf_schedule_popover_set_scenario:
 * @scenario: (transfer none) (nullable): read, never written; must outlive its use here
 */
void
lf_schedule_popover_set_scenario (LfSchedulePopover *self, const LfScenario *scenario)
{
  g_return_if_fail (LF_IS_SCHEDULE_POPOVER (self));
  self->scenario = scenario;
}

typedef struct {
  LfParam             param;
  LfSchedulePopover **popover;
  const LfScenario  **scenario;
  GCallback           apply;
  GCallback           clear;
  gpointer            row;
} Later;

static void
build_later_cb (GtkMenuButton *button, gpointer data)
{
  Later *later = data;

  if (*later->popover == NULL)
    {
      *later->popover = LF_SCHEDULE_POPOVER (lf_schedule_popover_new (later->param));
      g_signal_connect_object (*later->popover, "apply", later->apply, later->row, G_CONNECT_SWAPPED);
      g_signal_connect_object (*later->popover, "clear", later->clear, later->row, G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (button, GTK_WIDGET (*later->popover));
    }
  lf_schedule_popover_set_scenario (*later->popover, *later->scenario);
}

/**
 * lf_schedule_popover_build_later:
 * @button: the lever's "later year" button
 * @param: the lever
 * @popover: the row's field for the popover: %NULL until it is built, then
 *   the popover (the row hands it each new scenario from then on)
 * @scenario: the row's field for its scenario, read when the popover opens
 * @apply: the row's handler of #LfSchedulePopover::apply, called swapped
 * @clear: the row's handler of #LfSchedulePopover::clear, called swapped
 * @row: the row that owns @button, @popover and @scenario
 *
 * Builds the popover the first time @button opens it: one for every policy
 * lever, each with its entries and list, had been a fiftieth of the window's
 * start-up (bench/profile-startup.py).
 */
void
lf_schedule_popover_build_later (GtkMenuButton      *button,
                                 LfParam             param,
                                 LfSchedulePopover **popover,
                                 const LfScenario  **scenario,
                                 GCallback           apply,
                                 GCallback           clear,
                                 gpointer            row)
{
  Later *later;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button) && popover != NULL && scenario != NULL);
  later = g_new (Later, 1);
  *later = (Later) { param, popover, scenario, apply, clear, row };
  gtk_menu_button_set_create_popup_func (button, build_later_cb, later, g_free);
}
