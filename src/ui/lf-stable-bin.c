/* lf-stable-bin.c: holds a part of what sits above the charts (the
 * scenario's description) at the tallest height it has needed at this width.
 *
 * Its words change with every step of a slider, and a line more or less
 * would move what is below (the notes, every chart) up and down as the user
 * drags, and make GTK lay out and repaint all of it on every step. So the bin
 * asks for the most its child has asked for since the width last changed or
 * lf_stable_bin_reset() was called (a new scenario), and gives the child its
 * own height at the top: a drag never shifts what is below, and the room a
 * taller text needed stays until the next scenario. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-stable-bin.h"

struct _LfStableBin
{
  AdwBin     parent_instance;

  /* The tallest natural height asked at each of the last few widths (GTK
   * measures at more than one width in a layout: a scrolled window asks for
   * the child's height at its minimum width too). */
  struct {
    int width;           /* -1: unused */
    int kept;
  }          kept[4];
  guint      next;       /* the entry the next new width replaces */
};

G_DEFINE_FINAL_TYPE (LfStableBin, lf_stable_bin, ADW_TYPE_BIN)

static void
forget (LfStableBin *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->kept); i++)
    self->kept[i].width = -1;
  self->next = 0;
}

static void
lf_stable_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LfStableBin *self = LF_STABLE_BIN (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size < 0)
    return;
  {
    guint i;

    for (i = 0; i < G_N_ELEMENTS (self->kept); i++)
      if (self->kept[i].width == for_size)
        break;
    if (i == G_N_ELEMENTS (self->kept))
      {
        i = self->next;
        self->next = (self->next + 1) % G_N_ELEMENTS (self->kept);
        self->kept[i].width = for_size;
        self->kept[i].kept = 0;
      }
    self->kept[i].kept = MAX (self->kept[i].kept, *natural);
    *minimum = MAX (*minimum, self->kept[i].kept);
    *natural = self->kept[i].kept;
  }
}

static void
lf_stable_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int min = 0, nat = 0;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* The child at its own height, at the top: the room below it stays empty. */
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_allocate (child, width, MIN (height, MAX (min, nat)), -1, NULL);
}

static GtkSizeRequestMode
lf_stable_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/**
 * lf_stable_bin_reset:
 *
 * Forgets the kept height: the next layout fits the child as it is now.
 */
void
lf_stable_bin_reset (LfStableBin *self)
{
  g_return_if_fail (LF_IS_STABLE_BIN (self));
  forget (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
lf_stable_bin_new (void)
{
  return g_object_new (LF_TYPE_STABLE_BIN, NULL);
}

static void
lf_stable_bin_class_init (LfStableBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = lf_stable_bin_measure;
  widget_class->size_allocate = lf_stable_bin_size_allocate;
  widget_class->get_request_mode = lf_stable_bin_get_request_mode;
}

static void
on_child_cb (LfStableBin *self, GParamSpec *pspec, gpointer data)
{
  forget (self);
}

static void
lf_stable_bin_init (LfStableBin *self)
{
  /* An AdwBin (its child property, the child's life) without its layout
   * manager, so that GTK asks the functions above. A new child starts
   * afresh. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  forget (self);
  g_signal_connect (self, "notify::child", G_CALLBACK (on_child_cb), NULL);
}
