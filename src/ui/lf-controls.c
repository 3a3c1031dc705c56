/* lf-controls.c: the control panel. Each control writes one key of the
 * scenario through lf_scenario_set_*() (so the same checks as files and the
 * command line apply) and emits ::changed with that key. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-controls.h"

typedef struct {
  LfParam        param;
  GtkAdjustment *adj;
  GtkWidget     *row;        /* for the schedule subtitle */
  GtkWidget     *container;  /* the whole row */
  GtkWidget     *combo;      /* rule: a combo row instead of a slider */
  GtkWidget     *toggle;     /* 0/1 levers, and the quota's on/off */
  double         scale;      /* control value = model value × scale */
} Lever;

typedef struct {
  char           id[LF_PLANT_ID_MAX + 1];
  GtkWidget     *expander;
  GtkWidget     *maker;
  GtkWidget     *site;
  GtkAdjustment *capacity;
  GtkAdjustment *start;
} PlantRow;

struct _LfControls
{
  AdwBin         parent_instance;

  LfScenario    *scenario;   /* not owned */
  GtkWidget     *page;
  GtkWidget     *plants_group;
  GArray        *levers;     /* Lever */
  GArray        *plant_rows; /* PlantRow */
  GtkWidget     *scroll_target;
  GtkWidget     *add_button;
  GtkWidget     *authorised[LF_MAX_MAKERS];  /* switches, for Chinese-controlled makers */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (LfControls, lf_controls, ADW_TYPE_BIN)

enum {
  CHANGED,
  PLANT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Labels people read, for each parameter (kept with the parameters in the model). */
static const char *
param_label (LfParam param)
{
  return _(lf_param_info (param)->label);
}

static const char *
param_unit (LfParam param)
{
  switch (param)
    {
    case LF_PARAM_TARIFF_CHINA:
    case LF_PARAM_TARIFF_MEXICO:
    case LF_PARAM_TARIFF_CANADA:
    case LF_PARAM_CONSIDERATION_CAP:
    case LF_PARAM_PASS_THROUGH:
      return "%";
    case LF_PARAM_CREDIT_EV_USD:
    case LF_PARAM_FORD_PARTNER_FEE_USD:
      return "$";
    case LF_PARAM_QUOTA_CHINA:
      return _("a year");
    case LF_PARAM_ACCEPTANCE_SPEED:
      return _("/ year");
    case LF_PARAM_EXPANSION_YEARS:
      return _("years");
    default:
      return "";
    }
}

static char *
param_tooltip (LfControls *self, LfParam param)
{
  const LfParamInfo *info = lf_param_info (param);
  const char *source = lf_baseline_get_source (self->scenario->baseline, info->key);

  return g_strdup_printf (_("%s.\nDefault: %s\nKey: %s"),
                          _(info->description), source ? source : _("built in"), info->key);
}

static Lever *
find_lever (LfControls *self, LfParam param)
{
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *l = &g_array_index (self->levers, Lever, i);
      if (l->param == param)
        return l;
    }
  return NULL;
}

static void
emit_changed (LfControls *self, const char *key)
{
  g_signal_emit (self, signals[CHANGED], 0, key);
}

static void
set_number (LfControls *self, const char *key, double value)
{
  g_autoptr(GError) error = NULL;

  if (!lf_scenario_set_number (self->scenario, key, value, &error))
    {
      /* The controls' ranges match the model's; this is a programming error. */
      g_warning ("%s", error->message);
      return;
    }
  emit_changed (self, key);
}

static char *
schedule_text (LfControls *self, LfParam param)
{
  GString *text = g_string_new (NULL);
  const Lever *l = find_lever (self, param);
  double scale = l ? l->scale : 1.0;

  for (int y = 1; y < LF_N_YEARS; y++)
    if (self->scenario->has_step[param][y])
      {
        double v = self->scenario->step[param][y];
        g_autofree char *num = isinf (v) ? g_strdup (_("unlimited"))
                                         : g_strdup_printf ("%'.*f", v * scale == floor (v * scale) ? 0 : 1, v * scale);
        if (text->len)
          g_string_append (text, ", ");
        /* Translators: a policy change, e.g. "from 2028: 25 %" */
        g_string_append_printf (text, _("from %d: %s %s"), LF_FIRST_YEAR + y, num, param_unit (param));
      }
  return g_string_free (text, FALSE);
}

/* ---- schedule popover ---------------------------------------------------- */

typedef struct {
  LfControls    *self;
  LfParam        param;
  GtkAdjustment *year;
  GtkAdjustment *value;
  GtkWidget     *list;
} ScheduleEditor;

static void refresh_schedule_list (ScheduleEditor *ed);

static void
on_schedule_apply_cb (GtkButton *button, ScheduleEditor *ed)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", lf_param_info (ed->param)->key,
                                          (int) gtk_adjustment_get_value (ed->year));
  Lever *l = find_lever (ed->self, ed->param);
  double v = gtk_adjustment_get_value (ed->value) / (l ? l->scale : 1.0);

  set_number (ed->self, key, v);
  lf_controls_sync (ed->self);
  refresh_schedule_list (ed);
}

