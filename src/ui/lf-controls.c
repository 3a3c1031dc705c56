/* lf-controls.c: the control panel, a list of rows (lf-controls.ui and
 * lf-controls-rest.ui).
 *
 * The rows show the scenario and report what the user changes; this file is
 * the one place that writes those changes into the scenario, through
 * lf_scenario_set_*() (so the same checks as files and the command line
 * apply), and emits ::changed with the key.
 *
 * Start-up: laying out and shaping the text of the panel's rows was most of
 * the time from presenting the window to its first frame. Only the first
 * group (the template) is built with the window; the groups below it, out of
 * view at the window's size, are built from a low-priority idle once the
 * window has painted its first frame (build_rest()), or at once when a plant
 * must be shown sooner (lf_controls_select_plant()). lf_controls_sync() shows
 * what is built; build_rest() shows the rest. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-choice-row.h"
#include "lf-controls.h"
#include "lf-lever-row.h"
#include "lf-notes.h"
#include "lf-plant-row.h"
#include "lf-row-common.h"
#include "lf-switch-row.h"

/* With no quota, its size row shows a sensible one to start from: Canada's
 * 49,000 a year (January 2026), not a misleading 0. */
#define QUOTA_TO_START_FROM 49000.0

struct _LfControls
{
  AdwBin         parent_instance;

  LfScenario    *scenario;   /* not owned */
  GPtrArray     *levers;     /* the lever rows built so far, in order on the page */
  GPtrArray     *plant_rows; /* LfPlantRow, in the scenario's order */
  GPtrArray     *notes;      /* LfNote of the scenario shown, or NULL (lf_controls_show_notes()) */
  GtkWidget     *scroll_target;
  gboolean       rest_built;     /* lf-controls-rest.ui's groups are on the page */
  gboolean       authorised_added; /* the baseline's authorisation rows are added */
  gboolean       syncing;
  guint          rest_idle;      /* builds the rest after the first frame */
  GdkFrameClock *frame_clock;    /* the window's, watched for its first frame */
  gulong         after_paint_id;
  gulong         realize_id;

  AdwPreferencesPage  *page;
  AdwPreferencesGroup *plants_group;    /* these two are in lf-controls-rest.ui */
  GtkWidget           *add_button;
  LfLeverRow          *quota_row;
  LfSwitchRow         *quota_switch;
  GtkWidget           *authorised[LF_MAX_MAKERS];  /* switches, for Chinese-controlled makers */
};

G_DEFINE_FINAL_TYPE (LfControls, lf_controls, ADW_TYPE_BIN)

enum {
  CHANGED,
  PLANT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
      /* The rows' ranges are the model's; this is a programming error. */
      g_warning ("%s", error->message);
      return;
    }
  emit_changed (self, key);
}

static LfParam
row_param (GObject *row)
{
  LfParam param;

  g_object_get (row, "param", &param, NULL);
  return param;
}

/* ---- levers ------------------------------------------------------------------ */

static void
on_lever_value_cb (LfLeverRow *row, GParamSpec *pspec, LfControls *self)
{
  if (self->syncing)
    return;
  set_number (self, lf_param_info (lf_lever_row_get_param (row))->key, lf_lever_row_get_value (row));
}

static void
on_choice_selected_cb (LfChoiceRow *row, GParamSpec *pspec, LfControls *self)
{
  if (self->syncing)
    return;
  set_number (self, lf_param_info (lf_choice_row_get_param (row))->key,
              lf_choice_row_get_selected (row));
}

static void
on_switch_active_cb (LfSwitchRow *row, GParamSpec *pspec, LfControls *self)
{
  LfParam param = lf_switch_row_get_param (row);
  gboolean on = lf_switch_row_get_active (row);

  if (self->syncing)
    return;
  if (param == LF_PARAM_QUOTA_CHINA)
    {
      set_number (self, "quota.china", on ? lf_lever_row_get_value (self->quota_row) : INFINITY);
      lf_controls_sync (self);
    }
  else
    set_number (self, lf_param_info (param)->key, on ? 1 : 0);
}

static void
on_schedule_apply_cb (GObject *row, int year, double value, LfControls *self)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", lf_param_info (row_param (row))->key, year);

  set_number (self, key, value);
  lf_controls_sync (self);
}

static void
on_schedule_clear_cb (GObject *row, LfControls *self)
{
  LfParam param = row_param (row);

  lf_scenario_clear_steps (self->scenario, param);
  emit_changed (self, lf_param_info (param)->key);
  lf_controls_sync (self);
}

