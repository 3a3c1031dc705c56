/* lf-chart-card.c: a chart in the window under its title.
 *
 * A card shows one chart kind with its title above it, as an export does;
 * or, given several kinds, a drop-down in the title's place picks which one
 * it shows (the "chart" property, a kind's command-line name, which the
 * window keeps in GSettings). The chart itself is an LfChartView.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-chart-card.h"
#include "lf-chart-view.h"

#define MAX_KINDS 16

struct _LfChartCard
{
  GtkBox       parent_instance;

  LfChartKind  kinds[MAX_KINDS];
  guint        n_kinds;
  GtkWidget   *title;     /* a label, or the drop-down */
  GtkWidget   *view;
};

G_DEFINE_FINAL_TYPE (LfChartCard, lf_chart_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
on_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, LfChartCard *self)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  if (i >= self->n_kinds || self->kinds[i] == lf_chart_view_get_kind (LF_CHART_VIEW (self->view)))
    return;
  lf_chart_view_set_kind (LF_CHART_VIEW (self->view), self->kinds[i]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CHART]);
}

/* The drop-down's items as labels that give way on a narrow card (the
 * default factory's never shorten, and would widen the window). */
static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
lf_chart_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfChartCard *self = LF_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_string (value, lf_chart_card_get_chart (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_chart_card_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfChartCard *self = LF_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      lf_chart_card_set_chart (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_chart_card_class_init (LfChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lf_chart_card_get_property;
  object_class->set_property = lf_chart_card_set_property;

  /**
   * LfChartCard:chart:
   * The chart shown, by its command-line name ("ford-impact"); a name the
   * card does not offer is ignored.
   */
  props[PROP_CHART] = g_param_spec_string ("chart", NULL, NULL, NULL,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "chartcard");
}

static void
lf_chart_card_init (LfChartCard *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/**
 * lf_chart_card_new:
 * @kinds: (array length=n_kinds): the charts the card can show, the first by default
 * @n_kinds: how many; one: a title, no chooser
 * @chooser_label: (nullable): with several kinds, the drop-down's accessible name
 *
 * Returns: (transfer floating): the card
 */
GtkWidget *
lf_chart_card_new (const LfChartKind *kinds,
                   guint              n_kinds,
                   const char        *chooser_label)
{
  LfChartCard *self;

  g_return_val_if_fail (kinds != NULL && n_kinds >= 1 && n_kinds <= MAX_KINDS, NULL);

  self = g_object_new (LF_TYPE_CHART_CARD, NULL);
  for (guint i = 0; i < n_kinds; i++)
    self->kinds[i] = kinds[i];
  self->n_kinds = n_kinds;

  if (n_kinds == 1)
    {
      /* The export's title, over the chart in the window too. */
      self->title = gtk_label_new (lf_chart_kind_get_title (kinds[0]));
      gtk_label_set_xalign (GTK_LABEL (self->title), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->title, "heading");
      gtk_widget_add_css_class (self->title, "chart-title");
    }
  else
    {
      const char *titles[MAX_KINDS + 1] = { NULL };
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      for (guint i = 0; i < n_kinds; i++)
        titles[i] = lf_chart_kind_get_title (kinds[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
      self->title = gtk_drop_down_new_from_strings (titles);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (self->title), factory);
      g_object_unref (factory);
      gtk_widget_set_halign (self->title, GTK_ALIGN_START);
      gtk_widget_add_css_class (self->title, "chart-title");
      gtk_widget_set_tooltip_text (self->title, _("Choose the chart shown here"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      chooser_label != NULL ? chooser_label : _("Chart shown"), -1);
      g_signal_connect_object (self->title, "notify::selected", G_CALLBACK (on_selected_cb), self, 0);
    }
  gtk_box_append (GTK_BOX (self), self->title);
  self->view = lf_chart_view_new (kinds[0]);
  gtk_box_append (GTK_BOX (self), self->view);
  return GTK_WIDGET (self);
}

GtkWidget *
lf_chart_card_get_view (LfChartCard *self)
{
  g_return_val_if_fail (LF_IS_CHART_CARD (self), NULL);
  return self->view;
}

LfChartKind
lf_chart_card_get_kind (LfChartCard *self)
{
  g_return_val_if_fail (LF_IS_CHART_CARD (self), LF_CHART_SHARE);
  return lf_chart_view_get_kind (LF_CHART_VIEW (self->view));
}

const char *
lf_chart_card_get_chart (LfChartCard *self)
{
  g_return_val_if_fail (LF_IS_CHART_CARD (self), NULL);
  return lf_chart_kind_to_string (lf_chart_card_get_kind (self));
}

void
lf_chart_card_set_chart (LfChartCard *self,
                         const char  *name)
{
  LfChartKind kind;

  g_return_if_fail (LF_IS_CHART_CARD (self));
  if (name == NULL || (kind = lf_chart_kind_from_string (name)) == LF_N_CHARTS)
    return;
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i] == kind)
      {
        if (GTK_IS_DROP_DOWN (self->title))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->title), i);  /* on_selected_cb follows */
        return;
      }
}
