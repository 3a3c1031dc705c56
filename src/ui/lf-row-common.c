/* lf-row-common.c: see lf-row-common.h. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-choice-row.h"
#include "lf-difference.h"
#include "lf-format.h"
#include "lf-row-common.h"
#include "lf-switch-row.h"

/**
 * lf_param_tooltip:
 * @baseline: (nullable): unused; the tooltip is the registry's one plain sentence
 *
 * Returns: (transfer full): what the lever is, in one short sentence. Its
 *   range, default and source are in its information popover (lf_param_about()).
 */
char *
lf_param_tooltip (LfParam param, const LfBaseline *baseline)
{
  return g_strdup (_(lf_param_info (param)->tip));
}

/* A value as the lever's control shows it: fractions as percentages. */
static char *
shown_words (LfParam param, double v)
{
  const LfParamInfo *info = lf_param_info (param);

  if (info->percent && isfinite (v))
    return lf_format_percent (v * 100.0, info->digits);
  return lf_param_value_words (param, v);
}

/**
 * lf_param_about:
 * @baseline: (nullable): where the default and its source are looked up
 *
 * Returns: (transfer full): the text of a lever's information popover: what it
 *   means in plain words, its range and default in words, the source of the
 *   default, and (for analysts) its key in files
 */
char *
lf_param_about (LfParam param, const LfBaseline *baseline)
{
  const LfParamInfo *info = lf_param_info (param);
  const char *source = baseline ? lf_baseline_get_source (baseline, info->key) : NULL;
  GString *out = g_string_new (_(info->about));

  g_string_append (out, "\n\n");
  if (info->choice_labels != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (int i = 0; info->choice_labels[i] != NULL; i++)
        {
          if (names->len)
            /* Translators: between the choices of a list, e.g. "Off; As published" */
            g_string_append (names, _("; "));
          g_string_append (names, _(info->choice_labels[i]));
        }
      /* Translators: the choices a lever offers, e.g. "Choices: Off; As published; Waived" */
      g_string_append_printf (out, _("Choices: %s."), names->str);
    }
  else if (g_str_equal (info->unit, "0/1"))
    g_string_append (out, _("On or off."));
  else
    {
      g_autofree char *lo = shown_words (param, info->min);
      g_autofree char *hi = shown_words (param, info->max);

      if (info->flags & LF_PARAM_FLAG_UNLIMITED)
        /* Translators: a lever's range in words, e.g. "From 0 a year to 10,000,000 a year, or no limit." */
        g_string_append_printf (out, _("From %s to %s, or no limit."), lo, hi);
      else
        /* Translators: a lever's range in words, e.g. "From 0 % to 500 %." */
        g_string_append_printf (out, _("From %s to %s."), lo, hi);
    }
  if (baseline != NULL)
    {
      g_autoptr(LfScenario) current = lf_scenario_new (baseline);
      g_autofree char *def = shown_words (param, current->value[param]);

      /* Translators: a lever's default (current policy), e.g. "Today: 127.5 %." */
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Today: %s."), def);
    }
  g_string_append (out, "\n\n");
  /* Translators: where a lever's default comes from, then the source's text */
  g_string_append_printf (out, _("Source: %s"), source ? source : _("built into the model"));
  g_string_append (out, "\n\n");
  /* Translators: a lever's key in scenario files and on the command line, for analysts */
  g_string_append_printf (out, _("In files: %s"), info->key);
  return g_string_free (out, FALSE);
}

static gboolean on_tip_query_tooltip_cb (GtkWidget *row, int x, int y, gboolean keyboard,
                                           GtkTooltip *tooltip, gpointer data);

/* An About button's text, kept on the button until its popover is built. */
#define INFO_TEXT "lf-info-text"

/* The popover is built the first time the button opens: twenty-two of them,
 * each a popover, its content and a label, had waited unseen in every window.
 * GtkMenuButton calls this each time it opens. */