/* Every lever row in the template, in order, wired to write its lever: a new
 * lever needs one row in lf-controls.ui and nothing here. */
static void
collect_levers (LfControls *self, GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LF_IS_LEVER_ROW (child))
        g_signal_connect_object (child, "notify::value", G_CALLBACK (on_lever_value_cb), self, 0);
      else if (LF_IS_CHOICE_ROW (child))
        g_signal_connect_object (child, "notify::selected", G_CALLBACK (on_choice_selected_cb), self, 0);
      else if (LF_IS_SWITCH_ROW (child))
        g_signal_connect_object (child, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);
      else
        {
          collect_levers (self, child);
          continue;
        }
      if (LF_IS_LEVER_ROW (child) || LF_IS_CHOICE_ROW (child))
        {
          g_signal_connect_object (child, "schedule-apply", G_CALLBACK (on_schedule_apply_cb), self, 0);
          g_signal_connect_object (child, "schedule-clear", G_CALLBACK (on_schedule_clear_cb), self, 0);
        }
      g_ptr_array_add (self->levers, child);
    }
}

/* ---- authorisation under the connected-vehicle rule -------------------------------- */

static char *
authorised_key (const LfBaseline *b, int maker)
{
  return g_strdup_printf ("maker.%s.authorised", b->makers[maker].id);
}

static void
on_authorised_cb (GtkSwitch *sw, GParamSpec *pspec, LfControls *self)
{
  g_autofree char *key = NULL;
  int maker = 0;

  if (self->syncing)
    return;
  while (maker < LF_MAX_MAKERS && self->authorised[maker] != GTK_WIDGET (sw))
    maker++;
  g_return_if_fail (maker < LF_MAX_MAKERS);
  key = authorised_key (self->scenario->baseline, maker);
  set_number (self, key, gtk_switch_get_active (sw) ? 1 : 0);
}

/* One switch per maker the rule applies to: whether Commerce has authorised it. */
static void
add_authorised_rows (LfControls *self)
{
  const LfBaseline *b = self->scenario->baseline;
  const char *rule_source = lf_baseline_get_source (b, "rule.connected_vehicle");

  for (int m = 0; m < b->n_makers && m < LF_MAX_MAKERS; m++)
    {
      const char *name = _(b->makers[m].name);
      GtkWidget *row, *sw;
      g_autofree char *key = NULL, *title = NULL, *a11y = NULL, *tooltip = NULL, *about = NULL;
      GtkWidget *info;

      if (!b->makers[m].chinese_controlled)
        continue;
      key = authorised_key (b, m);
      /* Translators: a switch, e.g. "BYD authorised"; its subtitle names the rule */
      title = g_strdup_printf (_("%s authorised"), name);
      /* Translators: the accessible name of that switch, e.g. "BYD authorised under the connected-vehicle rule" */
      a11y = g_strdup_printf (_("%s authorised under the connected-vehicle rule"), name);
      /* Translators: a short tooltip, e.g. "Whether Commerce lets BYD sell despite the connected-vehicle rule." */
      tooltip = g_strdup_printf (_("Whether Commerce lets %s sell despite the connected-vehicle rule."), name);
      /* Translators: an authorisation switch's information popover: the maker's name,
         the rule's source, then the switch's key in files */
      about = g_strdup_printf (_("On: the Commerce Department has authorised %s under the "
                                 "connected-vehicle rule, case by case. It may then sell while "
                                 "the rule applies as published, and from any site while the rule "
                                 "is waived for US-built cars.\n\nToday: not authorised.\n\n"
                                 "Source: %s\n\nIn files: %s"),
                               name, rule_source ? rule_source : "", key);
      row = adw_action_row_new ();
      sw = gtk_switch_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Under the connected-vehicle rule"));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_set_tooltip_text (row, tooltip);
      info = lf_info_button_new (title);
      lf_info_button_set_text (info, about);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), info);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      /* The row labels its switch with its title too; the switch's own, longer
       * name says what it is on its own, and is read alone. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_authorised_cb), self, 0);
      adw_preferences_group_add (self->plants_group, row);
      self->authorised[m] = sw;
    }
}

/* ---- plants ------------------------------------------------------------------ */

static char *
plant_key (LfPlantRow *row, const char *field)
{
  return g_strdup_printf ("plant.%s.%s", lf_plant_row_get_plant_id (row), field);
}

