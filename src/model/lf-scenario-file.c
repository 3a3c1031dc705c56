/* lf-scenario-file.c: scenario files, read all or nothing and written with
 * only what differs from the baseline (see lf-scenario-file.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lf-file.h"
#include "lf-json.h"
#include "lf-scenario-file.h"


/* ---- reading --------------------------------------------------------------- */

static gboolean
apply_json_values (LfScenario *s, JsonObject *values, GError **error)
{
  g_autoptr(GList) members = json_object_get_members (values);

  for (GList *it = members; it != NULL; it = it->next)
    {
      const char *key = it->data;
      JsonNode *node = json_object_get_member (values, key);
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
        {
          if (!lf_scenario_set_number (s, key, json_node_get_double (node), error))
            return FALSE;
        }
      else if (type == G_TYPE_STRING)
        {
          if (!lf_scenario_set_string (s, key, json_node_get_string (node), error))
            return FALSE;
        }
      else
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                       "%s: expected a number or a string", key);
          return FALSE;
        }
    }
  return TRUE;
}

/* The file's top: at most the size cap, strict JSON (lf-json.h), an object. */
static JsonNode *
parse_top (GBytes *bytes, GError **error)
{
  g_autoptr(JsonNode) top = NULL;
  g_autoptr(GError) local = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > LF_SCENARIO_MAX_FILE_SIZE)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_TOO_LARGE,
                   "file is %" G_GSIZE_FORMAT " bytes, larger than the %d-byte limit",
                   size, LF_SCENARIO_MAX_FILE_SIZE);
      return NULL;
    }
  /* Strict UTF-8, bounded nesting, no duplicate members: see lf-json.h. */
  top = lf_json_parse (data, size, &local);
  if (top == NULL)
    {
      g_set_error_literal (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                           local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (top))
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "the top level must be a JSON object");
      return NULL;
    }
  return g_steal_pointer (&top);
}

static gboolean
check_format (JsonObject *root, GError **error)
{
  JsonNode *node = json_object_get_member (root, "format");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "format: missing or not a whole number (expected %d)",
                   LF_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }
  if (json_node_get_int (node) != LF_SCENARIO_FORMAT_VERSION)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "format: %" G_GINT64_FORMAT " is not supported (this version reads %d)",
                   json_node_get_int (node), LF_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Every member of @object is one of @allowed (NULL-terminated), or the
 * error names the first that is not, as "<@prefix><member>: unknown member
 * (<@what> has a, b, c)". A member named @comparison (when given), met
 * before any unknown one, says the file is a comparison instead. */
static gboolean
check_members (JsonObject *object, const char *const *allowed, const char *comparison,
               const char *prefix, const char *what, GError **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *it = members; it != NULL; it = it->next)
    {
      const char *m = it->data;

      if (comparison != NULL && strcmp (m, comparison) == 0)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_IS_COMPARISON,
                       "this file is a comparison of several scenarios, not one scenario");
          return FALSE;
        }
      if (!g_strv_contains (allowed, m))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) allowed);

          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                       "%s%s: unknown member (%s has %s)", prefix, m, what, list);
          return FALSE;
        }
    }
  return TRUE;
}

/* One scenario's object: name, description, values (and, at a file's top,
 * the format, checked by the caller). */
static LfScenario *
scenario_from_object (const LfBaseline *baseline, JsonObject *root, gboolean top, GError **error)
{
  static const char *const file_members[] = { "format", "name", "description", "values", NULL };
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  JsonNode *node;

  /* Inside a comparison a scenario has no format of its own. */
  if (!check_members (root, top ? file_members : file_members + 1, top ? "comparison" : NULL,
                      "", "a scenario", error))
    return NULL;
  for (int k = 0; k < 2; k++)
    {
      const char *member = k == 0 ? "name" : "description";
      node = json_object_get_member (root, member);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          g_utf8_strlen (json_node_get_string (node), -1) > (k == 0 ? LF_SCENARIO_NAME_MAX : LF_SCENARIO_DESCRIPTION_MAX))
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                       "%s: expected a string of at most %d characters", member,
                       k == 0 ? LF_SCENARIO_NAME_MAX : LF_SCENARIO_DESCRIPTION_MAX);
          return NULL;
        }
      if (k == 0)
        lf_scenario_set_name (s, json_node_get_string (node));
      else
        lf_scenario_set_description (s, json_node_get_string (node));
    }
  node = json_object_get_member (root, "values");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                       "values: expected an object of KEY: VALUE");
          return NULL;
        }
      if (!apply_json_values (s, json_node_get_object (node), error))
        return NULL;
    }
  if (!lf_scenario_validate (s, error))
    return NULL;
  return g_steal_pointer (&s);
}

