/* lf-chart-validation.c: the backtest — observed Chinese-brand shares
 * (points) against the model with the US projection's parameters (solid
 * lines) and with the fitted ones (dashed), one colour per market.
 *
 * Shares of all new cars and shares of EV sales are drawn in two panels
 * side by side: they differ by a factor of ten and mean different things.
 * The lines are computed here from LfChartData.validation (lf-validate.h).
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

#define AXIS_LABEL_W 44.0
#define PANEL_GAP    36.0
#define TITLE_H      22.0
#define YEARS_H      24.0
#define POINT_R      5.0
#define MAX_ITEMS    (LF_VALIDATION_MAX_MARKETS + 2)

/* The markets' names as data/validation.json spells them, for translation. */
static const char * const market_names[] G_GNUC_UNUSED = {
  N_("Norway"), N_("Israel"), N_("Mexico"), N_("United Kingdom"), N_("United Kingdom (EV sales)"), N_("Australia"),
  N_("Thailand"), N_("Brazil"), N_("Europe"),
};

typedef struct {
  LfRect           rect;
  LfValidationBase base;
  int              first_year, last_year;
  double           max, step;
  int              n_markets;
} Panel;

/* The market a series belongs to: the first series whose id is its id or a
 * prefix of it before a '-' ("united-kingdom" for "united-kingdom-ev"). */
static int
root_of (const LfValidation *v, int i)
{
  for (int j = 0; j < i; j++)
    {
      gsize n = strlen (v->markets[j].id);

      if (strncmp (v->markets[i].id, v->markets[j].id, n) == 0 &&
          (v->markets[i].id[n] == '\0' || v->markets[i].id[n] == '-'))
        return root_of (v, j);
    }
  return i;
}

/* One colour per market, the same for its series in both panels. */
static LfColor
market_color (const LfPalette *pal, const LfValidation *v, int i)
{
  int root = root_of (v, i), k = 0;

  for (int j = 0; j < root; j++)
    if (root_of (v, j) == j)
      k++;
  return lf_palette_maker_color (pal, k);
}

static double
nice_step (double hi, double n)
{
  double raw = hi / MAX (n, 1.0), magnitude, norm;

  if (!(raw > 0) || !isfinite (raw))
    return 1.0;
  magnitude = pow (10.0, floor (log10 (raw)));
  norm = raw / magnitude;
  return (norm <= 1.0 ? 1.0 : norm <= 2.0 ? 2.0 : norm <= 2.5 ? 2.5 : norm <= 5.0 ? 5.0 : 10.0) * magnitude;
}

#define LEAD_YEARS 3

/* The first year a market's line is drawn: the year before its Chinese
 * brands arrived (share 0), but no more than LEAD_YEARS before its first
 * observation, so that long histories do not squeeze the observed years. */
static int
line_start (const LfValidationMarket *m)
{
  int start = MAX (m->first_year, MIN (m->arrival_year - 1, m->last_year));

  if (m->n_points > 0)
    start = MAX (start, m->points[0].year - LEAD_YEARS);
  return start;
}

static void
panel_extent (const LfValidation *v, Panel *p)
{
  double hi = 1.0;

  p->first_year = G_MAXINT;
  p->last_year = G_MININT;
  p->n_markets = 0;
  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];

      if (m->base != p->base)
        continue;
      p->n_markets++;
      p->first_year = MIN (p->first_year, line_start (m));
      p->last_year = MAX (p->last_year, m->last_year);
      for (int j = 0; j < m->n_points; j++)
        hi = MAX (hi, m->points[j].observed_pct);
      for (int y = line_start (m); y <= m->last_year; y++)
        {
          hi = MAX (hi, lf_validation_share_pct (&v->params, m, y));
          hi = MAX (hi, lf_validation_share_pct (&v->fitted, m, y));
        }
    }
  /* A panel with no market still gets a year axis (and no overflow). */
  if (p->n_markets == 0)
    {
      p->first_year = LF_VALIDATION_FIRST_YEAR;
      p->last_year = LF_VALIDATION_FIRST_YEAR + 1;
    }
  if (p->last_year <= p->first_year)
    p->last_year = p->first_year + 1;
  hi = MIN (hi, 100.0);
  p->step = nice_step (hi, 5.0);
  p->max = MIN (100.0, ceil (hi / p->step - 1e-9) * p->step);
  if (p->max < hi)
    p->max = hi;
}