static void
set_plant_string (LfControls *self, LfPlantRow *row, const char *field, const char *value)
{
  g_autofree char *key = plant_key (row, field);
  g_autoptr(GError) error = NULL;

  if (!lf_scenario_set_string (self->scenario, key, value, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  emit_changed (self, key);
  lf_controls_sync (self);
}

static void
on_plant_maker_cb (LfPlantRow *row, GParamSpec *pspec, LfControls *self)
{
  guint sel = lf_plant_row_get_maker (row);

  if (self->syncing || sel == GTK_INVALID_LIST_POSITION)
    return;
  set_plant_string (self, row, "maker", self->scenario->baseline->makers[sel].id);
}

static void
on_plant_site_cb (LfPlantRow *row, GParamSpec *pspec, LfControls *self)
{
  guint sel = lf_plant_row_get_site (row);

  if (self->syncing || sel == GTK_INVALID_LIST_POSITION)
    return;
  set_plant_string (self, row, "site", self->scenario->baseline->sites[sel].id);
}

static void
on_plant_capacity_cb (LfPlantRow *row, GParamSpec *pspec, LfControls *self)
{
  g_autofree char *key = plant_key (row, "capacity");

  if (self->syncing)
    return;
  set_number (self, key, lf_plant_row_get_capacity (row));
  lf_controls_sync (self);
}

static void
on_plant_start_cb (LfPlantRow *row, GParamSpec *pspec, LfControls *self)
{
  g_autofree char *key = plant_key (row, "start_year");

  if (self->syncing)
    return;
  set_number (self, key, lf_plant_row_get_start_year (row));
  lf_controls_sync (self);
}

static void
on_plant_remove_cb (LfPlantRow *row, LfControls *self)
{
  g_autofree char *key = plant_key (row, "removed");

  lf_scenario_remove_plant (self->scenario, lf_plant_row_get_plant_id (row));
  emit_changed (self, key);
  lf_controls_sync (self);
}

static void
on_plant_expanded_cb (LfPlantRow *row, GParamSpec *pspec, LfControls *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_signal_emit (self, signals[PLANT_SELECTED], 0,
                   lf_scenario_find_plant (self->scenario, lf_plant_row_get_plant_id (row)));
}

static void
on_add_plant_cb (LfControls *self)
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
  k_maker = g_strdup_printf ("plant.%s.maker", id);
  k_site = g_strdup_printf ("plant.%s.site", id);
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
    adw_preferences_group_remove (self->plants_group, g_ptr_array_index (self->plant_rows, i));
  g_ptr_array_set_size (self->plant_rows, 0);
  for (int i = 0; i < self->scenario->n_plants; i++)
    {
      GtkWidget *row = lf_plant_row_new (self->scenario->baseline, self->scenario->plants[i].id);

      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_plant_expanded_cb), self, 0);
      g_signal_connect_object (row, "notify::maker", G_CALLBACK (on_plant_maker_cb), self, 0);
      g_signal_connect_object (row, "notify::site", G_CALLBACK (on_plant_site_cb), self, 0);
      g_signal_connect_object (row, "notify::capacity", G_CALLBACK (on_plant_capacity_cb), self, 0);
      g_signal_connect_object (row, "notify::start-year", G_CALLBACK (on_plant_start_cb), self, 0);
      g_signal_connect_object (row, "remove", G_CALLBACK (on_plant_remove_cb), self, 0);
      adw_preferences_group_add (self->plants_group, row);
      g_ptr_array_add (self->plant_rows, row);
    }
}

static gboolean
plants_match_rows (LfControls *self)
{
  if ((int) self->plant_rows->len != self->scenario->n_plants)
    return FALSE;
  for (int i = 0; i < self->scenario->n_plants; i++)
    if (!g_str_equal (lf_plant_row_get_plant_id (g_ptr_array_index (self->plant_rows, i)),
                      self->scenario->plants[i].id))
      return FALSE;
  return TRUE;
}

/* ---- the groups below the first, built after the first frame ------------------- */

static void
build_rest (LfControls *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  static const char *const groups[] = { "plants_group", "market_group", "ford_group" };

  if (self->rest_built)
    return;
  self->rest_built = TRUE;
  g_clear_handle_id (&self->rest_idle, g_source_remove);

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "on_add_plant_cb",
                                          G_CALLBACK (on_add_plant_cb));
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* The Add button's handler (swapped) gets the controls. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, "/io/github/landfall/Landfall/ui/lf-controls-rest.ui", NULL);

  self->plants_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "plants_group"));
  self->add_button = GTK_WIDGET (gtk_builder_get_object (builder, "add_button"));
  g_assert (self->plants_group != NULL && self->add_button != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GtkWidget *group = GTK_WIDGET (gtk_builder_get_object (builder, groups[i]));

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      collect_levers (self, group);
    }
  lf_controls_sync (self);
}

