/* lf-notes.c: why a projection came out as it did (see lf-notes.h, docs/model.md §Notes). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-notes.h"
#include "lf-format.h"

void
lf_note_free (LfNote *note)
{
  if (note == NULL)
    return;
  g_free (note->subject);
  g_free (note->text);
  g_free (note->fix_key);
  g_free (note->fix_value);
  g_free (note->fix_label);
  g_free (note->reason);
  g_free (note);
}

gboolean
lf_note_is_plant (const LfNote *note)
{
  return note->plant >= 0;
}

/* A computation of notes: where they go, and whether their words are
 * translated (the window) or as written (the command line, whose output is
 * the same bytes in every locale). */
typedef struct {
  GPtrArray *notes;
  gboolean   translate;
} Ctx;

G_GNUC_FORMAT (2) static const char *
T (const Ctx *c, const char *msgid)
{
  return c->translate ? _(msgid) : msgid;
}

static LfNote *
add (GPtrArray *notes, LfNoteKind kind, int plant, int param, const char *subject, char *text)
{
  LfNote *n = g_new0 (LfNote, 1);

  n->kind = kind;
  n->plant = plant;
  n->param = param;
  n->subject = g_strdup (subject);
  n->text = text;
  g_ptr_array_add (notes, n);
  return n;
}

static void
set_fix (LfNote *n, const char *key, const char *value, char *label)
{
  n->fix_key = g_strdup (key);
  n->fix_value = g_strdup (value);
  n->fix_label = label;
}

/* A plant as people name it: "Xiaomi in Flat Rock, Michigan (Ford plant)". */
static char *
plant_name (const Ctx *c, const LfScenario *s, int p)
{
  const LfBaseline *b = s->baseline;
  const LfPlant *pl = &s->plants[p];

  /* Translators: a plant: its maker, then its site ("Xiaomi in Flat Rock, Michigan") */
  /* The data's names reach the translators through po/ as the map's do. */
  return g_strdup_printf (T (c, N_("%s in %s")), T (c, b->makers[pl->maker].name),
                          T (c, b->sites[pl->site].name));
}

static const char *
origin_words (const Ctx *c, LfOrigin origin)
{
  switch (origin)
    {
    case LF_ORIGIN_CHINA:  return T (c, N_("China"));
    case LF_ORIGIN_MEXICO: return T (c, N_("Mexico"));
    case LF_ORIGIN_CANADA: return T (c, N_("Canada"));
    case LF_ORIGIN_US:
    case LF_N_ORIGINS:
    default:               return T (c, N_("the United States"));
    }
}

static const LfParam origin_tariff[LF_N_ORIGINS] = {
  [LF_ORIGIN_CHINA] = LF_PARAM_TARIFF_CHINA,
  [LF_ORIGIN_MEXICO] = LF_PARAM_TARIFF_MEXICO,
  [LF_ORIGIN_US] = -1,
  [LF_ORIGIN_CANADA] = LF_PARAM_TARIFF_CANADA,
};

#define FIRST_Y lf_year_index (LF_FIRST_PROJECTED_YEAR)

/* A plant that builds nothing, and why (@reason, taken): "NAME builds nothing: REASON." */
static LfNote *
builds_nothing (const Ctx *c, LfNoteKind kind, int p, const char *subject, const char *name, char *reason)
{
  /* Translators: a plant, then why it builds nothing ("Xiaomi in Flat Rock builds nothing: …") */
  LfNote *n = add (c->notes, kind, p, -1, subject, g_strdup_printf (T (c, N_("%s builds nothing: %s.")), name, reason));

  n->reason = reason;
  return n;
}

