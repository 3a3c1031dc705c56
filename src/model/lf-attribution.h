/* lf-attribution.h: where a change came from.
 *
 * The change of one result in one year between two scenarios (current
 * policy and the one being worked on) split among the levers that differ
 * between them, by Shapley values: each lever's part is its marginal effect
 * averaged over every order in which the levers could be switched from the
 * first scenario's value to the second's. The parts add up to the whole
 * change; a lever that changes nothing gets nothing; two levers that act the
 * same get the same. A lever is one line of lf_differences(): a parameter
 * with its schedule, a maker's authorisation, or a plant (added, removed or
 * changed, as one unit). See docs/model.md, "Where a change came from".
 *
 * GLib only.
 */
#pragma once

#include "lf-projection.h"

G_BEGIN_DECLS

/* Up to this many levers, every subset is projected (2^n projections);
 * beyond it, a sample of orders with a fixed seed (see lf_attribute()). */
#define LF_ATTRIBUTION_EXACT_MAX 12
/* Orders sampled beyond LF_ATTRIBUTION_EXACT_MAX (in antithetic pairs). */
#define LF_ATTRIBUTION_SAMPLED_ORDERS 512
#define LF_ATTRIBUTION_SEED 1

typedef struct {
  char   *key;           /* as in files: "tariff.china", "maker.byd.authorised", "plant.byd-mx" */
  char   *label;         /* translated: "Tariff on China-built EVs" */
  char   *from_words;    /* the lever's value in the first scenario, in words ("—": no such plant) */
  char   *to_words;      /* in the second */
  double  contribution;  /* in the series' unit */
} LfAttributionPart;

typedef struct {
  LfSeries           series;
  int                year;
  double             from;     /* the result in the first scenario */
  double             to;       /* in the second */
  int                n_parts;
  LfAttributionPart *parts;    /* largest |contribution| first; ties in lf_differences()'s order */
  gboolean           exact;    /* every subset projected; else sampled orders */
  int                n_projections;
} LfAttribution;

LfAttribution *lf_attribute           (const LfScenario    *from,
                                       const LfScenario    *to,
                                       LfSeries             series,
                                       int                  year,
                                       GCancellable        *cancellable);
void           lf_attribution_free    (LfAttribution       *attribution);
double         lf_attribution_sum     (const LfAttribution *attribution);
gboolean       lf_attribution_is_empty (const LfAttribution *attribution);
char          *lf_attribution_to_csv  (const LfAttribution *attribution);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfAttribution, lf_attribution_free)

G_END_DECLS
