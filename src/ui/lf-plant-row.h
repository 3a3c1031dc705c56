/* lf-plant-row.h: one plant of a scenario as an expander row: its maker,
 * site, capacity and first year, and a button to remove it. */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_PLANT_ROW (lf_plant_row_get_type ())

G_DECLARE_FINAL_TYPE (LfPlantRow, lf_plant_row, LF, PLANT_ROW, AdwExpanderRow)

GtkWidget  *lf_plant_row_new             (const LfBaseline *baseline,
                                          const char       *plant_id);
const char *lf_plant_row_get_plant_id    (LfPlantRow       *self);
guint       lf_plant_row_get_maker       (LfPlantRow       *self);
guint       lf_plant_row_get_site        (LfPlantRow       *self);
double      lf_plant_row_get_capacity    (LfPlantRow       *self);
int         lf_plant_row_get_start_year  (LfPlantRow       *self);
void        lf_plant_row_show            (LfPlantRow       *self,
                                          const LfScenario *scenario);
void        lf_plant_row_set_note        (LfPlantRow       *self,
                                          const char       *text,
                                          const char       *status);

G_END_DECLS