/* Notes on plant @p. */
static void
plant_notes (const Ctx *c, const LfScenario *s, const LfProjection *proj, int p)
{
  GPtrArray *notes = c->notes;
  const LfBaseline *b = s->baseline;
  const LfPlant *pl = &s->plants[p];
  const LfSite *site = &b->sites[pl->site];
  const LfMaker *mk = &b->makers[pl->maker];
  g_autofree char *subject = g_strdup_printf ("plant.%s", pl->id);
  g_autofree char *name = plant_name (c, s, p);
  int start = lf_plant_effective_start (s, pl);
  double sold = 0.0, cap = 0.0, sold_open = 0.0;
  guint why = 0;
  LfNote *n;

  for (int y = FIRST_Y; y < LF_N_YEARS; y++)
    {
      sold += proj->plant_sales[p][y];
      if (proj->plant_capacity[p][y] > 0)
        {
          cap += proj->plant_capacity[p][y];
          sold_open += proj->plant_sales[p][y];
        }
      if (!(proj->plant_block[p][y] & LF_PLANT_BLOCK_NOT_STARTED))
        why |= proj->plant_block[p][y];
    }

  if (sold > 0)
    {
      if (pl->start_year != 0 && pl->start_year < site->earliest_year)
        {
          g_autofree char *asked = g_strdup_printf ("%d", pl->start_year);
          g_autofree char *first = g_strdup_printf ("%d", site->earliest_year);
          /* Translators: a plant, the year it was asked to start, its site's first possible year */
          add (notes, LF_NOTE_PLANT_LATE, p, -1, subject,
               g_strdup_printf (T (c, N_("%s starts in %s, not %s: a new plant there cannot build before then.")),
                                name, first, asked));
        }
      if (cap > 0 && sold_open < LF_NOTES_UNDERUSED * cap)
        {
          g_autofree char *pct = c->translate ? lf_format_percent (100.0 * sold_open / cap, 0)
                                              : g_strdup_printf ("%.0f %%", 100.0 * sold_open / cap);
          gboolean others = FALSE, quota = FALSE;

          /* A binding quota holds China-built sales to it (§2.10). */
          for (int y = FIRST_Y; y < LF_N_YEARS && site->origin == LF_ORIGIN_CHINA; y++)
            quota |= proj->quota_binds[y] && proj->plant_capacity[p][y] > 0;
          /* Its maker's sales fill its sources cheapest first (merit order):
           * another of its plants selling means that one came first. */
          for (int q = 0; q < s->n_plants && !others; q++)
            if (q != p && s->plants[q].maker == pl->maker)
              for (int y = FIRST_Y; y < LF_N_YEARS; y++)
                others |= proj->plant_sales[q][y] > 0 && proj->plant_capacity[p][y] > 0;
          add (notes, LF_NOTE_PLANT_UNDERUSED, p, -1, subject,
               quota
               /* Translators: a plant, then the share of its capacity it uses, e.g. "23 %" */
               ? g_strdup_printf (T (c, N_("%s runs at %s of its capacity: the import quota on China-built EVs holds its sales down.")),
                                  name, pct)
               : others
               /* Translators: a plant, then the share of its capacity it uses, e.g. "23 %" */
               ? g_strdup_printf (T (c, N_("%s runs at %s of its capacity: its maker sells fewer cars than its plants can build, and fills its cheaper plants first.")),
                                  name, pct)
               /* Translators: a plant, then the share of its capacity it uses, e.g. "23 %" */
               : g_strdup_printf (T (c, N_("%s runs at %s of its capacity: at its price, its maker finds buyers for fewer cars than it can build.")),
                                  name, pct));
        }
      return;
    }

  if (start > LF_LAST_YEAR)
    {
      g_autofree char *first = g_strdup_printf ("%d", start);
      /* Translators: a plant, then its first year */
      add (notes, LF_NOTE_PLANT_AFTER_HORIZON, p, -1, subject,
           g_strdup_printf (T (c, N_("%s builds nothing before 2035: its first year is %s.")), name, first));
      return;
    }
  if (why & LF_PLANT_BLOCK_NO_CAPACITY)
    builds_nothing (c, LF_NOTE_PLANT_NO_CAPACITY, p, subject, name,
                    g_strdup (T (c, N_("its capacity is 0"))));
  if (why & LF_PLANT_BLOCK_NO_PARTNERSHIP)
    {
      n = builds_nothing (c, LF_NOTE_PLANT_NO_PARTNERSHIP, p, subject, name,
                          g_strdup (T (c, N_("a Ford plant builds for a partner only with the partnership on"))));
      set_fix (n, lf_param_info (LF_PARAM_FORD_PARTNERSHIP)->key, "1", g_strdup (T (c, N_("Turn on the partnership"))));
    }
  if (why & LF_PLANT_BLOCK_RULE)
    {
      g_autofree char *key = g_strdup_printf ("maker.%s.authorised", mk->id);

      n = builds_nothing (c, LF_NOTE_PLANT_RULE, p, subject, name,
                          /* Translators: why a plant builds nothing; %s is its maker */
                          g_strdup_printf (T (c, N_("the connected-vehicle rule bars %s, which Commerce has not authorised")),
                                           T (c, mk->name)));
      /* Translators: the button that authorises a maker under the rule */
      set_fix (n, key, "1", g_strdup_printf (T (c, N_("Authorise %s")), T (c, mk->name)));
    }
  if (why & LF_PLANT_BLOCK_QUOTA_ZERO)
    {
      n = builds_nothing (c, LF_NOTE_PLANT_QUOTA_ZERO, p, subject, name,
                          g_strdup (T (c, N_("the import quota on China-built EVs is 0"))));
      set_fix (n, lf_param_info (LF_PARAM_QUOTA_CHINA)->key, "unlimited", g_strdup (T (c, N_("Lift the quota"))));
    }
  if (why & LF_PLANT_BLOCK_TARIFF)
    {
      double max = lf_plant_max_tariff (s, p);
      LfParam param = origin_tariff[site->origin];

      n = builds_nothing (c, LF_NOTE_PLANT_TARIFF, p, subject, name,
                          /* Translators: why a plant builds nothing; %s is the country whose tariff it pays */
                          g_strdup_printf (T (c, N_("with the tariff on cars from %s it cannot cover its cost at the incumbents' price")),
                                           origin_words (c, site->origin)));
      if ((int) param >= 0 && isfinite (max) && max >= 0)
        {
          char value[32];
          int whole = (int) floor (max);

          g_snprintf (value, sizeof value, "%d", whole);
          /* Translators: the button that lowers a tariff: the country, the new rate in % */
          set_fix (n, lf_param_info (param)->key, value,
                   g_strdup_printf (T (c, N_("Lower the %s tariff to %d %%")), origin_words (c, site->origin), whole));
        }
    }
  if (why & LF_PLANT_BLOCK_COST)
    builds_nothing (c, LF_NOTE_PLANT_COST, p, subject, name,
                    g_strdup (T (c, N_("even without a tariff its cost is above the incumbents' price"))));
  if (why == 0)
    builds_nothing (c, LF_NOTE_PLANT_NOT_NEEDED, p, subject, name,
                    /* Translators: why a plant builds nothing; %s is its maker */
                    g_strdup_printf (T (c, N_("%s sells all it can from its cheaper plants")), T (c, mk->name)));
}

