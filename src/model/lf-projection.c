/* lf-projection.c: the scenario model, year by year (equations: docs/model.md). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "lf-projection.h"

#define RULE_FIRST_YEAR    2027   /* software ban from model year 2027 (BIS final rule) */
#define MAX_INCUMBENT_CUT  0.15
#define MAX_ROUNDS         200
#define TOLERANCE          1e-8     /* in ln of a maker's weight: a price change of ~1e-9 */
#define EXPANSION_MAX      2.0      /* and all steps at most twice it */

/* What a run takes as given beyond the policy: the behavioural parameters,
 * and where the EV market goes without entrants (a position on the paths:
 * 0 low, 1 central, 2 high; the Monte Carlo draws between them). */
typedef struct {
  double elasticity, beta, speed, consider, pass_through, response;
  double ev_path;
  double ford_case;     /* 0 Ford's guidance, 1 the downside, between them in draws */
  double fee_factor;    /* the partner fee, relative to the scenario's */
  double entrant_cost;  /* entrants' costs and prices, relative to the data's */
  double entrant_appeal;/* entrants' appeal, relative to the data's */
} Behaviour;

/* The EV share with no entrants and no credit in year @y at path position
 * @pos: the paths themselves at whole positions, straight lines between. */
static double
ev_share_at (const LfBaseline *b, double pos, int y)
{
  int k = CLAMP ((int) floor (pos), 0, LF_N_EV_PATHS - 2);
  double f = CLAMP (pos - k, 0.0, 1.0);

  return b->ev_path[k][y] + f * (b->ev_path[k + 1][y] - b->ev_path[k][y]);
}

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

/* Whether Commerce has authorised maker @m under the connected-vehicle rule. */
static gboolean
maker_authorised (const LfScenario *s, int m)
{
  return s->authorised[m];
}

/* Years from a maker's plants running full to a step of new capacity (0: never). */
static double
expansion_years (const LfScenario *s)
{
  return s->value[LF_PARAM_EXPANSION_YEARS];
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
  bh->ev_path = s->value[LF_PARAM_EV_PATH];
  bh->ford_case = s->value[LF_PARAM_FORD_CASE];
  bh->fee_factor = 1.0;
  bh->entrant_cost = 1.0;
  bh->entrant_appeal = 1.0;
}

/* ---- one year, step by step ---------------------------------------------------------
 *
 * A year goes from the levers to the results in named steps (docs/model.md §2):
 *
 *   year_sources     which plants can supply this year, and at what cost and price
 *   year_weights     each maker's weight in each tier at its list price (appeal, acceptance, credit)
 *   solve_market     incumbents' cut, tier weights, nested shares, EV demand from the
 *                    logsum, and each maker's price where its demand meets its supply
 *                    curve (merit order); a binding quota as a rent on China-built cars
 *   allocate         each maker's sales to its plants in merit order, within capacity
 *                    and quota, the rest to the incumbents of the tier
 *   year_totals      Ford, EBIT, tariff revenue, partner income, jobs, average price
 *   plan_expansion   a maker whose demand exceeds its capacity adds a step, later
 */

/* Capacity a plant can deliver in a year: ramped from its start, and zero
 * where the rule or the lack of a Ford partnership keeps it idle. Every
 * reason that holds goes into *block (LfPlantBlock), not only the first:
 * the notes name all a plant needs (lf-notes.c). */
static double
plant_capacity (const LfScenario *s, const Policy *pol, const LfPlant *p, int y, guint *block)
{
  const LfBaseline *b = s->baseline;
  const LfSite *site = &b->sites[p->site];
  const LfMaker *maker = &b->makers[p->maker];
  int year = LF_FIRST_YEAR + y;
  int start = MAX (lf_plant_effective_start (s, p), LF_FIRST_PROJECTED_YEAR);
  int rule = (int) pol->rule[y];
  guint why = 0;

  if (year < start)
    why |= LF_PLANT_BLOCK_NOT_STARTED;
  if (p->capacity <= 0)
    why |= LF_PLANT_BLOCK_NO_CAPACITY;
  if (maker->chinese_controlled && rule != LF_RULE_OFF && year >= RULE_FIRST_YEAR &&
      !maker_authorised (s, p->maker) &&
      !(rule == LF_RULE_US_WAIVER && site->origin == LF_ORIGIN_US))
    why |= LF_PLANT_BLOCK_RULE;
  if (site->ford_owned && pol->partnership[y] < 0.5)
    why |= LF_PLANT_BLOCK_NO_PARTNERSHIP;
  /* A zero quota shuts China-built imports out. */
  if (site->origin == LF_ORIGIN_CHINA && pol->quota[y] <= 0)
    why |= LF_PLANT_BLOCK_QUOTA_ZERO;
  *block = why;
  if (why != 0)
    return 0.0;
  return p->capacity * site->ramp[MIN (year - start, 2)];
}

typedef struct {
  int      plant;       /* scenario plant index */
  int      maker;
  double   cap;         /* deliverable this year, expansion included */
  double   base;        /* cost-plus price before tariff, / P_t */
  double   duty;        /* tariff per car, / P_t */
  double   price;       /* sticker price, / P_t */
  gboolean china_built;
  double   lx, x;       /* the weight factor at its effective price: set by sort_sources() */
} Source;

/* Everything one year needs, and what it finds. Prices are relative to the
 * tier's incumbent list price P_t; a maker's price r_m is the same fraction
 * in every tier, and its weight is x_m = exp(−β (r_m − 1)). */
