/* lf-scenario-file.h: scenario files (JSON), read and written.
 *
 * A file holds a format version, a name, a description and "values": the
 * same KEY: VALUE assignments as --set, applied to the baseline scenario in
 * turn through lf_scenario_set_*(), so every check is the same. Reading is
 * all or nothing: one bad value refuses the whole file with one line naming
 * the file, the key, the value and the allowed range. Writing keeps only
 * what differs from the baseline.
 *
 * GLib and json-glib; files go through lf-file.h.
 */
#pragma once

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_SCENARIO_FORMAT_VERSION 1
#define LF_SCENARIO_MAX_FILE_SIZE  (256 * 1024)

LfScenario *lf_scenario_load_file      (const LfBaseline *baseline,
                                        const char       *path,
                                        GError          **error);
LfScenario *lf_scenario_load_bytes     (const LfBaseline *baseline,
                                        GBytes           *bytes,
                                        const char       *display_name,
                                        GError          **error);
char       *lf_scenario_to_json        (const LfScenario *scenario);
gboolean    lf_scenario_save_file      (const LfScenario *scenario,
                                        const char       *path,
                                        GError          **error);

/* A comparison: up to LF_COMPARISON_MAX scenarios in one file, the one
 * being edited and the reference the differences are taken from. */
#define LF_COMPARISON_MAX 5

typedef struct {
  LfScenario *scenarios[LF_COMPARISON_MAX];
  int         n;
  int         edited;
  int         reference;
} LfComparisonFile;

LfComparisonFile *lf_comparison_file_new        (void);
void              lf_comparison_file_free       (LfComparisonFile *comparison);
LfComparisonFile *lf_comparison_file_load_file  (const LfBaseline *baseline,
                                                 const char       *path,
                                                 GError          **error);
LfComparisonFile *lf_comparison_file_load_bytes (const LfBaseline *baseline,
                                                 GBytes           *bytes,
                                                 const char       *display_name,
                                                 GError          **error);
char             *lf_comparison_file_to_json    (const LfComparisonFile *comparison);
gboolean          lf_comparison_file_save       (const LfComparisonFile *comparison,
                                                 const char             *path,
                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfComparisonFile, lf_comparison_file_free)

G_END_DECLS
