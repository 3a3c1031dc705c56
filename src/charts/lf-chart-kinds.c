/* lf-chart-kinds.c: every chart kind, as data.
 *
 * To change what a chart shows (add a series, move it to another panel,
 * recolour it, relabel it), edit its table here; the drawing, the legend,
 * the hover read-out and the y lookups follow. Layers are listed in legend
 * and read-out order; `depth` sets the drawing order.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/* Chinese-brand share of US EV sales ---------------------------------------- */

static const LfPanelSpec share_panels[] = {
  /* Translators: the unit of the y axis; "%" is a plain percent sign here */
  /* xgettext:no-c-format */
  { N_("% of US EV sales"), 1.0, 100.0, TRUE },
};

static const LfLayerSpec share_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_CHINESE_SHARE_EV_PCT, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("This scenario"), LF_VALUE_PERCENT },
  { LF_LAYER_LINE, LF_SERIES_CHINESE_SHARE_EV_PCT, LF_FROM_CURRENT_POLICY, 0, 1.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("Current policy"), N_("Current policy"), LF_VALUE_PERCENT },
  { LF_LAYER_BAND, LF_SERIES_CHINESE_SHARE_EV_PCT, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("p10–p90"), LF_VALUE_PERCENT },
};

/* Chinese-brand EV sales by where they are built ----------------------------- */

static const LfPanelSpec origin_panels[] = {
  { N_("Thousand vehicles per year"), 1.0, INFINITY, TRUE },
};

/* Stacked from the bottom in this order (LfOrigin's). */
static const LfLayerSpec origin_layers[] = {
  { LF_LAYER_STACK, LF_SERIES_CHINESE_CHINA_BUILT, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_ORIGIN_CHINA, LF_DEPTH_AREA, N_("Built in China"), N_("Built in China"), LF_VALUE_VEHICLES },
  { LF_LAYER_STACK, LF_SERIES_CHINESE_MEXICO_BUILT, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_ORIGIN_MEXICO, LF_DEPTH_AREA, N_("Built in Mexico"), N_("Built in Mexico"), LF_VALUE_VEHICLES },
  { LF_LAYER_STACK, LF_SERIES_CHINESE_US_BUILT, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_ORIGIN_US, LF_DEPTH_AREA, N_("Built in the US"), N_("Built in the US"), LF_VALUE_VEHICLES },
  { LF_LAYER_STACK, LF_SERIES_CHINESE_CANADA_BUILT, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_ORIGIN_CANADA, LF_DEPTH_AREA, N_("Built in Canada"), N_("Built in Canada"), LF_VALUE_VEHICLES },
};

/* Ford EV sales and EBIT, against no Chinese entry ---------------------------- */

static const LfPanelSpec ford_panels[] = {
  { N_("Ford EV sales, thousand vehicles"), 1.0, INFINITY, TRUE },
  /* EBIT is often a loss: the range always holds zero so the sign reads. */
  { N_("Ford EV EBIT and partnership income, USD million"), 0.0, INFINITY, FALSE },
};

static const LfLayerSpec ford_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("EV sales"), LF_VALUE_VEHICLES },
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_SALES_NO_ENTRY, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("No Chinese entry"), N_("EV sales, no entry"), LF_VALUE_VEHICLES },
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_EBIT_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("EV EBIT"), LF_VALUE_MUSD },
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("No Chinese entry"), N_("EV EBIT, no entry"), LF_VALUE_MUSD },
  { LF_LAYER_BARS, LF_SERIES_FORD_PARTNER_INCOME_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_PARTNER, LF_DEPTH_BARS, N_("Partnership income"), N_("Partnership income"), LF_VALUE_MUSD },
  { LF_LAYER_BAND, LF_SERIES_FORD_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), NULL, LF_VALUE_VEHICLES },
  { LF_LAYER_BAND, LF_SERIES_FORD_EV_EBIT_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), NULL, LF_VALUE_MUSD },
};

/* What Chinese entry does to Ford, against no entry ---------------------------- */

/* Each line is a series of its own (the difference within each run, so its
 * band is the band of the difference); the net effect leads. */
static const LfPanelSpec ford_impact_panels[] = {
  { N_("Change in Ford EV sales, thousand vehicles"), 1.0, INFINITY, FALSE },
  { N_("Effect on Ford, USD million a year"), 0.0, INFINITY, FALSE },
};

static const LfLayerSpec ford_impact_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_SALES_CHANGE, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("Change against no entry"), N_("EV sales change"), LF_VALUE_VEHICLES },
  { LF_LAYER_LINE, LF_SERIES_FORD_NET_EFFECT_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("Change against no entry"), N_("Net effect on Ford"), LF_VALUE_MUSD },
  { LF_LAYER_LINE, LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("EV EBIT change"), N_("EV EBIT change"), LF_VALUE_MUSD },
  { LF_LAYER_BARS, LF_SERIES_FORD_PARTNER_INCOME_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_PARTNER, LF_DEPTH_BARS, N_("Partnership income"), N_("Partnership income"), LF_VALUE_MUSD },
  { LF_LAYER_BAND, LF_SERIES_FORD_EV_SALES_CHANGE, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), NULL, LF_VALUE_VEHICLES },
  { LF_LAYER_BAND, LF_SERIES_FORD_NET_EFFECT_MUSD, LF_FROM_SCENARIO, 1, 1.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("Net effect p10–p90"), LF_VALUE_MUSD },
};

