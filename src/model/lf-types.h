/* lf-types.h: constants and plain data shared by the model, the charts and the UI.
 *
 * GLib only: nothing here may include a GTK header.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LF_FIRST_YEAR 2025
#define LF_LAST_YEAR  2035
#define LF_N_YEARS    (LF_LAST_YEAR - LF_FIRST_YEAR + 1)
/* 2025 and 2026 are actual years: every scenario shows what happened. */
#define LF_FIRST_PROJECTED_YEAR 2027

typedef enum {
  LF_TIER_ENTRY,
  LF_TIER_MID,
  LF_TIER_PREMIUM,
  LF_N_TIERS
} LfTier;

/* Where a car is built decides which tariff it pays. */
typedef enum {
  LF_ORIGIN_CHINA,
  LF_ORIGIN_MEXICO,
  LF_ORIGIN_US,
  LF_ORIGIN_CANADA,
  LF_N_ORIGINS
} LfOrigin;

#define LF_MAX_MAKERS 8
#define LF_MAX_SITES  32
#define LF_MAX_PLANTS 64

/* Every yearly output of a projection. The CSV column of each is its name in
 * lf_series_name(); keep the order of this enum and that table in step. */
typedef enum {
  LF_SERIES_LV_SALES,
  LF_SERIES_EV_SALES,
  LF_SERIES_EV_SHARE_PCT,
  LF_SERIES_CHINESE_EV_SALES,
  LF_SERIES_CHINESE_SHARE_EV_PCT,
  LF_SERIES_CHINESE_CHINA_BUILT,
  LF_SERIES_CHINESE_MEXICO_BUILT,
  LF_SERIES_CHINESE_US_BUILT,
  LF_SERIES_CHINESE_CANADA_BUILT,
  LF_SERIES_CHINA_BUILT_SHARE_EV_PCT,
  LF_SERIES_FORD_EV_SALES,
  LF_SERIES_FORD_EV_SALES_NO_ENTRY,
  LF_SERIES_FORD_EV_ENTRY,
  LF_SERIES_FORD_EV_MID,
  LF_SERIES_FORD_EV_PREMIUM,
  LF_SERIES_FORD_EV_ENTRY_NO_ENTRY,
  LF_SERIES_FORD_EV_MID_NO_ENTRY,
  LF_SERIES_FORD_EV_PREMIUM_NO_ENTRY,
  LF_SERIES_FORD_EV_EBIT_MUSD,
  LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD,
  LF_SERIES_FORD_PARTNER_INCOME_MUSD,
  LF_SERIES_TARIFF_REVENUE_MUSD,
  LF_SERIES_ENTRANT_NA_JOBS,
  LF_SERIES_AVG_EV_PRICE_USD,
  LF_SERIES_FORD_EV_REVENUE_MUSD,
  LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD,
  /* Ford's impact: each the difference of one run, so its bands are the
   * percentiles of the difference itself (docs/model.md, 2.10). */
  LF_SERIES_FORD_EV_SALES_CHANGE,      /* ford_ev_sales − ford_ev_sales_no_entry */
  LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD,  /* ford_ev_ebit_musd − ford_ev_ebit_no_entry_musd */
  LF_SERIES_FORD_NET_EFFECT_MUSD,      /* the EBIT change + partner income */
  LF_N_SERIES
} LfSeries;

const char *lf_series_name (LfSeries series);
const char *lf_origin_name (LfOrigin origin);
const char *lf_tier_name   (LfTier tier);
gboolean    lf_id_is_valid (const char *id,
                            gssize      len);

/* Ids of makers, sites and plants: 1 to 40 lower-case letters, digits, '-' and '_'. */
#define LF_ID_MAX 40

static inline int
lf_year_index (int year)
{
  return year - LF_FIRST_YEAR;
}

G_END_DECLS
