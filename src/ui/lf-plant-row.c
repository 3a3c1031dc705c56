/* lf-plant-row.c: a plant as an expander row (see lf-plant-row.h).
 *
 * The row shows what the scenario says about its plant (lf_plant_row_show())
 * and reports what the user changes as property notifications (maker, site,
 * capacity, start-year) and ::remove; LfControls writes the scenario.
 *
 * A collapsed row shows only its summary: its controls (lf-plant-row.ui)
 * are built the first time it is expanded, which spares the window's
 * start-up a dozen rows it does not show. Until then the row keeps the
 * values it was last shown, and its properties report them. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-format.h"
#include "lf-plant-row.h"
#include "lf-row-common.h"

struct _LfPlantRow
{
  AdwExpanderRow   parent_instance;

  char            *plant_id;
  GListModel      *makers;     /* the combos' choices */
  GListModel      *sites;

  /* What lf_plant_row_show() last showed; the controls' values once built. */
  guint            maker;
  guint            site;
  double           capacity;
  int              start_year;

  gboolean         building;
  char            *base_subtitle; /* the summary lf_plant_row_show() made */
  char            *status;        /* a short note beside it ("builds nothing"), or NULL */
  /* NULL until the row is first expanded (build_controls()). */
  AdwComboRow     *maker_row;
  AdwComboRow     *site_row;
  AdwActionRow    *capacity_row;
  AdwActionRow    *start_row;
  GtkSpinButton   *capacity_spin;
  GtkSpinButton   *start_spin;
  GtkWidget       *remove_button;
  GtkAdjustment   *capacity_adjustment;
  GtkAdjustment   *start_adjustment;
  const LfBaseline *baseline;  /* the makers and sites, for the About popovers */
  GtkWidget       *site_info;  /* "About Site": its text follows the site chosen */
};

G_DEFINE_FINAL_TYPE (LfPlantRow, lf_plant_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_PLANT_ID,
  PROP_MAKER,
  PROP_SITE,
  PROP_CAPACITY,
  PROP_START_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_maker_selected_cb (LfPlantRow *self)
{
  if (self->building)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAKER]);
}

static void
on_site_selected_cb (LfPlantRow *self)
{
  if (self->building)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE]);
}

static void
on_capacity_changed_cb (LfPlantRow *self)
{
  if (self->building)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

static void
on_start_changed_cb (LfPlantRow *self)
{
  if (self->building)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_YEAR]);
}

static void
on_remove_clicked_cb (LfPlantRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static GListModel *
names_model (const LfBaseline *b, gboolean makers)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  int n = makers ? b->n_makers : b->n_sites;

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, _(makers ? b->makers[i].name : b->sites[i].name));
  return G_LIST_MODEL (list);
}

/* A spin's accessible name says which plant it belongs to: "First year, byd-mx". */
static void
name_spin (LfPlantRow *self, GtkSpinButton *spin, AdwActionRow *row)
{
  g_autofree char *a11y = g_strdup_printf ("%s, %s",
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                           self->plant_id);

  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

/* The values last shown, in the controls if they are built. */
static void
show_values (LfPlantRow *self)
{
  if (self->maker_row == NULL)
    return;
  adw_combo_row_set_selected (self->maker_row, self->maker);
  adw_combo_row_set_selected (self->site_row, self->site);
  gtk_adjustment_set_value (self->capacity_adjustment, self->capacity);
  gtk_adjustment_set_value (self->start_adjustment, self->start_year);
}

/* What the chosen site means, in plain words: its earliest year, and
 * whether it is a Ford plant. */
static void
update_site_info (LfPlantRow *self)
{
  const LfSite *site;
  g_autoptr(GString) text = NULL;

  if (self->site_info == NULL || self->baseline == NULL || self->site >= (guint) self->baseline->n_sites)
    return;
  site = &self->baseline->sites[self->site];
  text = g_string_new (_("Where the plant is. It sets the tariff its cars pay at the US border "
                         "(none for a plant in the US), what they cost to build, and the first "
                         "year a new plant there can build cars."));
  g_string_append (text, "\n\n");
  /* Translators: a site's earliest year, e.g. "Monterrey, Nuevo León: from 2028 at the earliest." */
  g_string_append_printf (text, _("%s: from %d at the earliest."), _(site->name), site->earliest_year);
  if (site->ford_owned)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("A Ford plant: it builds cars only when Ford hosts partner production "
                               "(Ford and Partners, below)."));
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Source: each site's costs, earliest year and their sources are in the "
                           "model's baseline data."));
  g_string_append (text, "\n\n");
  {
    g_autofree char *key = g_strdup_printf ("plant.%s.site", self->plant_id);
    g_string_append_printf (text, _("In files: %s"), key);
  }
  lf_info_button_set_text (self->site_info, text->str);
}