static LfScenario *
parse_scenario (const LfBaseline *baseline, GBytes *bytes, GError **error)
{
  g_autoptr(JsonNode) top = parse_top (bytes, error);
  JsonObject *root;

  if (top == NULL)
    return NULL;
  root = json_node_get_object (top);
  if (!check_format (root, error))
    return NULL;
  return scenario_from_object (baseline, root, TRUE, error);
}

static void
prefix_error (GError **error, const char *name)
{
  if (error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", name);
}

/* What both kinds of file share: a parser, the file's name in front of its
 * error, one line, and the file read safely (a regular file of at most the
 * cap, never a FIFO or device; lf-file.h). */
typedef gpointer (*ParseFunc) (const LfBaseline *baseline, GBytes *bytes, GError **error);

/* The parsers as ParseFunc, without a cast between function types. */
static gpointer
parse_scenario_any (const LfBaseline *baseline, GBytes *bytes, GError **error)
{
  return parse_scenario (baseline, bytes, error);
}

static gpointer parse_comparison_any (const LfBaseline *baseline, GBytes *bytes, GError **error);

static gpointer
load_bytes (ParseFunc parse, const LfBaseline *baseline, GBytes *bytes, const char *display_name,
            GError **error)
{
  gpointer result = parse (baseline, bytes, error);

  if (result == NULL)
    {
      prefix_error (error, display_name);
      lf_error_one_line (error);
    }
  return result;
}

static gpointer
load_file (ParseFunc parse, const LfBaseline *baseline, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = lf_file_read (path, LF_SCENARIO_MAX_FILE_SIZE, error);
  g_autofree char *display = NULL;

  if (bytes == NULL)
    return NULL;
  display = lf_file_display_name (path);
  return load_bytes (parse, baseline, bytes, display, error);
}

/**
 * lf_scenario_load_bytes:
 * All or nothing: returns a new scenario, or %NULL and one line in @error
 * naming the file, the key, the value and the allowed range.
 */
LfScenario *
lf_scenario_load_bytes (const LfBaseline *baseline, GBytes *bytes, const char *display_name,
                        GError **error)
{
  return load_bytes (parse_scenario_any, baseline, bytes, display_name, error);
}

LfScenario *
lf_scenario_load_file (const LfBaseline *baseline, const char *path, GError **error)
{
  g_return_val_if_fail (baseline != NULL && path != NULL, NULL);
  return load_file (parse_scenario_any, baseline, path, error);
}

/* ---- comparisons ------------------------------------------------------------- */

LfComparisonFile *
lf_comparison_file_new (void)
{
  return g_new0 (LfComparisonFile, 1);
}

void
lf_comparison_file_free (LfComparisonFile *c)
{
  if (c == NULL)
    return;
  for (int i = 0; i < c->n; i++)
    lf_scenario_free (c->scenarios[i]);
  g_free (c);
}

/* "edited" or "reference": an index into the scenarios. */
static gboolean
get_index (JsonObject *object, const char *member, int n, int *out, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) >= n)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "comparison.%s: expected the index of one of its %d scenarios (0 to %d)",
                   member, n, n - 1);
      return FALSE;
    }
  *out = (int) json_node_get_int (node);
  return TRUE;
}

