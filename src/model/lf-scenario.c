/* lf-scenario.c: the levers, their checks, and scenario files. */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lf-file.h"
#include "lf-json.h"
#include "lf-scenario.h"

G_DEFINE_QUARK (lf-scenario-error-quark, lf_scenario_error)

/**
 * lf_format_number:
 * Formats a value the same in every locale ("unlimited" for +inf).
 * Returns: (transfer full): the text
 */
char *
lf_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value) && value > 0)
    return g_strdup ("unlimited");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  /* The shortest text that reads back as the same number: 0.05, not 0.050000000000000003. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

static char *
format_range (double min, double max, const char *unit, gboolean unlimited)
{
  g_autofree char *a = lf_format_number (min);
  g_autofree char *b = lf_format_number (max);

  return g_strdup_printf ("%s to %s%s%s%s", a, b, unit && *unit ? " " : "", unit ? unit : "",
                          unlimited ? ", or unlimited" : "");
}

/* Messages quote what the user wrote (keys, values, ids): keep them one short
 * line whatever that was, with control characters shown as escapes. */
static void
tidy_error (GError **error)
{
  char *line;

  if (error == NULL || *error == NULL)
    return;
  line = lf_text_one_line ((*error)->message, -1);
  g_free ((*error)->message);
  (*error)->message = line;
}

/* ---- construction ------------------------------------------------------ */

static void
plant_from_spec (const LfBaseline *b, const LfPlantSpec *spec, LfPlant *p)
{
  memset (p, 0, sizeof *p);
  g_strlcpy (p->id, spec->id, sizeof p->id);
  p->maker = lf_baseline_find_maker (b, spec->maker);
  p->site = lf_baseline_find_site (b, spec->site);
  p->capacity = spec->capacity;
  p->start_year = spec->start_year;
}

/**
 * lf_scenario_new:
 * @baseline: the data; must outlive the scenario
 * Returns: (transfer full): the baseline scenario (current policy)
 */
LfScenario *
lf_scenario_new (const LfBaseline *baseline)
{
  LfScenario *s;

  g_return_val_if_fail (baseline != NULL, NULL);
  s = g_new0 (LfScenario, 1);
  s->baseline = baseline;
  s->name = g_strdup ("Current policy");
  s->description = g_strdup ("");
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);
      const LfRange *r = lf_baseline_get_range (baseline, info->key);
      if (r == NULL)
        g_critical ("baseline has no default for %s", info->key);
      s->value[i] = r ? r->central : info->min;
    }
  s->n_plants = baseline->n_plants;
  for (int i = 0; i < baseline->n_plants; i++)
    plant_from_spec (baseline, &baseline->plants[i], &s->plants[i]);
  return s;
}

LfScenario *
lf_scenario_copy (const LfScenario *src)
{
  LfScenario *s;

  g_return_val_if_fail (src != NULL, NULL);
  s = g_new (LfScenario, 1);
  *s = *src;
  s->name = g_strdup (src->name);
  s->description = g_strdup (src->description);
  return s;
}

void
lf_scenario_assign (LfScenario *dest, const LfScenario *src)
{
  char *name = g_strdup (src->name);
  char *description = g_strdup (src->description);

  g_free (dest->name);
  g_free (dest->description);
  *dest = *src;
  dest->name = name;
  dest->description = description;
}

void
lf_scenario_free (LfScenario *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->description);
  g_free (s);
}

void
lf_scenario_set_name (LfScenario *s, const char *name)
{
  g_return_if_fail (s != NULL);
  if (g_strcmp0 (s->name, name) == 0)
    return;
  g_free (s->name);
  /* Files accept names up to LF_SCENARIO_NAME_MAX characters; keep to that. */
  s->name = g_utf8_substring (name ? name : "", 0,
                              MIN (g_utf8_strlen (name ? name : "", -1), LF_SCENARIO_NAME_MAX));
}

