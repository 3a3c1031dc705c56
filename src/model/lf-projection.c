/* lf-projection.c: the scenario model, year by year (equations: docs/model.md). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-projection.h"

#define RULE_FIRST_YEAR    2027   /* software ban from model year 2027 (BIS final rule) */
#define MAX_INCUMBENT_CUT  0.15
#define MAX_ITERATIONS     200
#define TOLERANCE          1e-9

typedef struct {
  double elasticity, beta, speed, consider, pass_through, response;
} Behaviour;

/* Per-year policy, resolved from the scenario's values and steps. */
typedef struct {
  double tariff[LF_N_ORIGINS][LF_N_YEARS];
  double rule[LF_N_YEARS];
  double quota[LF_N_YEARS];
  double credit[LF_N_YEARS];
  double exclude[LF_N_YEARS];
  double partnership[LF_N_YEARS];
  double fee[LF_N_YEARS];
} Policy;

static void
resolve_policy (const LfScenario *s, Policy *pol)
{
  lf_scenario_resolve (s, LF_PARAM_TARIFF_CHINA, pol->tariff[LF_ORIGIN_CHINA]);
  lf_scenario_resolve (s, LF_PARAM_TARIFF_MEXICO, pol->tariff[LF_ORIGIN_MEXICO]);
  lf_scenario_resolve (s, LF_PARAM_TARIFF_CANADA, pol->tariff[LF_ORIGIN_CANADA]);
  memset (pol->tariff[LF_ORIGIN_US], 0, sizeof pol->tariff[LF_ORIGIN_US]);
  lf_scenario_resolve (s, LF_PARAM_RULE_CONNECTED_VEHICLE, pol->rule);
  lf_scenario_resolve (s, LF_PARAM_QUOTA_CHINA, pol->quota);
  lf_scenario_resolve (s, LF_PARAM_CREDIT_EV_USD, pol->credit);
  /* 2025 is the calibration year: it shows what happened, and the credit of
   * that year is already in its actual sales. A credit acts from 2026. */
  pol->credit[0] = 0.0;
  lf_scenario_resolve (s, LF_PARAM_CREDIT_EXCLUDE_CHINESE, pol->exclude);
  lf_scenario_resolve (s, LF_PARAM_FORD_PARTNERSHIP, pol->partnership);
  lf_scenario_resolve (s, LF_PARAM_FORD_PARTNER_FEE_USD, pol->fee);
}

static void
behaviour_from_scenario (const LfScenario *s, Behaviour *bh)
{
  bh->elasticity = s->value[LF_PARAM_PRICE_ELASTICITY];
  bh->beta = s->value[LF_PARAM_CHOICE_PRICE_COEF];
  bh->speed = s->value[LF_PARAM_ACCEPTANCE_SPEED];
  bh->consider = s->value[LF_PARAM_CONSIDERATION_CAP];
  bh->pass_through = s->value[LF_PARAM_PASS_THROUGH];
  bh->response = s->value[LF_PARAM_INCUMBENT_RESPONSE];
}

/* Capacity a plant can deliver in a year: ramped from its start, and zero
 * where a rule or the lack of a Ford partnership keeps it idle. */
static double
plant_capacity (const LfScenario *s, const Policy *pol, const LfPlant *p, int y)
{
  const LfBaseline *b = s->baseline;
  const LfSite *site = &b->sites[p->site];
  const LfMaker *maker = &b->makers[p->maker];
  int year = LF_FIRST_YEAR + y;
  int start = lf_plant_effective_start (s, p);
  int rule = (int) pol->rule[y];

  if (year < start || p->capacity <= 0)
    return 0.0;
  if (maker->chinese_controlled && rule != LF_RULE_OFF && year >= RULE_FIRST_YEAR &&
      !(rule == LF_RULE_US_WAIVER && site->origin == LF_ORIGIN_US))
    return 0.0;
  if (site->ford_owned && pol->partnership[y] < 0.5)
    return 0.0;
  return p->capacity * site->ramp[MIN (year - start, 2)];
}

/* One run of the model. With @entry FALSE no entrant plant runs: the
 * no-entry counterfactual of the same scenario. Writes the scenario-side
 * series (or, for the counterfactual, only what Ford's no-entry series need). */
