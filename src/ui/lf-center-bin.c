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
 * the width alone, and centres the child itself instead of by valign. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-center-bin.h"

struct _LfCenterBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (LfCenterBin, lf_center_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lf_center_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LfCenterBin *self = LF_CENTER_BIN (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  /* The width for any height is the width for no height in particular. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
lf_center_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LfCenterBin *self = LF_CENTER_BIN (widget);
  int min = 0, nat = 0, child_height;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  child_height = MIN (height, MAX (min, nat));
  gtk_widget_allocate (self->child, width, child_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - child_height) / 2)));
}

static GtkSizeRequestMode
lf_center_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

GtkWidget *
lf_center_bin_get_child (LfCenterBin *self)
{
  g_return_val_if_fail (LF_IS_CENTER_BIN (self), NULL);
  return self->child;
}

void
lf_center_bin_set_child (LfCenterBin *self, GtkWidget *child)
{
  g_return_if_fail (LF_IS_CENTER_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));
  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
lf_center_bin_new (void)
{
  return g_object_new (LF_TYPE_CENTER_BIN, NULL);
}

static void
lf_center_bin_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfCenterBin *self = LF_CENTER_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_center_bin_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfCenterBin *self = LF_CENTER_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      lf_center_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_center_bin_dispose (GObject *object)
{
  LfCenterBin *self = LF_CENTER_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (lf_center_bin_parent_class)->dispose (object);
}

static void
lf_center_bin_class_init (LfCenterBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_center_bin_dispose;
  object_class->get_property = lf_center_bin_get_property;
  object_class->set_property = lf_center_bin_set_property;
  widget_class->measure = lf_center_bin_measure;
  widget_class->size_allocate = lf_center_bin_size_allocate;
  widget_class->get_request_mode = lf_center_bin_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lf_center_bin_init (LfCenterBin *self)
{
}