typedef struct {
  int    y;
  double beta;                               /* the price coefficient of this run */
  double cr[LF_N_TIERS];                     /* the credit reaching a buyer, / P_t */
  int    n_src;
  Source src[LF_MAX_PLANTS];                 /* supplying sources, by maker, cheapest first */
  int    first[LF_MAX_MAKERS], count[LF_MAX_MAKERS];
  double a[LF_MAX_MAKERS][LF_N_TIERS];       /* weight at the incumbents' list price */
  double x[LF_MAX_MAKERS];                   /* weight factor of the maker's price */
  double lx[LF_MAX_MAKERS];                  /* its logarithm, where x > 0: −β (r_m − 1) */
  double q;                                  /* quota rent on China-built cars, / P_t */
  double w_list[LF_N_TIERS];                 /* incumbents' weight at their list price, credit included */
  double cut[LF_N_TIERS], w_inc[LF_N_TIERS], W[LF_N_TIERS], S[LF_N_TIERS], E[LF_N_TIERS];
  double ev;
  double maker_tier[LF_MAX_MAKERS][LF_N_TIERS];
  double src_sales[LF_MAX_PLANTS];
  double inc_units[LF_N_TIERS];
  guint  block[LF_MAX_PLANTS];               /* LfPlantBlock of each scenario plant */
  gboolean quota_binds;
} Year;

static double
effective_price (const Year *st, const Source *src)
{
  return src->price + (src->china_built ? st->q : 0.0);
}

/* Merit order: each maker's sources cheapest first (with the quota rent). */
static void
sort_sources (Year *st)
{
  for (int i = 1; i < st->n_src; i++)
    for (int j = i; j > 0; j--)
      {
        Source *a = &st->src[j - 1], *b = &st->src[j], tmp;

        if (a->maker < b->maker || (a->maker == b->maker && effective_price (st, a) <= effective_price (st, b)))
          break;
        tmp = *a;
        *a = *b;
        *b = tmp;
      }
  for (int i = 0; i < st->n_src; i++)
    {
      st->src[i].lx = -st->beta * (effective_price (st, &st->src[i]) - 1.0);
      st->src[i].x = exp (st->src[i].lx);
    }
  for (int m = 0; m < LF_MAX_MAKERS; m++)
    st->first[m] = st->count[m] = 0;
  for (int i = st->n_src - 1; i >= 0; i--)
    {
      st->first[st->src[i].maker] = i;
      st->count[st->src[i].maker]++;
    }
}

/* A source's cost-plus price before tariff (*base) and its unit cost
 * (*cost), both relative to the incumbents' list price. */
static void
source_cost (const LfBaseline *b, const LfMaker *mk, const LfSite *site, double entrant_cost,
             double *base, double *cost)
{
  (void) b;
  *base = mk->price_factor * site->cost_factor * entrant_cost;
  *cost = *base / (1.0 + mk->margin);
}

/**
 * lf_plant_max_tariff:
 * The highest tariff (%) on the plant's origin at which its landed cost
 * (cost plus duty on the customs value) stays within the incumbents' list
 * price, as year_sources() tests it with the central behaviour; negative
 * when its cost alone is above that price.
 */
double
lf_plant_max_tariff (const LfScenario *s, int plant)
{
  const LfBaseline *b = s->baseline;
  const LfPlant *pl = &s->plants[plant];
  double base, cost;

  g_return_val_if_fail (plant >= 0 && plant < s->n_plants && pl->maker >= 0 && pl->site >= 0, -1.0);
  source_cost (b, &b->makers[pl->maker], &b->sites[pl->site], 1.0, &base, &cost);
  if (cost > 1.0)
    return -1.0;
  if (base * b->customs_value_factor <= 0)
    return INFINITY;
  return 100.0 * (1.0 - cost) / (base * b->customs_value_factor);
}

/* Step 1: the plants that can supply this year, each priced from its cost.
 * A source whose landed cost (build cost plus duty) is above the incumbents'
 * list price cannot sell at a price the market bears: it builds nothing. */
static void
year_sources (const LfScenario *s, const Policy *pol, const Behaviour *bh,
              const double extra[LF_MAX_PLANTS], Year *st)
{
  const LfBaseline *b = s->baseline;

  st->n_src = 0;
  for (int p = 0; p < s->n_plants; p++)
    {
      const LfPlant *pl = &s->plants[p];
      const LfMaker *mk = &b->makers[pl->maker];
      const LfSite *site = &b->sites[pl->site];
      double cap = plant_capacity (s, pol, pl, st->y, &st->block[p]);
      double cost, base, duty, price;

      if (cap <= 0)
        continue;
      cap += extra[p];
      source_cost (b, mk, site, bh->entrant_cost, &base, &cost);
      duty = base * b->customs_value_factor * pol->tariff[site->origin][st->y] / 100.0;
      if (cost + duty > 1.0)
        {
          st->block[p] = cost > 1.0 ? LF_PLANT_BLOCK_COST : LF_PLANT_BLOCK_TARIFF;
          continue;
        }
      /* Pass-through: the maker absorbs part of the duty from its margin, but
       * never more than the margin, and never asks more than the market bears. */
      price = MIN (1.0, MAX (base + bh->pass_through * duty, cost + duty));
      st->src[st->n_src++] = (Source) { p, pl->maker, cap, base, duty, price,
                                        site->origin == LF_ORIGIN_CHINA, 0.0, 0.0 };
    }
  sort_sources (st);
}