/* A lever's value in projected years: whether it is ever at least @at. */
static gboolean
ever_at_least (const LfScenario *s, LfParam param, double at)
{
  for (int y = LF_FIRST_PROJECTED_YEAR; y <= LF_LAST_YEAR; y++)
    if (lf_scenario_value_at (s, param, y) >= at)
      return TRUE;
  return FALSE;
}

static void
lever_notes (const Ctx *c, const LfScenario *s, const LfProjection *proj)
{
  GPtrArray *notes = c->notes;
  const LfBaseline *b = s->baseline;

  /* The tariffs: with no plant of their origin, or with every such plant
   * kept out in every year by something other than its price. */
  for (int o = 0; o < LF_N_ORIGINS; o++)
    {
      LfParam param = origin_tariff[o];
      const char *key;
      int n_plants = 0;
      guint other = 0;
      gboolean all_barred = TRUE;
      LfNote *n;

      if ((int) param < 0)
        continue;
      key = lf_param_info (param)->key;
      for (int p = 0; p < s->n_plants; p++)
        {
          if (b->sites[s->plants[p].site].origin != (LfOrigin) o)
            continue;
          n_plants++;
          for (int y = FIRST_Y; y < LF_N_YEARS; y++)
            {
              guint why = proj->plant_block[p][y] & ~(LF_PLANT_BLOCK_TARIFF | LF_PLANT_BLOCK_COST);

              if (why == 0)
                all_barred = FALSE;
              other |= why;
            }
        }
      if (n_plants == 0)
        {
          /* Translators: a country, then the same country */
          add (notes, LF_NOTE_LEVER_NO_PLANT, -1, param, key,
               g_strdup_printf (T (c, N_("The tariff on cars from %s changes nothing: no plant in this scenario builds in %s.")),
                                origin_words (c, o), origin_words (c, o)));
          continue;
        }
      if (!all_barred)
        continue;
      if (other == LF_PLANT_BLOCK_RULE ||
          other == (LF_PLANT_BLOCK_RULE | LF_PLANT_BLOCK_NOT_STARTED))
        {
          /* Translators: a country, then the same country */
          n = add (notes, LF_NOTE_LEVER_BARRED, -1, param, key,
                   g_strdup_printf (T (c, N_("The tariff on cars from %s changes nothing: the connected-vehicle rule bars every maker building there, whatever the tariff.")),
                                    origin_words (c, o)));
          set_fix (n, lf_param_info (LF_PARAM_RULE_CONNECTED_VEHICLE)->key, "0", g_strdup (T (c, N_("Turn the rule off"))));
        }
      else
        /* Translators: a country */
        add (notes, LF_NOTE_LEVER_BARRED, -1, param, key,
             g_strdup_printf (T (c, N_("The tariff on cars from %s changes nothing: every plant there is kept out another way.")),
                              origin_words (c, o)));
    }

  /* The quota: set in some year, binding in none. */
  {
    gboolean set = FALSE, binds = FALSE;

    for (int y = LF_FIRST_PROJECTED_YEAR; y <= LF_LAST_YEAR; y++)
      {
        set |= isfinite (lf_scenario_value_at (s, LF_PARAM_QUOTA_CHINA, y));
        binds |= proj->quota_binds[lf_year_index (y)];
      }
    if (set && !binds)
      add (notes, LF_NOTE_LEVER_QUOTA_SLACK, -1, LF_PARAM_QUOTA_CHINA, lf_param_info (LF_PARAM_QUOTA_CHINA)->key,
           g_strdup (T (c, N_("The import quota on China-built EVs never binds: fewer China-built cars sell than it allows."))));
  }

  /* The credit's exclusion of Chinese brands, in years with no credit. */
  {
    gboolean moot = ever_at_least (s, LF_PARAM_CREDIT_EXCLUDE_CHINESE, 0.5);

    for (int y = LF_FIRST_PROJECTED_YEAR; y <= LF_LAST_YEAR && moot; y++)
      if (lf_scenario_value_at (s, LF_PARAM_CREDIT_EXCLUDE_CHINESE, y) >= 0.5 &&
          lf_scenario_value_at (s, LF_PARAM_CREDIT_EV_USD, y) > 0)
        moot = FALSE;
    if (moot)
      add (notes, LF_NOTE_LEVER_NO_CREDIT, -1, LF_PARAM_CREDIT_EXCLUDE_CHINESE,
           lf_param_info (LF_PARAM_CREDIT_EXCLUDE_CHINESE)->key,
           g_strdup (T (c, N_("Excluding Chinese brands from the EV credit changes nothing: the credit is $0."))));
  }

  /* The partnership on, with no plant at a Ford site. */
  if (ever_at_least (s, LF_PARAM_FORD_PARTNERSHIP, 0.5))
    {
      gboolean any = FALSE;

      for (int p = 0; p < s->n_plants; p++)
        any |= b->sites[s->plants[p].site].ford_owned;
      if (!any)
        add (notes, LF_NOTE_LEVER_NO_FORD_SITE, -1, LF_PARAM_FORD_PARTNERSHIP,
             lf_param_info (LF_PARAM_FORD_PARTNERSHIP)->key,
             g_strdup (T (c, N_("The partnership changes nothing: no plant in this scenario is at a Ford site."))));
    }
}

