/* lf-json.c: JSON text checked before and after json-glib (see lf-json.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>

#include "lf-file.h"
#include "lf-json.h"

static int
hex4 (const char *p, const char *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* One pass over the text, outside and inside strings: the nesting depth
 * and every \u escape. Syntax errors are left to json-glib. */
static gboolean
scan (const char *data, gsize len, GError **error)
{
  const char *p = data, *end = data + len;
  gboolean in_string = FALSE, opened = FALSE;
  int depth = 0, line = 1;

  /* One object or array, and nothing after it but white space: json-glib
   * would take the last of several values (and leak the others). */
  while (p < end && g_ascii_isspace (*p))
    line += *p++ == '\n';
  if (p < end && *p != '{' && *p != '[')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "line %d: the text must be one JSON object", line);
      return FALSE;
    }
  for (; p < end; p++)
    {
      char c = *p;

      if (c == '\n')
        line++;
      if (opened && depth == 0 && !in_string)
        {
          if (!g_ascii_isspace (c))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "line %d: more text after the end of the JSON object", line);
              return FALSE;
            }
          continue;
        }
      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && p + 1 < end)
            {
              int u;

              p++;
              if (strchr ("\"\\/bfnrt", *p) != NULL && *p != '\0')
                continue;
              if (*p != 'u')
                {
                  g_autofree char *shown = lf_text_one_line (p, g_utf8_next_char (p) - p);
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "line %d: \\%s is not an escape JSON knows", line, shown);
                  return FALSE;
                }
              u = hex4 (p + 1, end);
              if (u < 0)
                {
                  /* json-glib reads a short \u escape into bytes that are not UTF-8. */
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "line %d: \\u must be followed by four hexadecimal digits", line);
                  return FALSE;
                }
              p += 4;
              if (u == 0)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "line %d: \\u0000 (a NUL character) is not allowed in text", line);
                  return FALSE;
                }
              if (u >= 0xdc00 && u <= 0xdfff)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "line %d: \\u%04x is half of a UTF-16 surrogate pair, alone", line, u);
                  return FALSE;
                }
              if (u >= 0xd800 && u <= 0xdbff)
                {
                  int low = end - p >= 7 && p[1] == '\\' && p[2] == 'u' ? hex4 (p + 3, end) : -1;

                  if (low < 0xdc00 || low > 0xdfff)
                    {
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "line %d: \\u%04x is half of a UTF-16 surrogate pair, alone",
                                   line, u);
                      return FALSE;
                    }
                  p += 6;
                }
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* json-glib reads a whole number that does not fit 64 bits as a
           * wrapped-around value ("-1 is out of range"): say what it was. */
          const char *start = p;

          while (p + 1 < end && (p[1] == '-' || g_ascii_isdigit (p[1])))
            p++;
          if (p + 1 >= end || (p[1] != '.' && p[1] != 'e' && p[1] != 'E'))
            {
              g_autofree char *digits = g_strndup (start, (gsize) (p - start + 1));

              errno = 0;
              g_ascii_strtoll (digits, NULL, 10);
              if (errno == ERANGE)
                {
                  g_autofree char *shown = lf_text_one_line (digits, -1);
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "line %d: %s is too large a whole number to read exactly",
                               line, shown);
                  return FALSE;
                }
            }
        }
      else if (c == '[' || c == '{')
        {
          opened = TRUE;
          if (++depth > LF_JSON_MAX_DEPTH)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "line %d: nested more than %d levels deep", line, LF_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib keeps the last of two members with the same name; it tells each
 * member as it is parsed, so the second one is seen here. */
typedef struct {
  GHashTable *seen;          /* JsonObject* → GHashTable of names */
  JsonObject *dup_object;
  char       *dup_name;
} Duplicates;

static void
on_object_member (JsonParser *parser, JsonObject *object, const char *name, Duplicates *d)
{
  GHashTable *names;

  if (d->dup_name != NULL)
    return;
  names = g_hash_table_lookup (d->seen, object);
  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (d->seen, object, names);
    }
  if (!g_hash_table_add (names, g_strdup (name)))
    {
      d->dup_object = object;
      d->dup_name = g_strdup (name);
    }
}

/* Where @object sits in the tree under @node, as "a.b[2].c" (empty at the top). */
static gboolean
find_path (JsonNode *node, JsonObject *object, GString *path)
{
  gsize mark = path->len;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (o == object)
        return TRUE;
      members = json_object_get_members (o);
      for (GList *it = members; it != NULL; it = it->next)
        {
          g_string_append_printf (path, "%s%s", mark > 0 ? "." : "", (const char *) it->data);
          if (find_path (json_object_get_member (o, it->data), object, path))
            return TRUE;
          g_string_truncate (path, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_string_append_printf (path, "[%u]", i);
          if (find_path (json_array_get_element (a, i), object, path))
            return TRUE;
          g_string_truncate (path, mark);
        }
    }
  return FALSE;
}

/* Every string and member name in the tree is UTF-8 (depth ≤ LF_JSON_MAX_DEPTH). */
static gboolean
all_text_valid (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *it = members; it != NULL; it = it->next)
        if (!g_utf8_validate (it->data, -1, NULL) ||
            !all_text_valid (json_object_get_member (o, it->data)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (!all_text_valid (json_array_get_element (a, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);
  return TRUE;
}

/**
 * lf_json_parse:
 * @data: (array length=len): the text
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL with @error
 * set to one line (without the file's name, which the caller adds)
 */
JsonNode *
lf_json_parse (const char *data, gsize len, GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  Duplicates dups = { 0 };
  const char *bad = NULL;
  JsonNode *root;

  if (len == 0 || data == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "file is empty");
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, &bad))
    {
      int line = 1;

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "line %d: not UTF-8 text (%s)", line,
                   *bad == '\0' ? "a NUL byte" : "an invalid byte sequence");
      return NULL;
    }
  if (!scan (data, len, error))
    return NULL;

  parser = json_parser_new ();
  dups.seen = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &dups);
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      g_autofree char *msg = lf_text_one_line (local->message, -1);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not valid JSON: %s", msg);
      g_hash_table_unref (dups.seen);
      g_free (dups.dup_name);
      return NULL;
    }
  g_hash_table_unref (dups.seen);
  root = json_parser_get_root (parser);
  if (dups.dup_name != NULL)
    {
      g_autoptr(GString) path = g_string_new (NULL);
      g_autofree char *name = lf_text_one_line (dups.dup_name, -1);

      if (root != NULL && find_path (root, dups.dup_object, path) && path->len > 0)
        {
          g_autofree char *where = lf_text_one_line (path->str, -1);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: member “%s” appears more than once", where, name);
        }
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "member “%s” appears more than once", name);
      g_free (dups.dup_name);
      return NULL;
    }
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "not valid JSON: no value");
      return NULL;
    }
  /* Whatever json-glib decoded must be text: the scan above should make
   * this impossible, and this makes sure. */
  if (!all_text_valid (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a string is not valid text after decoding its escapes");
      return NULL;
    }
  return json_node_copy (root);
}

void
lf_json_fail (LfJsonLoader *l, const char *path, const char *format, ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *line = NULL;
  g_autofree char *tidy = NULL;
  va_list args;

  if (l->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  line = g_strdup_printf ("%s: %s: %s", l->file, path, msg);
  tidy = lf_text_one_line (line, -1);
  g_set_error_literal (&l->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, tidy);
}
