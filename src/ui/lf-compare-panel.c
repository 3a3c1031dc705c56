/* lf-compare-panel.c: the Compare popover's content.
 *
 * A row per compared scenario, in its chart colour and line style, with its
 * name; the one edited is the checked one (any can become it), each can be
 * removed but the last. Below, the reference the differences are taken
 * from, and the switches of win.compare-difference and
 * win.compare-all-bands. The rows follow the comparison; they hold no state.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-chart.h"
#include "lf-compare-panel.h"
#include "lf-palette.h"

struct _LfComparePanel
{
  GtkBox         parent_instance;

  GtkListBox    *list;
  GtkDropDown   *reference_drop_down;

  LfComparison  *comparison;
  GtkWidget     *checks[LF_COMPARISON_MAX];
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (LfComparePanel, lf_compare_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The run's colour and line style, as the charts draw it. */
static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  int run = GPOINTER_TO_INT (data);
  const LfPalette *pal = lf_palette_get (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  int n_dashes;
  const double *dash = lf_run_dash (run, &n_dashes);

  lf_set_source_color (cr, &pal->runs[run]);
  cairo_set_line_width (cr, 3.0);
  cairo_set_dash (cr, dash, n_dashes, 0);
  cairo_move_to (cr, 0, height / 2.0);
  cairo_line_to (cr, width, height / 2.0);
  cairo_stroke (cr);
}

static void
on_check_toggled_cb (GtkToggleButton *check, LfComparePanel *self)
{
  if (self->updating || !gtk_toggle_button_get_active (check))
    return;
  for (guint i = 0; i < LF_COMPARISON_MAX; i++)
    if (self->checks[i] == GTK_WIDGET (check))
      lf_comparison_set_edited_index (self->comparison, i);
}

static void
on_remove_clicked_cb (GtkButton *button, LfComparePanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GError) error = NULL;

  /* The rows are in the comparison's order: a row's place is its scenario's. */
  if (row != NULL &&
      !lf_comparison_remove (self->comparison, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
make_row (LfComparePanel *self, guint index, guint n)
{
  LfDocument *doc = lf_comparison_get_document (self->comparison, index);
  const char *name = lf_document_get_title (doc);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  /* A toggle button, not a check button: screen readers can press it. */
  GtkWidget *check = gtk_toggle_button_new_with_label (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  g_autofree char *check_tip = g_strdup_printf (_("Edit %s with the controls"), name);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 24);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GINT_TO_POINTER (index), NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (swatch, 6);

  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_add_css_class (check, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (check))), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (check))), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (check, check_tip);
  if (index > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (check), GTK_TOGGLE_BUTTON (self->checks[0]));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (check), index == lf_comparison_get_edited_index (self->comparison));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  self->checks[index] = check;

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from the comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_sensitive (remove, n > 1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
rebuild (LfComparePanel *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  memset (self->checks, 0, sizeof self->checks);
  for (guint i = 0; i < n; i++)
    {
      gtk_list_box_append (self->list, make_row (self, i, n));
      gtk_string_list_append (names, lf_document_get_title (lf_comparison_get_document (self->comparison, i)));
    }
  gtk_drop_down_set_model (self->reference_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->reference_drop_down, lf_comparison_get_reference_index (self->comparison));
  self->updating = FALSE;
}

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, LfComparePanel *self)
{
  rebuild (self);
}

static void
on_comparison_changed_cb (LfComparison *comparison, guint index, LfDocumentChange change, LfComparePanel *self)
{
  /* A whole new scenario may bring a new name. */
  if (change & LF_DOCUMENT_CHANGE_REPLACED)
    rebuild (self);
}

static void
on_edited_cb (LfComparison *comparison, GParamSpec *pspec, LfComparePanel *self)
{
  guint edited = lf_comparison_get_edited_index (comparison);

  self->updating = TRUE;
  if (edited < LF_COMPARISON_MAX && self->checks[edited] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->checks[edited]), TRUE);
  self->updating = FALSE;
}

static void
on_reference_cb (LfComparison *comparison, GParamSpec *pspec, LfComparePanel *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->reference_drop_down, lf_comparison_get_reference_index (comparison));
  self->updating = FALSE;
}

static void
on_reference_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, LfComparePanel *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating || selected >= lf_comparison_get_n_documents (self->comparison))
    return;
  lf_comparison_set_reference_index (self->comparison, selected);
}

static void
set_comparison (LfComparePanel *self, LfComparison *comparison)
{
  g_return_if_fail (self->comparison == NULL && LF_IS_COMPARISON (comparison));
  self->comparison = g_object_ref (comparison);
  g_signal_connect_object (comparison, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (comparison, "changed", G_CALLBACK (on_comparison_changed_cb), self, 0);
  g_signal_connect_object (comparison, "notify::edited-index", G_CALLBACK (on_edited_cb), self, 0);
  g_signal_connect_object (comparison, "notify::reference-index", G_CALLBACK (on_reference_cb), self, 0);
  rebuild (self);
}

static void
lf_compare_panel_dispose (GObject *object)
{
  LfComparePanel *self = LF_COMPARE_PANEL (object);

  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_COMPARE_PANEL);
  G_OBJECT_CLASS (lf_compare_panel_parent_class)->dispose (object);
}

static void
lf_compare_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, LF_COMPARE_PANEL (object)->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_compare_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPARISON:
      set_comparison (LF_COMPARE_PANEL (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_compare_panel_class_init (LfComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_compare_panel_dispose;
  object_class->get_property = lf_compare_panel_get_property;
  object_class->set_property = lf_compare_panel_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, LF_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-compare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LfComparePanel, list);
  gtk_widget_class_bind_template_child (widget_class, LfComparePanel, reference_drop_down);
}

static void
lf_compare_panel_init (LfComparePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->reference_drop_down, "notify::selected",
                           G_CALLBACK (on_reference_selected_cb), self, 0);
}

GtkWidget *
lf_compare_panel_new (LfComparison *comparison)
{
  return g_object_new (LF_TYPE_COMPARE_PANEL, "comparison", comparison, NULL);
}

LfComparison *
lf_compare_panel_get_comparison (LfComparePanel *self)
{
  g_return_val_if_fail (LF_IS_COMPARE_PANEL (self), NULL);
  return self->comparison;
}