static void
build_info_popover_cb (GtkMenuButton *button, gpointer data)
{
  GtkWidget *popover, *label;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  popover = gtk_popover_new ();
  label = gtk_label_new (g_object_get_data (G_OBJECT (button), INFO_TEXT));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (button, popover);
}

/**
 * lf_info_button_new:
 * @name: what the button tells about, e.g. the lever's label
 *
 * A small "i" button (accessible name "About NAME") that opens a popover of
 * wrapped plain text, set with lf_info_button_set_text().
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
lf_info_button_new (const char *name)
{
  GtkWidget *button = gtk_menu_button_new ();
  /* Translators: the accessible name of a lever's information button, e.g. "About Connected-vehicle rule" */
  g_autofree char *a11y = g_strdup_printf (_("About %s"), name);

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), build_info_popover_cb, NULL, NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "help-about-symbolic");
  /* Its tooltip keeps away from its open popover, as a combo row's does. */
  g_object_set_data_full (G_OBJECT (button), "lf-tip", g_strdup (a11y), g_free);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_tip_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/**
 * lf_info_button_set_text:
 * Sets the text of an lf_info_button_new() button's popover, now or when it
 * is built.
 */
void
lf_info_button_set_text (GtkWidget *button, const char *text)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_object_set_data_full (G_OBJECT (button), INFO_TEXT, g_strdup (text), g_free);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  if (popover != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_popover_get_child (popover)), text);
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

/* A later value as the schedule lists it: a choice or a switch by its name
 * ("Off", "on"), no quota as "no limit", a number with the control's unit. */
static char *
schedule_value (LfParam param, double v)
{
  const LfParamInfo *info = lf_param_info (param);
  double scale = lf_param_shown_scale (param);
  g_autofree char *num = NULL;

  if (info->choice_labels != NULL || (info->flags & LF_PARAM_FLAG_CHOICE) ||
      g_str_equal (info->unit, "0/1") || isinf (v))
    return lf_param_value_words (param, v);
  num = g_strdup_printf ("%'.*f", v * scale == floor (v * scale) ? 0 : 1, v * scale);
  if (*lf_param_shown_unit (param) == '\0')
    return g_steal_pointer (&num);
  return g_strdup_printf ("%s %s", num, lf_param_shown_unit (param));
}

/**
 * lf_schedule_text:
 *
 * Returns: (transfer full): a policy lever's later changes, e.g. "from 2028: 25 %"
 *   or "from 2027: Off" (choices by their names), or "" when it has none
 */
char *
lf_schedule_text (const LfScenario *scenario, LfParam param)
{
  GString *text = g_string_new (NULL);

  for (int y = 1; y < LF_N_YEARS; y++)
    if (scenario->has_step[param][y])
      {
        g_autofree char *value = schedule_value (param, scenario->step[param][y]);

        if (text->len)
          g_string_append (text, ", ");
        /* Translators: a policy change, e.g. "from 2028: 25 %" */
        g_string_append_printf (text, _("from %d: %s"), LF_FIRST_YEAR + y, value);
      }
  return g_string_free (text, FALSE);
}

/**
 * lf_schedule_summary:
 *
 * Returns: (transfer full): what a scheduled lever does now and later, e.g.
 *   "Now: no limit; from 2027: 100,000 a year", or NULL when it has no later change
 */
