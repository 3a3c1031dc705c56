#!/usr/bin/env python3
"""Write the fuzz targets' seed inputs into tests/fuzz/corpus/ and tests/fuzz/regressions/.

    tests/fuzz/make-corpus.py

Seeds come from the tree (data/presets/, tests/scenarios/, data/baseline.json,
the --set strings of docs/cli.md and the tests) and from the hostile inputs of
issue 7. Each seed is written to corpus/TARGET/, or to regressions/TARGET/ when
it is listed in REGRESSIONS: an input that broke one of the targets' promises
when it was added (a crash, a multi-line error, a save that does not load back)
and must pass once the defect is fixed. Inputs found by fuzzing (the crash-*
files of a failed run) belong in regressions/TARGET/ by hand, once fixed.

Only the files this script names are written; nothing else there is touched.
Run it again after changing a preset, a test scenario or data/baseline.json,
and commit what changed.
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Seeds tied to a reported defect: the hostile inputs of issue 7 and, once
# fixed, inputs that fuzzing found to crash or break a promise. They are
# replayed by the fuzz-TARGET-regressions tests (and seed libFuzzer too).
REGRESSIONS = {
    "scenario": {
        "deep-brackets-100000",       # #2: json-glib's recursion overflowed the stack
        "deep-objects-50000",         # #2, with objects
        "deep-in-values-100000",      # #2, inside a scenario's values
        "lone-surrogate-name",        # #4: loaded, then the saved file did not load back
        "lone-low-surrogate-name",    # #4
        "reversed-surrogates-name",   # #4
        "escaped-nul-name",           # #4: \u0000 cut the name short
        "duplicate-value",            # #4: the last of two members won
        "duplicate-format",           # #4
        "duplicate-format-differs",   # #4
        "duplicate-name",             # #4
        "duplicate-values",           # #4
        "huge-integer",               # #8: read as -1
        "empty",                      # #9
        "two-documents",              # json-glib keeps the last of two top-level values, leaks the first
        "two-arrays",                 # the same
        "scalar-then-object",         # the same, found by fuzzing
        "malformed-u-escape",         # found by fuzzing: "\\ud8z0" loads as a lone surrogate
        "malformed-u-escape-nul",     # "\\u00g1" silently ends the name
        "octal-escape",               # found by fuzzing: "\\202" loads as the byte 0x82
        "octal-escape-nul",           # "\\0" silently ends the name
        "letter-escape",              # "\\q" loads as "q"
    },
    "baseline": {
        "empty",                      # #9: the NULL data of empty bytes was dereferenced
        "deep-brackets-100000",       # #2, through --baseline
        "lone-surrogate-name",        # #4
        "duplicate-member-makers",    # #4
        "duplicate-member-value",     # #4
        "maker-id-newline",           # #7: an error of several lines
        "site-id-newline",            # #7
        "plant-id-newline",           # #7
        "duplicate-plant-ids",        # #7: two plants with one id were accepted
        "two-documents",              # json-glib keeps the last of two top-level values, leaks the first
        "scalar-then-object",         # the same, found by fuzzing
        "malformed-u-escape",         # "\\ud8z0" in a maker's name
        "octal-escape",               # "\\202" in a maker's name
    },
    "set": {
        "invalid-utf8-value",         # #8: --set with invalid UTF-8
        "invalid-utf8-key",           # #8
        "invalid-utf8-plant",         # #8
        "newline-value",              # #8: an error of several lines
        "newline-key",                # #8
        "newline-site",               # #8
        "huge-quota",                 # #8
    },
}

written = {"corpus": 0, "regressions": 0}
seen = {t: set() for t in REGRESSIONS}


def put(target, name, data):
    """Write one seed (bytes or str) as corpus/TARGET/NAME or regressions/TARGET/NAME."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert name not in seen[target], f"{target}/{name} twice"
    seen[target].add(name)
    kind = "regressions" if name in REGRESSIONS[target] else "corpus"
    assert len(data) < 300 * 1024, f"{target}/{name} is {len(data)} bytes"
    other = os.path.join(HERE, "corpus" if kind == "regressions" else "regressions", target, name)
    if os.path.exists(other):
        os.unlink(other)
    d = os.path.join(HERE, kind, target)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, name)
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                written[kind] += 1
                return
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    written[kind] += 1