/* Which notes are about what differs from current policy. */
static void
mark_novel (const LfScenario *s, GPtrArray *notes)
{
  g_autoptr(LfScenario) current = NULL;

  if (notes->len == 0)
    return;
  current = lf_scenario_new (s->baseline);
  for (guint i = 0; i < notes->len; i++)
    {
      LfNote *n = g_ptr_array_index (notes, i);

      if (n->plant >= 0)
        {
          const LfPlant *p = &s->plants[n->plant];
          int k = lf_scenario_find_plant (current, p->id);
          const LfPlant *q = k >= 0 ? &current->plants[k] : NULL;

          n->novel = q == NULL || q->maker != p->maker || q->site != p->site ||
                     q->capacity != p->capacity || q->start_year != p->start_year;
        }
      else if (n->param >= 0)
        {
          n->novel = s->value[n->param] != current->value[n->param];
          for (int y = 0; y < LF_N_YEARS && !n->novel; y++)
            n->novel = s->has_step[n->param][y];
        }
    }
}

/**
 * lf_notes_compute_full:
 * @scenario: the scenario @projection was projected from (lf_project())
 * @translate: words in the user's language (TRUE), or as written (FALSE)
 *
 * Returns: (transfer full) (element-type LfNote): the notes, plants in the
 * scenario's order first, then levers. Empty when nothing needs saying.
 */