char *
lf_schedule_summary (const LfScenario *scenario, LfParam param)
{
  g_autofree char *later = lf_schedule_text (scenario, param);
  g_autofree char *now = NULL;

  if (*later == '\0')
    return NULL;
  now = schedule_value (param, scenario->value[param]);
  /* Translators: a lever's value now, then its later changes,
     e.g. "Now: no limit; from 2027: 100,000 a year" */
  return g_strdup_printf (_("Now: %s; %s"), now, later);
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

/* ---- rows out of view are not drawn ---------------------------------------------- */

/* GTK 4.8's cairo renderer draws every node of the window in every frame,
 * clipped to what changed but not skipped: a lever row's slider, spin
 * button, icons and words cost each frame their drawing even when the panel
 * has them scrolled out of sight (bench/profile-input.py: the groups below
 * the first were a fifth of a key press's rendering). So a row that no
 * scrolled window above it shows gives no nodes (lf_row_in_view() in its
 * snapshot), and every row is drawn again when a panel it is in scrolls or
 * changes size: rows that were in view give the same nodes again, which
 * GTK finds unchanged and does not repaint. A row class asks for all of it
 * with lf_row_class_draw_only_in_view(). */

/* The nearest scrolled window above @widget, or NULL. */
static GtkScrolledWindow *
scrolled_above (GtkWidget *widget)
{
  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    if (GTK_IS_SCROLLED_WINDOW (a))
      return GTK_SCROLLED_WINDOW (a);
  return NULL;
}

/**
 * lf_row_in_view:
 * Whether any of @row is inside every scrolled window it is in.
 */
gboolean
lf_row_in_view (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), TRUE);
  for (GtkScrolledWindow *s = scrolled_above (row); s != NULL; s = scrolled_above (GTK_WIDGET (s)))
    {
      GtkWidget *a = GTK_WIDGET (s);
      graphene_rect_t b;

      if (!gtk_widget_compute_bounds (row, a, &b))
        return TRUE;   /* not laid out yet: draw, as GTK would */
      if (b.origin.y + b.size.height <= 0 || b.origin.y >= gtk_widget_get_height (a)
          || b.origin.x + b.size.width <= 0 || b.origin.x >= gtk_widget_get_width (a))
        return FALSE;
    }
  return TRUE;
}

static void row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);
static void row_map (GtkWidget *widget);
static void row_unmap (GtkWidget *widget);

/* The class above the row's whose vfuncs these are not: the one to chain to. */
static GtkWidgetClass *
row_parent_class (GtkWidget *row)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (row);

  while (klass->snapshot == row_snapshot)
    klass = g_type_class_peek_parent (klass);
  return klass;
}

static void
row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  if (lf_row_in_view (widget))
    row_parent_class (widget)->snapshot (widget, snapshot);
}

/* While mapped, the row is drawn again whenever a scrolled window it is in
 * scrolls or changes size: a row lf_row_in_view() left out comes back as it
 * comes into view. */
static void
row_map (GtkWidget *widget)
{
  row_parent_class (widget)->map (widget);
  for (GtkScrolledWindow *s = scrolled_above (widget); s != NULL; s = scrolled_above (GTK_WIDGET (s)))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (s);

      g_signal_connect_object (adj, "value-changed", G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
      g_signal_connect_object (adj, "changed", G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
    }
}

static void
row_unmap (GtkWidget *widget)
{
  for (GtkScrolledWindow *s = scrolled_above (widget); s != NULL; s = scrolled_above (GTK_WIDGET (s)))
    g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (s), widget);
  row_parent_class (widget)->unmap (widget);
}

/**
 * lf_row_class_draw_only_in_view:
 * Makes the rows of @klass give no nodes while no scrolled window above
 * them shows them, and draw again as one scrolls them into view. Call from
 * the class's class_init, after setting its own vfuncs.
 */
void
lf_row_class_draw_only_in_view (GtkWidgetClass *klass)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (klass));
  klass->snapshot = row_snapshot;
  klass->map = row_map;
  klass->unmap = row_unmap;
}

/* ---- numbers in spin buttons, as the locale writes them ----------------------- */

static gboolean
on_spin_output_cb (GtkSpinButton *spin, gpointer data)
{
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = lf_format_value (gtk_adjustment_get_value (adj),
                                           (int) MIN (gtk_spin_button_get_digits (spin), 6));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton *spin, double *new_value, gpointer data)
{
  double v;

  if (lf_parse_value (gtk_editable_get_text (GTK_EDITABLE (spin)), &v))
    {
      *new_value = v;
      return TRUE;
    }
  /* Not a number: refused, the value stays as it was (and is shown again). */
  gtk_widget_error_bell (GTK_WIDGET (spin));
  *new_value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  return TRUE;
}