def read(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def scenario(values=None, **members):
    doc = {"format": 1}
    doc.update(members)
    if values is not None:
        doc["values"] = values
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# ---- scenario files ------------------------------------------------------------

def scenario_seeds():
    for d, prefix in (("data/presets", "preset-"), ("tests/scenarios/good", "good-"),
                      ("tests/scenarios/bad", "bad-")):
        for name in sorted(os.listdir(os.path.join(ROOT, d))):
            if name.endswith((".landfall", ".json")):
                put("scenario", prefix + os.path.splitext(name)[0], read(os.path.join(d, name)))

    s = lambda name, data: put("scenario", name, data)
    # Issue 7: nesting, surrogates, duplicate members, empty input.
    s("deep-brackets-100000", "[" * 100000)
    s("deep-objects-50000", '{"":' * 50000)
    s("deep-in-values-100000", '{"format":1,"values":{"tariff.china":' + "[" * 100000)
    s("deep-brackets-1000", "[" * 1000)
    for depth in (63, 64, 65):
        s(f"nested-{depth}", '{"format":1,"values":{"tariff.china":' + "[" * (depth - 3) + "5"
          + "]" * (depth - 3) + "}}")
    s("lone-surrogate-name", '{"format":1,"name":"x\\ud800y"}')
    s("lone-low-surrogate-name", '{"format":1,"name":"\\udc00"}')
    s("reversed-surrogates-name", '{"format":1,"name":"\\ude97\\ud83d"}')
    s("surrogate-pair-name", '{"format":1,"name":"car \\ud83d\\ude97"}')
    s("escaped-nul-name", '{"format":1,"name":"a\\u0000b"}')
    s("raw-nul-name", b'{"format":1,"name":"a\x00b"}')
    s("raw-surrogate-utf8", b'{"format":1,"name":"\xed\xa0\x80"}')
    s("overlong-utf8", b'{"format":1,"name":"\xc0\xaf"}')
    s("duplicate-value", '{"format":1,"values":{"tariff.china":10,"tariff.china":90}}')
    s("duplicate-format", '{"format":1,"format":1}')
    s("duplicate-format-differs", '{"format":2,"format":1}')
    s("duplicate-name", '{"format":1,"name":"a","name":"b"}')
    s("duplicate-values", '{"format":1,"values":{"tariff.china":10},"values":{"tariff.mexico":5}}')
    s("empty", b"")
    # Numbers at and past their ends.
    s("huge-integer", '{"format":1,"values":{"quota.china":99999999999999999999999999}}')
    s("huge-format", '{"format":18446744073709551617}')
    s("format-float", '{"format":1.0}')
    s("number-overflow", '{"format":1,"values":{"tariff.china":1e400}}')
    s("number-denormal", '{"format":1,"values":{"tariff.china":5e-324}}')
    s("negative-zero", '{"format":1,"values":{"tariff.china":-0,"credit.ev_usd":-0.0}}')
    s("quota-string-number", scenario({"quota.china": "49000", "tariff.china": "27.5"}))
    s("quota-unlimited-caps", scenario({"quota.china": "UNLIMITED"}))
    # Text around the object.
    s("bom", b"\xef\xbb\xbf" + read("tests/scenarios/good/named.json"))
    s("two-documents", '{"format":1} {"format":1}')
    s("trailing-garbage", '{"format":1} x')
    s("two-arrays", '[1] [2]')
    s("scalar-then-object", '1{"format":1}')
    s("malformed-u-escape", '{"format": 1, "name": "x\\ud8z00y"}')
    s("malformed-u-escape-nul", '{"format": 1, "name": "x\\u00g1"}')
    s("octal-escape", '{"format": 1, "description": "from\\2027"}')
    s("octal-escape-nul", '{"format": 1, "name": "a\\0b"}')
    s("letter-escape", '{"format": 1, "name": "a\\qb"}')
    s("crlf", scenario({"tariff.china": 50}, name="crlf").replace("\n", "\r\n"))
    s("comments", '{"format":1, /* c */ "name":"x"} // c\n')
    s("whitespace-only", " \n\t ")
    # Names and descriptions at their limits.
    s("name-200", scenario(name="n" * 200))
    s("name-201", scenario(name="n" * 201))
    s("name-multibyte-200", scenario(name="é" * 199 + "车"))
    s("name-control-chars", scenario(name="a\nb\tc\x01\x7f", description="line 1\nline 2"))
    s("description-4000", scenario(description="d" * 4000))
    s("description-4001", scenario(description="d" * 4001))
    s("key-newline", '{"format":1,"values":{"tariff.china\\n":5}}')
    s("key-empty", '{"format":1,"values":{"":5}}')
    s("key-unicode", scenario({"tarif.chine\u0301": 5}))
    # Levers at their ends, every year.
    s("all-max", scenario({"tariff.china": 500, "tariff.mexico": 500, "tariff.canada": 500,
                           "rule.connected_vehicle": 2, "quota.china": 10000000,
                           "credit.ev_usd": 15000, "credit.exclude_chinese": 0,
                           "ford.partnership": 1, "ford.partner_fee_usd": 20000,
                           "behaviour.price_elasticity": -0.5, "behaviour.choice_price_coef": 15,
                           "behaviour.acceptance_speed": 2, "behaviour.consideration_cap": 1,
                           "behaviour.pass_through": 1, "behaviour.incumbent_response": 1}))
    s("all-min", scenario({"tariff.china": 0, "tariff.mexico": 0, "tariff.canada": 0,
                           "rule.connected_vehicle": 0, "quota.china": 0, "credit.ev_usd": 0,
                           "credit.exclude_chinese": 0, "ford.partnership": 0,
                           "ford.partner_fee_usd": 0, "behaviour.price_elasticity": -3,
                           "behaviour.choice_price_coef": 1, "behaviour.acceptance_speed": 0.05,
                           "behaviour.consideration_cap": 0.05, "behaviour.pass_through": 0,
                           "behaviour.incumbent_response": 0}))
    steps = {}
    for y in range(2026, 2036):
        steps[f"tariff.china@{y}"] = (y - 2025) * 50
        steps[f"quota.china@{y}"] = "unlimited" if y % 2 else (y - 2025) * 100000
        steps[f"rule.connected_vehicle@{y}"] = y % 3
        steps[f"ford.partnership@{y}"] = y % 2
    s("steps-every-year", scenario(steps))
    s("step-2025", scenario({"tariff.china@2025": 10}))
    # Plants: the most a scenario holds, one more, and a baseline plant made anew.
    sites = ["mx-nuevo-leon", "mx-guanajuato", "us-sc-ridgeville", "us-mi-flat-rock",
             "us-ga-savannah", "us-tx-san-antonio", "ca-on-oakville", "ca-qc-becancour"]
    makers = ["byd", "xiaomi", "geely", "other"]

    def plants(n):
        v = {"ford.partnership": 1}
        for i in range(n):
            v[f"plant.p{i}.maker"] = makers[i % 4]
            v[f"plant.p{i}.site"] = sites[i % len(sites)]
            v[f"plant.p{i}.capacity"] = 2000000 if i % 2 else 0
            v[f"plant.p{i}.start_year"] = 2025 + i % 11
        return v
    s("plants-64", scenario(plants(60)))
    s("plants-65", scenario(plants(61)))
    s("plant-made-anew", scenario({"plant.byd-cn.removed": 1, "plant.byd-cn.maker": "byd",
                                   "plant.byd-cn.site": "cn-export"}))
    s("plant-removed-then-set", scenario({"plant.byd-cn.removed": 1,
                                          "plant.byd-cn.capacity": 5}))
    s("plants-all-removed", scenario({f"plant.{p}-cn.removed": 1
                                      for p in ("byd", "xiaomi", "geely", "other")}))
    s("plant-id-40", scenario({"plant." + "a" * 40 + ".maker": "byd",
                               "plant." + "a" * 40 + ".site": "cn-export"}))
    s("plant-id-41", scenario({"plant." + "a" * 41 + ".maker": "byd"}))
    # Comparison files: several scenarios, which is edited, which is the reference.
    def comparison(scenarios, **members):
        doc = {"format": 1, "comparison": dict(members, scenarios=scenarios)}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    one = {"name": "A", "values": {"tariff.china": 50}}
    two = {"name": "B", "values": {"rule.connected_vehicle": 0, "tariff.china@2028": 25}}
    s("comparison-two", comparison([one, two], edited=1, reference=0))
    s("comparison-five", comparison([one, two, one, two, {}], edited=4, reference=2))
    s("comparison-six", comparison([one, two, one, two, one, two]))
    s("comparison-empty", comparison([]))
    s("comparison-edited-out-of-range", comparison([one, two], edited=2))
    s("comparison-reference-negative", comparison([one], reference=-1))
    s("comparison-bad-scenario", comparison([one, {"values": {"tariff.china": 900}}]))
    s("comparison-format-inside", comparison([{"format": 1, "name": "A"}]))
    s("comparison-not-object", '{"format": 1, "comparison": [1, 2]}\n')
    s("comparison-and-values", '{"format": 1, "comparison": {"scenarios": [{}]}, "values": {}}\n')


# ---- baseline files ------------------------------------------------------------

def compact(doc):
    """The baseline with every source cut to a few characters: the same
    structure in a quarter of the bytes, so mutations reach more of it."""
    if isinstance(doc, dict):
        return {k: ("s" if k == "source" else compact(v)) for k, v in doc.items()
                if k not in ("title", "conventions")}
    if isinstance(doc, list):
        return [compact(v) for v in doc]
    return doc


def dump(doc):
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def baseline_seeds():
    original = read("data/baseline.json")
    base = json.loads(original)
    small = compact(base)
    b = lambda name, data: put("baseline", name, data)
    b("baseline", original)
    b("compact", dump(small))

    def variant(name, change):
        doc = copy.deepcopy(small)
        try:
            change(doc)
        except (KeyError, IndexError, TypeError) as e:
            # The baseline's format moved on: this variant has nothing to change.
            print(f"make-corpus: baseline/{name} skipped ({type(e).__name__}: {e})")
            return
        b(name, dump(doc))

    # Sizes: the least the loader takes, the most it holds, one more.
    variant("one-maker-one-site", lambda d: d.update(makers=d["makers"][:1], sites=d["sites"][:1],
                                                     plants=[]))
    variant("no-plants", lambda d: d.update(plants=[]))
    variant("no-makers", lambda d: d.update(makers=[], plants=[]))

    def more(key, n, ident):
        def change(d):
            items = d[key]
            while len(items) < n:
                item = copy.deepcopy(items[len(items) % 4])
                item["id"] = f"{ident}{len(items)}"
                items.append(item)
        return change
    variant("makers-8", more("makers", 8, "m"))
    variant("makers-9", more("makers", 9, "m"))
    variant("sites-32", more("sites", 32, "s"))
    variant("sites-33", more("sites", 33, "s"))
    variant("plants-64", more("plants", 64, "p"))
    variant("plants-65", more("plants", 65, "p"))
    # Missing and mistyped parts.
    variant("no-market", lambda d: d.pop("market"))
    variant("no-parameters", lambda d: d.pop("parameters"))
    variant("parameter-missing", lambda d: d["parameters"].pop("tariff.china"))
    variant("figure-without-source", lambda d: d["trade"]["customs_value_factor"].pop("source"))
    variant("value-as-string", lambda d: d["trade"]["customs_value_factor"].update(value="0.85"))
    variant("values-short", lambda d: d["market"]["lv_sales"].update(
        values=d["market"]["lv_sales"]["values"][:5]))
    variant("tier-shares-not-one", lambda d: d["market"]["tier_share"]["entry"].update(
        values=[0.9] * 11))
    variant("parameter-out-of-range", lambda d: d["parameters"]["tariff.china"].update(value=900))
    variant("parameter-low-above-high", lambda d: d["parameters"]["behaviour.pass_through"].update(
        low=1.0, high=0.6))
    variant("quota-finite", lambda d: d["parameters"]["quota.china"].update(value=49000))
    variant("unknown-origin", lambda d: d["sites"][0].update(origin="mars"))
    variant("earliest-year-2040", lambda d: d["sites"][0]["earliest_year"].update(value=2040))
    variant("plant-unknown-maker", lambda d: d["plants"][0].update(maker="tesla"))
    variant("plant-unknown-site", lambda d: d["plants"][0].update(site="nowhere"))
    variant("chinese-controlled-string", lambda d: d["makers"][0].update(chinese_controlled="yes"))
    # Numbers at their ends: every figure 0, or huge.

    def every_value(doc, f):
        if isinstance(doc, dict):
            for k, v in doc.items():
                if k in ("value", "values", "entry", "mid", "premium", "low", "high") and \
                        isinstance(v, (int, float)) and not isinstance(v, bool):
                    doc[k] = f(v)
                elif k == "values" and isinstance(v, list):
                    doc[k] = [f(x) if isinstance(x, (int, float)) else x for x in v]
                else:
                    every_value(v, f)
        elif isinstance(doc, list):
            for v in doc:
                every_value(v, f)
    variant("market-zero", lambda d: every_value(d["market"], lambda v: 0))
    variant("market-huge", lambda d: every_value(d["market"], lambda v: 1e300))
    variant("ford-zero", lambda d: every_value(d["ford"], lambda v: 0))
    variant("ford-huge", lambda d: every_value(d["ford"], lambda v: 1e300))
    variant("makers-zero", lambda d: every_value(d["makers"], lambda v: 0))
    variant("sites-zero", lambda d: every_value(d["sites"], lambda v: 0))
    variant("sites-negative", lambda d: every_value(d["sites"], lambda v: -v))
    variant("plants-huge", lambda d: every_value(d["plants"], lambda v: 1e300))
    variant("lv-sales-negative", lambda d: d["market"]["lv_sales"].update(
        values=[-x for x in d["market"]["lv_sales"]["values"]]))
    variant("max-ev-share-one", lambda d: d["market"]["max_ev_share"].update(value=1.0))
    # Issue 7: ids, text and members that are not what they claim.
    variant("maker-id-newline", lambda d: d["makers"][0].update(id="b\nyd"))
    variant("site-id-newline", lambda d: d["sites"][0].update(id="cn\nexport"))
    variant("plant-id-newline", lambda d: d["plants"][0].update(id="byd\ncn"))
    variant("maker-id-upper", lambda d: d["makers"][0].update(id="BYD"))
    variant("duplicate-maker-ids", lambda d: d["makers"][1].update(id=d["makers"][0]["id"]))
    variant("duplicate-site-ids", lambda d: d["sites"][1].update(id=d["sites"][0]["id"]))
    variant("duplicate-plant-ids", lambda d: d["plants"][1].update(id=d["plants"][0]["id"]))
    variant("maker-name-control", lambda d: d["makers"][0].update(name="B\nY\tD\x01"))
    b("lone-surrogate-name", dump(small).replace('"name": "BYD"', '"name": "B\\ud800YD"', 1))
    text = dump(small)
    b("duplicate-member-makers", text.replace('\n "sites":', '\n "makers": [],\n "sites":', 1))
    b("duplicate-member-value", text.replace('"value": 0.85', '"value": 0.85, "value": 9', 1))
    b("empty", b"")
    b("deep-brackets-100000", "[" * 100000)
    b("top-level-array", "[]")
    b("two-documents", dump(small) + dump(small))
    b("scalar-then-object", "1" + dump(small))
    b("malformed-u-escape", dump(small).replace('"name": "BYD"', '"name": "B\\ud8z0YD"', 1))
    b("octal-escape", dump(small).replace('"name": "BYD"', '"name": "B\\202D"', 1))
    b("truncated", original[: len(original) // 2])
    b("not-utf8", dump(small).encode("utf-8").replace(b"BYD", b"B\xffD", 1))


# ---- --set arguments -------------------------------------------------------------

def set_seeds():
    # One argument per seed; a seed of several arguments separates them with NUL.
    single = [
        # docs/cli.md
        "tariff.china@2028=25", "rule.connected_vehicle=2", "plant.byd-tx.maker=byd",
        "plant.byd-tx.site=us-tx-san-antonio", "tariff.china=10", "tariff.japan=5",
        "tariff.china=900", "tariff.china=lots", "tariff.china", "tariff.china@2040=5",
        "behaviour.pass_through@2030=1", "rule.connected_vehicle=1.5", "plant.x.maker=byd",
        "plant.x.site=mars",
        # tests/test-scenario.c
        "tariff.china=42.5", "tariff.china@2030=10", "quota.china=49000",
        "plant.byd-cn.removed=1", "behaviour.pass_through=0.3", "  tariff.china =  55.25 ",
        "tariff.china=0", "tariff.china=500", "quota.china=UNLIMITED", "quota.china=0",
        "rule.connected_vehicle=2.0", "credit.ev_usd=7.5e3", "quota.china@2030=unlimited",
        "credit.ev_usd@2027=7500", "credit.exclude_chinese@2029=0", "ford.partnership@2028=1",
        "plant.geely-cn.capacity=0", "plant.other-cn.start_year=2025", "tariff.china=27,5",
        "tariff.canada=500.5", "tariff.china=501", "tariff.china=-1", "tariff.china=abc",
        "tariff.china=", "tariff.china=nan", "tariff.china=inf", "tariff.china=1e999",
        "tariff.china@2024=5", "tariff.china@2036=5", "tariff.china@=5",
        "rule.connected_vehicle=0.5", "quota.china=-1", "quota.china=12.5",
        "credit.ev_usd=unlimited", "behaviour.pass_through=1.5", "nosuch.key=1", "=5",
        "plant.other-cn.removed=0", "plant.nope.removed=1", "plant.other-cn.site=nowhere",
        "plant.other-cn.maker=tesla", "plant.other-cn.capacity=-1",
        "plant.other-cn.start_year=2024", "plant.other-cn.start_year=2030.5",
        "plant.Bad.maker=byd", "plant..maker=byd", "plant.other-cn=1",
        "plant.byd-cn.capacity@2030=1", "plant.fresh.capacity=abc",
        "plant.fresh.start_year=1999",
        # Every key, and the edges of reading numbers and years.
        "tariff.mexico=27.5", "tariff.canada@2031=0", "credit.exclude_chinese=0",
        "ford.partner_fee_usd=20000", "behaviour.price_elasticity=-3",
        "behaviour.choice_price_coef=15", "behaviour.acceptance_speed=0.05",
        "behaviour.consideration_cap=1", "behaviour.incumbent_response=0",
        "tariff.china=0x10", "tariff.china=1e-320", "tariff.china=-0", "tariff.china=+5",
        "tariff.china= 5", "tariff.china=5 ", "tariff.china=5=6", "tariff.china==5",
        "tariff.china@2030.0=5", "tariff.china@+2030=5", "tariff.china@02030=5",
        "tariff.china@99999999999999999999=5", "tariff.china@-1=5", "tariff.china@2030@2031=5",
        "quota.china=10000000", "quota.china=10000001",
        "quota.china=unlimitedx", "plant." + "a" * 40 + ".maker=byd",
        "plant." + "a" * 41 + ".maker=byd", "plant.x.removed=1", "plant.x.y.maker=byd",
        "plant.x.maker=", "plant.x.capacity=2000000", "plant.x.capacity=2000000.5",
        "plant.x.start_year=2035", "plant.x.start_year=2036", "plant.-.maker=byd",
        "plant.é.maker=byd", "=", "", " ", "@", "@2030=5", ".=5",
        # What a shell can pass: control characters, newlines, invalid UTF-8.
        "tariff.china=5\r", "tar\tiff.china=5", "tariff.china=\x01",
    ]
    for i, a in enumerate(single):
        put("set", f"arg-{i:03d}", a)
    put("set", "invalid-utf8-value", b"tariff.china=\xff")
    put("set", "invalid-utf8-key", b"tariff.ch\xc3ina=5")
    put("set", "invalid-utf8-plant", b"plant.\xff.maker=byd")
    put("set", "newline-value", "tariff.china=1\n2")
    put("set", "newline-key", "tariff.china\n=5")
    put("set", "newline-site", "plant.x.site=mx\nnuevo")
    put("set", "huge-quota", "quota.china=99999999999999999999999")
    put("set", "long-value", "tariff.china=" + "9" * 2000)
    put("set", "long-key", "k" * 2000 + "=5")

    def seq(name, args):
        put("set", name, "\0".join(args))
    seq("seq-new-plant", ["plant.x.maker=byd", "plant.x.site=mx-nuevo-leon",
                          "rule.connected_vehicle=0"])
    seq("seq-cli-tests", ["tariff.china@2029=40", "plant.y.maker=geely",
                          "plant.y.site=us-ga-savannah", "rule.connected_vehicle=2"])
    seq("seq-plant-anew", ["plant.byd-cn.removed=1", "plant.byd-cn.maker=byd",
                           "plant.byd-cn.site=mx-nuevo-leon"])
    seq("seq-plant-anew-same-site", ["plant.byd-cn.removed=1", "plant.byd-cn.maker=byd",
                                     "plant.byd-cn.site=cn-export"])
    seq("seq-half-plant", ["plant.x.maker=byd", "tariff.china=10"])
    seq("seq-remove-all", [f"plant.{p}-cn.removed=1" for p in ("byd", "xiaomi", "geely", "other")])
    seq("seq-steps", [f"tariff.china@{y}={(y - 2025) * 50}" for y in range(2025, 2036)]
        + ["tariff.china=0"])
    sites = ["mx-nuevo-leon", "us-sc-ridgeville", "us-mi-flat-rock", "ca-qc-becancour"]
    many = ["ford.partnership=1"]
    for i in range(30):
        many += [f"plant.q{i}.maker=geely", f"plant.q{i}.site={sites[i % 4]}"]
    seq("seq-many-plants", many[:64])
    seq("seq-same-key", ["tariff.china=1", "tariff.china=2", "tariff.china=bad", "tariff.china=3"])
    seq("seq-empty-args", ["", "", "tariff.china=5", ""])


def main():
    scenario_seeds()
    baseline_seeds()
    set_seeds()
    for target, names in REGRESSIONS.items():
        missing = names - seen[target]
        assert not missing, f"REGRESSIONS names seeds that are not written: {target} {missing}"
    print(f"make-corpus: {written['corpus']} corpus seeds, {written['regressions']} regression seeds")


if __name__ == "__main__":
    sys.exit(main())