gboolean
lf_scenario_equal (const LfScenario *a, const LfScenario *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 || a->n_plants != b->n_plants)
    return FALSE;
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      if (a->value[i] != b->value[i])
        return FALSE;
      for (int y = 0; y < LF_N_YEARS; y++)
        if (a->has_step[i][y] != b->has_step[i][y] ||
            (a->has_step[i][y] && a->step[i][y] != b->step[i][y]))
          return FALSE;
    }
  /* Plants compare by id: their order in the list carries no meaning. */
  for (int i = 0; i < a->n_plants; i++)
    {
      const LfPlant *p = &a->plants[i];
      int j = lf_scenario_find_plant (b, p->id);
      const LfPlant *q = j >= 0 ? &b->plants[j] : NULL;
      if (q == NULL || p->maker != q->maker || p->site != q->site ||
          p->capacity != q->capacity || p->start_year != q->start_year)
        return FALSE;
    }
  return TRUE;
}

/* ---- values over time -------------------------------------------------- */

double
lf_scenario_value_at (const LfScenario *s, LfParam param, int year)
{
  double v = s->value[param];
  int last = MIN (lf_year_index (year), LF_N_YEARS - 1);

  for (int y = 1; y <= last; y++)
    if (s->has_step[param][y])
      v = s->step[param][y];
  return v;
}

void
lf_scenario_resolve (const LfScenario *s, LfParam param, double out[LF_N_YEARS])
{
  double v = s->value[param];

  for (int y = 0; y < LF_N_YEARS; y++)
    {
      if (y > 0 && s->has_step[param][y])
        v = s->step[param][y];
      out[y] = v;
    }
}

void
lf_scenario_clear_steps (LfScenario *s, LfParam param)
{
  memset (s->has_step[param], 0, sizeof s->has_step[param]);
}

/* ---- plants ------------------------------------------------------------ */

int
lf_scenario_find_plant (const LfScenario *s, const char *id)
{
  for (int i = 0; i < s->n_plants; i++)
    if (strcmp (s->plants[i].id, id) == 0)
      return i;
  return -1;
}

gboolean
lf_scenario_remove_plant (LfScenario *s, const char *id)
{
  int i = lf_scenario_find_plant (s, id);

  if (i < 0)
    return FALSE;
  memmove (&s->plants[i], &s->plants[i + 1], (s->n_plants - i - 1) * sizeof (LfPlant));
  s->n_plants--;
  return TRUE;
}

/* The first year a plant produces: its own start year, but never before its
 * site allows (the site's lead time). */
int
lf_plant_effective_start (const LfScenario *s, const LfPlant *p)
{
  int earliest = p->site >= 0 ? s->baseline->sites[p->site].earliest_year : LF_FIRST_YEAR;
  return MAX (p->start_year, earliest);
}

/* ---- setting values ---------------------------------------------------- */

typedef enum { VALUE_NUMBER, VALUE_STRING } ValueKind;

typedef struct {
  ValueKind   kind;
  double      number;
  const char *string;
} Value;

static char *
value_text (const Value *v)
{
  if (v->kind == VALUE_STRING)
    return g_strdup_printf ("'%s'", v->string);
  return lf_format_number (v->number);
}

/* Numbers arrive from the command line and files as text or as numbers;
 * text is read with g_ascii_strtod so every locale reads it the same. */
static gboolean
value_to_number (const char *key, const Value *v, gboolean unlimited_ok, double *out, GError **error)
{
  char *end = NULL;
  double d;

  if (v->kind == VALUE_NUMBER)
    {
      *out = v->number;
      return TRUE;
    }
  if (unlimited_ok && g_ascii_strcasecmp (v->string, "unlimited") == 0)
    {
      *out = INFINITY;
      return TRUE;
    }
  errno = 0;
  d = g_ascii_strtod (v->string, &end);
  if (*v->string == '\0' || end == NULL || *end != '\0' || errno == ERANGE || !isfinite (d))
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "%s: '%s' is not a number", key, v->string);
      return FALSE;
    }
  *out = d;
  return TRUE;
}

static gboolean
check_number (const char *key, double d, double min, double max, const char *unit,
              gboolean integer, gboolean unlimited_ok, GError **error)
{
  if (isinf (d) && d > 0 && unlimited_ok)
    return TRUE;
  if (!isfinite (d) || d < min || d > max)
    {
      g_autofree char *text = lf_format_number (d);
      g_autofree char *range = format_range (min, max, unit, unlimited_ok);
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_OUT_OF_RANGE,
                   "%s: %s is out of range (%s)", key, text, range);
      return FALSE;
    }
  if (integer && d != floor (d))
    {
      g_autofree char *text = lf_format_number (d);
      g_autofree char *range = format_range (min, max, unit, unlimited_ok);
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "%s: %s is not a whole number (%s)", key, text, range);
      return FALSE;
    }
  return TRUE;
}

