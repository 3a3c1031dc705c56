/* lf-scenario.c: a scenario, and the checks on every value set in it. */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "lf-file.h"
#include "lf-scenario.h"

G_DEFINE_QUARK (lf-scenario-error-quark, lf_scenario_error)

static char *
format_range (double min, double max, const char *unit, gboolean unlimited)
{
  g_autofree char *a = lf_format_number (min);
  g_autofree char *b = lf_format_number (max);

  return g_strdup_printf ("%s to %s%s%s%s", a, b, unit && *unit ? " " : "", unit ? unit : "",
                          unlimited ? ", or unlimited" : "");
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

void
lf_scenario_set_description (LfScenario *s, const char *description)
{
  g_return_if_fail (s != NULL);
  if (g_strcmp0 (s->description, description) == 0)
    return;
  g_free (s->description);
  s->description = g_utf8_substring (description ? description : "", 0,
                                     MIN (g_utf8_strlen (description ? description : "", -1),
                                          LF_SCENARIO_DESCRIPTION_MAX));
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
  for (int m = 0; m < LF_MAX_MAKERS; m++)
    if (!a->authorised[m] != !b->authorised[m])
      return FALSE;
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

/* A choice lever's value: one of its names, or a name's number. */
static gboolean
choice_to_number (const char *key, const LfParamInfo *info, const Value *v, double *out, GError **error)
{
  g_autofree char *names = g_strjoinv (", ", (char **) info->choices);
  int k = v->kind == VALUE_STRING ? lf_param_choice (info, v->string) : -1;

  if (k >= 0)
    {
      *out = k;
      return TRUE;
    }
  if (v->kind == VALUE_STRING && !g_ascii_isdigit (v->string[0]))
    {
      g_autofree char *shown = lf_text_one_line (v->string, -1);
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "%s: '%s' is not one of %s", key, shown, names);
      return FALSE;
    }
  if (!value_to_number (key, v, FALSE, out, error))
    return FALSE;
  if (*out < info->min || *out > info->max || *out != floor (*out))
    {
      g_autofree char *text = lf_format_number (*out);
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_OUT_OF_RANGE,
                   "%s: %s is not one of %s (or their numbers, 0 to %d)", key, text, names,
                   (int) info->max);
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

/* maker.<id>.authorised: 0 or 1, for a maker of the baseline. */
static gboolean
set_maker (LfScenario *s, const char *key, const char *rest, const Value *v, GError **error)
{
  const LfBaseline *b = s->baseline;
  const char *dot = strrchr (rest, '.');
  g_autofree char *id = NULL;
  int m;
  double d;

  if (dot == NULL || strcmp (dot + 1, "authorised") != 0)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                   "%s: unknown key (maker keys are maker.<id>.authorised)", key);
      return FALSE;
    }
  id = g_strndup (rest, dot - rest);
  m = lf_baseline_find_maker (b, id);
  if (m < 0)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);
      for (int k = 0; k < b->n_makers; k++)
        g_string_append_printf (allowed, "%s%s", k ? ", " : "", b->makers[k].id);
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                   "%s: '%s' is not a known maker (one of: %s)", key, id, allowed->str);
      return FALSE;
    }
  if (!value_to_number (key, v, FALSE, &d, error) ||
      !check_number (key, d, 0, 1, "", TRUE, FALSE, error))
    return FALSE;
  s->authorised[m] = d != 0;
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
  if (g_str_has_prefix (key, "maker."))
    {
      if (strchr (key, '@') != NULL)
        {
          g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY,
                       "%s: a maker's authorisation holds for every year and cannot change by year",
                       key);
          return FALSE;
        }
      return set_maker (s, key, key + strlen ("maker."), v, error);
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
                       (info->flags & LF_PARAM_FLAG_BEHAVIOUR)
                       ? "%s: %s is a behavioural assumption and cannot change by year"
                       : "%s: %s holds for every year and cannot change by year", key, name);
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

  if (info->flags & LF_PARAM_FLAG_CHOICE)
    {
      if (!choice_to_number (key, info, v, &d, error))
        return FALSE;
    }
  else if (!value_to_number (key, v, info->flags & LF_PARAM_FLAG_UNLIMITED, &d, error) ||
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
    lf_error_one_line (error);
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
    lf_error_one_line (error);
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
      lf_error_one_line (error);
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