/**
 * lf_spin_group_digits:
 *
 * Makes @spin show its value as the user's locale writes numbers ("200,000",
 * German "200.000", a real minus sign) and read back what is typed the same
 * way, or plain digits; anything else is refused and the value kept.
 */
void
lf_spin_group_digits (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), NULL);
  /* Grouping and minus signs are not typed on a numeric keypad only. */
  gtk_spin_button_set_numeric (spin, FALSE);
  on_spin_output_cb (spin, NULL);
}

/* ---- drop-down lists that show whole items ----------------------------------- */

static const char *
item_text (GtkListItem *item)
{
  GObject *object = gtk_list_item_get_item (item);

  return GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "";
}

static void
on_owner_selected_cb (GObject *owner, GParamSpec *pspec, GtkListItem *item)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (item), "lf-check");
  guint selected;

  g_object_get (owner, "selected", &selected, NULL);
  gtk_widget_set_opacity (check, selected == gtk_list_item_get_position (item) ? 1.0 : 0.0);
}

static void
setup_whole_item_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer owner)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* The whole text, wrapped: items differ at their ends ("Flat Rock,
   * Michigan (Ford)"), where an ellipsis would cut. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (G_OBJECT (item), "lf-label", label);
  g_object_set_data (G_OBJECT (item), "lf-check", check);
  gtk_list_item_set_child (item, box);
}

static void
bind_whole_item_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer owner)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (item), "lf-label");

  gtk_label_set_text (GTK_LABEL (label), item_text (item));
  g_signal_connect_object (owner, "notify::selected", G_CALLBACK (on_owner_selected_cb), item, 0);
  on_owner_selected_cb (owner, NULL, item);
}

static void
unbind_whole_item_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer owner)
{
  g_signal_handlers_disconnect_by_func (owner, on_owner_selected_cb, item);
}

/**
 * lf_whole_item_factory:
 * @owner: what has the list: an AdwComboRow, an LfChoiceRow or a GtkDropDown
 *   (anything with a "selected" position)
 *
 * Returns: (transfer full): a factory for @owner's open list: each item
 *   whole, wrapped, with a check mark on the selected one
 */
GtkListItemFactory *
lf_whole_item_factory (GObject *owner)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_whole_item_cb), owner);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_whole_item_cb), owner);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_whole_item_cb), owner);
  return factory;
}

static gboolean
has_open_popover (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if ((GTK_IS_POPOVER (c) && gtk_widget_get_mapped (c)) || has_open_popover (c))
      return TRUE;
  return FALSE;
}

/* A combo row's tooltip stays away while its list is open: over the list, it
 * would cover the items it describes. */
static gboolean
on_tip_query_tooltip_cb (GtkWidget *row, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  const char *tip = g_object_get_data (G_OBJECT (row), "lf-tip");

  if (tip == NULL || *tip == '\0' || has_open_popover (row))
    return FALSE;
  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

/**
 * lf_row_set_tip:
 * @row: a combo row or a choice row
 * @tip: (nullable): one short sentence
 *
 * The tooltip of a row with a list, shown except while its list is open.
 */
void
lf_row_set_tip (GtkWidget *row, const char *tip)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_object_set_data_full (G_OBJECT (row), "lf-tip", g_strdup (tip), g_free);
  gtk_widget_set_has_tooltip (row, tip != NULL);
  if (tip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip, -1);
  if (g_signal_handler_find (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_tip_query_tooltip_cb, NULL) == 0)
    g_signal_connect (row, "query-tooltip", G_CALLBACK (on_tip_query_tooltip_cb), NULL);
}

/* The row's handler of its list's activations, for on_row_parent_cb(). */
typedef struct {
  GCallback callback;
} ListActivation;

static void
list_activation_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

/* Connects the handler to the list box the row is now in, once. A list the
 * row has left stays connected until the row goes (lf_row_is_activated()
 * tells its activations apart). */