GPtrArray *
lf_notes_compute_full (const LfScenario *scenario, const LfProjection *projection, gboolean translate)
{
  Ctx c = { g_ptr_array_new_with_free_func ((GDestroyNotify) lf_note_free), translate };

  g_return_val_if_fail (scenario != NULL && projection != NULL, c.notes);
  g_return_val_if_fail (projection->n_plants == scenario->n_plants, c.notes);
  for (int p = 0; p < scenario->n_plants; p++)
    if (scenario->plants[p].maker >= 0 && scenario->plants[p].site >= 0)
      plant_notes (&c, scenario, projection, p);
  lever_notes (&c, scenario, projection);
  mark_novel (scenario, c.notes);
  return c.notes;
}

/* lf_notes_compute: the notes in the user's language. */
GPtrArray *
lf_notes_compute (const LfScenario *scenario, const LfProjection *projection)
{
  return lf_notes_compute_full (scenario, projection, TRUE);
}

/**
 * lf_note_apply_fix:
 * Sets the note's fix in @scenario: the value from the first year, any
 * later steps of that lever dropped (a fix that a schedule undid later
 * would fix nothing). FALSE with @error when the note has no fix.
 */
gboolean
lf_note_apply_fix (const LfNote *note, LfScenario *scenario, GError **error)
{
  g_autofree char *assignment = NULL;
  int param;

  if (note->fix_key == NULL)
    {
      g_set_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE,
                   "%s: this note has no fix", note->subject);
      return FALSE;
    }
  param = lf_param_lookup (note->fix_key);
  if (param >= 0)
    lf_scenario_clear_steps (scenario, param);
  assignment = g_strdup_printf ("%s=%s", note->fix_key, note->fix_value);
  return lf_scenario_apply (scenario, assignment, error);
}

/* How many notes of @kind there are (about @subject, if given). */
int
lf_notes_count_kind (GPtrArray *notes, LfNoteKind kind, const char *subject)
{
  int n = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      const LfNote *note = g_ptr_array_index (notes, i);

      if (note->kind == kind && (subject == NULL || g_strcmp0 (note->subject, subject) == 0))
        n++;
    }
  return n;
}
