/* lf-comparison-table.c: headline figures by scenario, and what differs.
 *
 * Rows are the headline figures (the 2030 and 2035 Chinese share, Ford's
 * EV sales and EBIT against no entry, tariff revenue), columns the compared
 * scenarios in their chart colours; each cell has the value and, but for
 * the reference's column, its difference from the reference. Below, for
 * each scenario, the levers whose values differ from the reference's, in
 * words (lf_differences()). Rebuilt when the comparison changes.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-comparison-table.h"
#include "lf-difference.h"
#include "lf-format.h"

typedef enum {
  ROW_SHARE_2030,
  ROW_SHARE_2035,
  ROW_FORD_UNITS,
  ROW_FORD_EBIT,
  ROW_TARIFF_REVENUE,
  N_ROWS
} Row;

struct _LfComparisonTable
{
  GtkBox        parent_instance;

  GtkGrid      *grid;
  GtkExpander  *expander;
  GtkBox       *differs;
  LfComparison *comparison;
  GtkWidget    *cell_labels[N_ROWS][LF_COMPARISON_MAX];
  GtkWidget    *header_labels[LF_COMPARISON_MAX];
  GtkWidget    *differ_labels[LF_COMPARISON_MAX];
  gboolean      stale;   /* values changed while hidden */
};

G_DEFINE_FINAL_TYPE (LfComparisonTable, lf_comparison_table, GTK_TYPE_BOX)

static const char *const row_titles[N_ROWS] = {
  N_("Chinese share of US EV sales, 2030"),
  N_("Chinese share of US EV sales, 2035"),
  N_("Ford EV sales, change from no entry, 2030"),
  N_("Ford EV EBIT, change from no entry, 2030"),
  N_("Tariff revenue, 2030"),
};

/* A row's figure in a projection, in model units. */
static double
row_value (Row row, const LfProjection *p)
{
  const int y30 = lf_year_index (2030), y35 = lf_year_index (2035);

  switch (row)
    {
    case ROW_SHARE_2030:
      return p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][y30];
    case ROW_SHARE_2035:
      return p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][y35];
    case ROW_FORD_UNITS:
      return p->series[LF_SERIES_FORD_EV_SALES][y30] - p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y30];
    case ROW_FORD_EBIT:
      return p->series[LF_SERIES_FORD_EV_EBIT_MUSD][y30] - p->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y30];
    case ROW_TARIFF_REVENUE:
      return p->series[LF_SERIES_TARIFF_REVENUE_MUSD][y30];
    default:
      g_assert_not_reached ();
    }
}

/* A figure, signed when it is a change ("+1,200", "−$40 M"). */
static char *
format_row (Row row, double v, gboolean change)
{
  g_autofree char *text = NULL;

  if (fabs (v) < 1e-9)
    v = 0.0;
  switch (row)
    {
    case ROW_SHARE_2030:
    case ROW_SHARE_2035:
      if (change)
        /* Translators: a change of a share in percentage points, e.g. "+2.8 points" */
        return g_strdup_printf (_("%s%s points"), v > 0 ? "+" : "", (text = lf_format_value (v, 1)));
      return lf_format_percent (v, 1);
    case ROW_FORD_UNITS:
      text = lf_format_count (v);
      break;
    case ROW_FORD_EBIT:
    case ROW_TARIFF_REVENUE:
      text = lf_format_musd (v);
      break;
    default:
      g_assert_not_reached ();
    }
  if ((change || row == ROW_FORD_UNITS || row == ROW_FORD_EBIT) && v > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

static GtkWidget *
label_new (const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* The figures, into the labels the table has: a slider drag changes
 * numbers, not the table's shape. */
static void
fill_table (LfComparisonTable *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);
  guint ref = lf_comparison_get_reference_index (self->comparison);
  const LfProjection *ref_p = lf_document_get_projection (lf_comparison_get_document (self->comparison, ref));
  const char *ref_name = lf_document_get_title (lf_comparison_get_document (self->comparison, ref));

  for (guint c = 0; c < n; c++)
    gtk_label_set_text (GTK_LABEL (self->header_labels[c]),
                        lf_document_get_title (lf_comparison_get_document (self->comparison, c)));
  for (Row r = 0; r < N_ROWS; r++)
    for (guint c = 0; c < n; c++)
      {
        LfDocument *doc = lf_comparison_get_document (self->comparison, c);
        const LfProjection *p = lf_document_get_projection (doc);
        double v = row_value (r, p);
        g_autofree char *value = format_row (r, v, FALSE);
        g_autofree char *diff = c == ref ? NULL : format_row (r, v - row_value (r, ref_p), TRUE);
        g_autofree char *shown = diff ? g_strdup_printf ("%s\n%s", value, diff) : g_strdup (value);
        GtkWidget *cell = self->cell_labels[r][c];
        g_autofree char *read_out = NULL;

        gtk_label_set_text (GTK_LABEL (cell), shown);
        if (diff != NULL)
          /* Translators: a cell of the comparison table read out:
             "Trade deal, Chinese share of US EV sales, 2030: 2.8 %; +2.8 points against Current policy" */
          read_out = g_strdup_printf (_("%s, %s: %s; %s against %s"), lf_document_get_title (doc),
                                      _(row_titles[r]), value, diff, ref_name);
        else
          read_out = g_strdup_printf (_("%s, %s: %s"), lf_document_get_title (doc),
                                      _(row_titles[r]), value);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, read_out, -1);
      }
}

/* The table's shape: a column per scenario, a row per figure. */
static void
rebuild_table (LfComparisonTable *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);

  clear_box (GTK_WIDGET (self->grid));
  memset (self->cell_labels, 0, sizeof self->cell_labels);
  memset (self->header_labels, 0, sizeof self->header_labels);
  for (guint c = 0; c < n; c++)
    {
      self->header_labels[c] = label_new (NULL, "heading", 1.0f);
      gtk_grid_attach (self->grid, self->header_labels[c], (int) c + 1, 0, 1, 1);
    }
  for (Row r = 0; r < N_ROWS; r++)
    {
      gtk_grid_attach (self->grid, label_new (_(row_titles[r]), "dim-label", 0.0f), 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          self->cell_labels[r][c] = label_new (NULL, "numeric", 1.0f);
          gtk_grid_attach (self->grid, self->cell_labels[r][c], (int) c + 1, (int) r + 1, 1, 1);
        }
    }
  fill_table (self);
}