/* An "About" button on each of the plant's rows. */
static void
add_info_buttons (LfPlantRow *self)
{
  static const struct { const char *row; const char *about; } rows[] = {
    { "maker", N_("The Chinese maker that sells the plant's cars under its brand. Its prices, "
                  "costs and appeal to buyers come from the model's baseline data. A maker "
                  "controlled from China is barred by the connected-vehicle rule unless it "
                  "is authorised.") },
    { "capacity", NULL },  /* below: it names the size a new plant starts at */
    { "start", N_("The first year the plant builds cars. It is never earlier than its site "
                  "allows: the years a plant takes from a decision to production.") },
  };
  AdwActionRow *targets[] = { ADW_ACTION_ROW (self->maker_row), self->capacity_row, self->start_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *button = lf_info_button_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (targets[i])));
      g_autofree char *key = g_strdup_printf ("plant.%s.%s", self->plant_id,
                                              g_str_equal (rows[i].row, "start") ? "start_year" : rows[i].row);
      g_autofree char *files = g_strdup_printf (_("In files: %s"), key);
      g_autofree char *start = lf_format_count (LF_PLANT_DEFAULT_CAPACITY);
      g_autofree char *about = rows[i].about != NULL ? g_strdup (_(rows[i].about)) :
        /* Translators: %s is the capacity a new plant starts at, e.g. "150,000" */
        g_strdup_printf (_("How many cars the plant can build in a year once it runs at full speed; "
                           "a new plant reaches it in its third year. Buyers who want more cars than "
                           "that go to other plants and makers. A new plant starts at %s a year, "
                           "the size of BYD's plants in Brazil, Hungary and Turkey (2025)."), start);
      g_autofree char *whole = g_strconcat (about, "\n\n", files, NULL);

      lf_info_button_set_text (button, whole);
      adw_action_row_add_suffix (targets[i], button);
    }
  self->site_info = lf_info_button_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->site_row)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->site_row), self->site_info);
  update_site_info (self);
}

/* The row's controls, from lf-plant-row.ui, showing the values last shown. */
static void
build_controls (LfPlantRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autofree char *remove_a11y = NULL;
  static const char *const rows[] = { "maker_row", "site_row", "capacity_row", "start_row", "remove_row" };

  if (self->maker_row != NULL)
    return;
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_maker_selected_cb", G_CALLBACK (on_maker_selected_cb),
                                           "on_site_selected_cb", G_CALLBACK (on_site_selected_cb),
                                           "on_capacity_changed_cb", G_CALLBACK (on_capacity_changed_cb),
                                           "on_start_changed_cb", G_CALLBACK (on_start_changed_cb),
                                           "on_remove_clicked_cb", G_CALLBACK (on_remove_clicked_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, "/io/github/landfall/Landfall/ui/lf-plant-row.ui", NULL);

  self->maker_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "maker_row"));
  self->site_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "site_row"));
  self->capacity_row = ADW_ACTION_ROW (gtk_builder_get_object (builder, "capacity_row"));
  self->start_row = ADW_ACTION_ROW (gtk_builder_get_object (builder, "start_row"));
  self->capacity_spin = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "capacity_spin"));
  self->start_spin = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "start_spin"));
  self->remove_button = GTK_WIDGET (gtk_builder_get_object (builder, "remove_button"));
  self->capacity_adjustment = GTK_ADJUSTMENT (gtk_builder_get_object (builder, "capacity_adjustment"));
  self->start_adjustment = GTK_ADJUSTMENT (gtk_builder_get_object (builder, "start_adjustment"));

  /* Setting up the controls is not the user changing them. */
  self->building = TRUE;
  gtk_adjustment_configure (self->capacity_adjustment, LF_PLANT_PARAM_MIN_CAPACITY,
                            LF_PLANT_PARAM_MIN_CAPACITY, LF_PLANT_PARAM_MAX_CAPACITY,
                            10000, 100000, 0);
  gtk_spin_button_configure (self->capacity_spin, self->capacity_adjustment, 10000, 0);
  lf_spin_group_digits (self->capacity_spin);
  gtk_adjustment_configure (self->start_adjustment, LF_FIRST_YEAR, LF_FIRST_YEAR, LF_LAST_YEAR,
                            1, 10, 0);
  gtk_spin_button_configure (self->start_spin, self->start_adjustment, 1, 0);
  lf_wheel_scrolls_panel (GTK_WIDGET (self->capacity_spin));
  lf_wheel_scrolls_panel (GTK_WIDGET (self->start_spin));
  name_spin (self, self->capacity_spin, self->capacity_row);
  name_spin (self, self->start_spin, self->start_row);
  remove_a11y = g_strdup_printf (_("Remove plant %s"), self->plant_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_a11y, -1);
  adw_combo_row_set_model (self->maker_row, self->makers);
  adw_combo_row_set_model (self->site_row, self->sites);
  lf_combo_row_show_whole_items (self->maker_row);
  lf_combo_row_show_whole_items (self->site_row);
  show_values (self);
  add_info_buttons (self);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                              GTK_WIDGET (gtk_builder_get_object (builder, rows[i])));
  self->building = FALSE;
}