static LfComparisonFile *
parse_comparison (const LfBaseline *baseline, GBytes *bytes, GError **error)
{
  g_autoptr(JsonNode) top = parse_top (bytes, error);
  g_autoptr(LfComparisonFile) c = NULL;
  JsonObject *root, *object;
  JsonNode *node;
  JsonArray *array;

  if (top == NULL)
    return NULL;
  root = json_node_get_object (top);
  if (!check_format (root, error))
    return NULL;
  c = lf_comparison_file_new ();
  node = json_object_get_member (root, "comparison");
  if (node == NULL)
    {
      /* A scenario file: a comparison of one. */
      c->scenarios[0] = scenario_from_object (baseline, root, TRUE, error);
      if (c->scenarios[0] == NULL)
        return NULL;
      c->n = 1;
      return g_steal_pointer (&c);
    }
  if (!check_members (root, (const char *const[]) { "format", "comparison", NULL }, NULL,
                      "", "a comparison file", error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "comparison: expected an object of scenarios, edited, reference");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, (const char *const[]) { "scenarios", "edited", "reference", NULL }, NULL,
                      "comparison.", "a comparison", error))
    return NULL;
  node = json_object_get_member (object, "scenarios");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) < 1 ||
      json_array_get_length (array) > LF_COMPARISON_MAX)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "comparison.scenarios: expected a list of 1 to %d scenarios", LF_COMPARISON_MAX);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                       "comparison.scenarios[%u]: expected a scenario object", i);
          return NULL;
        }
      c->scenarios[i] = scenario_from_object (baseline, json_node_get_object (element), FALSE, error);
      if (c->scenarios[i] == NULL)
        {
          g_prefix_error (error, "comparison.scenarios[%u]: ", i);
          return NULL;
        }
      c->n = i + 1;
    }
  if (!get_index (object, "edited", c->n, &c->edited, error) ||
      !get_index (object, "reference", c->n, &c->reference, error))
    return NULL;
  return g_steal_pointer (&c);
}

static gpointer
parse_comparison_any (const LfBaseline *baseline, GBytes *bytes, GError **error)
{
  return parse_comparison (baseline, bytes, error);
}

/**
 * lf_comparison_file_load_bytes:
 * All or nothing, as lf_scenario_load_bytes(): a comparison file, or a
 * scenario file read as a comparison of one.
 */
LfComparisonFile *
lf_comparison_file_load_bytes (const LfBaseline *baseline, GBytes *bytes, const char *display_name,
                               GError **error)
{
  return load_bytes (parse_comparison_any, baseline, bytes, display_name, error);
}

LfComparisonFile *
lf_comparison_file_load_file (const LfBaseline *baseline, const char *path, GError **error)
{
  g_return_val_if_fail (baseline != NULL && path != NULL, NULL);
  return load_file (parse_comparison_any, baseline, path, error);
}

/* ---- writing --------------------------------------------------------------- */

/* Scenario files are written by hand around json-glib's string escaping, so
 * that numbers come out in their shortest exact form (0.7, not json-glib's
 * 0.69999999999999996) and a person can read and edit them. */
typedef struct {
  GString    *out;
  gboolean    first;
  const char *indent;   /* of the object being written */
} Writer;

