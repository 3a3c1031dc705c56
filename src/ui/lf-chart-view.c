/* lf-chart-view.c: a chart widget: draws with cairo through src/charts,
 * reads out the hovered year, and reports clicks on map markers. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-chart-view.h"
#include "lf-trace.h"

struct _LfChartView
{
  GtkWidget    parent_instance;

  LfChartKind  kind;
  LfChartData  data;        /* pointers owned by the window; copied by value */
  gboolean     has_data;
  gboolean     dark;
  int          hover_year;
  int          selected_plant;
  int          hover_plant;  /* the map: the plant under the pointer, or -1 */
  guint        describe_id;  /* the description is brought up to date after the frame */
  char        *description;
  guint64      plants_hash;  /* the map: what it last drew, to skip changes it does not show */
  gboolean     shown_once;   /* the map: its first drawing waits for the window's first frame */
  LfTextCache *text_cache;   /* the words it drew, kept for the next drawing */
  /* A time-series chart's axes and legend as last drawn, with their keys
   * (lf_chart_parts_get_key()): given to GTK again while their keys stay. */
  GskRenderNode *part_nodes[LF_N_CHART_PARTS];
  char          *part_keys[LF_N_CHART_PARTS];
};

G_DEFINE_FINAL_TYPE (LfChartView, lf_chart_view, GTK_TYPE_WIDGET)

enum {
  PLANT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* FNV-1a over @len bytes, continuing from @h. */
static guint64
hash_bytes (guint64 h, const void *bytes, gsize len)
{
  const guint8 *b = bytes;

  for (gsize i = 0; i < len; i++)
    h = (h ^ b[i]) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

/* Everything the map draws from the data: each scenario's plants and which
 * scenarios there are (the selection and the style are set apart). */
static guint64
plants_hash (const LfChartData *data)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  const LfScenario *edited = data->scenario;

  if (edited != NULL)
    {
      h = hash_bytes (h, &edited->n_plants, sizeof edited->n_plants);
      h = hash_bytes (h, edited->plants, sizeof edited->plants[0] * (gsize) MAX (0, edited->n_plants));
    }
  /* Which plants build in the year shown (a ring or a disc), and the notes
   * their read-outs give. */
  for (int i = 0; edited != NULL && i < edited->n_plants && i < LF_MAX_PLANTS; i++)
    {
      guint8 builds = lf_chart_map_plant_builds (data, i);

      h = hash_bytes (h, &builds, 1);
      if (data->plant_note[i] != NULL)
        h = hash_bytes (h, data->plant_note[i], strlen (data->plant_note[i]) + 1);
    }
  h = hash_bytes (h, &data->n_runs, sizeof data->n_runs);
  h = hash_bytes (h, &data->edited_run, sizeof data->edited_run);
  h = hash_bytes (h, &data->difference_from, sizeof data->difference_from);
  for (int r = 0; data->runs != NULL && r < data->n_runs; r++)
    {
      const LfScenario *s = data->runs[r].scenario;

      if (data->runs[r].name != NULL)
        h = hash_bytes (h, data->runs[r].name, strlen (data->runs[r].name));
      if (s == NULL)
        continue;
      h = hash_bytes (h, &s->n_plants, sizeof s->n_plants);
      h = hash_bytes (h, s->plants, sizeof s->plants[0] * (gsize) MAX (0, s->n_plants));
    }
  return h;
}

static gboolean
update_description_idle (gpointer data)
{
  LfChartView *self = data;
  g_autofree char *text = NULL;

  self->describe_id = 0;
  if (!self->has_data)
    return G_SOURCE_REMOVE;
  text = lf_chart_describe (self->kind, &self->data);
  /* Each update is a message to assistive technology: only real changes. */
  if (g_strcmp0 (text, self->description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&text);
    }
  return G_SOURCE_REMOVE;
}

/* The description follows the data once the frame that shows it is out:
 * a slider drag redraws first and tells a screen reader after. */
static void
update_description (LfChartView *self)
{
  if (self->describe_id == 0)
    self->describe_id = g_idle_add_full (G_PRIORITY_LOW, update_description_idle, self, NULL);
}

static gboolean
draw_next_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
forget_parts (LfChartView *self)
{
  for (int i = 0; i < LF_N_CHART_PARTS; i++)
    {
      g_clear_pointer (&self->part_nodes[i], gsk_render_node_unref);
      g_clear_pointer (&self->part_keys[i], g_free);
    }
}

/* A time-series chart, part by part. GTK redraws the area of every node that
 * is not the one it drew before; the axes and the legend (their tick labels
 * and words, most of a chart's drawing) are the same nodes again while
 * their keys stay, so a slider's step draws again only the panels' data, and
 * only within the panels. */
static void
snapshot_parts (LfChartView *self, GtkSnapshot *snapshot, LfChartParts *parts)
{
  for (int part = 0; part < LF_N_CHART_PARTS; part++)
    {
      const char *key = lf_chart_parts_get_key (parts, part);
      GskRenderNode *node;

      if (part == LF_CHART_PART_READOUT && self->hover_year < 0)
        continue;
      if (key != NULL && self->part_nodes[part] != NULL && strcmp (key, self->part_keys[part]) == 0)
        node = gsk_render_node_ref (self->part_nodes[part]);
      else
        {
          double x, y, bw, bh;
          cairo_t *cr;

          lf_chart_parts_get_bounds (parts, part, &x, &y, &bw, &bh);
          node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, y, bw, bh));
          cr = gsk_cairo_node_get_draw_context (node);
          lf_chart_parts_draw (parts, part, cr);
          cairo_destroy (cr);
          if (key != NULL)
            {
              g_clear_pointer (&self->part_nodes[part], gsk_render_node_unref);
              self->part_nodes[part] = gsk_render_node_ref (node);
              g_free (self->part_keys[part]);
              self->part_keys[part] = g_strdup (key);
            }
        }
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}