static void
on_schedule_clear_cb (GtkButton *button, ScheduleEditor *ed)
{
  lf_scenario_clear_steps (ed->self->scenario, ed->param);
  emit_changed (ed->self, lf_param_info (ed->param)->key);
  lf_controls_sync (ed->self);
  refresh_schedule_list (ed);
}

static void
refresh_schedule_list (ScheduleEditor *ed)
{
  g_autofree char *text = schedule_text (ed->self, ed->param);
  gtk_label_set_text (GTK_LABEL (ed->list), *text ? text : _("No change in a later year"));
}

static void
on_schedule_show_cb (GtkWidget *popover, ScheduleEditor *ed)
{
  Lever *l = find_lever (ed->self, ed->param);
  int year = (int) gtk_adjustment_get_value (ed->year);
  double v = lf_scenario_value_at (ed->self->scenario, ed->param, year);

  /* Start from the value the lever has in that year, not from zero. */
  if (isfinite (v))
    gtk_adjustment_set_value (ed->value, v * (l ? l->scale : 1.0));
  refresh_schedule_list (ed);
}

static GtkWidget *
schedule_button (LfControls *self, LfParam param, double lo, double hi, double step, int digits)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *year_spin, *value_spin, *apply, *clear;
  ScheduleEditor *ed = g_new0 (ScheduleEditor, 1);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", param_label (param));
  g_autofree char *a11y = g_strdup_printf (_("Change %s in a later year"), param_label (param));

  ed->self = self;
  ed->param = param;
  ed->year = gtk_adjustment_new (2028, LF_FIRST_YEAR + 1, LF_LAST_YEAR, 1, 1, 0);
  ed->value = gtk_adjustment_new (lo, lo, hi, step, step * 10, 0);
  g_object_set_data_full (G_OBJECT (button), "schedule-editor", ed, g_free);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Change in a later year"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("From year")), 0, 1, 1, 1);
  year_spin = gtk_spin_button_new (ed->year, 1, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From year"), -1);
  gtk_grid_attach (GTK_GRID (grid), year_spin, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("New value")), 0, 2, 1, 1);
  value_spin = gtk_spin_button_new (ed->value, step, digits);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New value"), -1);
  gtk_grid_attach (GTK_GRID (grid), value_spin, 1, 2, 1, 1);
  ed->list = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (ed->list), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (ed->list), 30);
  gtk_label_set_xalign (GTK_LABEL (ed->list), 0);
  gtk_widget_add_css_class (ed->list, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), ed->list, 0, 3, 2, 1);
  clear = gtk_button_new_with_mnemonic (_("_Clear Changes"));
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_grid_attach (GTK_GRID (grid), clear, 0, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), apply, 1, 4, 1, 1);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_schedule_apply_cb), ed);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_schedule_clear_cb), ed);
  g_signal_connect (popover, "show", G_CALLBACK (on_schedule_show_cb), ed);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/* ---- scrolling ---------------------------------------------------------------- */

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

static void
pass_scroll_on (GtkWidget *widget)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_value_widget_scroll_cb), NULL);
  gtk_widget_add_controller (widget, scroll);
}

/* ---- lever rows -------------------------------------------------------------- */

static void
on_lever_value_changed_cb (GtkAdjustment *adj, LfControls *self)
{
  Lever *l = g_object_get_data (G_OBJECT (adj), "lever");

  if (self->syncing || l == NULL)
    return;
  set_number (self, lf_param_info (l->param)->key, gtk_adjustment_get_value (adj) / l->scale);
}