/* The market's other results: one series each, the scenario against current policy */

static const LfPanelSpec price_panels[] = {
  { N_("US dollars, before the credit"), 1.0, INFINITY, FALSE },
};

static const LfLayerSpec price_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_AVG_EV_PRICE_USD, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("This scenario"), LF_VALUE_USD },
  { LF_LAYER_LINE, LF_SERIES_AVG_EV_PRICE_USD, LF_FROM_CURRENT_POLICY, 0, 1.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("Current policy"), N_("Current policy"), LF_VALUE_USD },
  { LF_LAYER_BAND, LF_SERIES_AVG_EV_PRICE_USD, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("p10–p90"), LF_VALUE_USD },
};

static const LfPanelSpec tariff_revenue_panels[] = {
  { N_("USD million a year"), 1.0, INFINITY, TRUE },
};

static const LfLayerSpec tariff_revenue_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_TARIFF_REVENUE_MUSD, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("This scenario"), LF_VALUE_MUSD },
  { LF_LAYER_LINE, LF_SERIES_TARIFF_REVENUE_MUSD, LF_FROM_CURRENT_POLICY, 0, 1.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("Current policy"), N_("Current policy"), LF_VALUE_MUSD },
  { LF_LAYER_BAND, LF_SERIES_TARIFF_REVENUE_MUSD, LF_FROM_SCENARIO, 0, 1.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("p10–p90"), LF_VALUE_MUSD },
};

static const LfPanelSpec jobs_panels[] = {
  { N_("Thousand jobs"), 1.0, INFINITY, TRUE },
};

static const LfLayerSpec jobs_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_ENTRANT_NA_JOBS, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("This scenario"), N_("This scenario"), LF_VALUE_COUNT },
  { LF_LAYER_LINE, LF_SERIES_ENTRANT_NA_JOBS, LF_FROM_CURRENT_POLICY, 0, 1000.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("Current policy"), N_("Current policy"), LF_VALUE_COUNT },
  { LF_LAYER_BAND, LF_SERIES_ENTRANT_NA_JOBS, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("p10–p90"), LF_VALUE_COUNT },
};

static const LfPanelSpec market_panels[] = {
  { N_("Thousand vehicles per year"), 1.0, INFINITY, TRUE },
};

static const LfLayerSpec market_layers[] = {
  { LF_LAYER_LINE, LF_SERIES_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_SCENARIO, LF_DEPTH_EMPHASIS, N_("US EV sales, this scenario"), N_("US EV sales"), LF_VALUE_VEHICLES },
  { LF_LAYER_LINE, LF_SERIES_EV_SALES, LF_FROM_CURRENT_POLICY, 0, 1000.0,
    LF_ROLE_BASELINE, LF_DEPTH_LINE, N_("Current policy"), N_("Current policy"), LF_VALUE_VEHICLES },
  { LF_LAYER_BARS, LF_SERIES_CHINESE_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_ORIGIN_CHINA, LF_DEPTH_BARS, N_("Of which Chinese brands"), N_("Chinese brands"), LF_VALUE_VEHICLES },
  { LF_LAYER_BAND, LF_SERIES_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0,
    LF_ROLE_BAND, LF_DEPTH_AREA, N_("p10–p90 range"), N_("p10–p90"), LF_VALUE_VEHICLES },
};

/* Chinese-brand EV sales by maker: one layer per maker of the data, named and
 * coloured as the maker (on the map too); makers the data lacks are left out. */

#define MAKER_LAYER(m) \
  { LF_LAYER_STACK, LF_SERIES_CHINESE_EV_SALES, LF_FROM_SCENARIO, 0, 1000.0, \
    LF_ROLE_SCENARIO, LF_DEPTH_AREA, NULL, NULL, LF_VALUE_VEHICLES, (m) + 1 }

static const LfLayerSpec makers_layers[] = {
  MAKER_LAYER (0), MAKER_LAYER (1), MAKER_LAYER (2), MAKER_LAYER (3),
  MAKER_LAYER (4), MAKER_LAYER (5), MAKER_LAYER (6), MAKER_LAYER (7),
};
G_STATIC_ASSERT (G_N_ELEMENTS (makers_layers) == LF_MAX_MAKERS);

/* The kinds, in LfChartKind's order ------------------------------------------ */

