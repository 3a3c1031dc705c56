/* lf-notes-view.c: the notes above the charts (see lf-notes-view.h).
 *
 * A boxed list: the first LF_NOTES_VIEW_SHOWN notes as rows, the rest in an
 * expander row ("4 more notes"). The notes about what the user last touched
 * come first, then those about what differs from current policy. Rows are kept and retitled, not rebuilt, when only the words
 * change (a capacity dragging moves a percentage), so nothing flickers; the
 * window calls this from a low-priority idle, outside the frame. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-notes-view.h"

struct _LfNotesView
{
  GtkBox        parent_instance;

  GtkListBox   *list;
  GtkWidget    *more;        /* AdwExpanderRow, or NULL */
  GPtrArray    *rows;        /* AdwActionRow, in the order shown */
  GPtrArray    *notes;       /* LfNote, as given */
  GPtrArray    *order;       /* LfNote (not owned), in the order shown */
  guint         n_more;
};

G_DEFINE_FINAL_TYPE (LfNotesView, lf_notes_view, GTK_TYPE_BOX)

enum {
  FIX,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_fix_clicked_cb (GtkButton *button, LfNotesView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint i;
  g_autoptr(GPtrArray) hold = NULL;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &i) || i >= self->order->len)
    return;
  /* The handler edits the scenario, which brings new notes: keep this one alive. */
  hold = g_ptr_array_ref (self->notes);
  g_signal_emit (self, signals[FIX], 0, g_ptr_array_index (self->order, i));
}

static GtkWidget *
make_row (LfNotesView *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *button = gtk_button_new ();

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_fix_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "lf-fix-button", button);
  return row;
}

static void
show_note (GtkWidget *row, const LfNote *note)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "lf-fix-button");

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), note->text) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
  gtk_widget_set_visible (button, note->fix_label != NULL);
  if (note->fix_label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), note->fix_label) != 0)
    gtk_button_set_label (GTK_BUTTON (button), note->fix_label);
}

/* Whether a note is about @subject: the same subject, or a key under it
 * ("plant.xiaomi-fr" for "plant.xiaomi-fr.capacity"). */
static gboolean
about (const LfNote *note, const char *subject)
{
  gsize n;

  if (subject == NULL)
    return FALSE;
  n = strlen (note->subject);
  return strncmp (subject, note->subject, n) == 0 && (subject[n] == '\0' || subject[n] == '.');
}

static void
rebuild (LfNotesView *self, guint n_shown, guint n_more)
{
  while (self->rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

      if (gtk_widget_get_parent (row) == GTK_WIDGET (self->list))
        gtk_list_box_remove (self->list, row);
      g_object_unref (row);
    }
  if (self->more != NULL)
    {
      gtk_list_box_remove (self->list, self->more);
      self->more = NULL;
    }
  for (guint i = 0; i < n_shown; i++)
    {
      GtkWidget *row = g_object_ref_sink (make_row (self));

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  if (n_more > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u more note", "%u more notes", n_more), n_more);

      self->more = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more), title);
      for (guint i = 0; i < n_more; i++)
        {
          GtkWidget *row = g_object_ref_sink (make_row (self));

          g_ptr_array_add (self->rows, row);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self->more), row);
        }
      gtk_list_box_append (self->list, self->more);
    }
  self->n_more = n_more;
}

/**
 * lf_notes_view_set_notes:
 * @notes: (transfer none) (element-type LfNote) (nullable): the notes to show
 * @first_subject: (nullable): a key the user last changed: the notes about it come first
 */
void
lf_notes_view_set_notes (LfNotesView *self, GPtrArray *notes, const char *first_subject)
{
  guint n, n_shown, n_more;
  gboolean expanded;

  g_return_if_fail (LF_IS_NOTES_VIEW (self));
  if (notes != NULL)
    g_ptr_array_ref (notes);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->notes = notes != NULL ? notes : g_ptr_array_new ();
  g_ptr_array_set_size (self->order, 0);
  /* What the user last touched, then what differs from current policy, then the rest. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < self->notes->len; i++)
      {
        LfNote *note = g_ptr_array_index (self->notes, i);
        int rank = about (note, first_subject) ? 0 : note->novel ? 1 : 2;

        if (rank == pass)
          g_ptr_array_add (self->order, note);
      }
  n = self->order->len;
  n_shown = MIN (n, LF_NOTES_VIEW_SHOWN);
  n_more = n - n_shown;
  expanded = self->more != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self->more));
  if (self->rows->len != n || self->n_more != n_more)
    {
      rebuild (self, n_shown, n_more);
      if (self->more != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->more), expanded);
    }
  for (guint i = 0; i < n; i++)
    show_note (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->order, i));
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

static void
lf_notes_view_dispose (GObject *object)
{
  LfNotesView *self = LF_NOTES_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  G_OBJECT_CLASS (lf_notes_view_parent_class)->dispose (object);
}

static void
lf_notes_view_class_init (LfNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lf_notes_view_dispose;

  /**
   * LfNotesView::fix:
   * @note: (type gpointer): the LfNote whose fix the user asked for
   *
   * The window applies it as an edit (undoable).
   */
  signals[FIX] = g_signal_new ("fix", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
lf_notes_view_init (LfNotesView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->order = g_ptr_array_new ();
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "notes-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes on this scenario"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lf_notes_view_new (void)
{
  return g_object_new (LF_TYPE_NOTES_VIEW, NULL);
}