static void
write_string (GString *out, const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;

  json_node_set_string (node, text);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

static void
write_key (Writer *w, const char *key)
{
  g_string_append_printf (w->out, "%s\n%s    ", w->first ? "" : ",", w->indent);
  w->first = FALSE;
  write_string (w->out, key);
  g_string_append (w->out, " : ");
}

static void
add_number (Writer *w, const char *key, double v)
{
  write_key (w, key);
  if (isinf (v))
    write_string (w->out, "unlimited");
  else
    {
      g_autofree char *text = lf_format_number (v);
      g_string_append (w->out, text);
    }
}

static void
add_string (Writer *w, const char *key, const char *v)
{
  write_key (w, key);
  write_string (w->out, v);
}

/* The scenario as a JSON object, its lines indented by @indent, with no
 * line break after it; with the format version when it is a file's top. */
static void
write_scenario (GString *out, const LfScenario *s, const char *indent, gboolean with_format)
{
  g_autoptr(LfScenario) base = lf_scenario_new (s->baseline);
  Writer w = { out, TRUE, indent };

  g_string_append (w.out, "{\n");
  if (with_format)
    g_string_append_printf (w.out, "%s  \"format\" : %d,\n", indent, LF_SCENARIO_FORMAT_VERSION);
  g_string_append_printf (w.out, "%s  \"name\" : ", indent);
  write_string (w.out, s->name ? s->name : "");
  if (s->description && *s->description)
    {
      g_string_append_printf (w.out, ",\n%s  \"description\" : ", indent);
      write_string (w.out, s->description);
    }
  g_string_append_printf (w.out, ",\n%s  \"values\" : {", indent);
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);

      if (s->value[i] != base->value[i] && (info->flags & LF_PARAM_FLAG_CHOICE))
        add_string (&w, info->key, info->choices[(int) s->value[i]]);
      else if (s->value[i] != base->value[i])
        add_number (&w, info->key, s->value[i]);
      for (int y = 1; y < LF_N_YEARS; y++)
        if (s->has_step[i][y])
          {
            g_autofree char *key = g_strdup_printf ("%s@%d", lf_param_info (i)->key, LF_FIRST_YEAR + y);
            add_number (&w, key, s->step[i][y]);
          }
    }
  for (int m = 0; m < s->baseline->n_makers; m++)
    if (!s->authorised[m] != !base->authorised[m])
      {
        g_autofree char *key = g_strdup_printf ("maker.%s.authorised", s->baseline->makers[m].id);
        add_number (&w, key, s->authorised[m] ? 1 : 0);
      }
  for (int i = 0; i < base->n_plants; i++)
    if (lf_scenario_find_plant (s, base->plants[i].id) < 0)
      {
        g_autofree char *key = g_strdup_printf ("plant.%s.removed", base->plants[i].id);
        add_number (&w, key, 1);
      }
  for (int i = 0; i < s->n_plants; i++)
    {
      const LfPlant *p = &s->plants[i];
      int j = lf_scenario_find_plant (base, p->id);
      const LfPlant *q = j >= 0 ? &base->plants[j] : NULL;
      g_autofree char *k_maker = g_strdup_printf ("plant.%s.maker", p->id);
      g_autofree char *k_site = g_strdup_printf ("plant.%s.site", p->id);
      g_autofree char *k_cap = g_strdup_printf ("plant.%s.capacity", p->id);
      g_autofree char *k_start = g_strdup_printf ("plant.%s.start_year", p->id);

      /* A baseline plant whose start year went back to "as early as the site
       * allows" cannot be said with one key: remove it and define it anew. */
      if (q != NULL && p->start_year == 0 && q->start_year != 0)
        {
          g_autofree char *k_removed = g_strdup_printf ("plant.%s.removed", p->id);
          add_number (&w, k_removed, 1);
          q = NULL;
        }
      if (p->maker >= 0 && (!q || q->maker != p->maker))
        add_string (&w, k_maker, s->baseline->makers[p->maker].id);
      if (p->site >= 0 && (!q || q->site != p->site))
        add_string (&w, k_site, s->baseline->sites[p->site].id);
      if (!q || q->capacity != p->capacity)
        add_number (&w, k_cap, p->capacity);
      if (p->start_year != 0 && (!q || q->start_year != p->start_year))
        add_number (&w, k_start, p->start_year);
    }
  if (w.first)
    g_string_append_printf (w.out, "}\n%s}", indent);
  else
    g_string_append_printf (w.out, "\n%s  }\n%s}", indent, indent);
}

/**
 * lf_scenario_to_json:
 * The scenario as a file: only what differs from the baseline.
 * Returns: (transfer full): JSON text
 */
char *
lf_scenario_to_json (const LfScenario *s)
{
  GString *out = g_string_new (NULL);

  write_scenario (out, s, "", TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * lf_scenario_save_file:
 * Writes through lf_file_replace(): the old file survives any failure, its
 * mode is kept and a symbolic link keeps pointing at it.
 */
gboolean
lf_scenario_save_file (const LfScenario *s, const char *path, GError **error)
{
  g_autofree char *text = lf_scenario_to_json (s);

  return lf_file_replace (path, text, strlen (text), error);
}

/**
 * lf_comparison_file_to_json:
 * The comparison as a file: its scenarios in order, each with only what
 * differs from the baseline, and which one is edited and which is the
 * reference.
 */
char *
lf_comparison_file_to_json (const LfComparisonFile *c)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (c != NULL && c->n >= 1 && c->n <= LF_COMPARISON_MAX, NULL);
  g_string_append_printf (out, "{\n  \"format\" : %d,\n  \"comparison\" : {\n"
                          "    \"edited\" : %d,\n    \"reference\" : %d,\n    \"scenarios\" : [\n",
                          LF_SCENARIO_FORMAT_VERSION, c->edited, c->reference);
  for (int i = 0; i < c->n; i++)
    {
      g_string_append (out, "      ");
      write_scenario (out, c->scenarios[i], "      ", FALSE);
      g_string_append (out, i + 1 < c->n ? ",\n" : "\n");
    }
  g_string_append (out, "    ]\n  }\n}\n");
  return g_string_free (out, FALSE);
}

gboolean
lf_comparison_file_save (const LfComparisonFile *c, const char *path, GError **error)
{
  g_autofree char *text = lf_comparison_file_to_json (c);

  return lf_file_replace (path, text, strlen (text), error);
}