static gboolean set_plant_field (LfScenario *s, const char *key, const char *field, LfPlant *p,
                                 const Value *v, GError **error);

static gboolean
set_plant (LfScenario *s, const char *key, const char *rest, const Value *v, GError **error)
{
  const char *dot = strrchr (rest, '.');
  g_autofree char *id = NULL;
  const char *field;
  LfPlant fresh, *p;
  gboolean is_new;
  int i;

  if (dot == NULL || !lf_id_is_valid (rest, dot - rest))
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                   "%s: unknown key (plant keys are plant.<id>.maker|site|capacity|start_year|removed, "
                   "with an id of up to %d lower-case letters, digits and '-')",
                   key, LF_PLANT_ID_MAX);
      return FALSE;
    }
  id = g_strndup (rest, dot - rest);
  field = dot + 1;
  if (strcmp (field, "maker") != 0 && strcmp (field, "site") != 0 &&
      strcmp (field, "capacity") != 0 && strcmp (field, "start_year") != 0 &&
      strcmp (field, "removed") != 0)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                   "%s: unknown key (a plant has maker, site, capacity, start_year, removed)", key);
      return FALSE;
    }

  i = lf_scenario_find_plant (s, id);
  if (strcmp (field, "removed") == 0)
    {
      double d;
      if (!value_to_number (key, v, FALSE, &d, error) ||
          !check_number (key, d, 1, 1, "", TRUE, FALSE, error))
        return FALSE;
      if (i < 0)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                       "%s: there is no plant '%s' to remove", key, id);
          return FALSE;
        }
      lf_scenario_remove_plant (s, id);
      return TRUE;
    }

  /* A new plant is built aside and added only if its first value is good,
   * so a rejected assignment leaves the scenario as it was. */
  is_new = i < 0;
  if (is_new)
    {
      if (s->n_plants >= LF_MAX_PLANTS)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_TOO_MANY_PLANTS,
                       "%s: a scenario holds at most %d plants", key, LF_MAX_PLANTS);
          return FALSE;
        }
      memset (&fresh, 0, sizeof fresh);
      g_strlcpy (fresh.id, id, sizeof fresh.id);
      fresh.maker = -1;
      fresh.site = -1;
      fresh.capacity = LF_PLANT_DEFAULT_CAPACITY;
      fresh.start_year = 0;
      p = &fresh;
    }
  else
    p = &s->plants[i];
  if (!set_plant_field (s, key, field, p, v, error))
    return FALSE;
  if (is_new)
    s->plants[s->n_plants++] = fresh;
  return TRUE;
}

static gboolean
set_plant_field (LfScenario *s, const char *key, const char *field, LfPlant *p, const Value *v,
                 GError **error)
{
  const LfBaseline *b = s->baseline;

  if (strcmp (field, "maker") == 0 || strcmp (field, "site") == 0)
    {
      gboolean is_maker = field[0] == 'm';
      const char *name = v->kind == VALUE_STRING ? v->string : NULL;
      int idx = name == NULL ? -1
                : is_maker ? lf_baseline_find_maker (b, name) : lf_baseline_find_site (b, name);

      if (idx < 0)
        {
          g_autoptr(GString) allowed = g_string_new (NULL);
          g_autofree char *text = value_text (v);
          int n = is_maker ? b->n_makers : b->n_sites;
          for (int k = 0; k < n; k++)
            g_string_append_printf (allowed, "%s%s", k ? ", " : "",
                                    is_maker ? b->makers[k].id : b->sites[k].id);
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                       "%s: %s is not a known %s (one of: %s)", key, text,
                       is_maker ? "maker" : "site", allowed->str);
          return FALSE;
        }
      if (is_maker)
        p->maker = idx;
      else
        p->site = idx;
      return TRUE;
    }

  if (strcmp (field, "capacity") == 0)
    {
      double d;
      if (!value_to_number (key, v, FALSE, &d, error) ||
          !check_number (key, d, LF_PLANT_PARAM_MIN_CAPACITY, LF_PLANT_PARAM_MAX_CAPACITY,
                         "vehicles/year", FALSE, FALSE, error))
        return FALSE;
      p->capacity = d;
      return TRUE;
    }

  /* start_year */
  {
    double d;
    if (!value_to_number (key, v, FALSE, &d, error) ||
        !check_number (key, d, LF_FIRST_YEAR, LF_LAST_YEAR, "", TRUE, FALSE, error))
      return FALSE;
    p->start_year = (int) d;
  }
  return TRUE;
}

