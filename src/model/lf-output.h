/* lf-output.h: projections as CSV or JSON, the same in every locale. */
#pragma once

#include "lf-projection.h"

G_BEGIN_DECLS

typedef enum {
  LF_OUTPUT_CSV,
  LF_OUTPUT_JSON,
} LfOutputFormat;

/* Series that get p10/p50/p90 columns when bands are given. */
extern const LfSeries lf_banded_series[];
extern const int      lf_n_banded_series;

char *lf_projection_to_csv  (const LfScenario   *scenario,
                             const LfProjection *projection,
                             const LfBands      *bands);
char *lf_projection_to_json (const LfScenario   *scenario,
                             const LfProjection *projection,
                             const LfBands      *bands);

void  lf_output_append_csv_field (GString    *out,
                                  const char *text);

char *lf_comparison_unique_name (const char *const *names,
                                 int                i);
char *lf_comparison_to_csv  (const char *const         *names,
                             const LfScenario *const   *scenarios,
                             const LfProjection *const *projections,
                             const LfBands *const      *bands,
                             int                        n);
char *lf_comparison_to_json (const char *const         *names,
                             const LfScenario *const   *scenarios,
                             const LfProjection *const *projections,
                             const LfBands *const      *bands,
                             int                        n);

G_END_DECLS