/* Step 2: each maker's weight in each tier at the incumbents' list price. */
static void
year_weights (const LfScenario *s, const Policy *pol, const Behaviour *bh,
              const int first_year[LF_MAX_MAKERS], Year *st)
{
  const LfBaseline *b = s->baseline;

  for (int m = 0; m < b->n_makers; m++)
    {
      const LfMaker *mk = &b->makers[m];
      double years, acceptance;
      gboolean eligible = !(mk->chinese_controlled && pol->exclude[st->y] >= 0.5);

      if (st->count[m] == 0)
        {
          st->x[m] = 0.0;
          st->lx[m] = -INFINITY;
          for (int t = 0; t < LF_N_TIERS; t++)
            st->a[m][t] = 0.0;
          continue;
        }
      /* x keeps last year's answer: the solver starts from it. */
      /* Years of presence count from the first year the maker sells. */
      years = first_year[m] < 0 ? 1 : st->y - first_year[m] + 1;
      acceptance = 1.0 - exp (-bh->speed * years);
      /* The share who would consider a Chinese brand grows as younger buyers do. */
      acceptance = MIN (1.0, bh->consider * b->consideration_trend[st->y]) * acceptance * acceptance;
      for (int t = 0; t < LF_N_TIERS; t++)
        st->a[m][t] = mk->appeal[t] * bh->entrant_appeal * acceptance *
                      exp (bh->beta * (eligible ? st->cr[t] : 0.0));
    }
}

/* A maker's demand at weight factor x, against everything else in the tiers
 * (Wo), and, where @slope is given, its derivative d D / d x. */
static double
maker_demand (const Year *st, int m, double x, const double Wo[LF_N_TIERS], double *slope)
{
  double D = 0.0, dD = 0.0;

  for (int t = 0; t < LF_N_TIERS; t++)
    if (st->a[m][t] > 0 && st->E[t] > 0)
      {
        double den = Wo[t] + st->a[m][t] * x;
        D += st->E[t] * st->a[m][t] * x / den;
        dD += st->E[t] * st->a[m][t] * Wo[t] / (den * den);
      }
  if (slope != NULL)
    *slope = dD;
  return D;
}

/* The ln x in [lo, hi] where the maker's demand equals K (demand rises with x):
 * Newton steps kept inside a shrinking bracket. */
/* The x in (lo, hi) where the maker's demand equals K. Demand rises with x
 * and is concave in it (a sum of E·a·x / (Wo + a·x)), so Newton steps in x
 * need no exponential; they are kept inside a shrinking bracket. */