/* A row with the label, an exact-entry spin button and its unit on top, and
 * a slider for the whole range below. Slider and spin share one adjustment. */
static GtkWidget *
lever_row (LfControls *self, AdwPreferencesGroup *group, LfParam param,
           double lo, double hi, double step, int digits, double scale)
{
  const LfParamInfo *info = lf_param_info (param);
  /* The quota has a switch row of its own; this row sets its size. */
  const char *label = param == LF_PARAM_QUOTA_CHINA ? _("Quota size for China-built EVs")
                                                    : param_label (param);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *spin, *slider, *unit;
  g_autofree char *tooltip = param_tooltip (self, param);
  g_autofree char *exact = g_strdup_printf (_("%s, exact value"), label);
  Lever lever = { 0 };

  lever.param = param;
  lever.scale = scale;
  lever.adj = gtk_adjustment_new (lo, lo, hi, step, step * 10, 0);
  lever.row = subtitle;
  lever.container = row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "accent");
  gtk_widget_set_visible (subtitle, FALSE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), labels);

  spin = gtk_spin_button_new (lever.adj, step, digits);
  pass_scroll_on (spin);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, exact, -1);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_box_append (GTK_BOX (top), spin);
  unit = gtk_label_new (param_unit (param));
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_widget_set_size_request (unit, 28, -1);
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_box_append (GTK_BOX (top), unit);
  if (info->flags & LF_PARAM_FLAG_SCHEDULE)
    gtk_box_append (GTK_BOX (top), schedule_button (self, param, lo, hi, step, digits));

  slider = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, lever.adj);
  pass_scroll_on (slider);
  gtk_scale_set_draw_value (GTK_SCALE (slider), FALSE);
  gtk_widget_set_hexpand (slider, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_tooltip_text (slider, tooltip);
  gtk_widget_set_tooltip_text (title, tooltip);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), slider);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);

  g_array_append_val (self->levers, lever);
  return row;
}

static void
on_toggle_cb (GObject *toggle, GParamSpec *pspec, LfControls *self)
{
  LfParam param = GPOINTER_TO_INT (g_object_get_data (toggle, "lever-param"));
  gboolean on = gtk_switch_get_active (GTK_SWITCH (toggle));

  if (self->syncing)
    return;
  if (param == LF_PARAM_QUOTA_CHINA)
    {
      Lever *l = find_lever (self, param);
      set_number (self, "quota.china", on ? gtk_adjustment_get_value (l->adj) : INFINITY);
      lf_controls_sync (self);
    }
  else
    set_number (self, lf_param_info (param)->key, on ? 1 : 0);
}

static GtkWidget *
switch_row (LfControls *self, AdwPreferencesGroup *group, LfParam param, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  g_autofree char *tooltip = param_tooltip (self, param);
  Lever lever = { 0 };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), param_label (param));
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  param_label (param), -1);
  gtk_widget_set_tooltip_text (row, tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_object_set_data (G_OBJECT (sw), "lever-param", GINT_TO_POINTER (param));
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_toggle_cb), self);
  adw_preferences_group_add (group, row);

  if (param == LF_PARAM_QUOTA_CHINA)
    {
      Lever *l = find_lever (self, param);
      l->toggle = sw;
    }
  else
    {
      lever.param = param;
      lever.scale = 1.0;
      lever.toggle = sw;
      g_array_append_val (self->levers, lever);
    }
  return row;
}

static void
on_rule_selected_cb (GObject *combo, GParamSpec *pspec, LfControls *self)
{
  if (self->syncing)
    return;
  set_number (self, "rule.connected_vehicle", adw_combo_row_get_selected (ADW_COMBO_ROW (combo)));
}