static const LfChartSpec specs[LF_N_CHARTS] = {
  [LF_CHART_SHARE] = {
    .name = "share",
    .title = N_("Chinese-brand share of US EV sales"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (share_panels), .panels = share_panels,
    .n_layers = G_N_ELEMENTS (share_layers), .layers = share_layers,
    .describe = lf_chart_share_describe,
  },
  [LF_CHART_ORIGIN] = {
    .name = "origin",
    .title = N_("Chinese-brand EV sales by where they are built"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (origin_panels), .panels = origin_panels,
    .n_layers = G_N_ELEMENTS (origin_layers), .layers = origin_layers,
    .empty_note = N_("No Chinese-brand EV sales in this scenario"),
    .describe = lf_chart_origin_describe,
  },
  [LF_CHART_FORD] = {
    .name = "ford",
    .title = N_("Ford EV sales and EBIT"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (ford_panels), .panels = ford_panels,
    .n_layers = G_N_ELEMENTS (ford_layers), .layers = ford_layers,
    .describe = lf_chart_ford_describe,
  },
  [LF_CHART_MAP] = {
    .name = "map",
    .title = N_("Plants of Chinese-brand makers in North America"),
    .source = N_("Source: Landfall model, data/baseline.json. Map: Natural Earth; US Census Bureau "
                 "cartographic boundaries (public domain)."),
    .draw = lf_chart_map_draw,
    .describe = lf_chart_map_describe,
  },
  [LF_CHART_TORNADO] = {
    .name = "tornado",
    .title = N_("Which levers move the result most"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .draw = lf_chart_tornado_draw,
    .describe = lf_chart_tornado_describe,
  },
  [LF_CHART_VALIDATION] = {
    .name = "validation",
    .title = N_("Chinese-brand share abroad: observed and modelled"),
    /* The backtest does not depend on the scenario. */
    .subtitle = N_("Points: observed. Lines: the model with one set of behavioural parameters "
                   "for every market, no factor per market."),
    .source = N_("Source: observed shares from data/validation.json, each with its source; model: "
                 "docs/validation.md, with the behavioural parameters of data/baseline.json."),
    .draw = lf_chart_validation_draw,
    .describe = lf_chart_validation_describe,
  },
  [LF_CHART_ATTRIBUTION] = {
    .name = "attribution",
    .title = N_("Where the change from current policy came from"),
    .source = N_("Source: Landfall model, data/baseline.json. Each lever's part is its Shapley value: "
                 "its effect averaged over every order of switching the levers (docs/model.md)."),
    .draw = lf_chart_attribution_draw,
    .describe = lf_chart_attribution_describe,
  },
  [LF_CHART_FORD_IMPACT] = {
    .name = "ford-impact",
    .title = N_("What Chinese entry does to Ford"),
    .source = N_("Source: Landfall model, data/baseline.json; each year the scenario against the same "
                 "scenario with no Chinese entry. Net effect = EV EBIT change + partnership income."),
    .n_panels = G_N_ELEMENTS (ford_impact_panels), .panels = ford_impact_panels,
    .n_layers = G_N_ELEMENTS (ford_impact_layers), .layers = ford_impact_layers,
    .empty_note = N_("No Chinese-brand EV sales in this scenario: Ford's results are those with no entry"),
    .describe = lf_chart_ford_impact_describe,
  },
  [LF_CHART_PRICE] = {
    .name = "price",
    .title = N_("Average US EV price"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (price_panels), .panels = price_panels,
    .n_layers = G_N_ELEMENTS (price_layers), .layers = price_layers,
    .describe = lf_chart_price_describe,
  },
  [LF_CHART_TARIFF_REVENUE] = {
    .name = "tariff-revenue",
    .title = N_("Tariff revenue from Chinese-brand EVs"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (tariff_revenue_panels), .panels = tariff_revenue_panels,
    .n_layers = G_N_ELEMENTS (tariff_revenue_layers), .layers = tariff_revenue_layers,
    .empty_note = N_("No duty collected: no Chinese-brand car is imported in this scenario"),
    .describe = lf_chart_tariff_revenue_describe,
  },
  [LF_CHART_JOBS] = {
    .name = "jobs",
    .title = N_("Jobs at Chinese-brand plants in North America"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (jobs_panels), .panels = jobs_panels,
    .n_layers = G_N_ELEMENTS (jobs_layers), .layers = jobs_layers,
    .empty_note = N_("No Chinese-brand plant builds cars in North America in this scenario"),
    .describe = lf_chart_jobs_describe,
  },
  [LF_CHART_MAKERS] = {
    .name = "makers",
    .title = N_("Chinese-brand EV sales by maker"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (origin_panels), .panels = origin_panels,
    .n_layers = G_N_ELEMENTS (makers_layers), .layers = makers_layers,
    .empty_note = N_("No Chinese-brand EV sales in this scenario"),
    .describe = lf_chart_makers_describe,
  },
  [LF_CHART_MARKET] = {
    .name = "market",
    .title = N_("Size of the US EV market"),
    .source = N_("Source: Landfall model, data/baseline.json; projections 2025–2035 are model "
               "output, not forecasts."),
    .n_panels = G_N_ELEMENTS (market_panels), .panels = market_panels,
    .n_layers = G_N_ELEMENTS (market_layers), .layers = market_layers,
    .describe = lf_chart_market_describe,
  },
};

/**
 * lf_chart_kind_get_spec:
 * @kind: a chart kind
 *
 * Returns: (transfer none): what the chart is: its panels and layers, or
 *   its own drawing
 */
const LfChartSpec *
lf_chart_kind_get_spec (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHARTS, &specs[LF_CHART_SHARE]);

  return &specs[kind];
}