static void
on_expanded_cb (LfPlantRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    build_controls (self);
}

static void
lf_plant_row_finalize (GObject *object)
{
  LfPlantRow *self = LF_PLANT_ROW (object);

  g_free (self->plant_id);
  g_free (self->base_subtitle);
  g_free (self->status);
  g_clear_object (&self->makers);
  g_clear_object (&self->sites);
  G_OBJECT_CLASS (lf_plant_row_parent_class)->finalize (object);
}

static void
lf_plant_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfPlantRow *self = LF_PLANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PLANT_ID:
      g_value_set_string (value, self->plant_id);
      break;
    case PROP_MAKER:
      g_value_set_uint (value, lf_plant_row_get_maker (self));
      break;
    case PROP_SITE:
      g_value_set_uint (value, lf_plant_row_get_site (self));
      break;
    case PROP_CAPACITY:
      g_value_set_double (value, lf_plant_row_get_capacity (self));
      break;
    case PROP_START_YEAR:
      g_value_set_int (value, lf_plant_row_get_start_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_plant_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfPlantRow *self = LF_PLANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PLANT_ID:
      self->plant_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_plant_row_class_init (LfPlantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lf_plant_row_finalize;
  object_class->get_property = lf_plant_row_get_property;
  object_class->set_property = lf_plant_row_set_property;

  /**
   * LfPlantRow:plant-id:
   * The id of the plant in the scenario (its key is plant.<id>.<field>).
   */
  properties[PROP_PLANT_ID] =
    g_param_spec_string ("plant-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LfPlantRow:maker:
   * The index of the maker chosen in the baseline (GTK_INVALID_LIST_POSITION for none).
   */
  properties[PROP_MAKER] =
    g_param_spec_uint ("maker", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LfPlantRow:site:
   * The index of the site chosen in the baseline (GTK_INVALID_LIST_POSITION for none).
   */
  properties[PROP_SITE] =
    g_param_spec_uint ("site", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LfPlantRow:capacity:
   * Vehicles a year at full ramp.
   */
  properties[PROP_CAPACITY] =
    g_param_spec_double ("capacity", NULL, NULL, LF_PLANT_PARAM_MIN_CAPACITY,
                         LF_PLANT_PARAM_MAX_CAPACITY, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LfPlantRow:start-year:
   * The first year the plant may produce, as shown.
   */
  properties[PROP_START_YEAR] =
    g_param_spec_int ("start-year", NULL, NULL, LF_FIRST_YEAR, LF_LAST_YEAR, LF_FIRST_YEAR,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfPlantRow::remove:
   * The user asked to remove the plant.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Out of the panel's view, a row is not drawn (lf-row-common.c). */
  lf_row_class_draw_only_in_view (widget_class);
}

static void
lf_plant_row_init (LfPlantRow *self)
{
  self->maker = GTK_INVALID_LIST_POSITION;
  self->site = GTK_INVALID_LIST_POSITION;
  self->capacity = LF_PLANT_PARAM_MIN_CAPACITY;
  self->start_year = LF_FIRST_YEAR;
  /* Before the row's own ::notify::expanded handlers, which find the
   * controls built. */
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);
}

/**
 * lf_plant_row_new:
 * @baseline: the makers and sites to choose from
 * @plant_id: the plant's id in the scenario
 */
GtkWidget *
lf_plant_row_new (const LfBaseline *baseline, const char *plant_id)
{
  LfPlantRow *self;

  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (plant_id != NULL, NULL);

  self = g_object_new (LF_TYPE_PLANT_ROW, "plant-id", plant_id, NULL);
  self->baseline = baseline;
  self->makers = names_model (baseline, TRUE);
  self->sites = names_model (baseline, FALSE);
  return GTK_WIDGET (self);
}

const char *
lf_plant_row_get_plant_id (LfPlantRow *self)
{
  g_return_val_if_fail (LF_IS_PLANT_ROW (self), NULL);
  return self->plant_id;
}

guint
lf_plant_row_get_maker (LfPlantRow *self)
{
  g_return_val_if_fail (LF_IS_PLANT_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->maker_row ? adw_combo_row_get_selected (self->maker_row) : self->maker;
}

guint
lf_plant_row_get_site (LfPlantRow *self)
{
  g_return_val_if_fail (LF_IS_PLANT_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->site_row ? adw_combo_row_get_selected (self->site_row) : self->site;
}

double
lf_plant_row_get_capacity (LfPlantRow *self)
{
  g_return_val_if_fail (LF_IS_PLANT_ROW (self), 0.0);
  return self->capacity_adjustment ? gtk_adjustment_get_value (self->capacity_adjustment) : self->capacity;
}

int
lf_plant_row_get_start_year (LfPlantRow *self)
{
  g_return_val_if_fail (LF_IS_PLANT_ROW (self), LF_FIRST_YEAR);
  return self->start_adjustment ? (int) gtk_adjustment_get_value (self->start_adjustment) : self->start_year;
}

/* The summary, and the note's short status after it. */
static void
show_subtitle (LfPlantRow *self)
{
  g_autofree char *text = NULL;

  if (self->base_subtitle == NULL)
    return;
  /* Translators: a plant's summary, then a short note, e.g. "200,000 a year from 2028 · builds nothing" */
  text = self->status != NULL ? g_strdup_printf (_("%s · %s"), self->base_subtitle, self->status)
                              : g_strdup (self->base_subtitle);
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), text) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
}

/**
 * lf_plant_row_set_note:
 * @text: (nullable): the plant's notes (lf-notes.h), one a line, or NULL
 * @status: (nullable): a few words for the summary ("builds nothing"), or NULL
 *
 * Shows the notes as an information icon (tooltip, accessible name) and
 * the status after the summary.
 */
void
lf_plant_row_set_note (LfPlantRow *self, const char *text, const char *status)
{
  g_return_if_fail (LF_IS_PLANT_ROW (self));
  lf_row_set_note (GTK_WIDGET (self), text);
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  show_subtitle (self);
}

/**
 * lf_plant_row_show:
 * @scenario: (transfer none): read, never written
 *
 * Shows the scenario's plant with this row's id: a summary as title and
 * subtitle, and each control's value (kept for when the controls are built).
 */
void
lf_plant_row_show (LfPlantRow *self, const LfScenario *scenario)
{
  const LfBaseline *b;
  const LfPlant *p;
  int i, start;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (LF_IS_PLANT_ROW (self));
  i = lf_scenario_find_plant (scenario, self->plant_id);
  g_return_if_fail (i >= 0);
  b = scenario->baseline;
  p = &scenario->plants[i];
  start = lf_plant_effective_start (scenario, p);
  title = g_strdup_printf ("%s · %s", _(b->makers[p->maker].name), _(b->sites[p->site].name));
  if (p->capacity <= 0)
    subtitle = g_strdup (_("Idle: no capacity"));
  else
    /* Translators: plant summary, e.g. "150,000 a year from 2028" */
    subtitle = g_strdup_printf (_("%'.0f a year from %d"), p->capacity, start);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  g_free (self->base_subtitle);
  self->base_subtitle = g_steal_pointer (&subtitle);
  show_subtitle (self);
  self->maker = p->maker;
  self->site = p->site;
  self->capacity = p->capacity;
  self->start_year = start;
  show_values (self);
  update_site_info (self);
}