typedef struct {
  double ev[LF_N_YEARS];
  double lv[LF_N_YEARS];
  double ford_tier[LF_N_TIERS][LF_N_YEARS];
  double ford_ebit[LF_N_YEARS];
  double ford_revenue[LF_N_YEARS];
  double avg_price[LF_N_YEARS];
  double tariff_revenue[LF_N_YEARS];
  double partner_income[LF_N_YEARS];
  double jobs[LF_N_YEARS];
} RunTotals;

static void
run (const LfScenario *s, const Policy *pol, const Behaviour *bh, gboolean entry,
     RunTotals *tot, LfProjection *out)
{
  const LfBaseline *b = s->baseline;
  const int np = entry ? s->n_plants : 0;
  const double cpt = b->credit_pass_through;
  int first_year[LF_MAX_MAKERS];
  double ref_price = 0.0;

  for (int m = 0; m < LF_MAX_MAKERS; m++)
    first_year[m] = -1;

  for (int y = 0; y < LF_N_YEARS; y++)
    {
      double cap[LF_MAX_PLANTS], maker_cap[LF_MAX_MAKERS] = { 0 };
      double u[LF_MAX_PLANTS][LF_N_TIERS];          /* weight before scarcity */
      double sticker[LF_MAX_PLANTS][LF_N_TIERS];    /* price before credit and scarcity */
      double paid[LF_MAX_PLANTS][LF_N_TIERS];       /* after credit, before scarcity */
      double base_price[LF_MAX_PLANTS][LF_N_TIERS]; /* before tariff: the customs basis */
      double f[LF_MAX_PLANTS];                      /* capacity factor: price rises until demand fits */
      double q = 0.0;                               /* the quota's tariff equivalent (fraction of price) */
      double k[LF_MAX_PLANTS];                      /* pre-tariff price / tier price */
      double g[LF_MAX_PLANTS];                      /* the two together */
      gboolean china_built[LF_MAX_PLANTS];
      double W_inc[LF_N_TIERS], W0[LF_N_TIERS], cut[LF_N_TIERS];
      double inc_sticker[LF_N_TIERS], inc_paid[LF_N_TIERS];
      double W[LF_N_TIERS], S[LF_N_TIERS];
      double D[LF_MAX_PLANTS], D_tier[LF_MAX_PLANTS][LF_N_TIERS];
      double ev = 0.0, lv = b->lv_sales[y];
      double credit = pol->credit[y] * cpt;
      gboolean any_supply = FALSE;

      ref_price = 0.0;
      for (int t = 0; t < LF_N_TIERS; t++)
        ref_price += b->tier_share[t][y] * b->tier_price[t];

      for (int p = 0; p < np; p++)
        {
          cap[p] = plant_capacity (s, pol, &s->plants[p], y);
          f[p] = g[p] = 1.0;
          china_built[p] = b->sites[s->plants[p].site].origin == LF_ORIGIN_CHINA;
          k[p] = b->makers[s->plants[p].maker].price_factor * b->sites[s->plants[p].site].cost_factor;
          /* A zero quota shuts China-built imports out. */
          if (china_built[p] && pol->quota[y] <= 0)
            cap[p] = 0.0;
          maker_cap[s->plants[p].maker] += cap[p];
        }
      for (int m = 0; m < b->n_makers; m++)
        if (maker_cap[m] > 0 && first_year[m] < 0)
          first_year[m] = y;

      for (int t = 0; t < LF_N_TIERS; t++)
        {
          double P = b->tier_price[t];

          for (int p = 0; p < np; p++)
            {
              const LfPlant *pl = &s->plants[p];
              const LfMaker *mk = &b->makers[pl->maker];
              const LfSite *site = &b->sites[pl->site];
              double years, acceptance;

              base_price[p][t] = P * mk->price_factor * site->cost_factor;
              sticker[p][t] = base_price[p][t] *
                              (1.0 + bh->pass_through * pol->tariff[site->origin][y] / 100.0);
              paid[p][t] = sticker[p][t] -
                           (mk->chinese_controlled && pol->exclude[y] >= 0.5 ? 0.0 : credit);
              if (cap[p] <= 0 || mk->appeal[t] <= 0)
                {
                  u[p][t] = 0.0;
                  continue;
                }
              years = y - first_year[pl->maker] + 1;
              acceptance = 1.0 - exp (-bh->speed * years);
              acceptance = bh->consider * acceptance * acceptance;
              u[p][t] = mk->appeal[t] * acceptance * (cap[p] / maker_cap[pl->maker]) *
                        exp (-bh->beta * (paid[p][t] / P - 1.0));
              any_supply = TRUE;
            }
          cut[t] = 0.0;
          W0[t] = exp (-bh->beta * ((P - credit) / P - 1.0));
        }

      /* Find the scarcity factors: demand beyond a plant's capacity (or the
       * quota) raises that plant's price until what buyers want fits; the
       * buyers it turns away choose among the others. */
      for (int iter = 0; iter < MAX_ITERATIONS; iter++)
        {
          double norm = 0.0, avg_paid = 0.0, cn_total = 0.0, share;
          gboolean changed = FALSE;

          for (int p = 0; p < np; p++)
            g[p] = china_built[p] ? f[p] * exp (-bh->beta * k[p] * q) : f[p];
          for (int t = 0; t < LF_N_TIERS; t++)
            {
              double P = b->tier_price[t];
              double entrants = 0.0, gap = 0.0;

              /* Incumbents cut prices against the threat: the share entrants
               * would take at the incumbents' list price, times how far below
               * it they sell (scarcity markup included). Taking the threat, not
               * the share after the cut, keeps the answer free of feedback. */
              for (int p = 0; p < np; p++)
                if (u[p][t] > 0 && g[p] > 0)
                  entrants += g[p] * u[p][t];
              for (int p = 0; p < np; p++)
                if (u[p][t] > 0 && g[p] > 0)
                  gap += g[p] * u[p][t] / (W0[t] + entrants) *
                         MAX (0.0, 1.0 - (sticker[p][t] - log (g[p]) * P / bh->beta) / P);
              cut[t] = MIN (MAX_INCUMBENT_CUT, bh->response * gap);
              inc_sticker[t] = P * (1.0 - cut[t]);
              inc_paid[t] = inc_sticker[t] - credit;
              W_inc[t] = exp (-bh->beta * (inc_paid[t] / P - 1.0));
            }
          for (int t = 0; t < LF_N_TIERS; t++)
            {
              W[t] = W_inc[t];
              for (int p = 0; p < np; p++)
                W[t] += g[p] * u[p][t];
              S[t] = b->tier_share[t][y] * pow (W[t] / W0[t], b->nest_lambda);
              norm += S[t];
            }
          for (int t = 0; t < LF_N_TIERS; t++)
            {
              double P = b->tier_price[t];
              S[t] /= norm;
              avg_paid += S[t] * W_inc[t] / W[t] * inc_paid[t];
              for (int p = 0; p < np; p++)
                if (u[p][t] > 0 && g[p] > 0)
                  avg_paid += S[t] * g[p] * u[p][t] / W[t] *
                              (paid[p][t] - log (g[p]) * P / bh->beta);
            }
          share = b->ev_share[y] * pow (MAX (avg_paid, 1.0) / ref_price, bh->elasticity);
          ev = lv * MIN (share, b->max_ev_share);

          for (int p = 0; p < np; p++)
            {
              D[p] = 0.0;
              for (int t = 0; t < LF_N_TIERS; t++)
                {
                  D_tier[p][t] = u[p][t] > 0 ? ev * S[t] * g[p] * u[p][t] / W[t] : 0.0;
                  D[p] += D_tier[p][t];
                }
              if (china_built[p])
                cn_total += D[p];
            }
          if (!any_supply)
            break;

          /* Newton steps in log space towards demand = capacity, never above 1:
           * a plant's demand moves with its factor at elasticity 1 − (its share
           * of the tier), so dividing by that converges in a few steps even for
           * a plant that dominates its tier. */
          for (int p = 0; p < np; p++)
            {
              double own = 0.0, target, step;

              if (D[p] <= 0 || (f[p] >= 1.0 && D[p] <= cap[p]))
                continue;
              for (int t = 0; t < LF_N_TIERS; t++)
                if (u[p][t] > 0)
                  own += D_tier[p][t] * g[p] * u[p][t] / W[t];
              own /= D[p];
              step = log (cap[p] / D[p]) / MAX (1.0 - own, 0.05);
              target = MIN (1.0, f[p] * exp (CLAMP (step, -2.0, 2.0)));
              if (fabs (target - f[p]) > TOLERANCE * f[p])
                changed = TRUE;
              f[p] = target;
            }
          /* A binding quota acts as a tariff: its rate q is found like a price,
           * and since it stacks on the tariff, a higher tariff under a binding
           * quota only lowers q and changes nothing else. */
          if (cn_total > 0 && isfinite (pol->quota[y]) && (q > 0 || cn_total > pol->quota[y]))
            {
              double own = 0.0, kbar = 0.0, step, target;

              for (int t = 0; t < LF_N_TIERS; t++)
                {
                  double tier_cn = 0.0, tier_units = 0.0;
                  for (int p = 0; p < np; p++)
                    if (china_built[p] && u[p][t] > 0)
                      {
                        tier_cn += g[p] * u[p][t] / W[t];
                        tier_units += D_tier[p][t];
                      }
                  own += tier_units * tier_cn;
                }
              for (int p = 0; p < np; p++)
                if (china_built[p])
                  kbar += D[p] * k[p];
              own /= cn_total;
              kbar /= cn_total;
              step = log (cn_total / pol->quota[y]) / (bh->beta * kbar * MAX (1.0 - own, 0.05));
              target = MAX (0.0, q + CLAMP (step, -2.0, 2.0));
              if (fabs (target - q) > TOLERANCE)
                changed = TRUE;
              q = target;
            }
          if (!changed)
            break;
        }

      /* What rounding leaves above a limit goes to the incumbents, so sales
       * never exceed capacity or quota and the market total is kept. */
      {
        double inc_units[LF_N_TIERS];
        double cn_total = 0.0;

        for (int t = 0; t < LF_N_TIERS; t++)
          inc_units[t] = ev * S[t] * W_inc[t] / W[t];
        for (int p = 0; p < np; p++)
          {
            D[p] = 0.0;
            for (int t = 0; t < LF_N_TIERS; t++)
              D[p] += D_tier[p][t];
            if (D[p] > cap[p])
              {
                double k = cap[p] / D[p];
                for (int t = 0; t < LF_N_TIERS; t++)
                  {
                    inc_units[t] += D_tier[p][t] * (1.0 - k);
                    D_tier[p][t] *= k;
                  }
                D[p] = cap[p];
              }
            if (china_built[p])
              cn_total += D[p];
          }
        if (isfinite (pol->quota[y]) && cn_total > pol->quota[y])
          {
            double k = cn_total > 0 ? pol->quota[y] / cn_total : 0.0;
            for (int p = 0; p < np; p++)
              if (china_built[p])
                {
                  for (int t = 0; t < LF_N_TIERS; t++)
                    {
                      inc_units[t] += D_tier[p][t] * (1.0 - k);
                      D_tier[p][t] *= k;
                    }
                  D[p] *= k;
                }
          }

        /* Totals for the year. */
        {
          double ford_units = 0.0, ebit = 0.0, price_sum = 0.0, ford_revenue = 0.0;
          double revenue = 0.0, income = 0.0, jobs = 0.0;

          for (int t = 0; t < LF_N_TIERS; t++)
            {
              double units = inc_units[t] * b->ford_share[t][y];
              tot->ford_tier[t][y] = units;
              ford_units += units;
              /* At transaction prices, after any cut: Ford's share of what buyers pay. */
              ford_revenue += units * inc_sticker[t];
              price_sum += inc_units[t] * inc_sticker[t];
            }
          for (int p = 0; p < np; p++)
            {
              const LfPlant *pl = &s->plants[p];
              const LfSite *site = &b->sites[pl->site];
              double fee_units = 0.0;

              for (int t = 0; t < LF_N_TIERS; t++)
                {
                  double markup = g[p] > 0 && g[p] < 1 ? -log (g[p]) * b->tier_price[t] / bh->beta : 0;
                  price_sum += D_tier[p][t] * (sticker[p][t] + markup);
                  revenue += D_tier[p][t] * base_price[p][t] * b->customs_value_factor *
                             pol->tariff[site->origin][y] / 100.0;
                  fee_units += D_tier[p][t];
                }
              if (site->ford_owned)
                income += fee_units * pol->fee[y];
              jobs += cap[p] * site->jobs_per_unit;
              if (out != NULL)
                {
                  out->plant_sales[p][y] = D[p];
                  out->plant_capacity[p][y] = cap[p];
                  out->maker_sales[pl->maker][y] += D[p];
                  out->series[LF_SERIES_CHINESE_CHINA_BUILT + site->origin][y] += D[p];
                  out->series[LF_SERIES_CHINESE_EV_SALES][y] += D[p];
                }
            }

          {
            double margin = b->ford_margin[y] +
                            b->ford_scale_gain * log2 (MAX (ford_units, 1.0) / b->ford_volume_ref);
            for (int t = 0; t < LF_N_TIERS; t++)
              ebit += tot->ford_tier[t][y] * (margin - cut[t] * b->tier_price[t]);
            ebit = ebit / 1e6 - b->ford_fixed_cost[y];
          }

          tot->lv[y] = lv;
          tot->ev[y] = ev;
          tot->ford_ebit[y] = ebit;
          tot->ford_revenue[y] = ford_revenue / 1e6;
          tot->avg_price[y] = ev > 0 ? price_sum / ev : ref_price;
          tot->tariff_revenue[y] = revenue / 1e6;
          tot->partner_income[y] = income / 1e6;
          tot->jobs[y] = jobs;
        }
      }
    }
}