static gboolean
set_value (LfScenario *s, const char *key, const Value *v, GError **error)
{
  g_autofree char *name = NULL;
  const char *at;
  const LfParamInfo *info;
  int param, year = 0;
  double d;

  g_return_val_if_fail (s != NULL && key != NULL, FALSE);

  if (g_str_has_prefix (key, "plant."))
    {
      if (strchr (key, '@') != NULL)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                       "%s: plant settings cannot change by year (use start_year)", key);
          return FALSE;
        }
      return set_plant (s, key, key + strlen ("plant."), v, error);
    }

  at = strchr (key, '@');
  name = at ? g_strndup (key, at - key) : g_strdup (key);
  param = lf_param_lookup (name);
  if (param < 0)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                   "%s: unknown key (see --list-parameters)", key);
      return FALSE;
    }
  info = lf_param_info (param);
  if (at != NULL)
    {
      char *end = NULL;
      gint64 y = g_ascii_strtoll (at + 1, &end, 10);

      if (!(info->flags & LF_PARAM_FLAG_SCHEDULE))
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                       "%s: %s is a behavioural assumption and cannot change by year", key, name);
          return FALSE;
        }
      if (at[1] == '\0' || *end != '\0' || y < LF_FIRST_YEAR || y > LF_LAST_YEAR)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_OUT_OF_RANGE,
                       "%s: '%s' is not a year from %d to %d", key, at + 1,
                       LF_FIRST_YEAR, LF_LAST_YEAR);
          return FALSE;
        }
      year = (int) y;
    }

  if (!value_to_number (key, v, info->flags & LF_PARAM_FLAG_UNLIMITED, &d, error) ||
      !check_number (key, d, info->min, info->max, info->unit,
                     info->flags & LF_PARAM_FLAG_INTEGER,
                     info->flags & LF_PARAM_FLAG_UNLIMITED, error))
    return FALSE;

  if (year <= LF_FIRST_YEAR)
    s->value[param] = d;
  else
    {
      s->has_step[param][lf_year_index (year)] = TRUE;
      s->step[param][lf_year_index (year)] = d;
    }
  return TRUE;
}

/**
 * lf_scenario_set_number:
 * @key: a parameter key, "key@YEAR" for a change from that year on, or a plant key
 *
 * Sets a value after checking it; on error nothing changes.
 */
gboolean
lf_scenario_set_number (LfScenario *s, const char *key, double value, GError **error)
{
  Value v = { VALUE_NUMBER, value, NULL };
  gboolean ok = set_value (s, key, &v, error);

  if (!ok)
    tidy_error (error);
  return ok;
}

gboolean
lf_scenario_set_string (LfScenario *s, const char *key, const char *value, GError **error)
{
  Value v = { VALUE_STRING, 0, value };
  gboolean ok;

  g_return_val_if_fail (value != NULL, FALSE);
  ok = set_value (s, key, &v, error);
  if (!ok)
    tidy_error (error);
  return ok;
}

/**
 * lf_scenario_apply:
 * @assignment: "KEY=VALUE", as on the command line
 */
gboolean
lf_scenario_apply (LfScenario *s, const char *assignment, GError **error)
{
  const char *eq = strchr (assignment, '=');
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (eq == NULL || eq == assignment)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "'%s': expected KEY=VALUE", assignment);
      tidy_error (error);
      return FALSE;
    }
  key = g_strstrip (g_strndup (assignment, eq - assignment));
  value = g_strstrip (g_strdup (eq + 1));
  return lf_scenario_set_string (s, key, value, error);
}

/**
 * lf_scenario_validate:
 * Checks what single assignments cannot: every plant has a maker and a site.
 */
