/* lf-center-bin.c: holds wrapped text (a lever's name) beside taller
 * controls (its spin button), centred at its own height.
 *
 * A horizontal box asks each child how wide it must be at the box's height,
 * and GTK asks the same of any widget aligned otherwise than fill before it
 * allocates it. A wrapped label answers that question by a binary search
 * over a dozen layouts of its text, and the answer is kept only until the
 * height changes: at start-up that search was most of the window's text
 * layout. The text's width does not depend on the height here (it wraps to
 * the width it is given and the row grows to fit), so the bin answers from
 * the width alone, and centres the child itself instead of by valign.
 * An AdwBin (its child property, the child's life) without its layout
 * manager, so that these two answers are its own. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-center-bin.h"

struct _LfCenterBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (LfCenterBin, lf_center_bin, ADW_TYPE_BIN)

static void
lf_center_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* The width for any height is the width for no height in particular. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
lf_center_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int min = 0, nat = 0, child_height;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  child_height = MIN (height, MAX (min, nat));
  gtk_widget_allocate (child, width, child_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - child_height) / 2)));
}

static GtkSizeRequestMode
lf_center_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

GtkWidget *
lf_center_bin_new (void)
{
  return g_object_new (LF_TYPE_CENTER_BIN, NULL);
}

static void
lf_center_bin_class_init (LfCenterBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = lf_center_bin_measure;
  widget_class->size_allocate = lf_center_bin_size_allocate;
  widget_class->get_request_mode = lf_center_bin_get_request_mode;
}

static void
lf_center_bin_init (LfCenterBin *self)
{
  /* Without AdwBin's layout manager GTK asks the functions above. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}
