/* lf-difference.c: what differs between two scenarios, in plain words (see lf-difference.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-difference.h"
#include "lf-format.h"

void
lf_difference_free (LfDifference *d)
{
  if (d == NULL)
    return;
  g_free (d->key);
  g_free (d->label);
  g_free (d->a);
  g_free (d->b);
  g_free (d);
}

/* How many decimals @v has, up to 4 (127.5: 1, 25: 0, 0.35: 2). */
static int
decimals_of (double v)
{
  for (int decimals = 0; decimals < 4; decimals++)
    if (fabs (v * pow (10, decimals) - round (v * pow (10, decimals))) < 1e-9)
      return decimals;
  return 4;
}

/* A number with no more decimals than it has, nor more than its control
 * shows (a dragged slider leaves 6.4815; its row reads 6.5), in the user's
 * locale. */
static char *
plain_number (const LfParamInfo *info, double v)
{
  return lf_format_value (v, MIN (decimals_of (v), MAX (info->digits, 1)));
}

/**
 * lf_param_value_words:
 *
 * Returns: (transfer full): one value of @param as a person reads it: "25 %",
 *   "$7,500", "off", "no limit", or a choice by its name ("Off")
 */
char *
lf_param_value_words (LfParam param, double v)
{
  const LfParamInfo *info = lf_param_info (param);
  g_autofree char *n = NULL;

  if ((info->flags & LF_PARAM_FLAG_UNLIMITED) && isinf (v))
    return g_strdup (_("no limit"));
  /* A mode or choice: what the control calls it (the registry's label). */
  if (info->choice_labels != NULL && v >= info->min && v <= info->max && v == floor (v))
    return g_strdup (_(info->choice_labels[(int) v]));
  if ((info->flags & LF_PARAM_FLAG_CHOICE) && v >= info->min && v <= info->max)
    return g_strdup (info->choices[(int) v]);
  if (g_str_equal (info->unit, "0/1"))
    return g_strdup (v != 0 ? _("on") : _("off"));
  n = plain_number (info, v);
  if (g_str_equal (info->unit, "%"))
    return lf_format_percent (v, MIN (decimals_of (v), MAX (info->digits, 1)));
  if (g_str_equal (info->unit, "USD"))
    /* Translators: an amount in US dollars, e.g. "$7,500" */
    return g_strdup_printf (_("$%s"), n);
  if (g_str_equal (info->unit, "USD/vehicle"))
    /* Translators: a fee per vehicle, e.g. "$2,000 a vehicle" */
    return g_strdup_printf (_("$%s a vehicle"), n);
  if (g_str_equal (info->unit, "vehicles/year"))
    /* Translators: a yearly number of vehicles, e.g. "100,000 a year" */
    return g_strdup_printf (_("%s a year"), n);
  if (g_str_equal (info->unit, "years"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", (gulong) v), n);
  return g_steal_pointer (&n);
}

/**
 * lf_lever_value_words:
 * @param: a lever
 *
 * Its value in @scenario, with the years it changes: "127.5 %, 25 % from
 * 2028". Returns: (transfer full)
 */
char *
lf_lever_value_words (const LfScenario *s, LfParam param)
{
  GString *out = g_string_new (NULL);
  g_autofree char *first = lf_param_value_words (param, s->value[param]);

  g_string_append (out, first);
  for (int y = 1; y < LF_N_YEARS; y++)
    if (s->has_step[param][y])
      {
        g_autofree char *v = lf_param_value_words (param, s->step[param][y]);
        /* Translators: a lever's later value in a list, e.g. ", 25 % from 2028" */
        g_string_append_printf (out, _(", %s from %d"), v, LF_FIRST_YEAR + y);
      }
  return g_string_free (out, FALSE);
}

static gboolean
same_lever (const LfScenario *a, const LfScenario *b, LfParam p)
{
  if (a->value[p] != b->value[p])
    return FALSE;
  for (int y = 0; y < LF_N_YEARS; y++)
    if (a->has_step[p][y] != b->has_step[p][y] || (a->has_step[p][y] && a->step[p][y] != b->step[p][y]))
      return FALSE;
  return TRUE;
}

/* A plant in words, or a dash for none. */
static char *
plant_words (const LfScenario *s, const char *id)
{
  const LfBaseline *b = s->baseline;
  int i = lf_scenario_find_plant (s, id);
  const LfPlant *p;
  g_autofree char *capacity = NULL;

  if (i < 0)
    return g_strdup ("—");
  p = &s->plants[i];
  capacity = lf_format_count (p->capacity);
  /* Makers' and sites' names are translated as the controls show them. */
  if (p->start_year != 0)
    /* Translators: a plant: its maker, its site, its capacity and first year,
       e.g. "BYD at Monterrey, Nuevo León, 150,000 a year from 2028" */
    return g_strdup_printf (_("%s at %s, %s a year from %d"),
                            p->maker >= 0 ? _(b->makers[p->maker].name) : "?",
                            p->site >= 0 ? _(b->sites[p->site].name) : "?", capacity, p->start_year);
  /* Translators: a plant: its maker, its site and its capacity */
  return g_strdup_printf (_("%s at %s, %s a year"),
                          p->maker >= 0 ? _(b->makers[p->maker].name) : "?",
                          p->site >= 0 ? _(b->sites[p->site].name) : "?", capacity);
}

static void
add (GPtrArray *out, char *key, const char *label, char *a, char *b)
{
  LfDifference *d = g_new0 (LfDifference, 1);

  d->key = key;
  d->label = g_strdup (label);
  d->a = a;
  d->b = b;
  g_ptr_array_add (out, d);
}

/**
 * lf_differences:
 * @a: a scenario
 * @b: another, on the same baseline
 *
 * The levers (in the registry's order), then the makers' authorisations,
 * then the plants (@a's in order, then those only @b has) whose values
 * differ. Names and descriptions are not compared.
 *
 * Returns: (transfer full) (element-type LfDifference): possibly empty
 */
GPtrArray *
lf_differences (const LfScenario *a, const LfScenario *b)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_difference_free);
  const LfBaseline *base = a->baseline;

  g_return_val_if_fail (a->baseline == b->baseline, out);

  for (int p = 0; p < LF_N_PARAMS; p++)
    if (!same_lever (a, b, p))
      add (out, g_strdup (lf_param_info (p)->key), _(lf_param_info (p)->label),
           lf_lever_value_words (a, p), lf_lever_value_words (b, p));
  for (int m = 0; m < base->n_makers; m++)
    if (!a->authorised[m] != !b->authorised[m])
      {
        /* Translators: a maker authorised under the connected-vehicle rule, e.g. "BYD authorised" */
        g_autofree char *label = g_strdup_printf (_("%s authorised"), _(base->makers[m].name));
        add (out, g_strdup_printf ("maker.%s.authorised", base->makers[m].id), label,
             g_strdup (a->authorised[m] ? _("yes") : _("no")),
             g_strdup (b->authorised[m] ? _("yes") : _("no")));
      }
  for (int k = 0; k < 2; k++)
    {
      const LfScenario *s = k == 0 ? a : b;

      for (int i = 0; i < s->n_plants; i++)
        {
          const char *id = s->plants[i].id;
          g_autofree char *wa = NULL, *wb = NULL;

          /* The second pass lists the plants only @b has. */
          if (k == 1 && lf_scenario_find_plant (a, id) >= 0)
            continue;
          wa = plant_words (a, id);
          wb = plant_words (b, id);
          if (g_str_equal (wa, wb))
            continue;
          {
            const LfScenario *owner = lf_scenario_find_plant (a, id) >= 0 ? a : b;
            const LfPlant *plant = &owner->plants[lf_scenario_find_plant (owner, id)];
            /* Translators: a plant by its maker and its id in files, e.g. "BYD plant (byd-mx)" */
            g_autofree char *label = g_strdup_printf (_("%s plant (%s)"),
                                                      plant->maker >= 0 ? _(base->makers[plant->maker].name) : "?",
                                                      id);
            add (out, g_strdup_printf ("plant.%s", id), label, g_steal_pointer (&wa), g_steal_pointer (&wb));
          }
        }
    }
  return out;
}

