/* lf-attribution.c: where a change came from (see lf-attribution.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-attribution.h"
#include "lf-difference.h"
#include "lf-output.h"

typedef enum {
  ATOM_PARAM,
  ATOM_MAKER,
  ATOM_PLANT,
} AtomKind;

/* One line of lf_differences(), as something that can be switched. */
typedef struct {
  AtomKind kind;
  int      index;                     /* the parameter or the maker */
  char     id[LF_PLANT_ID_MAX + 1];   /* the plant */
  gboolean removal;                   /* the plant is in @from only */
} Atom;

/* A lever: one atom, or all the plants together when switching them one by
 * one could hold more plants than a scenario has room for. */
typedef struct {
  int first, n_atoms;
} Lever;

typedef struct {
  const LfScenario *from, *to;
  LfScenario       *work;
  Atom             *atoms;
  int               n_atoms;
  Lever            *levers;
  int               n_levers;
  LfSeries          series;
  int               year;
  LfProjection     *projection;
  int               n_projections;
} Ctx;

static gboolean
parse_atom (const LfScenario *s, const char *key, Atom *atom)
{
  const LfBaseline *b = s->baseline;
  int p = lf_param_lookup (key);

  memset (atom, 0, sizeof *atom);
  if (p >= 0)
    {
      atom->kind = ATOM_PARAM;
      atom->index = p;
      return TRUE;
    }
  if (g_str_has_prefix (key, "plant."))
    {
      atom->kind = ATOM_PLANT;
      g_strlcpy (atom->id, key + strlen ("plant."), sizeof atom->id);
      return TRUE;
    }
  if (g_str_has_prefix (key, "maker.") && g_str_has_suffix (key, ".authorised"))
    {
      gsize len = strlen (key) - strlen ("maker.") - strlen (".authorised");
      for (int m = 0; m < b->n_makers; m++)
        if (strlen (b->makers[m].id) == len && strncmp (b->makers[m].id, key + strlen ("maker."), len) == 0)
          {
            atom->kind = ATOM_MAKER;
            atom->index = m;
            return TRUE;
          }
    }
  return FALSE;
}

static void
apply_atom (LfScenario *w, const LfScenario *to, const Atom *atom)
{
  int i, j;

  switch (atom->kind)
    {
    case ATOM_PARAM:
      w->value[atom->index] = to->value[atom->index];
      memcpy (w->has_step[atom->index], to->has_step[atom->index], sizeof w->has_step[0]);
      memcpy (w->step[atom->index], to->step[atom->index], sizeof w->step[0]);
      break;
    case ATOM_MAKER:
      w->authorised[atom->index] = to->authorised[atom->index];
      break;
    case ATOM_PLANT:
      i = lf_scenario_find_plant (w, atom->id);
      j = lf_scenario_find_plant (to, atom->id);
      if (j < 0)
        lf_scenario_remove_plant (w, atom->id);
      else if (i >= 0)
        w->plants[i] = to->plants[j];
      else if (w->n_plants < LF_MAX_PLANTS)   /* always: see group_plants_if_needed() */
        w->plants[w->n_plants++] = to->plants[j];
      break;
    }
}

/* The result with the levers in @on set as in @to, the others as in @from.
 * Removals go first, so that a plant added never waits for room. */
static double
value_of (Ctx *c, const gboolean *on)
{
  LfScenario *w = c->work;

  memcpy (w->value, c->from->value, sizeof w->value);
  memcpy (w->has_step, c->from->has_step, sizeof w->has_step);
  memcpy (w->step, c->from->step, sizeof w->step);
  memcpy (w->authorised, c->from->authorised, sizeof w->authorised);
  w->n_plants = c->from->n_plants;
  memcpy (w->plants, c->from->plants, sizeof w->plants[0] * (gsize) c->from->n_plants);
  for (int pass = 0; pass < 2; pass++)
    for (int l = 0; l < c->n_levers; l++)
      if (on[l])
        for (int a = c->levers[l].first; a < c->levers[l].first + c->levers[l].n_atoms; a++)
          if ((c->atoms[a].kind == ATOM_PLANT && c->atoms[a].removal) == (pass == 0))
            apply_atom (w, c->to, &c->atoms[a]);
  lf_project (w, c->projection);
  c->n_projections++;
  return lf_projection_get (c->projection, c->series, c->year);
}