static gboolean
build_rest_idle (gpointer data)
{
  LfControls *self = data;

  self->rest_idle = 0;
  build_rest (self);
  return G_SOURCE_REMOVE;
}

/* Disconnects *@id from @instance and clears it, if the handler is still
 * there: a window being destroyed has dropped its handlers (and its frame
 * clock's) before its children leave it. */
static void
disconnect_if_still (gpointer instance, gulong *id)
{
  if (*id != 0 && g_signal_handler_is_connected (instance, *id))
    g_signal_handler_disconnect (instance, *id);
  *id = 0;
}

static void
stop_watching_frames (LfControls *self)
{
  if (self->frame_clock != NULL)
    {
      disconnect_if_still (self->frame_clock, &self->after_paint_id);
      g_clear_object (&self->frame_clock);
    }
}

/* The window has painted its first frame: build the rest when nothing more
 * urgent is waiting (below GTK's own redraw and resize priorities). */
static void
on_after_paint_cb (GdkFrameClock *clock, LfControls *self)
{
  stop_watching_frames (self);
  if (!self->rest_built && self->rest_idle == 0)
    self->rest_idle = g_idle_add_full (G_PRIORITY_LOW, build_rest_idle, self, NULL);
}

static void
on_root_realize_cb (GtkWidget *root, LfControls *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);

  if (self->rest_built || clock == NULL || self->frame_clock != NULL)
    return;
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect_object (clock, "after-paint",
                                                  G_CALLBACK (on_after_paint_cb), self, 0);
}

/* The window (the root) may not be realized yet, or the panel not mapped at
 * all (on a phone it is another view): watch the root's frames. */
static void
lf_controls_root (GtkWidget *widget)
{
  LfControls *self = LF_CONTROLS (widget);
  GtkWidget *root;

  GTK_WIDGET_CLASS (lf_controls_parent_class)->root (widget);
  if (self->rest_built)
    return;
  root = GTK_WIDGET (gtk_widget_get_root (widget));
  self->realize_id = g_signal_connect_object (root, "realize", G_CALLBACK (on_root_realize_cb), self, 0);
  if (gtk_widget_get_realized (root))
    on_root_realize_cb (root, self);
}

static void
lf_controls_unroot (GtkWidget *widget)
{
  LfControls *self = LF_CONTROLS (widget);

  disconnect_if_still (gtk_widget_get_root (widget), &self->realize_id);
  stop_watching_frames (self);
  GTK_WIDGET_CLASS (lf_controls_parent_class)->unroot (widget);
}

/* ---- the class ------------------------------------------------------------------- */

