/* lf-choice-row.c: a choice lever as a row that opens a list (see
 * lf-choice-row.h, and lf-choice-row.ui for its shape). Its value is
 * LfChoiceRow:selected; a policy lever also gets its schedule. The list's
 * popover is built the first time the row opens it: libadwaita's combo row
 * builds one with every row, and searched for its title's and subtitle's
 * widths 91 times before the window's first frame. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-center-bin.h"
#include "lf-choice-row.h"
#include "lf-row-common.h"
#include "lf-schedule-popover.h"

struct _LfChoiceRow
{
  AdwPreferencesRow  parent_instance;

  LfParam            param;
  GtkStringList     *labels;           /* the choices' names */
  guint              selected;
  GtkLabel          *subtitle_label;   /* the chosen name */
  GtkWidget         *suffixes;
  GtkWidget         *arrow_box;        /* the popover points at it */
  GtkPopover        *popover;          /* NULL until first opened */
  GtkSingleSelection *list_selection;  /* the open list's, NULL with it */
  const LfBaseline  *tooltip_baseline;
  GtkWidget         *schedule_label;   /* NULL unless a policy lever */
  LfSchedulePopover *schedule;         /* NULL until first opened */
  const LfScenario  *scenario;         /* the last given, for the schedule popover */
  GtkWidget         *info_button;      /* "About …": meaning, choices, default, source */
};

G_DEFINE_FINAL_TYPE (LfChoiceRow, lf_choice_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PARAM,
  PROP_SELECTED,
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

/* An item of the open list was activated (a click, or Enter on it). */
static void
on_list_activate_cb (LfChoiceRow *self, guint position)
{
  gtk_popover_popdown (self->popover);
  lf_choice_row_set_selected (self, position);
}

static void
on_popover_visible_cb (LfChoiceRow *self)
{
  /* libadwaita's style for a combo row with its list open. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_widget_add_css_class (GTK_WIDGET (self), "has-open-popup");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "has-open-popup");
}

/* The list, in libadwaita 1.2's combo row's shape: a popover with the menu
 * style class, a scrolled window that takes the list's natural size up to
 * 400 px high, and a list view activated by one click; its items whole,
 * with a check mark on the chosen one. */
static void
build_popover (LfChoiceRow *self)
{
  g_autoptr(GtkListItemFactory) factory = lf_whole_item_factory (G_OBJECT (self));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  self->list_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->labels)));
  gtk_single_selection_set_selected (self->list_selection, self->selected);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->list_selection)), g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  g_signal_connect_swapped (list, "activate", G_CALLBACK (on_list_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "menu");
  gtk_popover_set_child (self->popover, scrolled);
  g_signal_connect_swapped (self->popover, "notify::visible", G_CALLBACK (on_popover_visible_cb), self);
  gtk_box_append (GTK_BOX (self->arrow_box), GTK_WIDGET (self->popover));
}

/* Activating the row (a click on it, Enter or Space on it) opens its list. */
static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, LfChoiceRow *self)
{
  if (!lf_row_is_activated (list, row, self))
    return;
  if (self->popover == NULL)
    build_popover (self);
  gtk_popover_popup (self->popover);
}