/* Each scenario against the reference: the levers that differ, in words. */
static void
fill_differences (LfComparisonTable *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);
  guint ref = lf_comparison_get_reference_index (self->comparison);
  LfDocument *ref_doc = lf_comparison_get_document (self->comparison, ref);

  for (guint c = 0; c < n; c++)
    {
      LfDocument *doc = lf_comparison_get_document (self->comparison, c);
      g_autoptr(GPtrArray) d = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      if (c == ref || self->differ_labels[c] == NULL)
        continue;
      d = lf_differences (lf_document_get_scenario (ref_doc), lf_document_get_scenario (doc));
      /* Translators: a heading over the levers that differ, "Trade deal against Current policy" */
      g_string_append_printf (text, _("%s against %s"), lf_document_get_title (doc), lf_document_get_title (ref_doc));
      if (d->len == 0)
        g_string_append_printf (text, "\n%s", _("The same levers"));
      for (guint i = 0; i < d->len; i++)
        {
          const LfDifference *x = g_ptr_array_index (d, i);

          g_string_append_c (text, '\n');
          /* Translators: one lever that differs: "Tariff on China-built EVs: 127.5 % → 27.5 % from 2027" */
          g_string_append_printf (text, _("%s: %s → %s"), x->label, x->a, x->b);
        }
      gtk_label_set_text (GTK_LABEL (self->differ_labels[c]), text->str);
    }
}

static void
rebuild_differences (LfComparisonTable *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);
  guint ref = lf_comparison_get_reference_index (self->comparison);

  clear_box (GTK_WIDGET (self->differs));
  memset (self->differ_labels, 0, sizeof self->differ_labels);
  for (guint c = 0; c < n; c++)
    {
      if (c == ref)
        continue;
      self->differ_labels[c] = label_new (NULL, NULL, 0.0f);
      gtk_label_set_max_width_chars (GTK_LABEL (self->differ_labels[c]), 80);
      gtk_label_set_selectable (GTK_LABEL (self->differ_labels[c]), TRUE);
      gtk_box_append (self->differs, self->differ_labels[c]);
    }
  fill_differences (self);
}

static void
rebuild (LfComparisonTable *self)
{
  rebuild_table (self);
  rebuild_differences (self);
}

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, LfComparisonTable *self)
{
  rebuild (self);
}

static void
on_changed_cb (LfComparison *comparison, guint index, LfDocumentChange change, LfComparisonTable *self)
{
  /* The figures are single projections: refined bands change none. New
   * values change the numbers and words in place. */
  if (!(change & LF_DOCUMENT_CHANGE_VALUES))
    return;
  /* Hidden (one scenario), it catches up when it is shown. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  fill_table (self);
  fill_differences (self);
}

static void
on_visible_cb (LfComparisonTable *self, GParamSpec *pspec, gpointer data)
{
  if (self->stale && gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      self->stale = FALSE;
      fill_table (self);
      fill_differences (self);
    }
}

static void
on_reference_cb (LfComparison *comparison, GParamSpec *pspec, LfComparisonTable *self)
{
  rebuild (self);
}

static void
lf_comparison_table_dispose (GObject *object)
{
  LfComparisonTable *self = LF_COMPARISON_TABLE (object);

  g_clear_object (&self->comparison);
  G_OBJECT_CLASS (lf_comparison_table_parent_class)->dispose (object);
}

static void
lf_comparison_table_class_init (LfComparisonTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lf_comparison_table_dispose;
}

static void
lf_comparison_table_init (LfComparisonTable *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "comparison-table");
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Summary by scenario"), -1);
  self->differs = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_top (GTK_WIDGET (self->differs), 6);
  /* The levers that differ, in words: folded, so the charts keep their room. */
  self->expander = GTK_EXPANDER (gtk_expander_new_with_mnemonic (_("_What Differs")));
  gtk_expander_set_child (self->expander, GTK_WIDGET (self->differs));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->expander));
}

GtkWidget *
lf_comparison_table_new (LfComparison *comparison)
{
  LfComparisonTable *self;

  g_return_val_if_fail (LF_IS_COMPARISON (comparison), NULL);
  self = g_object_new (LF_TYPE_COMPARISON_TABLE, NULL);
  self->comparison = g_object_ref (comparison);
  g_signal_connect_object (comparison, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (comparison, "changed", G_CALLBACK (on_changed_cb), self, 0);
  g_signal_connect_object (comparison, "notify::reference-index", G_CALLBACK (on_reference_cb), self, 0);
  g_signal_connect (self, "notify::visible", G_CALLBACK (on_visible_cb), NULL);
  rebuild (self);
  return GTK_WIDGET (self);
}