static void
lf_controls_dispose (GObject *object)
{
  LfControls *self = LF_CONTROLS (object);

  g_clear_handle_id (&self->rest_idle, g_source_remove);
  stop_watching_frames (self);
  g_clear_object (&self->scroll_target);
  g_clear_pointer (&self->levers, g_ptr_array_unref);
  g_clear_pointer (&self->plant_rows, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  G_OBJECT_CLASS (lf_controls_parent_class)->dispose (object);
}

static void
lf_controls_class_init (LfControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_controls_dispose;
  widget_class->root = lf_controls_root;
  widget_class->unroot = lf_controls_unroot;

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

  g_type_ensure (LF_TYPE_LEVER_ROW);
  g_type_ensure (LF_TYPE_CHOICE_ROW);
  g_type_ensure (LF_TYPE_SWITCH_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, LfControls, page);
  gtk_widget_class_bind_template_child (widget_class, LfControls, quota_row);
  gtk_widget_class_bind_template_child (widget_class, LfControls, quota_switch);
}

static void
lf_controls_init (LfControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->levers = g_ptr_array_new ();
  self->plant_rows = g_ptr_array_new ();
  collect_levers (self, GTK_WIDGET (self));
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
  lf_controls_sync (self);
}

/* The groups of lf-controls-rest.ui, once built. */
static void
sync_rest (LfControls *self)
{
  const LfScenario *s = self->scenario;
  const LfBaseline *b = s->baseline;

  if (!self->authorised_added)
    {
      /* After the expansion row and before the plants, which rebuild_plants() adds. */
      add_authorised_rows (self);
      self->authorised_added = TRUE;
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
  for (guint i = 0; i < self->plant_rows->len; i++)
    lf_plant_row_show (g_ptr_array_index (self->plant_rows, i), s);
}

/* Each note beside its lever or on its plant's row, in the rows built so far. */
static void
apply_notes (LfControls *self)
{
  GPtrArray *notes = self->notes;

  if (notes == NULL || self->scenario == NULL)
    return;
  for (guint i = 0; i < self->levers->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->levers, i);
      LfParam param = row_param (G_OBJECT (row));
      const char *text = NULL;

      for (guint k = 0; k < notes->len && text == NULL; k++)
        {
          const LfNote *n = g_ptr_array_index (notes, k);
          if (!lf_note_is_plant (n) && n->param == (int) param)
            text = n->text;
        }
      if (LF_IS_LEVER_ROW (row))
        lf_lever_row_set_note (LF_LEVER_ROW (row), text);
      else
        lf_row_set_note (row, text);
    }
  for (guint i = 0; i < self->plant_rows->len; i++)
    {
      LfPlantRow *row = g_ptr_array_index (self->plant_rows, i);
      int p = lf_scenario_find_plant (self->scenario, lf_plant_row_get_plant_id (row));
      g_autoptr(GString) text = g_string_new (NULL);
      const char *status = NULL;

      for (guint k = 0; k < notes->len && p >= 0; k++)
        {
          const LfNote *n = g_ptr_array_index (notes, k);

          if (n->plant != p)
            continue;
          g_string_append_printf (text, "%s%s", text->len ? "\n" : "", n->text);
          if (n->kind <= LF_NOTE_PLANT_NOT_NEEDED)
            status = _("builds nothing");
          else if (n->kind == LF_NOTE_PLANT_UNDERUSED && status == NULL)
            status = _("far below capacity");
        }
      lf_plant_row_set_note (row, text->len ? text->str : NULL, status);
    }
}

/**
 * lf_controls_show_notes:
 * @notes: (transfer none) (element-type LfNote): the notes of the scenario shown
 *
 * Shows each note where it belongs: beside its lever, on its plant's row.
 */
void
lf_controls_show_notes (LfControls *self, GPtrArray *notes)
{
  g_return_if_fail (LF_IS_CONTROLS (self));
  if (notes != NULL)
    g_ptr_array_ref (notes);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->notes = notes;
  apply_notes (self);
}

/**
 * lf_controls_sync:
 * Shows the scenario's values (after undo, a preset, a file) in the rows
 * built so far; rows built later show the scenario as it is then.
 */
void
lf_controls_sync (LfControls *self)
{
  const LfScenario *s;
  double quota;

  g_return_if_fail (LF_IS_CONTROLS (self));
  s = self->scenario;
  if (s == NULL)
    return;
  self->syncing = TRUE;
  for (guint i = 0; i < self->levers->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->levers, i);

      if (LF_IS_LEVER_ROW (row))
        lf_lever_row_show (LF_LEVER_ROW (row), s);
      else if (LF_IS_CHOICE_ROW (row))
        lf_choice_row_show (LF_CHOICE_ROW (row), s);
      else
        lf_switch_row_show (LF_SWITCH_ROW (row), s);
    }
  /* No quota: its size row starts from a sensible one, and is off unless a
   * later year sets one. */
  quota = s->value[LF_PARAM_QUOTA_CHINA];
  {
    gboolean later = FALSE;
    double first_later = NAN;

    for (int y = 1; y < LF_N_YEARS; y++)
      if (s->has_step[LF_PARAM_QUOTA_CHINA][y])
        {
          later = TRUE;
          if (isnan (first_later) && isfinite (s->step[LF_PARAM_QUOTA_CHINA][y]))
            first_later = s->step[LF_PARAM_QUOTA_CHINA][y];
        }
    /* No quota now but one later (the trade deal's 100,000 from 2027): the
     * size row shows that one, not a figure no year uses. */
    if (!isfinite (quota))
      lf_lever_row_set_value (self->quota_row, isnan (first_later) ? QUOTA_TO_START_FROM : first_later);
    gtk_widget_set_sensitive (GTK_WIDGET (self->quota_row), isfinite (quota) || later);
  }

  if (self->rest_built)
    sync_rest (self);
  self->syncing = FALSE;
  apply_notes (self);
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
  GtkWidget *row;

  g_return_if_fail (LF_IS_CONTROLS (self));
  /* Called before the idle has built the plants' group: build it now. */
  build_rest (self);
  if (plant < 0 || plant >= (int) self->plant_rows->len)
    return;
  row = g_ptr_array_index (self->plant_rows, plant);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
  /* Bring it into view once the expanded row has its place. */
  g_clear_object (&self->scroll_target);
  self->scroll_target = g_object_ref (row);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_target_idle, g_object_ref (self), g_object_unref);
}