/* Switched one by one, plants are at most @from's plus those only @to has;
 * if that is more than a scenario holds, the plants are one lever. */
static gboolean
plants_fit (const LfScenario *from, const Atom *atoms, int n_atoms)
{
  int n = from->n_plants;

  for (int a = 0; a < n_atoms; a++)
    if (atoms[a].kind == ATOM_PLANT && lf_scenario_find_plant (from, atoms[a].id) < 0)
      n++;
  return n <= LF_MAX_PLANTS;
}

static void
exact_shapley (Ctx *c, double *phi, double *v_from, double *v_to, GCancellable *cancellable,
               gboolean *cancelled)
{
  int n = c->n_levers;
  gsize n_sets = (gsize) 1 << n;
  g_autofree double *v = g_new (double, n_sets);
  double weight[LF_ATTRIBUTION_EXACT_MAX + 1];
  gboolean on[LF_ATTRIBUTION_EXACT_MAX];

  /* weight[s] = s! (n - s - 1)! / n!: the share of orders in which a lever
   * joins a given set of s others. */
  for (int s = 0; s < n; s++)
    {
      double w = 1.0 / n;
      for (int k = 1; k <= s; k++)
        w *= (double) k / (double) (n - k);
      weight[s] = w;
    }
  for (gsize set = 0; set < n_sets; set++)
    {
      if ((set & 63) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          *cancelled = TRUE;
          return;
        }
      for (int l = 0; l < n; l++)
        on[l] = (set >> l) & 1;
      v[set] = value_of (c, on);
    }
  for (int l = 0; l < n; l++)
    {
      double sum = 0.0;
      for (gsize set = 0; set < n_sets; set++)
        if (!((set >> l) & 1))
          sum += weight[__builtin_popcountll (set)] * (v[set | ((gsize) 1 << l)] - v[set]);
      phi[l] = sum;
    }
  *v_from = v[0];
  *v_to = v[n_sets - 1];
}

/* Orders drawn with a fixed seed, each with its reverse: each order's steps
 * add up to the whole change, so their average does too. */
static void
sampled_shapley (Ctx *c, double *phi, double *v_from, double *v_to, GCancellable *cancellable,
                 gboolean *cancelled)
{
  int n = c->n_levers;
  g_autoptr(GRand) rand = g_rand_new_with_seed (LF_ATTRIBUTION_SEED);
  g_autofree int *order = g_new (int, n);
  g_autofree gboolean *on = g_new0 (gboolean, n);
  double base, full;

  base = value_of (c, on);
  for (int l = 0; l < n; l++)
    on[l] = TRUE;
  full = value_of (c, on);
  for (int k = 0; k < LF_ATTRIBUTION_SAMPLED_ORDERS; k++)
    {
      double prev = base;

      if (g_cancellable_is_cancelled (cancellable))
        {
          *cancelled = TRUE;
          return;
        }
      if (k % 2 == 0)
        {
          for (int l = 0; l < n; l++)
            order[l] = l;
          for (int l = n - 1; l > 0; l--)   /* Fisher–Yates */
            {
              int r = g_rand_int_range (rand, 0, l + 1), t = order[l];
              order[l] = order[r];
              order[r] = t;
            }
        }
      else
        for (int l = 0; l < n / 2; l++)
          {
            int t = order[l];
            order[l] = order[n - 1 - l];
            order[n - 1 - l] = t;
          }
      memset (on, 0, sizeof on[0] * (gsize) n);
      for (int l = 0; l < n; l++)
        {
          double now;
          on[order[l]] = TRUE;
          /* The last step is the whole scenario: known already. */
          now = l == n - 1 ? full : value_of (c, on);
          phi[order[l]] += (now - prev) / LF_ATTRIBUTION_SAMPLED_ORDERS;
          prev = now;
        }
    }
  *v_from = base;
  *v_to = full;
}

static int
compare_parts (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const int *ia = pa, *ib = pb;
  const double *phi = user_data;
  double a = fabs (phi[*ia]), b = fabs (phi[*ib]);

  if (a != b)
    return a > b ? -1 : 1;
  return *ia - *ib;
}