static void
rule_row (LfControls *self, AdwPreferencesGroup *group)
{
  const char *modes[] = { N_("Off"), N_("As published: Chinese makers barred from 2027"),
                          N_("Waived for US-built cars"), NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *tooltip = param_tooltip (self, LF_PARAM_RULE_CONNECTED_VEHICLE);
  GtkWidget *subtitle = gtk_label_new (NULL);
  Lever lever = { 0 };

  for (int i = 0; modes[i]; i++)
    gtk_string_list_append (list, _(modes[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), param_label (LF_PARAM_RULE_CONNECTED_VEHICLE));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  /* The choice shows as a wrapping subtitle, so the row fits a phone. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "accent");
  gtk_widget_set_visible (subtitle, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             schedule_button (self, LF_PARAM_RULE_CONNECTED_VEHICLE, 0, 2, 1, 0));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_rule_selected_cb), self);
  adw_preferences_group_add (group, row);

  lever.param = LF_PARAM_RULE_CONNECTED_VEHICLE;
  lever.scale = 1.0;
  lever.combo = row;
  lever.row = subtitle;
  g_array_append_val (self->levers, lever);
}

/* ---- a choice among named values (market.ev_path) ------------------------------------ */

static void
on_choice_selected_cb (GObject *combo, GParamSpec *pspec, LfControls *self)
{
  LfParam param = GPOINTER_TO_INT (g_object_get_data (combo, "param"));

  if (self->syncing)
    return;
  set_number (self, lf_param_info (param)->key, adw_combo_row_get_selected (ADW_COMBO_ROW (combo)));
}

/* The EV adoption paths, in the order of their ids (low, central, high). */
static const char *const ev_path_labels[] = {
  /* Translators: the low path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("Low (EY: 13 % of sales in 2030)"),
  /* Translators: the central path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("Central (BloombergNEF: 21 % in 2030)"),
  /* Translators: the high path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("High (Cox Automotive: 25 % in 2030)"),
};

/* Ford's cost outlook, in the order of its ids (guidance, downside). */
static const char *const ford_case_labels[] = {
  N_("As Ford guides: break-even in 2029"),
  N_("Downside: break-even two years later"),
};

static void
choice_row (LfControls *self, AdwPreferencesGroup *group, LfParam param,
            const char *const *labels, int n_labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *tooltip = param_tooltip (self, param);
  Lever lever = { 0 };

  for (int i = 0; i < n_labels; i++)
    gtk_string_list_append (list, _(labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), param_label (param));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data (G_OBJECT (row), "param", GINT_TO_POINTER (param));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  adw_preferences_group_add (group, row);

  lever.param = param;
  lever.scale = 1.0;
  lever.combo = row;
  g_array_append_val (self->levers, lever);
}

/* ---- authorisation under the connected-vehicle rule -------------------------------- */

static char *
authorised_key (const LfBaseline *b, int maker)
{
  return g_strdup_printf ("maker.%s.authorised", b->makers[maker].id);
}

static void
on_authorised_cb (GObject *toggle, GParamSpec *pspec, LfControls *self)
{
  int maker = GPOINTER_TO_INT (g_object_get_data (toggle, "maker"));
  g_autofree char *key = authorised_key (self->scenario->baseline, maker);

  if (self->syncing)
    return;
  set_number (self, key, gtk_switch_get_active (GTK_SWITCH (toggle)) ? 1 : 0);
}

/* One switch per maker the rule applies to: whether Commerce has authorised it. */
static void
authorised_rows (LfControls *self, AdwPreferencesGroup *group)
{
  const LfBaseline *b = self->scenario->baseline;

  for (int m = 0; m < b->n_makers && m < LF_MAX_MAKERS; m++)
    {
      const char *name = _(b->makers[m].name);
      GtkWidget *row, *sw;
      g_autofree char *key = NULL, *title = NULL, *a11y = NULL, *tooltip = NULL;

      if (!b->makers[m].chinese_controlled)
        continue;
      key = authorised_key (b, m);
      /* Translators: a switch, e.g. "BYD authorised"; its subtitle names the rule */
      title = g_strdup_printf (_("%s authorised"), name);
      /* Translators: the accessible name of that switch, e.g. "BYD authorised under the connected-vehicle rule" */
      a11y = g_strdup_printf (_("%s authorised under the connected-vehicle rule"), name);
      tooltip = g_strdup_printf (_("On: Commerce has authorised %s under the connected-vehicle rule.\n"
                                   "It may then sell while the rule applies as published, and from "
                                   "any site while the rule is waived for US-built cars.\n"
                                   "Default: not authorised\nKey: %s"), name, key);
      row = adw_action_row_new ();
      sw = gtk_switch_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Under the connected-vehicle rule"));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_set_tooltip_text (row, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      /* The row labels its switch with its title too; the switch's own, longer
       * name says what it is on its own, and is read alone. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_object_set_data (G_OBJECT (sw), "maker", GINT_TO_POINTER (m));
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_authorised_cb), self);
      adw_preferences_group_add (group, row);
      self->authorised[m] = sw;
    }
}

/* ---- plants ------------------------------------------------------------------ */

static char *
plant_key (const char *id, const char *field)
{
  return g_strdup_printf ("plant.%s.%s", id, field);
}

static void
on_plant_combo_cb (GObject *combo, GParamSpec *pspec, LfControls *self)
{
  const char *id = g_object_get_data (combo, "plant-id");
  const char *field = g_object_get_data (combo, "plant-field");
  const LfBaseline *b = self->scenario->baseline;
  guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
  g_autofree char *key = plant_key (id, field);
  g_autoptr(GError) error = NULL;
  const char *value;

  if (self->syncing || sel == GTK_INVALID_LIST_POSITION)
    return;
  value = g_str_equal (field, "maker") ? b->makers[sel].id : b->sites[sel].id;
  if (!lf_scenario_set_string (self->scenario, key, value, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  emit_changed (self, key);
  lf_controls_sync (self);
}

static void
on_plant_adj_cb (GtkAdjustment *adj, LfControls *self)
{
  const char *id = g_object_get_data (G_OBJECT (adj), "plant-id");
  const char *field = g_object_get_data (G_OBJECT (adj), "plant-field");
  g_autofree char *key = plant_key (id, field);

  if (self->syncing)
    return;
  set_number (self, key, gtk_adjustment_get_value (adj));
  lf_controls_sync (self);
}

static void
on_remove_plant_cb (GtkButton *button, LfControls *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "plant-id");
  g_autofree char *key = g_strdup_printf ("plant.%s.removed", id);

  lf_scenario_remove_plant (self->scenario, id);
  emit_changed (self, key);
  lf_controls_sync (self);
}

static void
on_plant_expanded_cb (GObject *expander, GParamSpec *pspec, LfControls *self)
{
  const char *id = g_object_get_data (expander, "plant-id");

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)))
    g_signal_emit (self, signals[PLANT_SELECTED], 0, lf_scenario_find_plant (self->scenario, id));
}