static void
lf_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LfChartView *self = LF_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_t *cr;
  LfChartData data;
  g_autoptr(LfChartParts) parts = NULL;

  if (!self->has_data || w <= 0 || h <= 0)
    return;
  /* The map's first drawing reads and draws every outline of North America
   * (tens of milliseconds): the window's first frame goes out without it,
   * and the map follows in the next. */
  if (self->kind == LF_CHART_MAP && !self->shown_once)
    {
      self->shown_once = TRUE;
      gtk_widget_add_tick_callback (widget, draw_next_frame_cb, NULL, NULL);
      return;
    }
  data = self->data;
  data.dark = self->dark;
  data.hover_year = self->hover_year;
  data.selected_plant = self->selected_plant;
  data.hover_plant = self->hover_plant;
  if (self->text_cache == NULL)
    self->text_cache = lf_text_cache_new ();
  data.text_cache = self->text_cache;
  lf_trace ("chart-draw-begin %s", lf_chart_kind_to_string (self->kind));
  parts = lf_chart_parts_new (self->kind, &data, w, h);
  if (parts != NULL)
    snapshot_parts (self, snapshot, parts);
  else
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
      lf_chart_draw (cr, self->kind, &data, w, h);
      cairo_destroy (cr);
    }
  lf_trace ("chart-draw-end %s", lf_chart_kind_to_string (self->kind));
}

/* For the benchmarks: where the chart is in its X window (the surface), so
 * its pixels can be watched. */
static void
lf_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkNative *native;
  graphene_rect_t bounds;
  double sx, sy;

  if (!lf_trace_enabled ())
    return;
  native = gtk_widget_get_native (widget);
  if (native == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds))
    return;
  gtk_native_get_surface_transform (native, &sx, &sy);
  lf_trace ("chart-bounds %s %d %d %d %d", lf_chart_kind_to_string (LF_CHART_VIEW (widget)->kind),
            (int) (bounds.origin.x + sx), (int) (bounds.origin.y + sy), width, height);
}

