/* lf-types.c: names of series, origins and tiers (stable: they are CSV columns and file keys). */
#define G_LOG_DOMAIN "landfall-model"

#include <string.h>

#include "lf-types.h"

static const char *series_names[LF_N_SERIES] = {
  [LF_SERIES_LV_SALES]                   = "lv_sales_us",
  [LF_SERIES_EV_SALES]                   = "ev_sales_us",
  [LF_SERIES_EV_SHARE_PCT]               = "ev_share_lv_pct",
  [LF_SERIES_CHINESE_EV_SALES]           = "chinese_ev_sales",
  [LF_SERIES_CHINESE_SHARE_EV_PCT]       = "chinese_share_ev_pct",
  [LF_SERIES_CHINESE_CHINA_BUILT]        = "chinese_china_built",
  [LF_SERIES_CHINESE_MEXICO_BUILT]       = "chinese_mexico_built",
  [LF_SERIES_CHINESE_US_BUILT]           = "chinese_us_built",
  [LF_SERIES_CHINESE_CANADA_BUILT]       = "chinese_canada_built",
  [LF_SERIES_CHINA_BUILT_SHARE_EV_PCT]   = "china_built_share_ev_pct",
  [LF_SERIES_FORD_EV_SALES]              = "ford_ev_sales",
  [LF_SERIES_FORD_EV_SALES_NO_ENTRY]     = "ford_ev_sales_no_entry",
  [LF_SERIES_FORD_EV_ENTRY]              = "ford_ev_entry",
  [LF_SERIES_FORD_EV_MID]                = "ford_ev_mid",
  [LF_SERIES_FORD_EV_PREMIUM]            = "ford_ev_premium",
  [LF_SERIES_FORD_EV_ENTRY_NO_ENTRY]     = "ford_ev_entry_no_entry",
  [LF_SERIES_FORD_EV_MID_NO_ENTRY]       = "ford_ev_mid_no_entry",
  [LF_SERIES_FORD_EV_PREMIUM_NO_ENTRY]   = "ford_ev_premium_no_entry",
  [LF_SERIES_FORD_EV_EBIT_MUSD]          = "ford_ev_ebit_musd",
  [LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD] = "ford_ev_ebit_no_entry_musd",
  [LF_SERIES_FORD_PARTNER_INCOME_MUSD]   = "ford_partner_income_musd",
  [LF_SERIES_TARIFF_REVENUE_MUSD]        = "tariff_revenue_musd",
  [LF_SERIES_ENTRANT_NA_JOBS]            = "entrant_na_jobs",
  [LF_SERIES_AVG_EV_PRICE_USD]           = "avg_ev_price_usd",
  [LF_SERIES_FORD_EV_REVENUE_MUSD]       = "ford_ev_revenue_musd",
  [LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD] = "ford_ev_revenue_no_entry_musd",
  [LF_SERIES_FORD_EV_SALES_CHANGE]       = "ford_ev_sales_change",
  [LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD]   = "ford_ev_ebit_change_musd",
  [LF_SERIES_FORD_NET_EFFECT_MUSD]       = "ford_net_effect_musd",
};

static const char *origin_names[LF_N_ORIGINS] = { "china", "mexico", "us", "canada" };
static const char *tier_names[LF_N_TIERS] = { "entry", "mid", "premium" };

const char *
lf_series_name (LfSeries series)
{
  g_return_val_if_fail (series < LF_N_SERIES, NULL);
  return series_names[series];
}

const char *
lf_origin_name (LfOrigin origin)
{
  g_return_val_if_fail (origin < LF_N_ORIGINS, NULL);
  return origin_names[origin];
}

const char *
lf_tier_name (LfTier tier)
{
  g_return_val_if_fail (tier < LF_N_TIERS, NULL);
  return tier_names[tier];
}

/**
 * lf_id_is_valid:
 * @len: bytes of @id to check, or -1 for all of it
 *
 * Ids name makers, sites and plants in files and keys, so they stay plain.
 */
gboolean
lf_id_is_valid (const char *id, gssize len)
{
  gsize n = len < 0 ? strlen (id) : (gsize) len;

  if (n == 0 || n > LF_ID_MAX)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-' && id[i] != '_')
      return FALSE;
  return TRUE;
}
