/* lf-difference.h: what differs between two scenarios, in plain words.
 *
 * For a comparison's "what differs" list: each lever, authorisation or
 * plant whose value (or schedule) is not the same in two scenarios, with
 * each side written as a person reads it ("127.5 %, 25 % from 2028").
 *
 * GLib only.
 */
#pragma once

#include "lf-scenario.h"

G_BEGIN_DECLS

typedef struct {
  char *key;     /* as in files: "tariff.china", "maker.byd.authorised", "plant.byd-mx" */
  char *label;   /* translated: "Tariff on China-built EVs" */
  char *a;       /* the first scenario's value, in words */
  char *b;       /* the second's */
} LfDifference;

void       lf_difference_free   (LfDifference     *difference);
char      *lf_lever_value_words (const LfScenario *scenario,
                                 LfParam           param);
char      *lf_param_value_words (LfParam           param,
                                 double            value);
GPtrArray *lf_differences       (const LfScenario *a,
                                 const LfScenario *b);
char      *lf_changes_words     (const LfScenario *from,
                                 const LfScenario *to,
                                 guint             max_listed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfDifference, lf_difference_free)

G_END_DECLS