gboolean
lf_scenario_validate (const LfScenario *s, GError **error)
{
  for (int i = 0; i < s->n_plants; i++)
    {
      const LfPlant *p = &s->plants[i];
      if (p->maker < 0 || p->site < 0)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                       "plant.%s: a plant needs a maker and a site (set plant.%s.%s)",
                       p->id, p->id, p->maker < 0 ? "maker" : "site");
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- files --------------------------------------------------------------- */

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

static LfScenario *
parse_scenario (const LfBaseline *baseline, GBytes *bytes, GError **error)
{
  g_autoptr(JsonNode) top = NULL;
  g_autoptr(LfScenario) s = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonNode *node;
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
  node = top;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "the top level must be a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "format: missing or not a whole number (expected %d)",
                   LF_SCENARIO_FORMAT_VERSION);
      return NULL;
    }
  if (json_node_get_int (node) != LF_SCENARIO_FORMAT_VERSION)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_FILE,
                   "format: %" G_GINT64_FORMAT " is not supported (this version reads %d)",
                   json_node_get_int (node), LF_SCENARIO_FORMAT_VERSION);
      return NULL;
    }

  s = lf_scenario_new (baseline);
  {
    g_autoptr(GList) members = json_object_get_members (root);
    for (GList *it = members; it != NULL; it = it->next)
      {
        const char *m = it->data;
        if (strcmp (m, "format") != 0 && strcmp (m, "name") != 0 &&
            strcmp (m, "description") != 0 && strcmp (m, "values") != 0)
          {
            g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                         "%s: unknown member (a scenario has format, name, description, values)", m);
            return NULL;
          }
      }
  }
  for (int k = 0; k < 2; k++)
    {
      const char *member = k == 0 ? "name" : "description";
      node = json_object_get_member (root, member);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          g_utf8_strlen (json_node_get_string (node), -1) > (k == 0 ? LF_SCENARIO_NAME_MAX : 4000))
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                       "%s: expected a string of at most %d characters", member,
                       k == 0 ? LF_SCENARIO_NAME_MAX : 4000);
          return NULL;
        }
      if (k == 0)
        lf_scenario_set_name (s, json_node_get_string (node));
      else
        {
          g_free (s->description);
          s->description = g_strdup (json_node_get_string (node));
        }
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

static void
prefix_error (GError **error, const char *name)
{
  if (error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", name);
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
  LfScenario *s = parse_scenario (baseline, bytes, error);
  if (s == NULL)
    {
      prefix_error (error, display_name);
      tidy_error (error);
    }
  return s;
}

LfScenario *
lf_scenario_load_file (const LfBaseline *baseline, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (baseline != NULL && path != NULL, NULL);
  /* A regular file of at most the cap, never a FIFO or device (lf-file.h). */
  bytes = lf_file_read (path, LF_SCENARIO_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  display = lf_file_display_name (path);
  return lf_scenario_load_bytes (baseline, bytes, display, error);
}

/* Scenario files are written by hand around json-glib's string escaping, so
 * that numbers come out in their shortest exact form (0.7, not json-glib's
 * 0.69999999999999996) and a person can read and edit them. */
typedef struct {
  GString *out;
  gboolean first;
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
  g_string_append (w->out, w->first ? "\n    " : ",\n    ");
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

/**
 * lf_scenario_to_json:
 * The scenario as a file: only what differs from the baseline.
 * Returns: (transfer full): JSON text
 */
char *
lf_scenario_to_json (const LfScenario *s)
{
  g_autoptr(LfScenario) base = lf_scenario_new (s->baseline);
  Writer w = { g_string_new ("{\n  \"format\" : "), TRUE };

  g_string_append_printf (w.out, "%d,\n  \"name\" : ", LF_SCENARIO_FORMAT_VERSION);
  write_string (w.out, s->name ? s->name : "");
  if (s->description && *s->description)
    {
      g_string_append (w.out, ",\n  \"description\" : ");
      write_string (w.out, s->description);
    }
  g_string_append (w.out, ",\n  \"values\" : {");
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      if (s->value[i] != base->value[i])
        add_number (&w, lf_param_info (i)->key, s->value[i]);
      for (int y = 1; y < LF_N_YEARS; y++)
        if (s->has_step[i][y])
          {
            g_autofree char *key = g_strdup_printf ("%s@%d", lf_param_info (i)->key, LF_FIRST_YEAR + y);
            add_number (&w, key, s->step[i][y]);
          }
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
  g_string_append (w.out, w.first ? "}\n}\n" : "\n  }\n}\n");
  return g_string_free (w.out, FALSE);
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