static GtkWidget *
plant_combo (LfControls *self, const char *id, const char *field, const char *title, gboolean makers)
{
  const LfBaseline *b = self->scenario->baseline;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  int n = makers ? b->n_makers : b->n_sites;

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, _(makers ? b->makers[i].name : b->sites[i].name));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "plant-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "plant-field", (gpointer) field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_plant_combo_cb), self);
  return row;
}

static GtkAdjustment *
plant_spin (LfControls *self, GtkWidget *expander, const char *id, const char *field,
            const char *title, const char *tooltip, double lo, double hi, double step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adj = gtk_adjustment_new (lo, lo, hi, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adj, step, 0);
  g_autofree char *a11y = g_strdup_printf ("%s, %s", title, id);

  pass_scroll_on (spin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  g_object_set_data_full (G_OBJECT (adj), "plant-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (adj), "plant-field", (gpointer) field);
  g_signal_connect (adj, "value-changed", G_CALLBACK (on_plant_adj_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return adj;
}

static void
add_plant_row (LfControls *self, const LfPlant *p)
{
  PlantRow pr = { 0 };
  GtkWidget *remove_row, *remove;

  g_strlcpy (pr.id, p->id, sizeof pr.id);
  pr.expander = adw_expander_row_new ();
  g_object_set_data_full (G_OBJECT (pr.expander), "plant-id", g_strdup (p->id), g_free);
  g_signal_connect (pr.expander, "notify::expanded", G_CALLBACK (on_plant_expanded_cb), self);

  pr.maker = plant_combo (self, p->id, "maker", _("Maker"), TRUE);
  gtk_widget_set_tooltip_text (pr.maker, _("The Chinese maker that sells this plant's cars"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (pr.expander), pr.maker);
  pr.site = plant_combo (self, p->id, "site", _("Site"), FALSE);
  gtk_widget_set_tooltip_text (pr.site, _("Where the cars are built: sets the tariff they pay, "
                                          "their cost and the earliest opening year (data/baseline.json)"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (pr.expander), pr.site);
  pr.capacity = plant_spin (self, pr.expander, p->id, "capacity", _("Capacity (vehicles a year)"),
                            _("Vehicles a year at full ramp; demand above it goes to other makers. "
                              "A new plant starts at 150,000, the size of BYD's plants in Brazil, "
                              "Hungary and Turkey (2025); the baseline's plants carry their own "
                              "sources in data/baseline.json"),
                            0, LF_PLANT_PARAM_MAX_CAPACITY, 10000);
  pr.start = plant_spin (self, pr.expander, p->id, "start_year", _("First year"),
                         _("First year the plant may produce; never before its site allows "
                           "(each site's earliest year and its source are in data/baseline.json)"),
                         LF_FIRST_YEAR, LF_LAST_YEAR, 1);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this plant"));
  remove = gtk_button_new_with_label (_("Remove"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  {
    g_autofree char *a11y = g_strdup_printf (_("Remove plant %s"), p->id);
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
  g_object_set_data_full (G_OBJECT (remove), "plant-id", g_strdup (p->id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_plant_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (pr.expander), remove_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->plants_group), pr.expander);
  g_array_append_val (self->plant_rows, pr);
}

static void
on_add_plant_cb (GtkButton *button, LfControls *self)
{
  const LfBaseline *b = self->scenario->baseline;
  char id[LF_PLANT_ID_MAX + 1];
  g_autofree char *k_maker = NULL, *k_site = NULL;
  int n = 1;

  if (self->scenario->n_plants >= LF_MAX_PLANTS)
    return;
  do
    g_snprintf (id, sizeof id, "plant-%d", n++);
  while (lf_scenario_find_plant (self->scenario, id) >= 0);
  k_maker = plant_key (id, "maker");
  k_site = plant_key (id, "site");
  /* A new plant starts as BYD in Mexico, the most talked-about option. */
  lf_scenario_set_string (self->scenario, k_maker, b->makers[0].id, NULL);
  lf_scenario_set_string (self->scenario, k_site,
                          b->n_sites > 1 ? b->sites[1].id : b->sites[0].id, NULL);
  emit_changed (self, k_maker);
  lf_controls_sync (self);
  lf_controls_select_plant (self, self->scenario->n_plants - 1);
}

static void
rebuild_plants (LfControls *self)
{
  for (guint i = 0; i < self->plant_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->plants_group),
                                  g_array_index (self->plant_rows, PlantRow, i).expander);
  g_array_set_size (self->plant_rows, 0);
  for (int i = 0; i < self->scenario->n_plants; i++)
    add_plant_row (self, &self->scenario->plants[i]);
}

static gboolean
plants_match_rows (LfControls *self)
{
  if ((int) self->plant_rows->len != self->scenario->n_plants)
    return FALSE;
  for (int i = 0; i < self->scenario->n_plants; i++)
    if (!g_str_equal (g_array_index (self->plant_rows, PlantRow, i).id, self->scenario->plants[i].id))
      return FALSE;
  return TRUE;
}

/* ---- building ---------------------------------------------------------------- */

static void
build (LfControls *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *tariffs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *market = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *ford = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *add;

  /* Adjustments point at their Lever only once the array is complete (below). */
  g_array_set_size (self->levers, 0);
  g_array_set_size (self->plant_rows, 0);

  adw_preferences_group_set_title (tariffs, _("Tariffs and Rules"));
  adw_preferences_group_set_description (tariffs, _("What cars pay to enter, by where they are built"));
  lever_row (self, tariffs, LF_PARAM_TARIFF_CHINA, 0, 300, 2.5, 1, 1);
  lever_row (self, tariffs, LF_PARAM_TARIFF_MEXICO, 0, 300, 2.5, 1, 1);
  lever_row (self, tariffs, LF_PARAM_TARIFF_CANADA, 0, 300, 2.5, 1, 1);
  rule_row (self, tariffs);
  lever_row (self, tariffs, LF_PARAM_QUOTA_CHINA, 0, 1000000, 5000, 0, 1);
  switch_row (self, tariffs, LF_PARAM_QUOTA_CHINA, _("Off: no limit on China-built imports"));
  lever_row (self, tariffs, LF_PARAM_CREDIT_EV_USD, 0, 15000, 250, 0, 1);
  switch_row (self, tariffs, LF_PARAM_CREDIT_EXCLUDE_CHINESE, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), tariffs);

  self->plants_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->plants_group), _("Entrants and Plants"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->plants_group),
                                         _("Which makers Commerce authorises, how fast full plants grow, "
                                           "and each plant: its maker, site, capacity and first year"));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add a plant"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a plant"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_plant_cb), self);
  self->add_button = add;
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->plants_group), add);
  /* Above the plants, which rebuild_plants() adds after them. */
  lever_row (self, ADW_PREFERENCES_GROUP (self->plants_group), LF_PARAM_EXPANSION_YEARS, 0, 10, 1, 0, 1);
  authorised_rows (self, ADW_PREFERENCES_GROUP (self->plants_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->plants_group));

  adw_preferences_group_set_title (market, _("Market"));
  adw_preferences_group_set_description (market, _("Where EV sales go, and how buyers behave: the band shows their uncertainty"));
  choice_row (self, market, LF_PARAM_EV_PATH, ev_path_labels, G_N_ELEMENTS (ev_path_labels));
  lever_row (self, market, LF_PARAM_PRICE_ELASTICITY, -3, -0.5, 0.05, 2, 1);
  lever_row (self, market, LF_PARAM_CHOICE_PRICE_COEF, 1, 15, 0.5, 1, 1);
  lever_row (self, market, LF_PARAM_ACCEPTANCE_SPEED, 0.05, 2, 0.05, 2, 1);
  lever_row (self, market, LF_PARAM_CONSIDERATION_CAP, 5, 100, 1, 0, 100);
  lever_row (self, market, LF_PARAM_PASS_THROUGH, 0, 100, 5, 0, 100);
  lever_row (self, market, LF_PARAM_INCUMBENT_RESPONSE, 0, 1, 0.05, 2, 1);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), market);

  adw_preferences_group_set_title (ford, _("Ford"));
  switch_row (self, ford, LF_PARAM_FORD_PARTNERSHIP,
              _("Plants at Ford sites run only with a partnership"));
  lever_row (self, ford, LF_PARAM_FORD_PARTNER_FEE_USD, 0, 20000, 250, 0, 1);
  choice_row (self, ford, LF_PARAM_FORD_CASE, ford_case_labels, G_N_ELEMENTS (ford_case_labels));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ford);

  /* Now that the array is complete, tie each adjustment to its lever. */
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *l = &g_array_index (self->levers, Lever, i);
      if (l->adj != NULL)
        {
          g_object_set_data (G_OBJECT (l->adj), "lever", l);
          g_signal_connect (l->adj, "value-changed", G_CALLBACK (on_lever_value_changed_cb), self);
        }
    }

  self->page = page;
  adw_bin_set_child (ADW_BIN (self), page);
  rebuild_plants (self);
}