static void
on_motion_cb (GtkEventControllerMotion *motion, double x, double y, LfChartView *self)
{
  int year = -1;

  if (self->kind == LF_CHART_MAP)
    {
      /* The plant under the pointer gets its read-out. */
      int plant = self->has_data
                  ? lf_chart_map_hit_test (&self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                           gtk_widget_get_height (GTK_WIDGET (self)), x, y)
                  : -1;

      if (plant != self->hover_plant)
        {
          self->hover_plant = plant;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      return;
    }
  year = lf_chart_year_at (self->kind, gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), x);
  if (year != self->hover_year)
    {
      self->hover_year = year;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave_cb (GtkEventControllerMotion *motion, LfChartView *self)
{
  if (self->hover_plant != -1)
    {
      self->hover_plant = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (self->hover_year != -1)
    {
      self->hover_year = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_click_cb (GtkGestureClick *click, int n_press, double x, double y, LfChartView *self)
{
  int plant;

  if (self->kind != LF_CHART_MAP || !self->has_data)
    return;
  plant = lf_chart_map_hit_test (&self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (plant >= 0)
    g_signal_emit (self, signals[PLANT_ACTIVATED], 0, plant);
}

static void
lf_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  /* Small enough to fit a phone, large enough to read. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 300;
}

static void
lf_chart_view_dispose (GObject *object)
{
  LfChartView *self = LF_CHART_VIEW (object);

  g_clear_handle_id (&self->describe_id, g_source_remove);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->text_cache, lf_text_cache_free);
  forget_parts (self);
  G_OBJECT_CLASS (lf_chart_view_parent_class)->dispose (object);
}

static void
lf_chart_view_class_init (LfChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lf_chart_view_dispose;

  widget_class->snapshot = lf_chart_view_snapshot;
  widget_class->measure = lf_chart_view_measure;
  widget_class->size_allocate = lf_chart_view_size_allocate;

  /**
   * LfChartView::plant-activated:
   * A plant marker on the map was clicked; the argument is its index.
   */
  signals[PLANT_ACTIVATED] = g_signal_new ("plant-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
lf_chart_view_init (LfChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover_year = -1;
  self->selected_plant = -1;
  self->hover_plant = -1;
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
lf_chart_view_new (LfChartKind kind)
{
  LfChartView *self = g_object_new (LF_TYPE_CHART_VIEW, NULL);

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lf_chart_kind_get_title (kind), -1);
  return GTK_WIDGET (self);
}

/**
 * lf_chart_view_set_kind:
 * Shows another chart of the same data: its title becomes the accessible
 * label, and the description follows.
 */
void
lf_chart_view_set_kind (LfChartView *self, LfChartKind kind)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));
  g_return_if_fail (kind < LF_N_CHARTS);
  if (self->kind == kind)
    return;
  self->kind = kind;
  self->hover_year = -1;
  self->shown_once = FALSE;
  self->plants_hash = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lf_chart_kind_get_title (kind), -1);
  if (self->has_data)
    update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LfChartKind
lf_chart_view_get_kind (LfChartView *self)
{
  g_return_val_if_fail (LF_IS_CHART_VIEW (self), LF_CHART_SHARE);
  return self->kind;
}

/**
 * lf_chart_view_set_data:
 * The pointers inside @data must stay valid until the next call.
 */
void
lf_chart_view_set_data (LfChartView *self, const LfChartData *data)
{
  gboolean had_data;

  g_return_if_fail (LF_IS_CHART_VIEW (self));
  had_data = self->has_data;
  self->data = *data;
  self->has_data = TRUE;
  /* The map shows plants, not projections: a tariff moving leaves it as it is. */
  if (self->kind == LF_CHART_MAP)
    {
      guint64 hash = plants_hash (data);

      if (had_data && hash == self->plants_hash)
        return;
      self->plants_hash = hash;
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lf_chart_view_set_dark (LfChartView *self, gboolean dark)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));
  if (self->dark == dark)
    return;
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lf_chart_view_set_selected_plant (LfChartView *self, int plant)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));
  if (self->selected_plant == plant)
    return;
  self->selected_plant = plant;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