static void
project_with (const LfScenario *s, const Policy *pol, const Behaviour *bh, LfProjection *out)
{
  RunTotals scen, none;

  memset (out, 0, sizeof *out);
  out->n_plants = s->n_plants;
  out->n_makers = s->baseline->n_makers;
  run (s, pol, bh, TRUE, &scen, out);
  run (s, pol, bh, FALSE, &none, NULL);

  for (int y = 0; y < LF_N_YEARS; y++)
    {
      double (*v)[LF_N_YEARS] = out->series;
      double ev = scen.ev[y];

      v[LF_SERIES_LV_SALES][y] = scen.lv[y];
      v[LF_SERIES_EV_SALES][y] = ev;
      v[LF_SERIES_EV_SHARE_PCT][y] = scen.lv[y] > 0 ? 100.0 * ev / scen.lv[y] : 0.0;
      v[LF_SERIES_CHINESE_SHARE_EV_PCT][y] =
        ev > 0 ? 100.0 * v[LF_SERIES_CHINESE_EV_SALES][y] / ev : 0.0;
      v[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y] =
        ev > 0 ? 100.0 * v[LF_SERIES_CHINESE_CHINA_BUILT][y] / ev : 0.0;
      v[LF_SERIES_FORD_EV_SALES][y] = 0.0;
      v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y] = 0.0;
      for (int t = 0; t < LF_N_TIERS; t++)
        {
          v[LF_SERIES_FORD_EV_ENTRY + t][y] = scen.ford_tier[t][y];
          v[LF_SERIES_FORD_EV_ENTRY_NO_ENTRY + t][y] = none.ford_tier[t][y];
          v[LF_SERIES_FORD_EV_SALES][y] += scen.ford_tier[t][y];
          v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y] += none.ford_tier[t][y];
        }
      v[LF_SERIES_FORD_EV_EBIT_MUSD][y] = scen.ford_ebit[y];
      v[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y] = none.ford_ebit[y];
      v[LF_SERIES_FORD_EV_REVENUE_MUSD][y] = scen.ford_revenue[y];
      v[LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD][y] = none.ford_revenue[y];
      v[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y] = scen.partner_income[y];
      v[LF_SERIES_TARIFF_REVENUE_MUSD][y] = scen.tariff_revenue[y];
      v[LF_SERIES_ENTRANT_NA_JOBS][y] = scen.jobs[y];
      v[LF_SERIES_AVG_EV_PRICE_USD][y] = scen.avg_price[y];
    }
}