/* ---- public -------------------------------------------------------------------- */

static void
lf_controls_dispose (GObject *object)
{
  LfControls *self = LF_CONTROLS (object);

  g_clear_object (&self->scroll_target);
  g_clear_pointer (&self->levers, g_array_unref);
  g_clear_pointer (&self->plant_rows, g_array_unref);
  G_OBJECT_CLASS (lf_controls_parent_class)->dispose (object);
}

static void
lf_controls_class_init (LfControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lf_controls_dispose;

  /**
   * LfControls::changed:
   * @key: the scenario key the user changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * LfControls::plant-selected:
   * @plant: index of the plant whose controls were opened
   */
  signals[PLANT_SELECTED] = g_signal_new ("plant-selected", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
lf_controls_init (LfControls *self)
{
  self->levers = g_array_sized_new (FALSE, TRUE, sizeof (Lever), 32);
  self->plant_rows = g_array_new (FALSE, TRUE, sizeof (PlantRow));
}

GtkWidget *
lf_controls_new (void)
{
  return g_object_new (LF_TYPE_CONTROLS, NULL);
}

/**
 * lf_controls_set_scenario:
 * @scenario: (transfer none): edited in place; must outlive the controls' use of it
 */
void
lf_controls_set_scenario (LfControls *self, LfScenario *scenario)
{
  g_return_if_fail (LF_IS_CONTROLS (self));
  self->scenario = scenario;
  if (self->page == NULL)
    build (self);
  lf_controls_sync (self);
}

/**
 * lf_controls_sync:
 * Shows the scenario's values (after undo, a preset, a file).
 */
void
lf_controls_sync (LfControls *self)
{
  const LfScenario *s = self->scenario;
  const LfBaseline *b;

  g_return_if_fail (LF_IS_CONTROLS (self));
  if (s == NULL)
    return;
  b = s->baseline;
  self->syncing = TRUE;
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *l = &g_array_index (self->levers, Lever, i);
      double v = s->value[l->param];
      g_autofree char *sched = schedule_text (self, l->param);

      if (l->combo != NULL)
        adw_combo_row_set_selected (ADW_COMBO_ROW (l->combo), (guint) v);
      else if (l->param == LF_PARAM_QUOTA_CHINA)
        {
          /* With no quota, the size row shows a sensible one to start from:
           * Canada's 49,000 a year (January 2026), not a misleading 0. */
          gtk_adjustment_set_value (l->adj, isfinite (v) ? v : 49000);
          if (l->toggle)
            gtk_switch_set_active (GTK_SWITCH (l->toggle), isfinite (v));
          gtk_widget_set_sensitive (l->container, isfinite (v) || *sched);
        }
      else if (l->toggle != NULL)
        gtk_switch_set_active (GTK_SWITCH (l->toggle), v >= 0.5);
      else if (l->adj != NULL)
        gtk_adjustment_set_value (l->adj, v * l->scale);
      if (l->row != NULL)
        {
          gtk_label_set_text (GTK_LABEL (l->row), sched);
          gtk_widget_set_visible (l->row, *sched != '\0');
        }
    }

  for (int m = 0; m < b->n_makers && m < LF_MAX_MAKERS; m++)
    if (self->authorised[m] != NULL)
      gtk_switch_set_active (GTK_SWITCH (self->authorised[m]), s->authorised[m]);

  if (!plants_match_rows (self))
    rebuild_plants (self);
  /* A scenario holds at most LF_MAX_PLANTS plants: say so rather than do nothing. */
  gtk_widget_set_sensitive (self->add_button, s->n_plants < LF_MAX_PLANTS);
  {
    g_autofree char *full = g_strdup_printf (_("A scenario holds at most %d plants"), LF_MAX_PLANTS);
    gtk_widget_set_tooltip_text (self->add_button,
                                 s->n_plants < LF_MAX_PLANTS ? _("Add a plant") : full);
  }
  for (int i = 0; i < s->n_plants; i++)
    {
      const LfPlant *p = &s->plants[i];
      PlantRow *pr = &g_array_index (self->plant_rows, PlantRow, i);
      int start = lf_plant_effective_start (s, p);
      g_autofree char *title = g_strdup_printf ("%s · %s", _(b->makers[p->maker].name),
                                                _(b->sites[p->site].name));
      g_autofree char *subtitle = NULL;

      if (p->capacity <= 0)
        subtitle = g_strdup (_("Idle: no capacity"));
      else
        /* Translators: plant summary, e.g. "150,000 a year from 2028" */
        subtitle = g_strdup_printf (_("%'.0f a year from %d"), p->capacity, start);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pr->expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (pr->expander), subtitle);
      adw_combo_row_set_selected (ADW_COMBO_ROW (pr->maker), p->maker);
      adw_combo_row_set_selected (ADW_COMBO_ROW (pr->site), p->site);
      gtk_adjustment_set_value (pr->capacity, p->capacity);
      gtk_adjustment_set_value (pr->start, start);
    }
  self->syncing = FALSE;
}

static gboolean
scroll_to_target_idle (gpointer data)
{
  LfControls *self = data;
  GtkWidget *target = self->scroll_target;
  GtkWidget *scroller, *child;
  double x, y;

  if (target == NULL)
    return G_SOURCE_REMOVE;
  scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  child = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  if (child != NULL && gtk_widget_translate_coordinates (target, child, 0, 0, &x, &y))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (adj, MAX (0.0, y - 24.0));
    }
  g_clear_object (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

/**
 * lf_controls_select_plant:
 * Opens a plant's controls and moves the keyboard focus there.
 */
void
lf_controls_select_plant (LfControls *self, int plant)
{
  PlantRow *pr;

  g_return_if_fail (LF_IS_CONTROLS (self));
  if (plant < 0 || plant >= (int) self->plant_rows->len)
    return;
  pr = &g_array_index (self->plant_rows, PlantRow, plant);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (pr->expander), TRUE);
  gtk_widget_grab_focus (pr->expander);
  /* Bring it into view once the expanded row has its place. */
  g_clear_object (&self->scroll_target);
  self->scroll_target = g_object_ref (pr->expander);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_target_idle, g_object_ref (self), g_object_unref);
}