/**
 * lf_attribute:
 * @from: the scenario the change is measured from (current policy)
 * @to: the scenario it is measured to, on the same baseline
 * @series: the result
 * @year: its year
 * @cancellable: (nullable): checked between projections
 *
 * Splits lf_projection_get(@to) - lf_projection_get(@from) of @series in
 * @year among the levers that differ (lf_differences()), by their Shapley
 * values. With up to LF_ATTRIBUTION_EXACT_MAX levers every subset is
 * projected; with more, LF_ATTRIBUTION_SAMPLED_ORDERS orders drawn with
 * LF_ATTRIBUTION_SEED (in pairs, each with its reverse) are walked; either
 * way the parts add up to the whole change.
 *
 * Returns: (transfer full) (nullable): the parts, or NULL if cancelled
 */
LfAttribution *
lf_attribute (const LfScenario *from, const LfScenario *to, LfSeries series, int year,
              GCancellable *cancellable)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autofree LfProjection *projection = g_new0 (LfProjection, 1);
  g_autoptr(LfScenario) work = NULL;
  g_autofree Atom *atoms = NULL;
  g_autofree Lever *levers = NULL;
  g_autofree double *phi = NULL;
  g_autofree int *order = NULL;
  g_autofree int *part_atom = NULL;
  LfAttribution *out;
  Ctx c = { 0 };
  gboolean cancelled = FALSE, grouped;
  int n_atoms = 0;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (from->baseline == to->baseline, NULL);
  g_return_val_if_fail (series < LF_N_SERIES, NULL);
  g_return_val_if_fail (year >= LF_FIRST_YEAR && year <= LF_LAST_YEAR, NULL);

  diffs = lf_differences (from, to);
  atoms = g_new0 (Atom, MAX (diffs->len, 1));
  part_atom = g_new0 (int, MAX (diffs->len, 1));
  for (guint i = 0; i < diffs->len; i++)
    {
      const LfDifference *d = g_ptr_array_index (diffs, i);

      if (!parse_atom (from, d->key, &atoms[n_atoms]))
        {
          g_critical ("lf_attribute: a difference '%s' that is no lever", d->key);
          continue;
        }
      if (atoms[n_atoms].kind == ATOM_PLANT)
        atoms[n_atoms].removal = lf_scenario_find_plant (to, atoms[n_atoms].id) < 0;
      part_atom[n_atoms] = (int) i;
      n_atoms++;
    }

  /* One lever per atom, or the plants as one. */
  grouped = !plants_fit (from, atoms, n_atoms);
  levers = g_new0 (Lever, MAX (n_atoms, 1));
  if (grouped)
    {
      /* Plants last, together: sort the atoms so that they are contiguous. */
      g_autofree Atom *sorted = g_new (Atom, MAX (n_atoms, 1));
      g_autofree int *sorted_part = g_new (int, MAX (n_atoms, 1));
      int k = 0;
      for (int pass = 0; pass < 2; pass++)
        for (int a = 0; a < n_atoms; a++)
          if ((atoms[a].kind == ATOM_PLANT) == (pass == 1))
            {
              sorted[k] = atoms[a];
              sorted_part[k] = part_atom[a];
              k++;
            }
      memcpy (atoms, sorted, sizeof atoms[0] * (gsize) n_atoms);
      memcpy (part_atom, sorted_part, sizeof part_atom[0] * (gsize) n_atoms);
    }
  for (int a = 0; a < n_atoms; a++)
    {
      if (grouped && atoms[a].kind == ATOM_PLANT && c.n_levers > 0 &&
          atoms[levers[c.n_levers - 1].first].kind == ATOM_PLANT)
        {
          levers[c.n_levers - 1].n_atoms++;
          continue;
        }
      levers[c.n_levers++] = (Lever) { a, 1 };
    }

  work = lf_scenario_copy (from);
  c.from = from;
  c.to = to;
  c.work = work;
  c.atoms = atoms;
  c.n_atoms = n_atoms;
  c.levers = levers;
  c.series = series;
  c.year = year;
  c.projection = projection;

  out = g_new0 (LfAttribution, 1);
  out->series = series;
  out->year = year;
  out->exact = c.n_levers <= LF_ATTRIBUTION_EXACT_MAX;
  phi = g_new0 (double, MAX (c.n_levers, 1));
  if (c.n_levers == 0)
    {
      out->from = out->to = value_of (&c, NULL);
    }
  else if (out->exact)
    exact_shapley (&c, phi, &out->from, &out->to, cancellable, &cancelled);
  else
    sampled_shapley (&c, phi, &out->from, &out->to, cancellable, &cancelled);
  out->n_projections = c.n_projections;
  if (cancelled)
    {
      lf_attribution_free (out);
      return NULL;
    }

  order = g_new (int, MAX (c.n_levers, 1));
  for (int l = 0; l < c.n_levers; l++)
    order[l] = l;
  g_qsort_with_data (order, c.n_levers, sizeof order[0], compare_parts, phi);

  out->n_parts = c.n_levers;
  out->parts = g_new0 (LfAttributionPart, MAX (c.n_levers, 1));
  for (int k = 0; k < c.n_levers; k++)
    {
      const Lever *lever = &levers[order[k]];
      LfAttributionPart *part = &out->parts[k];

      part->contribution = phi[order[k]];
      if (lever->n_atoms == 1)
        {
          const LfDifference *d = g_ptr_array_index (diffs, part_atom[lever->first]);
          part->key = g_strdup (d->key);
          part->label = g_strdup (d->label);
          part->from_words = g_strdup (d->a);
          part->to_words = g_strdup (d->b);
        }
      else
        {
          part->key = g_strdup ("plants");
          /* Translators: every plant that differs, taken as one lever */
          part->label = g_strdup (_("Plants"));
          part->from_words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d plant", "%d plants",
                                                           (gulong) from->n_plants), from->n_plants);
          part->to_words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d plant", "%d plants",
                                                         (gulong) to->n_plants), to->n_plants);
        }
    }
  return out;
}