static void
lf_choice_row_constructed (GObject *object)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);
  const LfParamInfo *info = lf_param_info (self->param);

  G_OBJECT_CLASS (lf_choice_row_parent_class)->constructed (object);

  g_assert (info->choice_labels != NULL);
  for (int i = 0; info->choice_labels[i] != NULL; i++)
    gtk_string_list_append (self->labels, _(info->choice_labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(info->label));
  /* The choice shows as a wrapping subtitle, so the row fits a phone. */
  gtk_label_set_text (self->subtitle_label, gtk_string_list_get_string (self->labels, self->selected));

  if (info->flags & LF_PARAM_FLAG_SCHEDULE)
    {
      GtkWidget *button = gtk_menu_button_new ();
      g_autofree char *a11y = g_strdup_printf (_("Change %s in a later year"), _(info->label));

      self->schedule_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->schedule_label, "caption");
      gtk_widget_add_css_class (self->schedule_label, "accent");
      gtk_widget_set_visible (self->schedule_label, FALSE);
      gtk_box_append (GTK_BOX (self->suffixes), self->schedule_label);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (button, _("Change in a later year"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      lf_schedule_popover_build_later (GTK_MENU_BUTTON (button), self->param, &self->schedule,
                                       &self->scenario, G_CALLBACK (on_schedule_apply_cb),
                                       G_CALLBACK (on_schedule_clear_cb), self);
      gtk_box_append (GTK_BOX (self->suffixes), button);
    }
  self->info_button = lf_info_button_new (_(info->label));
  gtk_box_append (GTK_BOX (self->suffixes), self->info_button);
}

/* The open list is a popover: it is placed as the row is allocated, and
 * while it is open the keyboard moves within it (as in AdwComboRow). */
static void
lf_choice_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LfChoiceRow *self = LF_CHOICE_ROW (widget);

  GTK_WIDGET_CLASS (lf_choice_row_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

static gboolean
lf_choice_row_focus (GtkWidget *widget, GtkDirectionType direction)
{
  LfChoiceRow *self = LF_CHOICE_ROW (widget);

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return gtk_widget_child_focus (GTK_WIDGET (self->popover), direction);
  return GTK_WIDGET_CLASS (lf_choice_row_parent_class)->focus (widget, direction);
}

static void
lf_choice_row_dispose (GObject *object)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);

  g_clear_object (&self->list_selection);
  G_OBJECT_CLASS (lf_choice_row_parent_class)->dispose (object);
  /* Gone with the template's widgets. */
  self->popover = NULL;
}

static void
lf_choice_row_finalize (GObject *object)
{
  LfChoiceRow *self = LF_CHOICE_ROW (object);

  g_object_unref (self->labels);
  G_OBJECT_CLASS (lf_choice_row_parent_class)->finalize (object);
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
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
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
    case PROP_SELECTED:
      lf_choice_row_set_selected (self, g_value_get_uint (value));
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
  object_class->dispose = lf_choice_row_dispose;
  object_class->finalize = lf_choice_row_finalize;
  widget_class->size_allocate = lf_choice_row_size_allocate;
  widget_class->focus = lf_choice_row_focus;
  object_class->get_property = lf_choice_row_get_property;
  object_class->set_property = lf_choice_row_set_property;

  /**
   * LfChoiceRow:param:
   * The lever; its label, tooltip and whether it has a schedule come from the registry.
   */
  properties[PROP_PARAM] =
    g_param_spec_enum ("param", NULL, NULL, LF_TYPE_PARAM, LF_PARAM_EV_PATH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LfChoiceRow:selected:
   * The position of the chosen value among the lever's choices.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  g_type_ensure (LF_TYPE_CENTER_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LfChoiceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LfChoiceRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, LfChoiceRow, arrow_box);
  /* As libadwaita's combo rows. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  /* Out of the panel's view, a row is not drawn (lf-row-common.c). */
  lf_row_class_draw_only_in_view (widget_class);
}

static void
lf_choice_row_init (LfChoiceRow *self)
{
  self->labels = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  lf_row_follow_list_activation (GTK_LIST_BOX_ROW (self), G_CALLBACK (on_row_activated_cb));
}

LfParam
lf_choice_row_get_param (LfChoiceRow *self)
{
  g_return_val_if_fail (LF_IS_CHOICE_ROW (self), LF_PARAM_EV_PATH);
  return self->param;
}

guint
lf_choice_row_get_selected (LfChoiceRow *self)
{
  g_return_val_if_fail (LF_IS_CHOICE_ROW (self), 0);
  return self->selected;
}

/* Chooses the value at @position (out of range: ignored); notifies only a
 * real change. */
void
lf_choice_row_set_selected (LfChoiceRow *self, guint position)
{
  g_return_if_fail (LF_IS_CHOICE_ROW (self));
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->labels)) || position == self->selected)
    return;
  self->selected = position;
  gtk_label_set_text (self->subtitle_label, gtk_string_list_get_string (self->labels, position));
  if (self->list_selection != NULL)
    gtk_single_selection_set_selected (self->list_selection, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Adds @widget at the row's end (a note's icon). */
void
lf_choice_row_add_suffix (LfChoiceRow *self, GtkWidget *widget)
{
  g_return_if_fail (LF_IS_CHOICE_ROW (self));
  gtk_box_append (GTK_BOX (self->suffixes), widget);
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
      lf_row_set_tip (GTK_WIDGET (self), tooltip);
      lf_info_button_set_text (self->info_button, about);
    }
  lf_choice_row_set_selected (self, (guint) scenario->value[self->param]);
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