static double
x_of (const Panel *p, double year)
{
  double pad = 10.0;
  return p->rect.x + pad + (year - p->first_year) / (double) (p->last_year - p->first_year) *
                           MAX (1.0, p->rect.width - 2.0 * pad);
}

static double
y_of (const Panel *p, double pct)
{
  return p->rect.y + p->rect.height - pct / p->max * p->rect.height;
}

static void
draw_panel (LfDraw *d, const LfValidation *v, const Panel *p)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  const LfRect *r = &p->rect;
  int n_ticks = (int) round (p->max / p->step);
  int span = p->last_year - p->first_year;
  int every = span > 12 ? 2 : 1;
  const char *title = p->base == LF_VALIDATION_BASE_EV
                      /* Translators: the y axis of a backtest panel; "%" is a plain percent sign */
                      /* xgettext:no-c-format */
                      ? _("Chinese-brand share of EV sales, %")
                      /* xgettext:no-c-format */
                      : _("Chinese-brand share of all new cars, %");

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  cairo_set_line_width (cr, 1.0);
  for (int i = 0; i <= n_ticks; i++)
    {
      double val = i * p->step;
      double y = round (y_of (p, val)) + 0.5;
      g_autofree char *label = lf_format_value (val, p->step < 1.0 ? 1 : 0);

      lf_set_source_color (cr, i == 0 ? &pal->axis : &pal->grid);
      cairo_move_to (cr, r->x, y);
      cairo_line_to (cr, r->x + r->width, y);
      cairo_stroke (cr);
      lf_draw_text (d, label, r->x - 8.0, y, LF_ALIGN_END, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
    }
  for (int year = p->first_year; year <= p->last_year; year++)
    {
      double x = round (x_of (p, year)) + 0.5;
      gboolean labelled = (year - p->first_year) % every == 0;

      lf_set_source_color (cr, &pal->axis);
      cairo_move_to (cr, x, r->y + r->height);
      cairo_line_to (cr, x, r->y + r->height + (labelled ? 5.0 : 3.0));
      cairo_stroke (cr);
      if (labelled)
        {
          char text[16];

          g_snprintf (text, sizeof text, "%d", year);
          lf_draw_text (d, text, x, r->y + r->height + 6.0, LF_ALIGN_CENTER, LF_ALIGN_START,
                        &pal->dim_foreground, NULL, NULL);
        }
    }
  lf_draw_text (d, title, r->x - AXIS_LABEL_W, r->y - 10.0, LF_ALIGN_START, LF_ALIGN_END,
                &pal->foreground, NULL, NULL);

  cairo_save (cr);
  cairo_rectangle (cr, r->x - POINT_R - 2.0, r->y - POINT_R - 2.0, r->width + 2.0 * POINT_R + 4.0,
                   r->height + 2.0 * POINT_R + 4.0);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];
      LfColor c = market_color (pal, v, i);

      if (m->base != p->base)
        continue;
      for (int pass = 0; pass < 2; pass++)
        {
          const LfValidationParams *params = pass == 0 ? &v->fitted : &v->params;

          for (int y = line_start (m); y <= m->last_year; y++)
            {
              double px = x_of (p, y), py = y_of (p, lf_validation_share_pct (params, m, y));
              if (y == line_start (m))
                cairo_move_to (cr, px, py);
              else
                cairo_line_to (cr, px, py);
            }
          lf_set_source_color (cr, &c);
          if (pass == 0)
            {
              static const double dash[] = { 6.0, 4.0 };
              cairo_set_dash (cr, dash, 2, 0.0);
              cairo_set_line_width (cr, 1.5);
            }
          else
            cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0.0);
        }
      for (int j = 0; j < m->n_points; j++)
        {
          const LfValidationPoint *pt = &m->points[j];

          cairo_new_sub_path (cr);
          cairo_arc (cr, x_of (p, pt->year), y_of (p, pt->observed_pct), POINT_R, 0, 2 * G_PI);
          lf_set_source_color (cr, &c);
          cairo_fill_preserve (cr);
          lf_set_source_color (cr, &pal->background);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

void
lf_chart_validation_draw (LfDraw *d)
{
  const LfValidation *v = d->data->validation;
  const LfPalette *pal = d->palette;
  LfLegendItem legend[MAX_ITEMS];
  double xs[MAX_ITEMS], ys[MAX_ITEMS];
  Panel panels[2];
  int n_panels = 0;
  guint n = 0;
  double legend_h, top, plot_h, x, w;

  if (v == NULL || v->n_markets == 0)
    {
      lf_draw_text (d, _("No backtest computed"), d->width / 2.0, d->height / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
      return;
    }

  for (int i = 0; i < v->n_markets && n < MAX_ITEMS - 2; i++)
    if (root_of (v, i) == i)
      legend[n++] = (LfLegendItem) { _(v->markets[i].name), market_color (pal, v, i), LF_SWATCH_DOT };
  legend[n++] = (LfLegendItem) { _("Model, US parameters"), pal->foreground, LF_SWATCH_LINE };
  legend[n++] = (LfLegendItem) { _("Model, fitted acceptance"), pal->foreground, LF_SWATCH_DASH };
  legend_h = ceil (lf_legend_layout (legend, n, d->width, xs, ys));
  lf_draw_legend (d, legend, n, d->width);

  for (int b = 0; b < 2; b++)
    {
      Panel *p = &panels[n_panels];

      p->base = b == 0 ? LF_VALIDATION_BASE_ALL : LF_VALIDATION_BASE_EV;
      panel_extent (v, p);
      if (p->n_markets > 0)
        n_panels++;
    }

  top = legend_h + 14.0 + TITLE_H;
  plot_h = MAX (1.0, d->height - top - YEARS_H);
  x = AXIS_LABEL_W;
  w = MAX (1.0, (d->width - AXIS_LABEL_W - 8.0 - (n_panels - 1) * (PANEL_GAP + AXIS_LABEL_W)) / MAX (n_panels, 1));
  for (int i = 0; i < n_panels; i++)
    {
      /* The panel of all cars spans more years: give it more width. */
      panels[i].rect = (LfRect) { x, top, w, plot_h };
      x += w + PANEL_GAP + AXIS_LABEL_W;
    }
  for (int i = 0; i < n_panels; i++)
    draw_panel (d, v, &panels[i]);
}

/* "Backtest over 6 markets and 19 observed years: with the US projection's
 * parameters the model is off by 9.1 points on average (bias +3.0) …" */
char *
lf_chart_validation_describe (const LfChartData *data)
{
  const LfValidation *v = data->validation;
  GString *s;
  g_autofree char *mae = NULL, *bias = NULL, *fmae = NULL, *k = NULL, *cap = NULL;

  if (v == NULL || v->n_markets == 0)
    return g_strdup (_("Backtest against markets that let Chinese brands in: not computed."));
  mae = lf_format_value (v->mae, 1);
  bias = lf_format_value (v->bias, 1);
  fmae = lf_format_value (v->fitted_mae, 1);
  k = lf_format_value (v->fitted.acceptance_speed, 2);
  cap = lf_format_value (v->fitted.consideration_cap, 2);
  s = g_string_new (NULL);
  g_string_append_printf (s, _("Backtest over %d markets and %d observed years: with the US projection's "
                               "parameters the modelled Chinese-brand share is off by %s points on average "
                               "(bias %s); with the acceptance speed and consideration cap fitted "
                               "(%s and %s), by %s points."),
                          v->n_markets, v->n_points, mae, bias, k, cap, fmae);
  for (int i = 0; i < v->n_markets; i++)
    {
      g_autofree char *m = lf_format_value (v->markets[i].mae, 1);
      g_autofree char *b = lf_format_value (v->markets[i].bias, 1);

      /* TRANSLATORS: a market, its mean absolute error and its bias, in percentage points */
      g_string_append_printf (s, _(" %s: %s points (bias %s)."), _(v->markets[i].name), m, b);
    }
  return g_string_free (s, FALSE);
}