static void
on_row_parent_cb (GtkListBoxRow *row, GParamSpec *pspec, ListActivation *follow)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));

  if (GTK_IS_LIST_BOX (list) &&
      g_signal_handler_find (list, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             (gpointer) follow->callback, row) == 0)
    g_signal_connect_object (list, "row-activated", follow->callback, row, 0);
}

/**
 * lf_row_follow_list_activation:
 * @row: a row of our own (a switch or a choice)
 * @callback: its handler of #GtkListBox::row-activated, called with @row as
 *   data; it asks lf_row_is_activated() whether the activation is @row's
 *
 * Has @row follow the activations of whichever list box it is in, now and
 * as it moves (call it once, as the row is made). A row activates as
 * libadwaita's action rows do: its list box says so (a click on it, Enter
 * or Space on it).
 */
void
lf_row_follow_list_activation (GtkListBoxRow *row, GCallback callback)
{
  ListActivation *follow = g_new (ListActivation, 1);

  follow->callback = callback;
  g_signal_connect_data (row, "notify::parent", G_CALLBACK (on_row_parent_cb), follow,
                         list_activation_free, 0);
  on_row_parent_cb (row, NULL, follow);
}

/* Whether @list's activation of @activated is @row's: @row itself, in @list. */
gboolean
lf_row_is_activated (GtkListBox *list, GtkListBoxRow *activated, gpointer row)
{
  return activated == row && gtk_widget_get_parent (GTK_WIDGET (row)) == GTK_WIDGET (list);
}

/**
 * lf_combo_row_show_whole_items:
 *
 * The open list of @row shows each item whole (wrapped), not cut off at 20
 * characters as AdwComboRow's own list does; the row itself shows the
 * selected one as its subtitle.
 */
void
lf_combo_row_show_whole_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  factory = lf_whole_item_factory (G_OBJECT (row));
  adw_combo_row_set_list_factory (row, factory);
  /* A tooltip from a .ui file becomes one that keeps away from the list. */
  if (gtk_widget_get_tooltip_text (GTK_WIDGET (row)) != NULL)
    {
      g_autofree char *tip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));

      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
      lf_row_set_tip (GTK_WIDGET (row), tip);
    }
}

static void
setup_button_item_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_item_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), item_text (item));
  /* Cut short in the button, the whole item is its tooltip. */
  gtk_widget_set_tooltip_text (label, item_text (item));
}

/**
 * lf_drop_down_show_whole_items:
 *
 * @drop_down's button shows the selected item cut short with an ellipsis
 * (and whole as its tooltip); its open list shows each item whole.
 */
void
lf_drop_down_show_whole_items (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_signal_connect (button, "setup", G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (bind_button_item_cb), NULL);
  list = lf_whole_item_factory (G_OBJECT (drop_down));
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/**
 * lf_row_set_note:
 * @row: an LfSwitchRow, an LfChoiceRow or an AdwExpanderRow (a plant)
 * @text: (nullable): the note (lf-notes.h), or NULL for none
 *
 * Shows a note as an information icon at the row's end: its tooltip and
 * accessible name are the note. The icon is made once and then only shown,
 * hidden or retitled, so that nothing moves while a slider drags.
 */
void
lf_row_set_note (GtkWidget *row, const char *text)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "lf-note-icon");

  if (icon == NULL && text == NULL)
    return;
  if (icon == NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (icon, "dim-label");
      if (ADW_IS_EXPANDER_ROW (row))
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), icon);
      else if (LF_IS_SWITCH_ROW (row))
        lf_switch_row_add_suffix (LF_SWITCH_ROW (row), icon);
      else
        lf_choice_row_add_suffix (LF_CHOICE_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "lf-note-icon", icon);
    }
  gtk_widget_set_visible (icon, text != NULL);
  if (text != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (icon), text) != 0)
    {
      gtk_widget_set_tooltip_text (icon, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}
