/* lf-json.h: JSON text as Landfall accepts it from a file.
 *
 * json-glib parses recursively and resolves what JSON leaves open in its own
 * way, so text is checked before and after it: strict UTF-8 with no NUL, no
 * lone UTF-16 surrogate in a \u escape and no \u0000, nesting at most
 * LF_JSON_MAX_DEPTH deep (a linear scan before json-glib sees the text, so
 * deep nesting can never exhaust the stack), and no object with the same
 * member twice.
 *
 * GLib + json-glib only.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Far more than any real file: a scenario is 3 levels deep, the baseline 5. */
#define LF_JSON_MAX_DEPTH 64

JsonNode *lf_json_parse (const char *data,
                         gsize       len,
                         GError    **error);

/* Walking a parsed document with a path for messages: the first problem
 * wins, and its message ("FILE: PATH: what") stays one line whatever ids
 * and names the file holds. */
typedef struct {
  const char *file;
  GError     *error;
} LfJsonLoader;

G_GNUC_PRINTF (3, 4)
void lf_json_fail (LfJsonLoader *l,
                   const char   *path,
                   const char   *format,
                   ...);

G_END_DECLS
