/* lf-choice-row.c: a choice lever as a combo row (see lf-choice-row.h). Its
 * value is AdwComboRow:selected; a policy lever also gets its schedule. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-choice-row.h"
#include "lf-row-common.h"
#include "lf-schedule-popover.h"

struct _LfChoiceRow
{
  AdwComboRow        parent_instance;

  LfParam            param;
  const LfBaseline  *tooltip_baseline;
  GtkWidget         *schedule_label;   /* NULL unless a policy lever */
  LfSchedulePopover *schedule;         /* NULL until first opened */
  const LfScenario  *scenario;         /* the last given, for the schedule popover */
  GtkWidget         *info_button;      /* "About …": meaning, choices, default, source */
};

G_DEFINE_FINAL_TYPE (LfChoiceRow, lf_choice_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_PARAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHEDULE_APPLY,
  SCHEDULE_CLEAR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_schedule_apply_cb (LfChoiceRow *self, int year, double value)
{
  g_signal_emit (self, signals[SCHEDULE_APPLY], 0, year, value);
}

static void
on_schedule_clear_cb (LfChoiceRow *self)
{
  g_signal_emit (self, signals[SCHEDULE_CLEAR], 0);
}

static void
lf_choice_row_constructed (GObject *object)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);
  const LfParamInfo *info = lf_param_info (self->param);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (lf_choice_row_parent_class)->constructed (object);

  g_assert (info->choice_labels != NULL);
  for (int i = 0; info->choice_labels[i] != NULL; i++)
    gtk_string_list_append (labels, _(info->choice_labels[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(info->label));
  /* The choice shows as a wrapping subtitle, so the row fits a phone. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), TRUE);
  lf_combo_row_show_whole_items (ADW_COMBO_ROW (self));

  if (info->flags & LF_PARAM_FLAG_SCHEDULE)
    {
      GtkWidget *button = gtk_menu_button_new ();
      g_autofree char *a11y = g_strdup_printf (_("Change %s in a later year"), _(info->label));

      self->schedule_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->schedule_label, "caption");
      gtk_widget_add_css_class (self->schedule_label, "accent");
      gtk_widget_set_visible (self->schedule_label, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->schedule_label);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (button, _("Change in a later year"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      lf_schedule_popover_build_later (GTK_MENU_BUTTON (button), self->param, &self->schedule,
                                       &self->scenario, G_CALLBACK (on_schedule_apply_cb),
                                       G_CALLBACK (on_schedule_clear_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
    }
  self->info_button = lf_info_button_new (_(info->label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->info_button);
}

static void
lf_choice_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);

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
lf_choice_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);

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
lf_choice_row_class_init (LfChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_choice_row_constructed;
  object_class->get_property = lf_choice_row_get_property;
  object_class->set_property = lf_choice_row_set_property;

  /**
   * LfChoiceRow:param:
   * The lever; its label, tooltip and whether it has a schedule come from the registry.
   */
  properties[PROP_PARAM] =
    g_param_spec_enum ("param", NULL, NULL, LF_TYPE_PARAM, LF_PARAM_EV_PATH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfChoiceRow::schedule-apply:
   * @year: the first year of the new value
   * @value: the new value (the index of a choice)
   */
  signals[SCHEDULE_APPLY] = g_signal_new ("schedule-apply", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /**
   * LfChoiceRow::schedule-clear:
   * The user asked to take the lever's later changes away.
   */
  signals[SCHEDULE_CLEAR] = g_signal_new ("schedule-clear", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Out of the panel's view, a row is not drawn (lf-row-common.c). */
  lf_row_class_draw_only_in_view (widget_class);
}

static void
lf_choice_row_init (LfChoiceRow *self)
{
}

LfParam
lf_choice_row_get_param (LfChoiceRow *self)
{
  g_return_val_if_fail (LF_IS_CHOICE_ROW (self), LF_PARAM_EV_PATH);
  return self->param;
}

/**
 * lf_choice_row_show:
 * @scenario: (transfer none): read, never written; must outlive the row's use of it
 */
void
lf_choice_row_show (LfChoiceRow *self, const LfScenario *scenario)
{
  g_return_if_fail (LF_IS_CHOICE_ROW (self));
  if (self->tooltip_baseline != scenario->baseline)
    {
      g_autofree char *tooltip = lf_param_tooltip (self->param, scenario->baseline);
      g_autofree char *about = lf_param_about (self->param, scenario->baseline);

      self->tooltip_baseline = scenario->baseline;
      lf_combo_row_set_tip (ADW_COMBO_ROW (self), tooltip);
      lf_info_button_set_text (self->info_button, about);
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), (guint) scenario->value[self->param]);
  self->scenario = scenario;
  if (self->schedule_label != NULL)
    {
      g_autofree char *sched = lf_schedule_text (scenario, self->param);

      gtk_label_set_text (GTK_LABEL (self->schedule_label), sched);
      gtk_widget_set_visible (self->schedule_label, *sched != '\0');
    }
  if (self->schedule != NULL)
    lf_schedule_popover_set_scenario (self->schedule, scenario);
}