/**
 * lf_project:
 * @scenario: a valid scenario (see lf_scenario_validate())
 * @out: (out caller-allocates): every series, 2025–2035
 *
 * Runs the scenario and its no-entry counterfactual with the scenario's own
 * (central) behavioural parameters.
 */
void
lf_project (const LfScenario *scenario, LfProjection *out)
{
  Policy pol;
  Behaviour bh;

  g_return_if_fail (scenario != NULL && out != NULL);
  g_return_if_fail (lf_scenario_validate (scenario, NULL));
  resolve_policy (scenario, &pol);
  behaviour_from_scenario (scenario, &bh);
  project_with (scenario, &pol, &bh, out);
}

/* ---- Monte Carlo --------------------------------------------------------- */

/* A triangular draw on [low, high] with its mode at the central value. */
static double
triangular (GRand *rand, const LfRange *r)
{
  double u = g_rand_double (rand);
  double span = r->high - r->low;
  double f;

  if (span <= 0)
    return r->central;
  f = (r->central - r->low) / span;
  if (u < f)
    return r->low + sqrt (u * span * (r->central - r->low));
  return r->high - sqrt ((1.0 - u) * span * (r->high - r->central));
}

/* Quickselect: the k-th smallest of a[0..n), partially reordering a. */
static double
select_kth (double *a, int n, int k)
{
  int lo = 0, hi = n - 1;

  while (lo < hi)
    {
      double pivot = a[(lo + hi) / 2];
      int i = lo, j = hi;
      while (i <= j)
        {
          while (a[i] < pivot) i++;
          while (a[j] > pivot) j--;
          if (i <= j)
            {
              double tmp = a[i]; a[i] = a[j]; a[j] = tmp;
              i++; j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
  return a[k];
}

/* Percentile with linear interpolation between order statistics. */
static double
percentile (double *a, int n, double q)
{
  double h = q * (n - 1);
  int lo = (int) floor (h);
  double x0 = select_kth (a, n, lo);
  double x1;

  if (lo + 1 >= n || h == lo)
    return x0;
  /* After selecting lo, the next order statistic is the minimum above it. */
  x1 = a[lo + 1];
  for (int i = lo + 2; i < n; i++)
    if (a[i] < x1)
      x1 = a[i];
  return x0 + (h - lo) * (x1 - x0);
}

/**
 * lf_monte_carlo:
 * @n_draws: 1 to %LF_MAX_DRAWS
 * @seed: the same seed gives the same bands
 * @cancellable: (nullable): checked between draws
 *
 * Draws the behavioural parameters from triangular distributions over their
 * low/central/high range in the baseline data, scaled around the scenario's
 * own values, and reports p10/p50/p90 of every series.
 * Returns: %FALSE if cancelled
 */
gboolean
lf_monte_carlo (const LfScenario *scenario, int n_draws, guint seed, LfBands *out,
                GCancellable *cancellable)
{
  const LfBaseline *b;
  g_autoptr(GRand) rand = NULL;
  g_autofree double *buf = NULL;
  Policy pol;
  Behaviour central;
  const LfRange *ranges[6];
  double *centre_values[6];
  LfProjection *proj;

  g_return_val_if_fail (scenario != NULL && out != NULL, FALSE);
  g_return_val_if_fail (n_draws >= 1 && n_draws <= LF_MAX_DRAWS, FALSE);

  b = scenario->baseline;
  resolve_policy (scenario, &pol);
  behaviour_from_scenario (scenario, &central);
  centre_values[0] = &central.elasticity;
  centre_values[1] = &central.beta;
  centre_values[2] = &central.speed;
  centre_values[3] = &central.consider;
  centre_values[4] = &central.pass_through;
  centre_values[5] = &central.response;
  for (int i = 0; i < 6; i++)
    ranges[i] = lf_baseline_get_range (b, lf_param_info (LF_PARAM_FIRST_BEHAVIOUR + i)->key);

  rand = g_rand_new_with_seed (seed);
  buf = g_new (double, (gsize) LF_N_SERIES * LF_N_YEARS * n_draws);
  proj = g_new (LfProjection, 1);

  for (int d = 0; d < n_draws; d++)
    {
      Behaviour bh = central;
      double *values[6] = { &bh.elasticity, &bh.beta, &bh.speed, &bh.consider,
                            &bh.pass_through, &bh.response };

      if (cancellable != NULL && (d & 31) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_free (proj);
          return FALSE;
        }
      for (int i = 0; i < 6; i++)
        {
          const LfParamInfo *info = lf_param_info (LF_PARAM_FIRST_BEHAVIOUR + i);
          double x = triangular (rand, ranges[i]);
          /* Scaled around the scenario's value, so a user who moves a
           * behavioural slider moves the band with it. */
          double v = ranges[i]->central != 0 ? *centre_values[i] * x / ranges[i]->central : x;
          *values[i] = CLAMP (v, info->min, info->max);
        }
      project_with (scenario, &pol, &bh, proj);
      for (int s = 0; s < LF_N_SERIES; s++)
        for (int y = 0; y < LF_N_YEARS; y++)
          buf[((gsize) s * LF_N_YEARS + y) * n_draws + d] = proj->series[s][y];
    }
  g_free (proj);

  out->n_draws = n_draws;
  out->seed = seed;
  for (int s = 0; s < LF_N_SERIES; s++)
    for (int y = 0; y < LF_N_YEARS; y++)
      {
        double *a = &buf[((gsize) s * LF_N_YEARS + y) * n_draws];
        out->p10[s][y] = percentile (a, n_draws, 0.10);
        out->p50[s][y] = percentile (a, n_draws, 0.50);
        out->p90[s][y] = percentile (a, n_draws, 0.90);
      }
  return TRUE;
}

/* ---- sensitivity (tornado) ------------------------------------------------ */

/* Policy levers swing over ranges people argue about; behavioural ones over
 * their low/high in the data (scaled around the scenario's value, as the
 * Monte Carlo draws are). */
static const struct { LfParam param; double low, high; } tornado_policy[] = {
  { LF_PARAM_TARIFF_CHINA, 0, 150 },          /* free trade to beyond today's 127.5 % */
  { LF_PARAM_TARIFF_MEXICO, 0, 100 },
  { LF_PARAM_TARIFF_CANADA, 0, 100 },
  { LF_PARAM_RULE_CONNECTED_VEHICLE, 0, 1 },  /* off, as published */
  { LF_PARAM_QUOTA_CHINA, 49000, INFINITY },  /* Canada's 2026 quota, none */
  { LF_PARAM_CREDIT_EV_USD, 0, 7500 },        /* none, the credit that ended in 2025 */
};

/**
 * lf_tornado:
 * @bars: (out caller-allocates): at least %LF_TORNADO_MAX entries
 *
 * Moves one lever at a time to its low and its high value, everything else as
 * in @scenario, and reports @series in @year. Sorted by swing, largest first.
 * Returns: the number of bars
 */
int
lf_tornado (const LfScenario *scenario, LfSeries series, int year, LfTornadoBar *bars)
{
  const LfBaseline *b;
  g_autoptr(LfScenario) s = NULL;
  g_autofree LfProjection *proj = g_new (LfProjection, 1);
  int n = 0;

  g_return_val_if_fail (scenario != NULL && bars != NULL, 0);
  g_return_val_if_fail (series < LF_N_SERIES && year >= LF_FIRST_YEAR && year <= LF_LAST_YEAR, 0);
  b = scenario->baseline;
  s = lf_scenario_copy (scenario);

  for (int i = 0; i < (int) G_N_ELEMENTS (tornado_policy) + LF_PARAM_LAST_BEHAVIOUR - LF_PARAM_FIRST_BEHAVIOUR + 1; i++)
    {
      gboolean policy = i < (int) G_N_ELEMENTS (tornado_policy);
      LfParam param = policy ? tornado_policy[i].param
                             : (LfParam) (LF_PARAM_FIRST_BEHAVIOUR + i - G_N_ELEMENTS (tornado_policy));
      LfTornadoBar *bar = &bars[n++];
      double ends[2];

      if (policy)
        {
          ends[0] = tornado_policy[i].low;
          ends[1] = tornado_policy[i].high;
        }
      else
        {
          const LfRange *r = lf_baseline_get_range (b, lf_param_info (param)->key);
          const LfParamInfo *info = lf_param_info (param);
          double v = scenario->value[param];
          gboolean scaled = v != r->central && r->central != 0;
          ends[0] = CLAMP (scaled ? v * r->low / r->central : r->low, info->min, info->max);
          ends[1] = CLAMP (scaled ? v * r->high / r->central : r->high, info->min, info->max);
        }
      bar->param = param;
      for (int k = 0; k < 2; k++)
        {
          /* The lever holds its value in every year: clear its steps. */
          lf_scenario_assign (s, scenario);
          lf_scenario_clear_steps (s, param);
          s->value[param] = ends[k];
          lf_project (s, proj);
          bar->value[k] = ends[k];
          bar->result[k] = lf_projection_get (proj, series, year);
        }
    }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && fabs (bars[j].result[1] - bars[j].result[0]) >
                           fabs (bars[j - 1].result[1] - bars[j - 1].result[0]); j--)
      {
        LfTornadoBar tmp = bars[j];
        bars[j] = bars[j - 1];
        bars[j - 1] = tmp;
      }
  return n;
}