/**
 * lf_changes_words:
 * @from: the scenario as started from (a preset, a file, as last saved)
 * @to: the same scenario as edited since
 * @max_listed: how many differences to name before "and N more"
 *
 * What was changed, in words, for a scenario whose own description (its
 * preset's) may no longer be true: "Changed from Trade deal (2 settings
 * differ): Tariff on China-built EVs 0 % (was 127.5 %, 27.5 % from 2027); …".
 *
 * Returns: (transfer full) (nullable): the text, or NULL when nothing differs
 */
char *
lf_changes_words (const LfScenario *from, const LfScenario *to, guint max_listed)
{
  g_autoptr(GPtrArray) diffs = lf_differences (from, to);
  GString *out;

  if (diffs->len == 0)
    return NULL;
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          /* Translators: the start of what was changed in a scenario: its
                             starting point's name and how many settings differ */
                          g_dngettext (GETTEXT_PACKAGE, "Changed from %s (%u setting differs): ",
                                       "Changed from %s (%u settings differ): ", diffs->len),
                          from->name != NULL && *from->name ? from->name : _("the saved scenario"),
                          diffs->len);
  for (guint i = 0; i < diffs->len && i < max_listed; i++)
    {
      const LfDifference *d = g_ptr_array_index (diffs, i);

      if (i > 0)
        g_string_append (out, "; ");
      /* Translators: one change: the setting, its value now and before,
         e.g. "Tariff on China-built EVs 0 % (was 127.5 %)" */
      g_string_append_printf (out, _("%s %s (was %s)"), d->label, d->b, d->a);
    }
  if (diffs->len > max_listed)
    g_string_append_printf (out,
                            /* Translators: after a list of changes, how many more there are */
                            g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more",
                                         diffs->len - max_listed),
                            diffs->len - max_listed);
  g_string_append (out, ".");
  return g_string_free (out, FALSE);
}