void
lf_attribution_free (LfAttribution *a)
{
  if (a == NULL)
    return;
  for (int i = 0; i < a->n_parts; i++)
    {
      g_free (a->parts[i].key);
      g_free (a->parts[i].label);
      g_free (a->parts[i].from_words);
      g_free (a->parts[i].to_words);
    }
  g_free (a->parts);
  g_free (a);
}

/* The parts added up: the whole change, to rounding. */
double
lf_attribution_sum (const LfAttribution *a)
{
  double sum = 0.0;

  g_return_val_if_fail (a != NULL, 0.0);
  for (int i = 0; i < a->n_parts; i++)
    sum += a->parts[i].contribution;
  return sum;
}

/* Whether there is no change to split: no lever differs, or none moves
 * the result (every part and the whole change zero, to rounding). */
gboolean
lf_attribution_is_empty (const LfAttribution *a)
{
  double scale;

  g_return_val_if_fail (a != NULL, TRUE);
  scale = 1e-9 * MAX (1.0, MAX (fabs (a->from), fabs (a->to)));
  if (fabs (a->to - a->from) > scale)
    return FALSE;
  for (int i = 0; i < a->n_parts; i++)
    if (fabs (a->parts[i].contribution) > scale)
      return FALSE;
  return TRUE;
}

static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6f", v == 0.0 ? 0.0 : v));
}

/**
 * lf_attribution_to_csv:
 *
 * One row per lever (key, label, its value in each scenario, its part),
 * largest part first, then a row "total" whose value columns hold the
 * result in each scenario and whose part is the whole change. Numbers in
 * the C locale.
 *
 * Returns: (transfer full)
 */
char *
lf_attribution_to_csv (const LfAttribution *a)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (a != NULL, g_string_free (out, FALSE));

  g_string_append_printf (out, "key,lever,current_policy,scenario,%s_%d_contribution\n",
                          lf_series_name (a->series), a->year);
  for (int i = 0; i < a->n_parts; i++)
    {
      const LfAttributionPart *p = &a->parts[i];

      lf_output_append_csv_field (out, p->key);
      g_string_append_c (out, ',');
      lf_output_append_csv_field (out, p->label);
      g_string_append_c (out, ',');
      lf_output_append_csv_field (out, p->from_words);
      g_string_append_c (out, ',');
      lf_output_append_csv_field (out, p->to_words);
      g_string_append_c (out, ',');
      append_number (out, p->contribution);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "total,");
  /* Translators: the last row of an attribution: every lever together */
  lf_output_append_csv_field (out, _("All levers"));
  g_string_append_c (out, ',');
  append_number (out, a->from);
  g_string_append_c (out, ',');
  append_number (out, a->to);
  g_string_append_c (out, ',');
  append_number (out, a->to - a->from);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