static double
solve_weight (const Year *st, int m, double K, const double Wo[LF_N_TIERS], double lo, double hi)
{
  /* Start from the maker's last answer when it lies in the bracket. */
  double x = st->x[m] > lo && st->x[m] < hi ? st->x[m] : (hi > 0 ? 0.5 * (lo + hi) : 0.0);

  for (int i = 0; i < 100 && hi - lo > 1e-15 * hi; i++)
    {
      double dD, D = maker_demand (st, m, x, Wo, &dD), f, next;

      f = D / K - 1.0;
      if (fabs (f) < 1e-11)
        break;
      if (f > 0)
        hi = x;
      else
        lo = x;
      next = dD > 0 ? x - (D - K) / dD : 0.5 * (lo + hi);
      x = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
  return x;
}

/* Where maker m's demand meets its supply curve: its sources, cheapest first,
 * each offering its capacity at its own price. The price is that of the
 * marginal source, or, where capacity runs out first, the scarcity price at
 * which demand equals the capacity offered. Returns ln x; *x_out gets x. */
static double
clear_maker (const Year *st, int m, const double Wo[LF_N_TIERS], double *x_out)
{
  double K = 0.0, x_prev = 0.0, x;

  for (int k = 0; k < st->count[m]; k++)
    {
      const Source *src = &st->src[st->first[m] + k];
      double D = maker_demand (st, m, src->x, Wo, NULL);

      if (k > 0 && D <= K)
        {
          x = solve_weight (st, m, K, Wo, src->x, x_prev);
          *x_out = x;
          return log (x);
        }
      K += src->cap;
      if (D <= K)
        {
          *x_out = src->x;
          return src->lx;
        }
      x_prev = src->x;
    }
  if (K <= 0)
    {
      *x_out = 0.0;
      return -INFINITY;
    }
  x = solve_weight (st, m, K, Wo, 0.0, x_prev);
  *x_out = x;
  return x > 0 ? log (x) : -INFINITY;
}

/* Step 3 for a given quota rent: iterate to the year's equilibrium. */
static void
solve_at_rent (const LfScenario *s, const Policy *pol, const Behaviour *bh, Year *st)
{
  const LfBaseline *b = s->baseline;
  const int y = st->y;
  const double lambda = b->nest_lambda;
  /* EV demand answers the EV nest's inclusive value J: a uniform price rise
   * of dx (a fraction of price) lowers J by β·dx, so exp(−ε/β · J) keeps
   * the price elasticity ε. */
  const double theta = -bh->elasticity / bh->beta;

  /* The incumbents' weight at their list price, with the credit. */
  for (int t = 0; t < LF_N_TIERS; t++)
    st->w_list[t] = exp (bh->beta * st->cr[t]);
  for (int round = 0; round < MAX_ROUNDS; round++)
    {
      double Z = 0.0, J, change = 0.0;

      /* Incumbents cut prices against the threat: the share entrants would
       * take at the incumbents' list price, times how far below it they sell. */
      for (int t = 0; t < LF_N_TIERS; t++)
        {
          double den = st->w_list[t], threat = 0.0;

          for (int m = 0; m < b->n_makers; m++)
            den += st->a[m][t] * st->x[m];
          for (int m = 0; m < b->n_makers; m++)
            if (st->a[m][t] > 0 && st->x[m] > 0)
              threat += st->a[m][t] * st->x[m] / den * MAX (0.0, st->lx[m] / bh->beta);
          st->cut[t] = MIN (MAX_INCUMBENT_CUT, bh->response * threat);
          st->w_inc[t] = st->cut[t] > 0 ? st->w_list[t] * exp (bh->beta * st->cut[t]) : st->w_list[t];
          st->W[t] = st->w_inc[t];
          for (int m = 0; m < b->n_makers; m++)
            st->W[t] += st->a[m][t] * st->x[m];
        }
      /* Nested shares of the tiers and the EV nest's inclusive value. */
      if (lambda > 1e-6)
        {
          for (int t = 0; t < LF_N_TIERS; t++)
            {
              st->S[t] = b->tier_share[t][y] * exp (lambda * log (st->W[t]));
              Z += st->S[t];
            }
          for (int t = 0; t < LF_N_TIERS; t++)
            st->S[t] /= Z;
          J = log (Z) / lambda;
        }
      else
        {
          J = 0.0;
          for (int t = 0; t < LF_N_TIERS; t++)
            {
              st->S[t] = b->tier_share[t][y];
              J += st->S[t] * log (st->W[t]);
            }
        }
      /* In the actual years nothing differs from what happened: J is 0 there
       * but for rounding, which must not make the actuals depend on ε or β. */
      if (y < lf_year_index (LF_FIRST_PROJECTED_YEAR))
        J = 0.0;
      st->ev = b->lv_sales[y] * MIN (b->max_ev_share, ev_share_at (b, bh->ev_path, y) * exp (theta * J));
      for (int t = 0; t < LF_N_TIERS; t++)
        st->E[t] = st->ev * st->S[t];

      /* Each maker clears against the rest of the market (Gauss–Seidel). */
      for (int m = 0; m < b->n_makers; m++)
        {
          double Wo[LF_N_TIERS], x, lx;

          if (st->count[m] == 0)
            continue;
          for (int t = 0; t < LF_N_TIERS; t++)
            Wo[t] = st->W[t] - st->a[m][t] * st->x[m];
          lx = clear_maker (st, m, Wo, &x);
          if (x > 0 && st->x[m] > 0)
            change = MAX (change, fabs (lx - st->lx[m]));
          else if (x != st->x[m])
            change = INFINITY;
          for (int t = 0; t < LF_N_TIERS; t++)
            st->W[t] = Wo[t] + st->a[m][t] * x;
          st->x[m] = x;
          st->lx[m] = lx;
        }
      if (change < TOLERANCE)
        break;
    }
  for (int m = 0; m < b->n_makers; m++)
    for (int t = 0; t < LF_N_TIERS; t++)
      st->maker_tier[m][t] = st->W[t] > 0 ? st->E[t] * st->a[m][t] * st->x[m] / st->W[t] : 0.0;
}

/* Sales of each source: the maker's sales filled cheapest first. */
static double
fill_sources (Year *st, const LfBaseline *b)
{
  double china = 0.0;

  for (int m = 0; m < b->n_makers; m++)
    {
      double rem = 0.0;

      for (int t = 0; t < LF_N_TIERS; t++)
        rem += st->maker_tier[m][t];
      for (int k = 0; k < st->count[m]; k++)
        {
          Source *src = &st->src[st->first[m] + k];
          double sold = MIN (src->cap, rem);

          st->src_sales[st->first[m] + k] = sold;
          rem -= sold;
          if (src->china_built)
            china += sold;
        }
    }
  return china;
}

/* Step 3: the market, with a binding quota found as the rent on China-built
 * cars at which their sales equal the quota (bisection with secant steps). */
static void
solve_market (const LfScenario *s, const Policy *pol, const Behaviour *bh, Year *st)
{
  const LfBaseline *b = s->baseline;
  double quota = pol->quota[st->y], guess = st->q, lo = 0.0, hi = -1.0, c_lo = 0.0, c_hi = 0.0, c;
  int side = 0;

  if (!isfinite (quota) || st->n_src == 0)
    {
      st->q = 0.0;
      sort_sources (st);
      solve_at_rent (s, pol, bh, st);
      return;
    }
  /* Last year's rent first (it changes little from year to year), then none. */
  st->q = guess;
  sort_sources (st);
  solve_at_rent (s, pol, bh, st);
  if ((c = fill_sources (st, b)) <= quota)
    {
      if (st->q == 0.0)
        return;
      hi = st->q;
      c_hi = c;
      st->q = 0.0;
      sort_sources (st);
      solve_at_rent (s, pol, bh, st);
      if ((c_lo = fill_sources (st, b)) <= quota)
        return;
    }
  else
    {
      /* Sales fall as the rent rises: step up until they fit. */
      lo = st->q;
      c_lo = c;
      for (double q = st->q > 0 ? st->q * 1.25 : 0.05; q < 1e3; q *= 1.5)
        {
          st->q = q;
          sort_sources (st);
          solve_at_rent (s, pol, bh, st);
          c = fill_sources (st, b);
          if (c <= quota)
            {
              hi = q;
              c_hi = c;
              break;
            }
          lo = q;
          c_lo = c;
        }
      if (hi < 0)
        return;   /* the clamp in allocate() holds the quota */
    }
  /* Regula falsi (Illinois) inside the bracket, with a bisection every few
   * steps: sales are not continuous in the rent where a maker's China-built
   * cars move from first to last in its merit order. */
  for (int i = 0; i < 80 && hi - lo > 1e-11; i++)
    {
      double q = c_lo > c_hi ? hi - (hi - lo) * (quota - c_hi) / (c_lo - c_hi) : 0.5 * (lo + hi);

      if (!(q > lo && q < hi) || i % 6 == 5)
        q = 0.5 * (lo + hi);
      st->q = q;
      sort_sources (st);
      solve_at_rent (s, pol, bh, st);
      c = fill_sources (st, b);
      if (fabs (c - quota) <= 1e-7 * quota)
        return;
      if (c > quota)
        {
          lo = q;
          c_lo = c;
          if (side == -1)
            c_hi = quota + 0.5 * (c_hi - quota);
          side = -1;
        }
      else
        {
          hi = q;
          c_hi = c;
          if (side == 1)
            c_lo = quota + 0.5 * (c_lo - quota);
          side = 1;
        }
    }
  if (st->q != hi)
    {
      st->q = hi;
      sort_sources (st);
      solve_at_rent (s, pol, bh, st);
    }
}

/* Step 4: sales by source within capacity and quota; what a limit turns away
 * (only rounding, after the market step) goes to the incumbents of the tier. */
static void
allocate (const LfScenario *s, const Policy *pol, Year *st)
{
  const LfBaseline *b = s->baseline;
  double china = 0.0, quota = pol->quota[st->y];

  for (int t = 0; t < LF_N_TIERS; t++)
    st->inc_units[t] = st->W[t] > 0 ? st->E[t] * st->w_inc[t] / st->W[t] : st->E[t];
  china = fill_sources (st, b);
  st->quota_binds = isfinite (quota) && (st->q > 0 || china > quota);
  if (isfinite (quota) && china > quota)
    {
      double k = china > 0 ? quota / china : 0.0;
      for (int i = 0; i < st->n_src; i++)
        if (st->src[i].china_built)
          st->src_sales[i] *= k;
    }
  /* At a binding quota's rent a maker's China-built source can tie with
   * another of its sources: the quota's units go to the China-built one. */
  if (isfinite (quota) && st->q > 0 && china < quota)
    {
      double room = quota - china;

      for (int i = 0; i < st->n_src && room > 0; i++)
        {
          Source *cn = &st->src[i];

          if (!cn->china_built)
            continue;
          for (int j = st->first[cn->maker]; j < st->first[cn->maker] + st->count[cn->maker]; j++)
            {
              double move;

              if (st->src[j].china_built ||
                  fabs (effective_price (st, &st->src[j]) - effective_price (st, cn)) > 1e-6)
                continue;
              move = MIN (MIN (room, cn->cap - st->src_sales[i]), st->src_sales[j]);
              st->src_sales[i] += move;
              st->src_sales[j] -= move;
              room -= move;
            }
        }
    }
  for (int m = 0; m < b->n_makers; m++)
    {
      double want = 0.0, sold = 0.0;

      for (int t = 0; t < LF_N_TIERS; t++)
        want += st->maker_tier[m][t];
      for (int k = 0; k < st->count[m]; k++)
        sold += st->src_sales[st->first[m] + k];
      if (want > 0 && sold < want)
        for (int t = 0; t < LF_N_TIERS; t++)
          {
            st->inc_units[t] += st->maker_tier[m][t] * (1.0 - sold / want);
            st->maker_tier[m][t] *= sold / want;
          }
    }
}

/* Step 6: a maker that could sell more at its cheapest source's price than
 * that source has, or has on order, orders the difference there, ready
 * after the lead time; all it orders is at most twice its
 * nominal capacity. Ordering to a target (not by fixed steps) keeps more
 * capacity from ever meaning less later. */
static void
plan_expansion (const LfScenario *s, const Behaviour *bh, int lead, const Year *st,
                double added[LF_MAX_MAKERS], double extra_from[LF_MAX_PLANTS][LF_N_YEARS])
{
  const LfBaseline *b = s->baseline;

  if (lead <= 0 || st->y + lead >= LF_N_YEARS)
    return;
  for (int m = 0; m < b->n_makers; m++)
    {
      const Source *cheapest;
      double Wo[LF_N_TIERS], K = 0.0, nominal = 0.0, on_order = 0.0, latent, order;

      if (st->count[m] == 0 || st->x[m] <= 0)
        continue;
      cheapest = &st->src[st->first[m]];
      /* Capacity at the cheapest price, and orders for it: a dearer plant
       * standing idle is no reason not to add cheap capacity. */
      for (int k = 0; k < st->count[m]; k++)
        {
          const Source *src = &st->src[st->first[m] + k];

          nominal += s->plants[src->plant].capacity;
          if (effective_price (st, src) > effective_price (st, cheapest) + 1e-12)
            continue;
          K += src->cap;
          for (int y = st->y + 1; y <= st->y + lead; y++)
            on_order += extra_from[src->plant][y];
        }
      /* Demand as the maker plans it: against the incumbents at their list
       * price, not after the cut its own entry provokes (which would make a
       * maker with more plants order less). */
      for (int t = 0; t < LF_N_TIERS; t++)
        Wo[t] = st->W[t] - st->a[m][t] * st->x[m] - st->w_inc[t] + st->w_list[t];
      latent = maker_demand (st, m, cheapest->x, Wo, NULL);
      order = MIN (latent - K - on_order, EXPANSION_MAX * nominal - added[m]);
      if (order <= 1.0)
        continue;
      added[m] += order;
      extra_from[cheapest->plant][st->y + lead] += order;
    }
}

/* One run of the model. With @entry FALSE no entrant plant runs: the
 * no-entry counterfactual of the same scenario. */
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

/* Step 5: the year's results. */
static void
year_totals (const LfScenario *s, const Policy *pol, const Behaviour *bh, const Year *st,
             RunTotals *tot, LfProjection *out)
{
  const LfBaseline *b = s->baseline;
  const int y = st->y;
  double ford_units = 0.0, price_sum = 0.0, ford_revenue = 0.0, ebit = 0.0;
  double revenue = 0.0, income = 0.0, jobs = 0.0, ref_price = 0.0;

  for (int t = 0; t < LF_N_TIERS; t++)
    {
      double units = st->inc_units[t] * b->ford_share[t][y];
      double sticker = b->tier_price[t] * (1.0 - st->cut[t]);

      ref_price += b->tier_share[t][y] * b->tier_price[t];
      tot->ford_tier[t][y] = units;
      ford_units += units;
      /* At transaction prices, after any cut: Ford's share of what buyers pay. */
      ford_revenue += units * sticker;
      price_sum += st->inc_units[t] * sticker;
    }
  /* Entrants at their market price: the marginal source's, or the scarcity price. */
  for (int m = 0; m < b->n_makers; m++)
    if (st->x[m] > 0)
      for (int t = 0; t < LF_N_TIERS; t++)
        price_sum += st->maker_tier[m][t] * b->tier_price[t] * (1.0 - st->lx[m] / bh->beta);
  for (int i = 0; i < st->n_src; i++)
    {
      const Source *src = &st->src[i];
      const LfPlant *pl = &s->plants[src->plant];
      const LfSite *site = &b->sites[pl->site];
      double want = 0.0, sold = st->src_sales[i];

      for (int t = 0; t < LF_N_TIERS; t++)
        want += st->maker_tier[src->maker][t];
      /* Duty on the customs value of each car, in the tiers the maker sells in. */
      for (int t = 0; t < LF_N_TIERS; t++)
        if (want > 0)
          revenue += sold * st->maker_tier[src->maker][t] / want * src->duty * b->tier_price[t];
      if (site->ford_owned)
        income += sold * MIN (pol->fee[y] * bh->fee_factor, lf_param_info (LF_PARAM_FORD_PARTNER_FEE_USD)->max);
      jobs += sold * site->jobs_per_unit;
      if (out != NULL)
        {
          out->plant_sales[src->plant][y] = sold;
          out->plant_capacity[src->plant][y] = src->cap;
          out->maker_sales[src->maker][y] += sold;
          out->series[LF_SERIES_CHINESE_CHINA_BUILT + site->origin][y] += sold;
          out->series[LF_SERIES_CHINESE_EV_SALES][y] += sold;
        }
    }
  {
    double w = CLAMP (bh->ford_case, 0.0, 1.0);
    double margin = (1 - w) * b->ford_margin[LF_FORD_CASE_GUIDANCE][y] + w * b->ford_margin[LF_FORD_CASE_DOWNSIDE][y] +
                    b->ford_scale_gain * log2 (MAX (ford_units, 1.0) / b->ford_volume_ref);
    double fixed = (1 - w) * b->ford_fixed_cost[LF_FORD_CASE_GUIDANCE][y] +
                   w * b->ford_fixed_cost[LF_FORD_CASE_DOWNSIDE][y];
    for (int t = 0; t < LF_N_TIERS; t++)
      ebit += tot->ford_tier[t][y] * (margin - st->cut[t] * b->tier_price[t]);
    ebit = ebit / 1e6 - fixed;
  }
  tot->ev[y] = st->ev;
  tot->lv[y] = b->lv_sales[y];
  tot->ford_ebit[y] = ebit;
  tot->ford_revenue[y] = ford_revenue / 1e6;
  tot->avg_price[y] = st->ev > 0 ? price_sum / st->ev : ref_price;
  tot->tariff_revenue[y] = revenue / 1e6;
  tot->partner_income[y] = income / 1e6;
  tot->jobs[y] = jobs;
}

/* Jobs building a plant: in the two years before its first output, for a
 * plant that goes on to build cars, in projected years only. */
static void
construction_jobs (const LfScenario *s, const LfProjection *out, RunTotals *tot)
{
  const LfBaseline *b = s->baseline;

  for (int p = 0; p < s->n_plants; p++)
    {
      const LfSite *site = &b->sites[s->plants[p].site];
      int first = -1;

      if (site->jobs_per_unit <= 0)
        continue;
      for (int y = 0; y < LF_N_YEARS && first < 0; y++)
        if (out->plant_sales[p][y] > 0)
          first = y;
      for (int y = MAX (first - 2, lf_year_index (LF_FIRST_PROJECTED_YEAR)); first >= 0 && y < first; y++)
        tot->jobs[y] += b->construction_jobs_per_unit * s->plants[p].capacity;
    }
}

static void
run (const LfScenario *s, const Policy *pol, const Behaviour *bh, gboolean entry,
     RunTotals *tot, LfProjection *out)
{
  const LfBaseline *b = s->baseline;
  const int lead = (int) expansion_years (s);
  int first_year[LF_MAX_MAKERS];
  double added[LF_MAX_MAKERS] = { 0 };
  double extra_from[LF_MAX_PLANTS][LF_N_YEARS];
  double extra[LF_MAX_PLANTS] = { 0 };
  Year st;

  memset (extra_from, 0, sizeof extra_from);
  for (int m = 0; m < LF_MAX_MAKERS; m++)
    first_year[m] = -1;
  memset (&st, 0, sizeof st);
  st.beta = bh->beta;

  for (int y = 0; y < LF_N_YEARS; y++)
    {
      /* 2025 and 2026 are history: no entrant, no credit, whatever the levers. */
      gboolean projected = y >= lf_year_index (LF_FIRST_PROJECTED_YEAR);

      st.y = y;
      for (int t = 0; t < LF_N_TIERS; t++)
        st.cr[t] = projected ? pol->credit[y] * b->credit_pass_through / b->tier_price[t] : 0.0;
      for (int p = 0; p < s->n_plants; p++)
        extra[p] += extra_from[p][y];
      st.n_src = 0;
      for (int p = 0; p < s->n_plants; p++)
        st.block[p] = LF_PLANT_BLOCK_NOT_STARTED;
      if (entry && projected)
        year_sources (s, pol, bh, extra, &st);
      else
        sort_sources (&st);
      year_weights (s, pol, bh, first_year, &st);
      solve_market (s, pol, bh, &st);
      allocate (s, pol, &st);
      for (int m = 0; m < b->n_makers; m++)
        for (int k = 0; k < st.count[m] && first_year[m] < 0; k++)
          if (st.src_sales[st.first[m] + k] > 0)
            first_year[m] = y;
      year_totals (s, pol, bh, &st, tot, out);
      if (out != NULL)
        {
          for (int p = 0; p < s->n_plants; p++)
            out->plant_block[p][y] = (guint8) st.block[p];
          /* A zero quota binds where it alone keeps a China-built plant out. */
          out->quota_binds[y] = st.quota_binds;
          for (int p = 0; p < s->n_plants && projected; p++)
            if (st.block[p] == LF_PLANT_BLOCK_QUOTA_ZERO)
              out->quota_binds[y] = TRUE;
        }
      plan_expansion (s, bh, lead, &st, added, extra_from);
    }
  if (out != NULL)
    construction_jobs (s, out, tot);
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
      /* What entry does to Ford: the no-entry run earns no fee (no entrant
       * plant runs in it), so the fee is all gain; it is not in the EBIT. */
      v[LF_SERIES_FORD_EV_SALES_CHANGE][y] =
        v[LF_SERIES_FORD_EV_SALES][y] - v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y];
      v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y] = scen.ford_ebit[y] - none.ford_ebit[y];
      v[LF_SERIES_FORD_NET_EFFECT_MUSD][y] =
        v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y] + scen.partner_income[y];
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
triangular_at (double u, const LfRange *r)
{
  double span = r->high - r->low;
  double f;

  if (span <= 0)
    return r->central;
  f = (r->central - r->low) / span;
  if (u < f)
    return r->low + sqrt (u * span * (r->central - r->low));
  return r->high - sqrt ((1.0 - u) * span * (r->high - r->central));
}

/* Two uniform draws whose ranks are tied with correlation @rho (a Gaussian
 * copula): each stays uniform, so the draws built on them keep their own
 * distributions. */
static void
tied_uniforms (GRand *rand, double rho, double *u1, double *u2)
{
  double r = sqrt (-2.0 * log (1.0 - g_rand_double (rand)));
  double a = 2.0 * G_PI * g_rand_double (rand);
  double z1 = r * cos (a), z2 = r * sin (a);
  double z = rho * z1 + sqrt (1.0 - rho * rho) * z2;

  *u1 = 0.5 * erfc (-z1 / G_SQRT2);
  *u2 = 0.5 * erfc (-z / G_SQRT2);
}

/* A triangular draw on [low, high] with its mode at the central value. */
static double
triangular (GRand *rand, const LfRange *r)
{
  return triangular_at (g_rand_double (rand), r);
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

/* At most this many threads project Monte Carlo draws. */
#define MC_MAX_THREADS 8

/* A run of draws for one thread. */
typedef struct {
  const LfScenario *scenario;
  const Policy     *pol;
  const Behaviour  *draws;
  int               n_draws;
  int               from, to;
  double           *buf;          /* series × years × draws; each thread writes its own draws */
  GCancellable     *cancellable;
  gboolean          cancelled;
} McChunk;

static gpointer
mc_chunk (gpointer data)
{
  McChunk *c = data;
  g_autofree LfProjection *proj = g_new (LfProjection, 1);

  for (int d = c->from; d < c->to; d++)
    {
      if (c->cancellable != NULL && ((d - c->from) & 31) == 0 &&
          g_cancellable_is_cancelled (c->cancellable))
        {
          c->cancelled = TRUE;
          return NULL;
        }
      project_with (c->scenario, c->pol, &c->draws[d], proj);
      for (int s = 0; s < LF_N_SERIES; s++)
        for (int y = 0; y < LF_N_YEARS; y++)
          c->buf[((gsize) s * LF_N_YEARS + y) * c->n_draws + d] = proj->series[s][y];
    }
  return NULL;
}

/* How far background draws stand back (nice steps): a thread at nice 10 gets
 * about a tenth of a core while a thread at 0 wants it. */
#define MC_BACKGROUND_NICE 10

/* A chunk of background draws: the window's own thread, which lays out and
 * draws its frames, comes first on a machine with few cores. On Linux the
 * nice value belongs to the thread, and this thread ends with the chunk. */
static gpointer
mc_chunk_background (gpointer data)
{
#ifdef __linux__
  int nice = getpriority (PRIO_PROCESS, 0);

  setpriority (PRIO_PROCESS, 0, MIN (nice + MC_BACKGROUND_NICE, 19));
#endif
  return mc_chunk (data);
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
 *
 * Work given a @cancellable is background work (a band refined while the
 * window stays live): its draws run on threads of their own at a lower CPU
 * priority (on Linux), so that they never take a core from the thread that
 * draws the window. The bands are the same either way.
 * Returns: %FALSE if cancelled
 */
gboolean
lf_monte_carlo (const LfScenario *scenario, int n_draws, guint seed, LfBands *out,
                GCancellable *cancellable)
{
  const LfBaseline *b;
  g_autoptr(GRand) rand = NULL;
  g_autofree double *buf = NULL;
  g_autofree Behaviour *draws = NULL;
  Policy pol;
  Behaviour central;
  const LfRange *ranges[6], *fee;
  double *centre_values[6];
  McChunk chunks[MC_MAX_THREADS];
  GThread *threads[MC_MAX_THREADS] = { NULL };
  int n_threads;
  gboolean cancelled = FALSE;
  gboolean background = cancellable != NULL;

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
  fee = lf_baseline_get_range (b, lf_param_info (LF_PARAM_FORD_PARTNER_FEE_USD)->key);
  for (int i = 0; i < 6; i++)
    ranges[i] = lf_baseline_get_range (b, lf_param_info (LF_PARAM_FIRST_BEHAVIOUR + i)->key);

  /* Every draw first, in order from the seed: the bands do not depend on
   * how many threads then project them. */
  rand = g_rand_new_with_seed (seed);
  draws = g_new (Behaviour, n_draws);
  for (int d = 0; d < n_draws; d++)
    {
      Behaviour *bh = &draws[d];
      double *values[6] = { &bh->elasticity, &bh->beta, &bh->speed, &bh->consider,
                            &bh->pass_through, &bh->response };

      *bh = central;
      for (int i = 0; i < 6; i++)
        {
          const LfParamInfo *info = lf_param_info (LF_PARAM_FIRST_BEHAVIOUR + i);
          double x = triangular (rand, ranges[i]);
          /* Scaled around the scenario's value, so a user who moves a
           * behavioural slider moves the band with it. */
          double v = ranges[i]->central != 0 ? *centre_values[i] * x / ranges[i]->central : x;
          *values[i] = CLAMP (v, info->min, info->max);
        }
      /* The EV market's path: anywhere from the low to the high path, most
       * often near the one the scenario chose. Ford's cost outlook likewise,
       * tied to it: a slow market and a late break-even go together (rank
       * correlation about −0.5, each draw keeping its own triangle). The
       * entrants' costs (one shock for all makers: they share suppliers and
       * shipping), their appeal and the partner fee are drawn on their own. */
      {
        LfRange path = { 0, central.ev_path, LF_N_EV_PATHS - 1 };
        LfRange ford = { 0, central.ford_case, LF_N_FORD_CASES - 1 };
        double u_path, u_ford;

        tied_uniforms (rand, -0.5, &u_path, &u_ford);
        bh->ev_path = triangular_at (u_path, &path);
        bh->ford_case = triangular_at (u_ford, &ford);
        bh->entrant_cost = triangular (rand, &b->entrant_cost);
        bh->entrant_appeal = triangular (rand, &b->entrant_appeal);
        bh->fee_factor = fee->central > 0 ? triangular (rand, fee) / fee->central : 1.0;
      }
    }

  /* Then the projections, split over the processors (draws are independent). */
  buf = g_new (double, (gsize) LF_N_SERIES * LF_N_YEARS * n_draws);
  n_threads = n_draws >= 64 ? CLAMP ((int) g_get_num_processors (), 1, MC_MAX_THREADS) : 1;
  for (int k = 0; k < n_threads; k++)
    {
      chunks[k] = (McChunk) { scenario, &pol, draws, n_draws,
                              (int) ((gint64) n_draws * k / n_threads),
                              (int) ((gint64) n_draws * (k + 1) / n_threads),
                              buf, cancellable, FALSE };
      if (k > 0 || background)
        threads[k] = g_thread_try_new ("landfall-draws", background ? mc_chunk_background : mc_chunk,
                                       &chunks[k], NULL);
    }
  if (threads[0] == NULL)
    mc_chunk (&chunks[0]);
  for (int k = 0; k < n_threads; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      else if (k > 0)
        mc_chunk (&chunks[k]);   /* no thread to be had: do it here */
    }
  for (int k = 0; k < n_threads; k++)
    cancelled |= chunks[k].cancelled;
  if (cancelled)
    return FALSE;

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
  { LF_PARAM_FORD_PARTNER_FEE_USD, 1500, 5000 }, /* the fee's drawn range (an assumption) */
  { LF_PARAM_EV_PATH, LF_EV_PATH_LOW, LF_EV_PATH_HIGH },
  { LF_PARAM_FORD_CASE, LF_FORD_CASE_GUIDANCE, LF_FORD_CASE_DOWNSIDE },
};

/**
 * lf_tornado:
 * @bars: (out caller-allocates): at least %LF_TORNADO_MAX entries
 *
 * Moves one lever at a time to its low and its high value, everything else as
 * in @scenario, and reports @series in @year. Sorted by the length of the
 * bar a chart draws (from the scenario's value to the further end), longest first.
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
  /* Longest bar first: a chart draws each bar from the scenario's own
   * value to both ends, so its length is the span of the three. */
  lf_project (scenario, proj);
  {
    double base = lf_projection_get (proj, series, year);

    for (int i = 0; i < n; i++)
      bars[i].span = MAX (base, MAX (bars[i].result[0], bars[i].result[1])) -
                     MIN (base, MIN (bars[i].result[0], bars[i].result[1]));
  }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && bars[j].span > bars[j - 1].span; j--)
      {
        LfTornadoBar tmp = bars[j];
        bars[j] = bars[j - 1];
        bars[j - 1] = tmp;
      }
  return n;
}
