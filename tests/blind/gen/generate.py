#!/usr/bin/env python3
"""Blind evaluation corpus for the signpost keyword matcher.

Written blind: without reading the matcher, its tests or its keyword lists, from a
brief that lists the disguise classes.  Standard library only, seeded, deterministic.

    python3 tests/blind/gen/generate.py            # writes tests/blind/data/
    python3 tests/blind/gen/generate.py --seed 7 --out /tmp/x --no-system-dict

Every list entry is FICTIONAL: pronounceable nonsense (Latin, Cyrillic, Greek),
random strings of Arabic letters, of innocuous Han characters or of kana.

ENTRIES BUILT FOR THE `containing` AND `cross-boundary` INNOCENT CLASSES
--------------------------------------------------------------------------
They are derived (by `build_specials()`) from the hand-written vocabulary
(vocab_en.py, vocab_intl.py, vocab_more.py), so that both lists contain entries that
really occur *inside* innocent text, which is exactly what these two classes test:

* containing: an entry is a 4-7 letter inner cut  P + ENTRY + S  of real words (P and S
  non-empty and neither of them a vocabulary word of 3+ letters).  Cuts are chosen
  greedily so that 300 entries cover as many distinct real words as possible (English
  -ing/-tion/-ship/-able words, German -ung/-keit/-schaft words, Spanish -cion, Italian
  -zione, ...).  Those real words are the innocent queries: a matcher that matches
  entries as plain substrings, or that "segments" any token, fires on them.
* cross-boundary: an entry is a 5-7 letter string that starts strictly inside the first
  word and ends strictly inside the second word of a two-word phrase ("adjective noun" /
  "noun noun", e.g. "golden crop" holds the tail "lden" + the head "c").  The phrases
  are the innocent queries: a matcher that joins neighbouring tokens and then searches
  inside the joined string fires on them.

Why these cuts are safe to put in a list: each one (1) starts with two consonants that
cannot begin an English word, or ends with two that cannot end one, so it cannot be a
word; (2) obeys the same phonotactic rules as the generated entries (no single
consonant between vowels, no avoided letter pair); (3) is not a word of the vocabulary
nor of the system word lists; (4) is never a whole token, a token minus an inflection
ending, or a prefix/suffix of a token whose remainder is short or an ordinary word,
anywhere in the innocent corpus -- otherwise a correct matcher (e.g. one handling the
`glued`, `inflection` or `split` classes) could legitimately fire on an innocent query.

The entries of the committed data (seed 20240611, generated on a machine with the usual
/usr/share/dict word lists; tests/blind/data/specials.txt lists them with host words):

    containing (300 entries, in list-10k and list-100k):
        ctio ndin ntin ndun ptio ckin gkei ncio tzun nsio ltun htun rtin tmen ntra rmac hrun
        nzio mpor rgan dlun ompl pcio ctur ntac ldun nshi nste rshi hkei mpin nsta ntio rtun
        hlun ontr rste ctin mpre nsul nstru ldin nden ndic nves rbei mbin mpos nhei nten tchi
        mput ncem nclu ngun nsid ntam ntaz rgin rkin rtic rtio ctiv ctua escr lebr nkin ntic
        ntim ptur rvat hmun hrei ncin nmen ntia rdnu rvac rwar sibl xplo hran mpan mpro nabl
        ndan ndel nfla nsti ntan ntur rbun rogr rsta rtab ustr xpor ntegra rschu andl dmir eabl
        erbr gmen hmen htin mpar mplo ndac ndat nsmi nsol nven pmen rkei rmaz rpre rsio rtam
        rtif rwei xpos xtur hmerz lectr nistr estl ghte ltiv ltur mpen ndig nvit rman rvin tche
        xpre nseign ctabl hrhei nciat ptabl rkabl andw artn bsti dhei dshi ftun ghin hwan iscr
        lgun mpte ncer ndim ngem nlei nloa nsam nser ntec ntla ntro nzun ptac rber rcef rcio
        rdun rlan rmar rmun rocl rsac rtai rtei rtem rtim rtis rwan rzeu tpla tste vabl xcav
        xhib mrechnu ntersch nsomni rgleic ultipl mplem mplic nspir nspor nterl rches rgenc
        xclus xpect xplor ardl astl ckne dcas eatr erpr fste ftin htig ircl khei ldne lmin mste
        nbur ncel nche nchi ncip ncou ncre ndiv ndne ngre nher nkau nreg nsem nsit nsla nspe
        ntar ntem ntif ntis ntom ntua ptim ragr rcad rchi rkar rkeh rpor rsem rsic rson rsto
        rtac rtur rvis sgan tkar tlei tsta umpl xcit xper xpla aughabl erwirkl hreszei hsanwei
        nderhei nkelhei ntersuc alnutr ampagn ndschu ngszei ntrepr ntsche ntschu onsegn rbitra
        rchsuc sgleic yclabl anspl ayabl bweic ciabl cklun cksac ctanc erpfl fzeic hnupf ielpl
        lschu luabl mbiam mblin mplif mptin mschu nctio ndabl
    cross-boundary (150 entries, in list-10k and list-100k):
        lverc rmalc ldenc nterc rketc ctualc lcoun ntalb mplec ghtco ntlec ndowc lwayc blepr
        iousr ntcha rdenc tcand tcoun cticb ltabl eprobl lcand lsnac lworl mbleb ncomp ntralb
        rcomp ldrea lnort ntsta raltr rectw rpleb rtabl tgarl tsauc tstea yentr lbeac lblen
        lkitc lpric lswea lteac lvoic rbanb tlunc eansw eumbr iantw lchim lcloc ldict lflam
        lglov lsauc lscre ngesh ngrya rcticm reagl rshir rwatc tceil tflam tpowd tscis aldegr
        entbr lbisc lbudg lcirc leagl lharb lhous lpicn lpowd lston ltimb nbrac rprin rscis
        tbrid tchim tdict tligh xtraw antbr caltr ciousl dpowde ightw ldolp lshap lspri nbisc
        nglep ntbal ntgar rblan rgarl rspor talbr tcloc tdoct terbr tglov tknif tshel tswea
        ualcl yprogr aindr alscr blicl dshap dsnac ectdr ldsta lkeyb lthya lzebr nblan ngarli
        njuic nstic ntorc ouspr rbrac rbudg roudw rsqua rumbr tcred tjuic tprog tspri ychimn
        ckcha ctclo dcirc dencr dlibr dlunc dprob ickcl lgarli lknif"""

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unitables as U  # noqa: E402
import vocab_en as VE  # noqa: E402
import vocab_intl as VI  # noqa: E402
import vocab_more as VM  # noqa: E402

DEFAULT_SEED = 20240611
PER_CLASS = 300

SET_A = ["exact", "case", "compat", "diacritics", "homoglyph", "leet", "separators", "repeats",
         "invisible", "emoji-letters", "joined-phrase", "inflection", "non-latin", "typo",
         "any-order", "combined"]
SET_B = ["strokes", "glued", "camel-hashtag", "split", "dense-digits", "translit-cyr2lat",
         "translit-lat2cyr", "masked", "possessive", "emoji-between"]
SET_AGE = ["age-digits", "age-words-multilingual", "age-spelled", "age-before", "age-months",
           "age-disguised"]

NOUN_GROUP = "blind-noun"
AGE_GROUP = "blind-minor"
AGE_RULE = "blind-minor-noun"

# ============================================================================================
# Normalisation used for *rejection* of entries and for self-checks (never shipped to the
# matcher; it is deliberately coarse: the coarser, the safer the rejection).
# ============================================================================================

RAWMAP = {}   # exact glyph -> ASCII letter (case preserved), applied before casefold
LOWMAP = {}   # casefolded glyph -> ASCII letter ('' = drop), applied after casefold
for _l, _gs in U.HOMO_LOWER.items():
    for _g in _gs:
        LOWMAP[_g] = _l
for _L, _gs in U.HOMO_UPPER.items():
    for _g in _gs:
        RAWMAP[_g] = _L
for _l, _gs in U.STROKES.items():
    for _g in _gs:
        LOWMAP[_g] = _l
        if _g.upper() != _g and len(_g.upper()) == 1:
            RAWMAP[_g.upper()] = _l.upper()
for _l, _g in U.SMALL_CAPS.items():
    LOWMAP[_g] = _l
for _i in range(26):
    _c = chr(97 + _i)
    LOWMAP[U.regional_indicator(_c)] = _c
    LOWMAP[U.negative_squared(_c)] = _c
    LOWMAP[U.negative_circled(_c)] = _c
# a few more look-alikes that casefolding produces or that other scripts use
LOWMAP.update({"\u0432": "b", "\u043d": "h", "\u0442": "t", "\u0443": "y", "\u0445": "x",
               "\u0440": "p", "\u0441": "c", "\u043e": "o", "\u0430": "a", "\u0435": "e",
               "\u043a": "k", "\u043c": "m", "\u044c": "b", "\u0456": "i", "\u0458": "j",
               "\u0455": "s", "\u04cf": "l", "\u03b1": "a", "\u03b2": "b", "\u03b3": "y",
               "\u03b5": "e", "\u03b7": "n", "\u03b9": "i", "\u03ba": "k", "\u03bc": "u",
               "\u03bd": "v", "\u03bf": "o", "\u03c1": "p", "\u03c4": "t", "\u03c5": "u",
               "\u03c7": "x", "\u03c9": "w", "\u03b6": "z", "\u03c3": "o", "\u03c0": "n",
               "\u03b4": "d", "\u03f3": "j", "\u0261": "g",
               "\u02b9": "", "\u02ba": ""})
LEETMAP = {"0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t",
           "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "\u20ac": "e"}


def fold_chars(s):
    """NFKD, drop marks/format chars, map look-alikes, casefold.  Returns a list of chars."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf"):
            continue
        ch = RAWMAP.get(ch, ch)
        if ch in LOWMAP:
            ch = LOWMAP[ch]
            if ch:
                out.append(ch)
            continue
        for c in ch.casefold():
            c = LOWMAP.get(c, c)
            if c:
                out.extend(c)
    return out


_ASCII_KEY = str.maketrans({**{k: v for k, v in LEETMAP.items() if k.isascii()}, "l": "i"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_RUNS = re.compile(r"(.)\1+")


def key(s):
    """Coarse matching key: folded, leet decoded, l==i, only letters/digits, runs collapsed."""
    if s.isascii():
        t = _NON_ALNUM.sub("", s.lower().translate(_ASCII_KEY))
        return _RUNS.sub(r"\1", t)
    res = []
    for c in fold_chars(s):
        c = LEETMAP.get(c, c)
        if c == "l":
            c = "i"
        if not c.isalnum():
            continue
        if res and res[-1] == c:
            continue
        res.append(c)
    return "".join(res)


def norm_check(s, keep=""):
    """Folded text keeping letters/digits/leet symbols (for self-checks); no collapse."""
    return "".join(c for c in fold_chars(s) if c.isalnum() or c in U.LEET_SYMBOLS or c in keep)


LEET_OF = defaultdict(set)
for _l, _vs in U.LEET.items():
    LEET_OF[_l].update(_vs)
LEET_OF["i"].update(["l", "1", "!", "|"])
LEET_OF["l"].update(["i", "1", "|"])


def entry_regex(entry, extra_at=None):
    parts = []
    for i, c in enumerate(norm_check(entry)):
        alts = {c} | LEET_OF.get(c, set())
        cls = "".join(re.escape(a) for a in sorted(alts))
        if extra_at is not None and i == extra_at:
            cls += re.escape("*#_")
        parts.append("(?:[%s])+" % cls)
    return re.compile("".join(parts))


_SCRIPT_CACHE = {}


def _char_script(ch):
    sc = _SCRIPT_CACHE.get(ch)
    if sc is None:
        n = unicodedata.name(ch, "")
        sc = "other"
        for s in ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "CJK", "HIRAGANA", "KATAKANA"):
            if n.startswith(s):
                sc = {"CJK": "han", "HIRAGANA": "kana", "KATAKANA": "kana"}.get(s, s.lower())
                break
        _SCRIPT_CACHE[ch] = sc
    return sc


def script_of(s):
    """Script of the first character that belongs to a known script."""
    for ch in s:
        sc = _char_script(ch)
        if sc != "other":
            return sc
    return "other"


def is_cjk_char(ch):
    n = unicodedata.name(ch, "")
    return n.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH KATAKANA"))


# ============================================================================================
# Table validation
# ============================================================================================

def style_char(style, c):
    """Map an ASCII letter/digit to a compatibility style; None if unavailable."""
    if style == "superscript":
        return U.SUPERSCRIPT.get(c.lower())
    if style == "subscript":
        return U.SUBSCRIPT.get(c.lower())
    lo, up, dg, exc = U.MATH_STYLES[style]
    if c in exc:
        return exc[c]
    if c.isdigit():
        if style == "circled":
            return U.CIRCLED_DIGITS.get(c)
        if style == "parenthesized":
            return U.PAREN_DIGITS.get(c)
        return chr(dg + int(c)) if dg else None
    if "a" <= c <= "z":
        if lo is None:
            return style_char(style, c.upper()) if up else None
        return chr(lo + ord(c) - 97)
    if "A" <= c <= "Z":
        if up is None:
            return chr(lo + ord(c) - 65) if lo else None
        return chr(up + ord(c) - 65)
    return None


STYLES = list(U.MATH_STYLES) + ["superscript", "subscript"]
STYLE_OK = {}


def validate_tables():
    for st in STYLES:
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
            g = style_char(st, c)
            ok = False
            if g is not None:
                try:
                    unicodedata.name(g)
                    ok = unicodedata.normalize("NFKC", g).casefold() == c.casefold()
                except ValueError:
                    ok = False
            STYLE_OK[(st, c)] = g if ok else None
    for l, gs in U.STROKES.items():
        for g in gs:
            assert unicodedata.normalize("NFKD", g) == g, ("stroke decomposes", g)
            assert key(g) == ("i" if l == "l" else l), ("stroke key", g, key(g))
    for l, gs in U.HOMO_LOWER.items():
        for g in gs:
            assert unicodedata.normalize("NFKD", g) == g, ("homoglyph decomposes", g)
            assert key(g) == ("i" if l == "l" else l), ("homoglyph key", l, g, key(g))
    for L, gs in U.HOMO_UPPER.items():
        for g in gs:
            assert key(g) == ("i" if L == "L" else L.lower()), ("homoglyph upper key", L, g, key(g))
    for l, gs in U.PRECOMPOSED.items():
        for g in gs:
            assert unicodedata.normalize("NFKD", g)[0] == l, ("precomposed", g)


def compat_style(c, style):
    return STYLE_OK.get((style, c))


HALFWIDTH = {}


def build_halfwidth():
    for cp in range(0xFF66, 0xFF9E):
        full = unicodedata.normalize("NFKC", chr(cp))
        if len(full) == 1:
            HALFWIDTH.setdefault(full, chr(cp))
    for full_c in list(U_KATA_ALL()):
        d = unicodedata.normalize("NFD", full_c)
        if len(d) == 2 and d[0] in HALFWIDTH:
            mark = {"\u3099": "\uff9e", "\u309a": "\uff9f"}.get(d[1])
            if mark:
                HALFWIDTH[full_c] = HALFWIDTH[d[0]] + mark
    HALFWIDTH["ー"] = "\uff70"


def U_KATA_ALL():
    return [chr(c) for c in range(0x30A1, 0x30FB)]


def to_halfwidth(s):
    out = []
    for ch in s:
        if ch not in HALFWIDTH:
            return None
        out.append(HALFWIDTH[ch])
    r = "".join(out)
    return r if unicodedata.normalize("NFKC", r) == s else None


# ============================================================================================
# Transliteration
# ============================================================================================

def cyr2lat(word, scheme, rng=None):
    out = []
    w = word.lower()
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch in U.CYR_COMMON:
            r = U.CYR_COMMON[ch]
            if scheme == "bgn" and ch == "е" and (i == 0 or prev in U.CYR_VOWELS or prev in "ъьй"):
                r = "ye"
        elif scheme == "chat":
            opts = U.CHAT_OPTIONS.get(ch, [ch])
            r = rng.choice(opts) if rng else opts[0]
        elif scheme.startswith("chat"):   # chat0 / chat1: deterministic variants
            opts = U.CHAT_OPTIONS.get(ch, [ch])
            r = opts[min(int(scheme[4:]), len(opts) - 1)]
        else:
            r = U.CYR_SCHEMES[scheme].get(ch, ch)
            if scheme == "gost-b" and ch == "ц" and nxt in "иеыйэ":
                r = "c"
            if scheme == "bgn" and ch == "ё" and (i == 0 or prev in U.CYR_VOWELS or prev in "ъьй"):
                r = "yë"
        out.append(r)
    return "".join(out)


ROM_SCHEMES = ["iso9", "gost-b", "bgn", "scholarly", "chat0", "chat1", "chat2"]


def romanizations(word):
    return {cyr2lat(word, s) for s in ROM_SCHEMES}


L2C_RE = re.compile("|".join(re.escape(a) for a, _ in U.L2C_MULTI) + "|.")
L2C_MAP = dict(U.L2C_MULTI)


def lat2cyr(word, rng):
    """Latin -> Cyrillic "by sound".  The first option of every choice is the most common
    one; lat2cyr_canonical() always takes it."""
    w = word.lower()
    out = []
    vowels = "aeiouy"
    for m in L2C_RE.finditer(w):
        tok = m.group(0)
        i = m.start()
        if len(tok) > 1:
            if tok == "ye" and i > 0 and w[i - 1] not in vowels:
                out.append(rng.choice(["ы", "и"]))
                out.append("е")
            else:
                out.append(L2C_MAP[tok])
            continue
        c = tok
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if c == "c":
            r = "ц" if nxt in "eiy" else "к"
        elif c == "e":
            r = rng.choices(["э", "е"], [6, 4])[0] if i == 0 else "е"
        elif c == "y":
            if (nxt and nxt in "aeiou") or (i > 0 and w[i - 1] in vowels):
                r = "й"
            else:
                r = rng.choice(["и", "ы"])
        elif c == "h":
            r = rng.choices(["х", "г"], [8, 2])[0]
        elif c == "j":
            r = rng.choices(["дж", "ж", "й"], [6, 2, 2])[0]
        elif c == "w":
            r = rng.choices(["в", "у"], [8, 2])[0]
        elif c == "x":
            r = rng.choices(["кс", "х"], [8, 2])[0]
        elif c == "l" and not nxt:
            r = rng.choices(["л", "ль"], [7, 3])[0]
        else:
            r = U.L2C_SINGLE.get(c, c)
        out.append(r)
    return "".join(out)


class _FirstChoice:
    """Stand-in RNG that always takes the first (most common) option."""
    def choice(self, seq):
        return seq[0]

    def choices(self, seq, weights=None):
        return [seq[0]]


_FIRST = _FirstChoice()


def lat2cyr_canonical(word):
    return lat2cyr(word, _FIRST)


# ============================================================================================
# Vocabulary
# ============================================================================================

def split_words(s):
    return [w for w in re.split(r"[\s]+", s) if w]


def all_vocab_words():
    words = []
    words += VE.EN_NOUNS + VE.EN_ADJ + VE.EN_VERBS + VE.EN_LONG + VE.EN_FUNCTION + VM.MORE_WORDS
    for lst in (VE.EN_PRODUCTS, VE.EN_CITIES, VE.EN_SYMPTOMS, VE.EN_FOODS, VE.EN_INGREDIENTS,
                VE.EN_MEDS, VE.EN_TOOLS, VE.EN_OS, VE.EN_OS_PROBLEMS, VE.EN_HASHTAG_WORDS,
                VE.EN_SENT_PLACES, VE.EN_SENT_THINGS, VE.EN_WHO, VE.EN_TASKS, VE.EN_PEOPLE,
                VE.EN_COLORS, VE.EN_MONTHS, VE.GLUE_PRE, VE.GLUE_POST, VE.POS_EXTRA):
        for x in lst:
            words += split_words(x)
    for ctx in VE.POS_CONTEXTS:
        words += split_words(ctx.replace("{}", " "))
    for lang in VI.LANGS.values():
        words += lang["words"]
        for t in lang["templates"]:
            words += split_words(re.sub(r"\{\w+\}", " ", t))
        for lst in lang["slots"].values():
            for x in lst:
                words += split_words(x)
    out = []
    seen = set()
    for w in words:
        w = w.strip(".,;:!?()'\"").lower()
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


# Words excluded from random recombination (pairs, camel-case names), to keep every
# generated combination plainly innocuous.
RECOMBINE_DENY = set("""
baby bath bathroom bed bedroom body brother camp classroom cousin cute dad daughter dear doll dress
family father friend hard hidden lip little lonely lovely mother nice night pants parent pretty
private school secret shower sister skirt soft student sweet tiny toy uncle warm wet wild young
""".split())


# ============================================================================================
# Innocent queries
# ============================================================================================

def fill_template(t, slots, rng):
    def rep(m):
        name = m.group(1)
        if name == "y":
            return rng.choice(VI.YEARS)
        if name == "n":
            return str(rng.randint(2, 99))
        if name == "c2":
            return rng.choice(slots["c"])
        if name not in slots:
            raise KeyError(name)
        return rng.choice(slots[name])
    return re.sub(r"\{(\w+)\}", rep, t)


def gen_unique(target, make, rng, max_tries_factor=40):
    out = []
    seen = set()
    tries = 0
    while len(out) < target and tries < target * max_tries_factor:
        tries += 1
        try:
            q = make(rng)
        except KeyError:
            continue
        if not q:
            continue
        q = re.sub(r"\s+", " ", q).strip()
        if q and q not in seen:
            seen.add(q)
            out.append(q)
    return out


def lang_maker(lang):
    L = VI.LANGS[lang]

    def make(rng):
        t = rng.choice(L["templates"])
        if "{c2}" in t and "c" in L["slots"]:
            c1, c2 = rng.sample(L["slots"]["c"], 2)
            t = t.replace("{c2}", c2).replace("{c}", c1)
        q = fill_template(t, L["slots"], rng)
        r = rng.random()
        if r < 0.12:
            q = q + " " + rng.choice(VI.YEARS)
        elif r < 0.2:
            q = q[:1].upper() + q[1:]
        return q
    return make


def en_slots():
    return {
        "p": VE.EN_PRODUCTS, "p2": VE.EN_PRODUCTS, "c": VE.EN_CITIES, "c2": VE.EN_CITIES,
        "color": VE.EN_COLORS, "who": VE.EN_WHO, "price": VE.EN_PRICES, "month": VE.EN_MONTHS,
        "s": VE.EN_SYMPTOMS, "s2": VE.EN_SYMPTOMS, "person": VE.EN_PEOPLE, "med": VE.EN_MEDS,
        "med2": VE.EN_MEDS, "f": VE.EN_FOODS, "ing": VE.EN_INGREDIENTS,
        "brand": ["ikea", "bosch", "philips", "samsung", "sony", "lg", "dyson", "nike", "adidas",
                  "apple", "lenovo", "asus", "dell", "hp", "canon", "nikon", "tefal", "braun"],
        "thing": ["mattress", "pillow", "tent", "jacket", "shoes", "bike", "laptop", "phone", "desk"],
    }


EN_TEMPLATES = {
    "shopping": ["cheap {p}", "{p} near me", "best {p} {y}", "{p} under {price}", "{p} reviews",
                 "buy {p} online", "{color} {p}", "{p} sale", "{p} black friday", "{p} vs {p2}",
                 "where to buy {p} in {c}", "{p} return policy", "{p} for {who}", "{brand} {p}",
                 "used {p} for sale", "{p} coupon code", "is {p} worth it", "{p} size chart",
                 "refurbished {p}", "{p} free shipping", "{color} {p} for {who}", "{brand} {p} {y}"],
    "travel": ["flights to {c}", "cheap flights from {c} to {c2}", "hotels in {c}",
               "things to do in {c}", "{c} weather {month}", "train from {c} to {c2}",
               "how far is {c} from {c2}", "{c} airport parking", "best time to visit {c}",
               "{c} travel guide", "{c} visa requirements", "car rental {c}", "{c} to {c2} distance",
               "{c} map", "{c} public transport", "is {c} safe", "{c} old town walking tour",
               "weekend in {c}", "{c} in {month}", "{c} hostel", "{c} to {c2} by bus"],
    "health": ["{s} remedies", "{s} symptoms", "how to get rid of {s}", "{s} in {person}",
               "{s} when to see a doctor", "is {s} contagious", "{s} and {s2}", "{med} dosage",
               "{med} side effects", "can i take {med} with {med2}", "{s} at night",
               "{s} after eating", "best {med} for {s}", "{s} home remedies", "urgent care near me",
               "pharmacy open now", "{med} for {person}", "{s} {y} guidelines"],
    "food": ["{f} recipe", "easy {f}", "how long to bake {f}", "{f} calories", "vegan {f}",
             "{f} without {ing}", "how to make {f}", "{ing} substitute", "{f} near me",
             "best {f} in {c}", "{f} slow cooker", "{f} air fryer", "{f} with {ing}",
             "gluten free {f}", "{f} for {who}"],
}


def make_en(cls):
    slots = en_slots()
    temps = EN_TEMPLATES[cls]

    def make(rng):
        t = rng.choice(temps)
        if "{c2}" in t:
            a, b = rng.sample(slots["c"], 2)
            t = t.replace("{c2}", b).replace("{c}", a)
        if "{p2}" in t:
            a, b = rng.sample(slots["p"], 2)
            t = t.replace("{p2}", b).replace("{p}", a)
        if "{s2}" in t:
            a, b = rng.sample(slots["s"], 2)
            t = t.replace("{s2}", b).replace("{s}", a)
        if "{med2}" in t:
            a, b = rng.sample(slots["med"], 2)
            t = t.replace("{med2}", b).replace("{med}", a)
        return fill_template(t, slots, rng)
    return make


def make_code(rng):
    r = rng.random()
    if r < 0.3:
        e = rng.choice(VE.EN_ERRORS)
        return rng.choice(["{}", "{} fix", "{} {}", "how to fix {}", "{} stackoverflow", "{} after update"]).format(
            e, rng.choice(VE.EN_TOOLS + VE.EN_OS))
    if r < 0.55:
        return rng.choice(["{lang} {task}", "how to {task} in {lang}", "{task} {lang} example",
                           "{lang} {task} one liner"]).format(lang=rng.choice(VE.EN_PROG_LANGS),
                                                              task=rng.choice(VE.EN_TASKS))
    if r < 0.75:
        return rng.choice(["install {t} on {o}", "{t} vs {t2}", "{t} not working on {o}",
                           "{t} shortcut keys", "{t} latest version", "uninstall {t} {o}"]).format(
            t=rng.choice(VE.EN_TOOLS), t2=rng.choice(VE.EN_TOOLS), o=rng.choice(VE.EN_OS))
    return "{} {}".format(rng.choice(VE.EN_OS), rng.choice(VE.EN_OS_PROBLEMS))


FIXED_CODES = ("4x4 h264 h.265 covid-19 mp3 mp4 usb-c 5g 802.11ac ipv6 utf-8 x86_64 arm64 b2b b2c "
               "24/7 1080p 4k 8k ip68 cr2032 18650 lr44 i-95 a380 f-150 ps5 i7-12700k sm-g991b "
               "kb5034441 g7 c3po r2-d2 wd-40 3m 7-eleven a4 m8 b12 d3 omega-3 co2 h2o pm2.5 n95 ffp2 "
               "e10 v8 4wd awd gt3 x5 q7 a6 911 112 0800 rx-78 t-800 ak-7 mk2 mk3 s23 p30 g502 "
               "m1 m2 m3 rtx4090 gtx1080 rx580 z390 b550 x570 ddr4 ddr5 nvme m.2 sata3 hdmi2.1 dp1.4 "
               "usb3.2 thunderbolt4 wifi6e bt5.3 ax3000 ac1200 a1 a2 b1 b2 c1 c2 f1 f35 u2 ub40 "
               "3d 2d 360 720p 120hz 144hz 60fps 4g lte 3g 2fa otp pdf/a iso-8859-1 rfc822 "
               "e-45 e-10 a-z 1-0 3-2 2-1 24h 12h 9am 5pm 1st 2nd 3rd 4th 21st 100th").split()


def make_product_code(rng):
    L = "abcdefghjkmnprstuvwxyz"
    D = "0123456789"

    def rand_code():
        pat = rng.choice(["LL-DDDL", "LDDD", "DDD-DDDD", "LLDDDDLL", "LLL DDD", "LD", "DLD",
                          "LLDD", "DDDDL", "L-DDD", "LLLL-DD", "DDxDD", "DD-DD"])
        out = []
        for ch in pat:
            if ch == "L":
                out.append(rng.choice(L))
            elif ch == "D":
                out.append(rng.choice(D))
            else:
                out.append(ch)
        s = "".join(out)
        return s.upper() if rng.random() < 0.4 else s
    code = rng.choice(FIXED_CODES) if rng.random() < 0.5 else rand_code()
    code2 = rng.choice(FIXED_CODES) if rng.random() < 0.5 else rand_code()
    t = rng.choice(["{}", "{} price", "{} specs", "{} manual pdf", "{} driver download", "{} vs {}",
                    "{} replacement", "{} battery", "buy {}", "{} review", "route {n}", "bus {n}",
                    "room {n}", "gate {g}", "flight {fl} {n}", "highway {n}", "platform {n}",
                    "{} error code", "{} firmware update", "{} compatible", "tram {n}", "line {n}"])
    return t.format(code, code2, n=rng.randint(1, 999), g=rng.choice("abcdef").upper() + str(rng.randint(1, 60)),
                    fl=rng.choice(["lh", "ba", "af", "ua", "dl", "ek", "qr", "tk", "ryr", "ezy"]).upper())


def make_units(rng):
    t = rng.choice(["{a} km to miles", "{a} f to c", "{a} c to f", "{a} kg in lbs", "{a} oz in ml",
                    "{a} usd to eur", "{a} eur to gbp", "{a} cm in inches", "{a} ft to m",
                    "1/2 cup to grams", "3/4 cup to ml", "{a} mph to kmh", "{a}% of {b}",
                    "{a} x {b}", "{a}+{b}", "{a} divided by {b}", "{a} ml to tbsp", "{a} gb to mb",
                    "{a}:{b} ratio", "{a} hours from now", "{a} days until christmas",
                    "{a} weeks pregnant"])
    return t.format(a=rng.randint(1, 500), b=rng.randint(2, 300))


FIRST_NAMES = ["john", "maria", "ahmed", "wei", "yuki", "olga", "pierre", "hans", "lucia", "priya",
               "kwame", "sofia", "lars", "fatima", "diego", "anna", "tom", "emma", "noah", "lea"]
LAST_NAMES = ["smith", "garcia", "mueller", "rossi", "nguyen", "kim", "silva", "novak", "kowalski",
              "ivanov", "jensen", "dubois", "tanaka", "cohen", "oconnor", "papadopoulos"]
TLDS = ["com", "net", "org", "de", "fr", "co.uk", "io", "app", "shop", "es", "it", "nl", "eu", "info"]


def make_url(rng):
    w1 = rng.choice(VE.EN_NOUNS)
    w2 = rng.choice(VE.EN_NOUNS + VE.EN_ADJ)
    dom = rng.choice(["{}{}.{}", "{}-{}.{}", "{}.{}", "my{}.{}", "{}shop.{}", "the{}{}.{}"])
    n = dom.count("{}")
    args = [w1, w2, rng.choice(TLDS)][: n - 1] + [rng.choice(TLDS)]
    domain = dom.format(*args)
    r = rng.random()
    fn, ln = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    if r < 0.25:
        return rng.choice(["{f}.{l}@{d}", "{f}{l}@gmail.com", "info@{d}", "support@{d}",
                           "{f}_{l}{n}@outlook.com", "contact@{d}"]).format(f=fn, l=ln, d=domain, n=rng.randint(1, 99))
    if r < 0.55:
        return rng.choice(["https://{d}/{p}", "www.{d}", "http://{d}", "{d}/{p}?id={n}",
                           "https://www.{d}/{p}/{q}", "{d}"]).format(d=domain, p=rng.choice(VE.EN_NOUNS),
                                                                        q=rng.choice(VE.EN_NOUNS), n=rng.randint(1, 9999))
    if r < 0.7:
        return rng.choice(["http://localhost:{port}", "192.168.{a}.{b}", "127.0.0.1:{port}",
                           "10.0.{a}.{b} login", "ftp://files.{d}", "localhost:{port}/api/v{a}"]).format(
            port=rng.choice([3000, 5000, 8000, 8080, 8443, 9000]), a=rng.randint(0, 9), b=rng.randint(1, 254), d=domain)
    if r < 0.85:
        return "{} login".format(domain) if rng.random() < 0.5 else "{} customer service".format(domain)
    code = "".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rng.randint(5, 7)))
    return rng.choice(["bit.ly/{c}", "youtu.be/{c}", "t.co/{c}", "goo.gl/maps/{c}"]).format(c=code)


EXCL_INTL = ["¡Hola!", "Hilfe!", "Au secours!", "Ура!", "すごい!", "哇!!!", "대박!", "Mamma mia!",
             "Nossa!", "Wahnsinn!", "Olé!", "Bravo!", "Allez!", "Vamos!!", "Ojalá", "Ay caramba",
             "Oh là là", "Na endlich!", "Jajaja", "Ufff", "Hurra!", "Brawo!", "Ωπα!", "يا سلام", "Вау!"]


def make_excl(rng):
    e = rng.choice(VE.EN_EXCLAMATIONS + EXCL_INTL)
    r = rng.random()
    if r < 0.25:
        e = e.rstrip("!?.") + rng.choice(["!", "!!", "!!!", "?!", "!!!!", "...", "??"])
    elif r < 0.4:
        e = e.upper()
    elif r < 0.55:
        e = e + " " + rng.choice(["😂", "🔥", "👍", "🎉", "❤️", "😮", "🙏", "😭", "✨"])
    elif r < 0.7:
        e = rng.choice(["so ", "this is ", "that was ", "omg ", "oh ", "well "]) + e
    elif r < 0.8:
        e = e + " " + rng.choice(VE.EN_EXCLAMATIONS)
    return e


CAMEL_ADJ = ["blue", "green", "red", "golden", "silver", "sunny", "bright", "fresh", "quick", "smart",
             "happy", "urban", "royal", "solar", "north", "south", "east", "west", "grand", "swift",
             "clear", "crisp", "bold", "calm", "wise", "global", "local", "digital", "organic", "pure"]
CAMEL_NOUN = ["leaf", "sky", "ocean", "river", "stone", "cloud", "garden", "bridge", "harbor", "forest",
              "mountain", "meadow", "star", "sun", "moon", "wave", "tree", "field", "lake", "island",
              "market", "kitchen", "bakery", "coffee", "tech", "travel", "fitness", "studio", "works",
              "labs", "foods", "design", "media", "home", "tools", "books", "shop", "cafe", "hub"]


def make_hashtag(rng):
    r = rng.random()
    if r < 0.45:
        words = rng.choice(VE.EN_HASHTAG_WORDS).split()
        form = rng.choice(["camel", "lower", "snake", "camel", "camelyear"])
        if form == "lower":
            s = "".join(words)
        elif form == "snake":
            s = "_".join(words)
        else:
            s = "".join(w.capitalize() for w in words)
            if form == "camelyear":
                s += rng.choice(VI.YEARS)
        return "#" + s if rng.random() < 0.85 else s
    words = [rng.choice(CAMEL_ADJ), rng.choice(CAMEL_NOUN)]
    if rng.random() < 0.5:
        words.append(rng.choice(CAMEL_NOUN))
    s = "".join(w.capitalize() for w in words)
    t = rng.choice(["{}", "{} reviews", "{} opening hours", "{} near me", "#{}", "{} app", "{} login",
                    "{} careers", "{}.com", "{} discount code"])
    return t.format(s)


def make_sentence(rng):
    t = rng.choice(VE.EN_SENTENCES)
    q = t.format(n=rng.randint(1, 12), city=rng.choice(VE.EN_CITIES), place=rng.choice(VE.EN_SENT_PLACES),
                 thing=rng.choice(VE.EN_SENT_THINGS))
    r = rng.random()
    if r < 0.15:
        q += "?"
    elif r < 0.25:
        q = q[:1].upper() + q[1:]
    elif r < 0.32:
        q += " " + rng.choice(VI.YEARS)
    elif r < 0.4:
        q += " " + rng.choice(["meaning", "lyrics", "quote", "song", "reddit", "answer"])
    return q


AGE_NO_NOUN = ["gift for {n} year old", "{n} year old birthday party ideas", "books for {n} year olds",
               "{m} month old sleep schedule", "how much should a {m} month old eat",
               "{n} year old shoe size", "vaccines at {m} months", "chores for {n} year olds",
               "{n} year old reading level", "average height {n} year old", "{a} year old whisky",
               "{a} year old scotch", "{n} yo birthday cake", "bike size for {n} year old",
               "{n} year anniversary gift", "{m} months warranty", "{n} years warranty",
               "Geschenk für {n} Jahre", "cadeau anniversaire {n} ans", "regalo cumpleaños {n} años",
               "{n}歳 誕生日 プレゼント", "{n}岁 生日 礼物", "{n}살 생일 선물", "{a}年 ウイスキー"]


def singular1(s):
    """'1 years old' -> '1 year old' (also French, Spanish, German singulars)."""
    s = re.sub(r"(?<![\d.])1 (year|month)s\b", r"1 \1", s)
    s = re.sub(r"(?<![\d.])1 ans\b", "1 an", s)
    s = re.sub(r"(?<![\d.])1 años\b", "1 año", s)
    return re.sub(r"(?<![\d.])1 Jahre\b", "1 Jahr", s)


def make_age_no_noun(rng):
    return singular1(rng.choice(AGE_NO_NOUN).format(n=rng.randint(1, 17), m=rng.randint(1, 24),
                                                    a=rng.choice([10, 12, 15, 18, 21, 25, 30])))


def generate_regular_innocents(rng_for):
    """Returns list of (class, query)."""
    res = []
    plan = []
    for cls, tgt in [("shopping", 1500), ("travel", 1300), ("health", 1100), ("food", 900)]:
        plan.append((cls, tgt, make_en(cls)))
    plan += [("code", 1400, make_code), ("product-codes", 1500, make_product_code),
             ("units", 600, make_units), ("urls-emails", 1000, make_url),
             ("exclamations", 600, make_excl), ("hashtags-camelcase", 1000, make_hashtag),
             ("sentences", 1200, make_sentence), ("age-no-noun", 500, make_age_no_noun)]
    for lang in VI.LANGS:
        plan.append(("lang-" + lang, 550, lang_maker(lang)))
    fixed = {"product-codes": ["4x4", "h264", "covid-19", "route 93", "4x4 tires", "h264 vs h265",
                               "covid-19 test near me", "route 93 traffic"],
             "exclamations": ["HELP!", "WOW!!!", "help!!", "wow"]}
    seen = set()
    for cls, tgt, mk in plan:
        qs = fixed.get(cls, []) + gen_unique(tgt, mk, rng_for("innocent:" + cls))
        for q in qs:
            if q not in seen:
                seen.add(q)
                res.append((cls, q))
    return res


# ============================================================================================
# Innocent index (what entries must not collide with)
# ============================================================================================

LATINISH = re.compile(r"^[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]+$")


class InnocentIndex:
    def __init__(self, vocab_keys):
        self.vocab_keys = vocab_keys
        self.tok = set()
        self.whole = set()
        self.inner = set()
        self.affix = set()
        self.dels = set()
        self.cjk_parts = []

    def _token_keys(self, tok):
        keys = set()
        forms = [tok] + [p for p in re.split(r"[^\w]+|_", tok) if p]
        for f in forms:
            k = key(f)
            if k:
                keys.add(k)
            if any("\u0400" <= ch <= "\u04ff" for ch in f):
                for r in romanizations(f.lower()):
                    k2 = key(r)
                    if k2:
                        keys.add(k2)
        return keys

    def add_query(self, q):
        toks = q.split()
        cjk = "".join(ch for ch in unicodedata.normalize("NFKC", q) if is_cjk_char(ch) or ch == " ")
        if cjk.strip():
            self.cjk_parts.append(cjk)
        for t in toks:
            for k in self._token_keys(t):
                self._add_token_key(k)
        for i in range(len(toks)):
            for j in (2, 3):
                if i + j <= len(toks):
                    k = key("".join(toks[i:i + j]))
                    if k:
                        self.whole.add(k)
        run = []
        for t in toks + [""]:
            if len(key(t)) == 1:
                run.append(key(t))
            else:
                if len(run) >= 2:
                    for a in range(len(run)):
                        for b in range(a + 2, len(run) + 1):
                            self.whole.add("".join(run[a:b]))
                run = []

    def _add_token_key(self, k):
        if k in self.tok:
            return
        self.tok.add(k)
        self.whole.add(k)
        for suf, repls in (("s", [""]), ("es", [""]), ("z", [""]), ("ing", ["", "e"]), ("er", ["", "e"]),
                           ("ers", ["", "e"]), ("ies", ["y"]), ("ied", ["y"]), ("ier", ["y"]),
                           ("iers", ["y"]), ("ed", ["", "e"]), ("d", [""]), ("ys", ["y"])):
            if k.endswith(suf) and len(k) - len(suf) >= 3:
                for r in repls:
                    self.whole.add(k[: -len(suf)] + r)
        if not LATINISH.match(k) or len(k) > 40:
            return
        n = len(k)
        for a in range(n):
            for b in range(a + 3, min(n, a + 14) + 1):
                self.inner.add(k[a:b])
        for i in range(1, n):
            pre, suf = k[:i], k[i:]
            if len(pre) >= 3 and (len(suf) <= 3 or suf in self.vocab_keys):
                self.affix.add(pre)
            if len(suf) >= 3 and (len(pre) <= 3 or pre in self.vocab_keys):
                self.affix.add(suf)
        if 5 <= n <= 14:
            self.dels.add(k)
            for i in range(n):
                self.dels.add(k[:i] + k[i + 1:])

    def finish_cjk(self):
        text = "\n".join(self.cjk_parts)
        self.cjk_text = text + "\n" + kata_to_hira(text) + "\n" + hira_to_kata(text)
        self.cjk_nospace = self.cjk_text.replace(" ", "")


def kata_to_hira(s):
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


def hira_to_kata(s):
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in s)


# ============================================================================================
# Fictional entry generators
# ============================================================================================

# Phonotactic safety rules for every generated entry (all scripts with vowels):
#  * never a single consonant between two vowels (no "CVCV" stretches): intervocalic
#    consonants always come in clusters of two or more.  Most real words, and most short
#    words of any language, contain such a stretch, so this keeps entries far from them;
#  * a few letter pairs never occur (LATIN_BANNED / CYR_BANNED), again to stay away from
#    real words of the languages the generator imitates;
#  * no substring of 4+ letters may be a word of the built-in vocabulary, nor (when the
#    system word lists exist) an English, German, French, Spanish, Italian, Dutch,
#    Portuguese or Swedish word of 4+ letters or a Ukrainian or Bulgarian word of 5+.
#  * the same consonant never sits on both sides of a vowel; "f" only before l/r.
L_SINGLE = ["b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "c"]
L_CLUSTERS = ["bl", "br", "dr", "fl", "fr", "gl", "gr", "kr", "pl", "pr", "tr", "sk", "sn",
              "sv", "sw", "kw", "zv", "dz", "vr", "zl", "ch", "sh", "th", "qu", "skr", "str",
              "zd", "vl", "zg", "gv", "kv", "dv", "tv", "zm"]
L_ONSETS = L_SINGLE * 3 + L_CLUSTERS
L_VOWELS = ["a", "e", "i", "o", "u"] * 6 + ["y", "ai", "ou", "au", "oa"]
L_CODAS = [""] * 12 + ["n", "r", "l", "k", "x", "m", "s", "d", "t", "rk", "lt", "nd", "rv",
                       "rz", "ks", "lk", "v", "z", "x", "k", "rt"]
RARE = set("kvzxqjw")
VOWELS = set("aeiouy")
LEGAL_ONSETS = set("""bl br ch cl cr dr dw fl fr gl gn gr kl kn kr ph pl pr ps qu sc sh sk sl sm sn sp
st sw th tr tw wh wr sch scr shr spl spr squ str thr""".split())
LATIN_BANNED = ["ex", "cu", "ss", "ji", "rn", "lf", "hi", "rw", "nk", "fu", "ku", "co", "di", "se", "su",
                "sm", "rg", "kl", "ng", "ld", "lv", "tz", "sc", "ei", "pi", "hu", "nc", "sp", "kn", "fi",
                "zz"]
SAME_AROUND_VOWEL_LATIN = re.compile(r"([^aeiouy])[aeiouy]\1|f[aeiouy]")
VCV_LATIN = re.compile(r"[aeiouy][^aeiouy\s][aeiouy]")
CYR_VOWEL_CLASS = "аеёиоуыэюя"
VCV_CYR = re.compile(r"[%s][^%s\s][%s]" % (CYR_VOWEL_CLASS, CYR_VOWEL_CLASS, CYR_VOWEL_CLASS))
GR_VOWEL_CLASS = "αεηιουωάέήίόύώϊϋΐΰ"
VCV_GR = re.compile(r"[%s][^%s\s][%s]" % (GR_VOWEL_CLASS, GR_VOWEL_CLASS, GR_VOWEL_CLASS))
SAME_AROUND_VOWEL_CYR = re.compile(r"([^%s])[%s]\1" % (CYR_VOWEL_CLASS, CYR_VOWEL_CLASS))
CYR_BANNED = ["ху", "хе", "хи", "хю", "хя", "хё", "хы", "еб", "ёб", "бл", "зд", "су", "жо", "уд", "пи",
              "оч", "кс", "рн", "сь", "чл", "иск", "ъ", "фа", "фу", "ди", "ку", "ей", "пе", "ню", "цп"]
GR_BANNED = ["εξ", "ρν", "ει", "ιδ"]
ARABIC_BANNED = ["سك", "كس", "ني", "يك", "زب", "طي"]


# Cuts of real innocent words (containing / cross-boundary entries) use the core pairs only.
LATIN_BANNED_CORE = ["ex", "cu", "ss", "rn", "fu", "ku", "zz", "ji"]


_LATIN_BAD = re.compile("|".join([VCV_LATIN.pattern, SAME_AROUND_VOWEL_LATIN.pattern] + LATIN_BANNED))
_LATIN_BAD_CUT = re.compile("|".join([VCV_LATIN.pattern, SAME_AROUND_VOWEL_LATIN.pattern] + LATIN_BANNED_CORE))
_CYR_BAD = re.compile("|".join([VCV_CYR.pattern, SAME_AROUND_VOWEL_CYR.pattern] + CYR_BANNED))


def phonotactics_ok(w, cut=False):
    sc = script_of(w)
    if sc == "latin":
        return not (_LATIN_BAD_CUT if cut else _LATIN_BAD).search(w)
    if sc == "cyrillic":
        return not _CYR_BAD.search(w)
    if sc == "greek":
        return not (VCV_GR.search(w) or any(b in w for b in GR_BANNED))
    if sc == "arabic":
        return not any(b in w for b in ARABIC_BANNED)
    return True


_LATIN_SHAPE = re.compile(r"(.)\1\1|[^aeiouy]{4}|[aeiouy]{3}")


def _syllable_table(onsets, codas):
    """Weighted (onset + vowel + coda) syllables, dropping those that break a rule on their own."""
    from collections import Counter
    on_w, v_w, c_w = Counter(onsets), Counter(L_VOWELS), Counter(codas)
    syl, cum, tot = [], [], 0.0
    for on in sorted(on_w):
        for v in sorted(v_w):
            for c in sorted(c_w):
                s = on + v + c
                if _LATIN_BAD.search(s) or _LATIN_SHAPE.search(s):
                    continue
                tot += on_w[on] * v_w[v] * c_w[c]
                syl.append((s, c))
                cum.append(tot)
    return syl, cum


_FINAL_CODAS = L_CODAS + [""] * 15          # a word ends open more often
_SYL_FIRST = _syllable_table(L_ONSETS + [""] * 6, L_CODAS)
_SYL_FIRST_FINAL = _syllable_table(L_ONSETS + [""] * 6, _FINAL_CODAS)
_SYL_ANY = _syllable_table(L_ONSETS, L_CODAS)
_SYL_ANY_FINAL = _syllable_table(L_ONSETS, _FINAL_CODAS)
_SYL_CLUSTER = _syllable_table(L_CLUSTERS, L_CODAS)
_SYL_CLUSTER_FINAL = _syllable_table(L_CLUSTERS, _FINAL_CODAS)


def latin_word(rng, min_len=4, max_len=12):
    for _ in range(1000):
        nsyl = rng.choices([2, 3, 4], [55, 38, 7])[0]
        w = ""
        coda = "x"
        for s in range(nsyl):
            final = s == nsyl - 1
            if s == 0:
                table = _SYL_FIRST_FINAL if final else _SYL_FIRST
            elif coda == "":
                table = _SYL_CLUSTER_FINAL if final else _SYL_CLUSTER
            else:
                table = _SYL_ANY_FINAL if final else _SYL_ANY
            syl, coda = rng.choices(table[0], cum_weights=table[1])[0]
            w += syl
        r = rng.random()
        if r < 0.07 and len(w) >= 2 and w[-1] not in VOWELS and w[-2] not in VOWELS:
            w += "e"
        elif r < 0.12 and len(w) >= 2 and w[-1] not in VOWELS and w[-2] not in VOWELS:
            w += "y"
        if rng.random() < 0.06:
            idx = [i for i in range(1, len(w) - 1) if w[i] in "rlnvk" and w[i - 1] in VOWELS]
            if idx:
                i = rng.choice(idx)
                w = w[:i] + w[i] + w[i:]
        if not (min_len <= len(w) <= max_len):
            continue
        if _LATIN_SHAPE.search(w):
            continue
        if not phonotactics_ok(w):
            continue
        nrare = sum(1 for c in w if c in RARE)
        if nrare < (2 if len(w) <= 5 else 1):
            continue
        return w
    raise RuntimeError("latin_word")


def short_entries():
    out = []
    for a in "bdfgklmnprstvzxqjw":
        for v in "aeiou":
            for b in "bdfgklmnprstvzxqj":
                w = a + v + b
                if a == b or not ("x" in w or "q" in w):
                    continue
                if sum(1 for c in w if c in RARE) < 2 or not phonotactics_ok(w):
                    continue
                out.append(w)
    return out


CYR_SINGLE = list("бвгджзклмнпрстфцчшщ")
CYR_CLUSTERS = ["бр", "вр", "гр", "др", "кр", "пр", "тр", "зв", "св", "шт", "ст", "ск", "зл", "пл", "кл",
                "жм", "шк", "вз", "дв", "тв", "гв", "мн", "шв", "чв"]
CYR_V = list("аоуие") * 4 + list("ыяюэ")
CYR_CODA = [""] * 8 + ["н", "р", "л", "к", "м", "с", "т", "ж", "ш", "ч", "й", "ц", "ль", "нь", "рь"]
CYR_SPECIAL = set("жхцчшщюяйыэ")


_CYR_SHAPE = re.compile(r"[кгх]ы|[жшчщ]ы|[жшчщц]ю|[жшчщ]я|ьь|йй|(.)\1|[^аеёиоуыэюя]{4}")


def cyr_word(rng):
    for _ in range(1000):
        nsyl = rng.choices([2, 3], [60, 40])[0]
        w = ""
        coda = "x"
        for s in range(nsyl):
            if s == 0:
                on = ("х" + rng.choice("ао")) if rng.random() < 0.12 else rng.choice(CYR_SINGLE * 2 + CYR_CLUSTERS)
                if on.startswith("х"):
                    w += on
                    coda = rng.choice(CYR_CODA[8:])
                    w += coda
                    continue
            elif coda == "":
                on = rng.choice(CYR_CLUSTERS)
            else:
                on = rng.choice(CYR_SINGLE * 2 + CYR_CLUSTERS)
            coda = rng.choice(CYR_CODA) if rng.random() < 0.75 else ""
            w += on + rng.choice(CYR_V) + coda
        if not (4 <= len(w) <= 11):
            continue
        if not any(c in CYR_SPECIAL for c in w):
            continue
        if _CYR_SHAPE.search(w):
            continue
        if not phonotactics_ok(w):
            continue
        return w
    raise RuntimeError("cyr_word")


GR_SINGLE = list("βγδζθκλμνξπρστφχψ")
GR_CLUSTERS = ["στ", "σκ", "πρ", "τρ", "κρ", "γλ", "βρ", "φλ", "χρ", "μπ", "ντ", "γκ", "σφ", "κτ", "φτ"]
GR_V = ["α", "ε", "η", "ι", "ο", "υ", "ω", "ου", "αι"]
GR_CODA = [""] * 4 + ["ν", "ρ", "λ", "σ", "ξ"]
GR_TONOS = {"α": "ά", "ε": "έ", "η": "ή", "ι": "ί", "ο": "ό", "υ": "ύ", "ω": "ώ"}


def greek_word(rng):
    for _ in range(1000):
        nsyl = rng.choices([2, 3], [55, 45])[0]
        syls = []
        coda = "x"
        for s in range(nsyl):
            if s == 0:
                on = rng.choice(GR_SINGLE + GR_CLUSTERS)
            elif coda == "":
                on = rng.choice(GR_CLUSTERS)
            else:
                on = rng.choice(GR_SINGLE + GR_CLUSTERS)
            coda = rng.choice(GR_CODA) if s < nsyl - 1 else rng.choice(["", "", "ς", "ν", "ρ"])
            syls.append([on, rng.choice(GR_V), coda])
        if rng.random() < 0.6:
            i = rng.randrange(nsyl)
            v = syls[i][1]
            syls[i][1] = v[:-1] + GR_TONOS.get(v[-1], v[-1])
        w = "".join(a + b + c for a, b, c in syls)
        w = re.sub("σ$", "ς", w)
        if "ς" in w[:-1]:
            continue
        if 4 <= len(w) <= 11 and phonotactics_ok(w):
            return w
    raise RuntimeError("greek_word")


def arabic_word(rng):
    while True:
        n = rng.choice([5, 5, 6, 6, 7])
        w = "".join(rng.choice(VI.ARABIC_POOL) for _ in range(n))
        if w.startswith("ال") or re.search(r"(.)\1", w) or not phonotactics_ok(w):
            continue
        return w


def han_word(rng):
    n = rng.choices([3, 4], [70, 30])[0]
    return "".join(rng.sample(VI.HAN_POOL, n))


KANA_VOICED = set("ガギグゲゴザジズゼゾダデドバビブベボパピプペポがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽ")


def kana_word(rng):
    """Kana entries alternate voiced/semi-voiced and plain kana (keeps them away from words)."""
    kata = rng.random() < 0.5
    pool = VI.KATAKANA_POOL if kata else VI.HIRAGANA_POOL
    voiced = [k for k in pool if k in KANA_VOICED]
    plain = [k for k in pool if k not in KANA_VOICED]
    n = rng.choice([4, 5, 5, 6])
    start = rng.random() < 0.5
    w = "".join(rng.choice(voiced if (i % 2 == 0) == start else plain) for i in range(n))
    if kata and rng.random() < 0.15:
        i = rng.randrange(1, n)
        w = w[:i] + "ー" + w[i:]
    return w


# ============================================================================================
# System dictionaries (optional)
# ============================================================================================

# word lists whose words may not occur *inside* an entry: file -> minimal word length
SUBSTRING_DICTS = {"american-english": 4, "british-english": 4, "ngerman": 4, "french": 4, "spanish": 4,
                   "italian": 4, "dutch": 4, "portuguese": 4, "brazilian": 4, "swedish": 4,
                   "ukrainian": 5, "bulgarian": 5}


def load_dicts(candidates, use_dict):
    """Reads /usr/share/dict/* (if present).  Returns (candidates that are words, as written
    or capitalised; words that may not occur inside an entry; per-file stats)."""
    if not use_dict or not os.path.isdir("/usr/share/dict"):
        return set(), set(), []
    enc = None
    hits = set()
    inside = set()
    used = []
    seen = set()
    for name in sorted(os.listdir("/usr/share/dict")):
        p = os.path.join("/usr/share/dict", name)
        rp = os.path.realpath(p)
        if rp in seen or not os.path.isfile(rp) or name.startswith("README"):
            continue
        seen.add(rp)
        with open(rp, "rb") as f:
            data = f.read()
        base = os.path.basename(rp)
        n_inside = 0
        if base in SUBSTRING_DICTS:
            # decoded, lower-cased: whole-word hits and the inside filter in one pass
            minlen = SUBSTRING_DICTS[base]
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            text = text.lower()
            long_words = set(re.findall(r"(?m)^[^\W\d_]{%d,12}$" % minlen, text))
            short_words = set(re.findall(r"(?m)^[^\W\d_]{3,%d}$" % (minlen - 1), text))
            new = ((candidates & long_words) | (candidates & short_words)) - hits
            inside |= long_words
            n_inside = len(long_words)
            del text, long_words, short_words
        else:
            if enc is None:
                enc = {}
                for c in candidates:
                    for form in (c, c[:1].upper() + c[1:]):
                        enc.setdefault(form.encode("utf-8"), set()).add(c)
                        if not form.isascii():
                            try:
                                enc.setdefault(form.encode("latin-1"), set()).add(c)
                            except UnicodeEncodeError:
                                pass
            words = set(data.split(b"\n"))
            new = set()
            for b in enc.keys() & words:
                new |= enc[b]
            new -= hits
            del words
        hits |= new
        used.append({"file": name, "whole_word_hits": len(new), "inside_filter_words": n_inside})
        del data
    return hits, inside, used


# ============================================================================================
# Special entries (containing / cross-boundary)
# ============================================================================================

ILLEGAL_CODAS = set("bl br cl cr dl dr fl fr gl gr kl kr pl pr tr tl vr sl sw tw dw sr zr vl gn mn pn tn dn".split())


def safe_fragment(frag):
    """A cut that cannot be an English word: it starts with two consonants that cannot
    begin a word, or ends with two consonants that cannot end one."""
    if len(frag) < 4 or not re.fullmatch(r"[a-z]+", frag):
        return False
    if not any(c in "aeiou" for c in frag) or re.search(r"(.)\1", frag):
        return False
    if frag[0] not in VOWELS and frag[1] not in VOWELS and frag[:2] not in LEGAL_ONSETS \
            and frag[:3] not in LEGAL_ONSETS:
        return True
    if frag[-1] not in VOWELS and frag[-2] not in VOWELS and frag[-2:] in ILLEGAL_CODAS:
        return True
    return False


def ascii_fold(w):
    return "".join(c for c in unicodedata.normalize("NFKD", w.lower()) if not unicodedata.combining(c))


def containing_candidates(vocab):
    vocab_plain = set(ascii_fold(w) for w in vocab if len(w) >= 3)
    hosts = defaultdict(set)
    for w in vocab:
        if not re.fullmatch(r"[a-zA-Z\u00c0-\u024f-]+", w) or "-" in w:
            continue
        h = ascii_fold(w)
        if not re.fullmatch(r"[a-z]+", h) or len(h) < 6:
            continue
        kh = key(h)
        for i in range(1, len(h) - 4):
            for L in range(4, 8):
                j = i + L
                if j > len(h) - 1:
                    break
                frag = h[i:j]
                if h[i - 1] == h[i] or h[j - 1] == h[j]:
                    continue
                if not safe_fragment(frag):
                    continue
                P, S = h[:i], h[j:]
                if P in vocab_plain or S in vocab_plain:
                    continue
                kf = key(frag)
                pos = kh.find(kf)
                if pos <= 0 or pos + len(kf) >= len(kh):
                    continue
                hosts[frag].add(w)
    return hosts


def cross_candidates(vocab_set):
    adjs = [a for a in VE.EN_ADJ if a not in RECOMBINE_DENY]
    nouns = [n for n in VE.EN_NOUNS if n not in RECOMBINE_DENY]
    pairs = [(a, n) for a in adjs for n in nouns]
    compound_first = [n for n in ["coffee", "kitchen", "garden", "paper", "water", "tennis", "table",
                                  "winter", "summer", "railway", "market", "office", "window", "river",
                                  "mountain", "chocolate", "orange", "lemon", "apple", "silver", "golden"]]
    pairs += [(a, n) for a in compound_first for n in nouns if a != n]
    pairs = random.Random("cross-pairs").sample(pairs, 35000)
    cands = defaultdict(list)
    kcache = {}

    def k(s):
        if s not in kcache:
            kcache[s] = key(s)
        return kcache[s]
    safe_cache = {}
    for w1, w2 in pairs:
        kj = None
        for a in range(1, len(w1)):
            for b in range(max(1, 5 - a), min(len(w2), 8 - a)):
                frag = w1[-a:] + w2[:b]
                s = safe_cache.get(frag)
                if s is None:
                    s = safe_cache[frag] = safe_fragment(frag)
                if not s:
                    continue
                if kj is None:
                    kj = key(w1 + w2)
                kf = k(frag)
                if kf in k(w1) or kf in k(w2):
                    continue
                pos = kj.find(kf)
                if pos <= 0 or pos + len(kf) >= len(kj):
                    continue
                cands[frag].append((w1, w2))
    return cands


# ============================================================================================
# Disguise pipeline
# ============================================================================================

class Glyph:
    __slots__ = ("base", "s", "kind")

    def __init__(self, base):
        self.base = base    # original lower-case letter
        self.s = base       # current rendering
        self.kind = "letter"  # letter | leet | homo | diac | compat


def choose_positions(rng, n, k, allowed, nonadjacent=False):
    allowed = list(allowed)
    rng.shuffle(allowed)
    out = []
    for p in allowed:
        if len(out) >= k:
            break
        if nonadjacent and any(abs(p - q) <= 1 for q in out):
            continue
        out.append(p)
    return sorted(out)


def t_leet(rng, gs, k=None, nonadjacent=True):
    n = len(gs)
    allowed = [i for i, g in enumerate(gs) if g.kind == "letter" and g.base in U.LEET]
    if not allowed:
        return False
    k = k or rng.choice([1, 1, 2, 2, 3])
    pos = choose_positions(rng, n, k, allowed, nonadjacent)
    if not pos:
        return False
    for p in pos:
        opts = U.LEET[gs[p].base]
        if p == 0 or p == n - 1:
            opts = [o for o in opts if o not in U.LEET_SYMBOLS] or opts[:1]
            if all(o in U.LEET_SYMBOLS for o in opts):
                continue
        gs[p].s = rng.choice(opts)
        gs[p].kind = "leet"
    return any(g.kind == "leet" for g in gs)


def t_case(rng, gs, mode=None):
    mode = mode or rng.choice(["upper", "title", "mixed", "mixed", "upper"])
    letters = [i for i, g in enumerate(gs) if g.kind == "letter"]
    if not letters:
        return False
    if mode == "upper":
        for i in letters:
            gs[i].s = gs[i].s.upper()
    elif mode == "title":
        if gs[0].kind != "letter":
            return False
        gs[0].s = gs[0].s.upper()
    else:
        ups = [i for i in letters if rng.random() < 0.5]
        if not ups or len(ups) == len(letters):
            ups = letters[1::2] if len(letters) > 1 else letters
        for i in ups:
            gs[i].s = gs[i].s.upper()
    return any(g.s != g.base for g in gs)


def t_homoglyph(rng, gs, whole=False):
    def opts(g):
        if g.kind != "letter":
            return []
        if g.s.isupper():
            return U.HOMO_UPPER.get(g.s, [])
        return U.HOMO_LOWER.get(g.s, [])
    cand = [i for i, g in enumerate(gs) if opts(g)]
    if not cand:
        return False
    if whole:
        if len(cand) != sum(1 for g in gs if g.kind == "letter"):
            return False
        pos = cand
        # prefer a single script for whole-word look-alikes (Cyrillic first option)
        for p in pos:
            gs[p].s = opts(gs[p])[0] if rng.random() < 0.8 else rng.choice(opts(gs[p]))
            gs[p].kind = "homo"
        return True
    k = rng.choice([1, 1, 2, 2, 3])
    for p in choose_positions(rng, len(gs), k, cand):
        gs[p].s = rng.choice(opts(gs[p]))
        gs[p].kind = "homo"
    return True


def t_diacritics(rng, gs, all_letters=False, combining=None):
    cand = [i for i, g in enumerate(gs) if g.kind == "letter" and g.s.lower() in U.PRECOMPOSED]
    if not cand:
        return False
    combining = rng.random() < 0.5 if combining is None else combining
    pos = cand if all_letters else choose_positions(rng, len(gs), rng.choice([1, 1, 2, 3]), cand)
    for p in pos:
        g = gs[p]
        if combining:
            marks = "".join(rng.sample(U.COMBINING, rng.choice([1, 1, 1, 2])))
            g.s = g.s + marks
        else:
            pc = rng.choice(U.PRECOMPOSED[g.s.lower()])
            g.s = pc.upper() if g.s.isupper() and len(pc.upper()) == 1 else pc
        g.kind = "diac"
    return True


def t_compat(rng, gs, style=None):
    asc = [g.s for g in gs if g.kind in ("letter", "leet") and re.fullmatch(r"[A-Za-z0-9]", g.s)]
    styles = [st for st in STYLES if all(compat_style(c, st) for c in asc)]
    if not styles:
        return False
    style = style if style in styles else rng.choice(styles)
    for g in gs:
        if g.kind in ("letter", "leet") and re.fullmatch(r"[A-Za-z0-9]", g.s):
            g.s = compat_style(g.s, style)
            g.kind = "compat"
    return True


def t_repeats(rng, gs):
    cand = list(range(len(gs)))
    pos = choose_positions(rng, len(gs), rng.choice([1, 1, 2]), cand)
    for p in pos:
        g = gs[p]
        prev_same = (p > 0 and gs[p - 1].base == g.base) or (p + 1 < len(gs) and gs[p + 1].base == g.base)
        k = rng.randint(3 if prev_same else 2, 6)
        g.s = g.s * k
    return bool(pos)


def render(gs, join=""):
    return join.join(g.s for g in gs)


def join_separators(rng, gs):
    mode = rng.random()
    if mode < 0.7:
        sep = rng.choice(U.SEPARATORS)
        return sep.join(g.s for g in gs)
    if mode < 0.85:
        out = gs[0].s
        for g in gs[1:]:
            out += rng.choice([".", "-", "_", " ", "*", "/"]) + g.s
        return out
    sep = rng.choice([". ", "- ", "_ ", " / ", " * "])
    return sep.join(g.s for g in gs)


def join_invisible(rng, gs, all_gaps=None):
    all_gaps = rng.random() < 0.5 if all_gaps is None else all_gaps
    mixed = rng.random() < 0.3
    ch = rng.choice(U.INVISIBLE)
    gaps = list(range(1, len(gs)))
    if not gaps:
        return None
    chosen = set(gaps) if all_gaps else set(rng.sample(gaps, min(len(gaps), rng.choice([1, 2, 3]))))
    out = gs[0].s
    for i in range(1, len(gs)):
        if i in chosen:
            out += rng.choice(U.INVISIBLE) if mixed else ch
        out += gs[i].s
    return out


def apply_word(rng, word, transforms, opts=None):
    """Apply character-level transforms in a fixed order; returns string or None."""
    opts = opts or {}
    gs = [Glyph(c) for c in word]
    order = ["leet", "case", "homoglyph", "diacritics", "compat", "repeats"]
    for t in order:
        if t not in transforms:
            continue
        ok = {"leet": lambda: t_leet(rng, gs),
              "case": lambda: t_case(rng, gs, opts.get("case")),
              "homoglyph": lambda: t_homoglyph(rng, gs, opts.get("homo_whole", False)),
              "diacritics": lambda: t_diacritics(rng, gs, opts.get("diac_all", False)),
              "compat": lambda: t_compat(rng, gs, opts.get("style")),
              "repeats": lambda: t_repeats(rng, gs)}[t]()
        if not ok:
            return None
    if "separators" in transforms:
        return join_separators(rng, gs)
    if "invisible" in transforms:
        return join_invisible(rng, gs)
    return render(gs)


def apply_entry(rng, entry, transforms, opts=None):
    words = entry.split(" ")
    if len(words) == 1:
        return apply_word(rng, entry, transforms, opts)
    # phrase: transform one or all words, keep a space between words
    outs = []
    target = set(range(len(words))) if rng.random() < 0.5 or "case" in transforms or "compat" in transforms \
        else {rng.randrange(len(words))}
    for i, w in enumerate(words):
        if i in target:
            r = apply_word(rng, w, transforms, opts)
            if r is None:
                return None
            outs.append(r)
        else:
            outs.append(w)
    return " ".join(outs)


# ============================================================================================
# The generator
# ============================================================================================

class Gen:
    def __init__(self, seed, out_dir, use_dict, verbose=True):
        self.seed = seed
        self.out = out_dir
        self.use_dict = use_dict
        self.verbose = verbose
        self.t0 = time.time()
        self.report = {}

    def rng(self, name):
        return random.Random("%s:%s" % (self.seed, name))

    def log(self, *a):
        if self.verbose:
            print("[%5.1fs cpu %5.1fs]" % (time.time() - self.t0, time.process_time()), *a, file=sys.stderr)

    # ---------------------------------------------------------------------------------------
    def run(self):
        validate_tables()
        build_halfwidth()
        self.vocab = all_vocab_words()
        self.vocab_set = set(self.vocab)
        self.vocab_keys = set(key(w) for w in self.vocab if len(key(w)) >= 2)
        self.log("vocabulary", len(self.vocab))

        self.innocents = generate_regular_innocents(self.rng)
        self.log("regular innocents", len(self.innocents))
        self.idx = InnocentIndex(self.vocab_keys)
        for w in self.vocab:
            self.idx.add_query(w)
        for ctx in VE.POS_CONTEXTS:
            self.idx.add_query(ctx.replace("{}", " "))
        for _, q in self.innocents:
            self.idx.add_query(q)
        self.log("index: tokens %d inner %d whole %d affix %d" % (len(self.idx.tok), len(self.idx.inner),
                                                                   len(self.idx.whole), len(self.idx.affix)))

        self.make_pools()
        self.used_keys = {}
        self.nouns = self.pick_nouns()
        self.age_innocents = self.make_age_innocents()
        for q in self.age_innocents:
            self.idx.add_query(q)
        self.build_specials()
        self.idx.finish_cjk()
        self.build_entries()
        self.mark_flags()
        self.write_lists()
        self.make_positives()
        self.write_innocents()
        self.validate()
        self.log("done")

    # ---------------------------------------------------------------------------------------
    def make_pools(self):
        r = self.rng("pool:latin")
        self.pool_latin = [latin_word(r) for _ in range(240000)]
        r = self.rng("pool:phraseword")
        self.pool_phrase_words = [latin_word(r, 4, 8) for _ in range(40000)]
        self.pool_short = short_entries()
        self.rng("pool:short").shuffle(self.pool_short)
        r = self.rng("pool:cyr")
        self.pool_cyr = [cyr_word(r) for _ in range(7500)]
        r = self.rng("pool:greek")
        self.pool_greek = [greek_word(r) for _ in range(4000)]
        r = self.rng("pool:arabic")
        self.pool_arabic = [arabic_word(r) for _ in range(2000)]
        r = self.rng("pool:han")
        self.pool_han = [han_word(r) for _ in range(2000)]
        r = self.rng("pool:kana")
        self.pool_kana = [kana_word(r) for _ in range(2000)]
        r = self.rng("pool:noun")
        self.pool_noun = [latin_word(r, 5, 8) for _ in range(400)]
        self.cont_cands = containing_candidates(self.vocab)
        self.cross_cands = cross_candidates(self.vocab_set)
        cands = set(self.pool_latin) | set(self.pool_phrase_words) | set(self.pool_short) | set(self.pool_cyr) \
            | set(self.pool_greek) | set(self.pool_arabic) | set(self.pool_noun) | set(self.cont_cands) \
            | set(self.cross_cands)
        for w in self.pool_cyr:
            cands |= romanizations(w)
        cands |= set(unicodedata.normalize("NFC", c) for c in list(cands))
        self.dict_hits, self.inside_words, used = load_dicts(cands, self.use_dict)
        for w in self.vocab:
            f = ascii_fold(w)
            for x in {w, f}:
                if len(x) >= 4 and x.isalpha():
                    self.inside_words.add(x)
        self.report["dict_files"] = used
        self.log("pools ready; dictionary hits among candidates: %d; inside-filter words: %d"
                 % (len(self.dict_hits), len(self.inside_words)))

    def is_dict_word(self, w):
        return w in self.dict_hits or unicodedata.normalize("NFC", w) in self.dict_hits

    def entry_keys(self, e):
        ks = {key(e)}
        if script_of(e) == "cyrillic":
            ks |= {key(r) for r in romanizations(e)}
        if " " in e:
            ks |= {key(w) for w in e.split(" ")}
        return {k for k in ks if k}

    def has_word_inside(self, w):
        n = len(w)
        for a in range(n - 3):
            for b in range(a + 4, n + 1):
                if w[a:b] in self.inside_words:
                    return True
        return False

    def clean(self, e, cut=False):
        """Phonotactic rules + no (4+ letter) real word inside + not a real word."""
        for w in e.split(" "):
            if not phonotactics_ok(w, cut) or w in self.vocab_set or self.is_dict_word(w):
                return False
            if script_of(w) in ("latin", "cyrillic", "greek") and self.has_word_inside(w):
                return False
        return True

    def regular_ok(self, e):
        """A regular (non-special) candidate entry: nonsense, unique, never inside an innocent."""
        sc = script_of(e)
        if sc in ("han", "kana"):
            k = key(e)
            if k in self.used_keys:
                return False
            forms = {e, kata_to_hira(e), hira_to_kata(e), k}
            if any(f in self.idx.cjk_nospace for f in forms):
                return False
            return self.clean(e)
        for k in self.entry_keys(e):
            if k in self.used_keys or k in self.idx.inner or k in self.idx.whole or len(k) < 3:
                return False
        if " " in e and key(e) in self.idx.whole:
            return False
        if sc == "cyrillic" and any(self.is_dict_word(r) for r in romanizations(e)):
            return False
        if not self.clean(e):
            return False
        if sc == "latin" and any(lat2cyr_canonical(w) in self.inside_words for w in e.split(" ")):
            return False   # a Slavic word written in Latin letters (e.g. a romanised noun)
        return True

    def take(self, e, kind):
        for k in (self.entry_keys(e) if script_of(e) not in ("han", "kana") else {key(e)}):
            self.used_keys[k] = e
        self.entry_kind[e] = kind

    # ---------------------------------------------------------------------------------------
    def pick_nouns(self):
        self.entry_kind = {}
        nouns = []
        for w in self.pool_noun:
            if len(nouns) >= 30:
                break
            if self.regular_ok(w):
                nouns.append(w)
                self.take(w, "noun")
        assert len(nouns) == 30
        return nouns

    def make_age_innocents(self):
        rng = self.rng("age-innocent")
        nouns = self.nouns
        spelled_adult = {18: "eighteen", 19: "nineteen", 20: "twenty", 21: "twenty one", 25: "twenty five",
                         30: "thirty", 35: "thirty five", 40: "forty", 45: "forty five", 50: "fifty",
                         60: "sixty", 65: "sixty five", 70: "seventy", 33: "thirty-three", 27: "twenty-seven"}
        de_adult = {18: "achtzehn", 20: "zwanzig", 21: "einundzwanzig", 25: "fünfundzwanzig", 30: "dreißig",
                    40: "vierzig", 50: "fünfzig"}
        fr_adult = {18: "dix-huit", 20: "vingt", 25: "vingt-cinq", 30: "trente", 40: "quarante", 50: "cinquante"}
        es_adult = {18: "dieciocho", 20: "veinte", 25: "veinticinco", 30: "treinta", 40: "cuarenta", 50: "cincuenta"}

        def ru_years(n):
            if n % 10 == 1 and n % 100 != 11:
                return "год"
            if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
                return "года"
            return "лет"

        def pl_years(n):
            if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
                return "lata"
            return "lat"

        dur = ["{m} years ago", "{m} years of {N}", "{m} years warranty", "{m} year warranty",
               "{m}-year warranty", "{m} months warranty", "in {m} years", "{m} years later",
               "for {m} years", "{m} year anniversary", "{m} year plan", "{m} year mortgage",
               "{m} years experience", "{m} months ago", "every {m} years", "{m} years in business",
               "{m} months later", "last {m} years", "next {m} years", "over {m} years"]
        adult = ["{a} year old", "{a}-year-old", "{a} years old", "{a}yo", "{a} yo", "{a} y/o", "aged {a}",
                 "age {a}", "{a} years of age", "age: {a}", "{a} Jahre alt", "{a} ans", "{a} años", "{a} anni",
                 "{a} jaar", "{a} {pl}", "{a} {ru}", "{a}歳", "{a}岁", "{a}살", "{sp} years old",
                 "{sp} year old", "{de} Jahre alt", "{fr} ans", "{es} años", "{a}.5 year old", "{a}.5 years old",
                 "{a} yrs old", "{a}yrs"]

        def make(rng):
            N = rng.choice(nouns)
            if rng.random() < 0.5:
                t = rng.choice(dur)
                m = rng.randint(1, 17) if rng.random() < 0.8 else rng.randint(18, 60)
                s = singular1(t.format(m=m, N=N))
                body_has_noun = "{N}" in t
            else:
                t = rng.choice(adult)
                a = rng.randint(18, 95)
                sp = de = fr = es = None
                if "{sp}" in t:
                    a = rng.choice(sorted(spelled_adult))
                    sp = spelled_adult[a]
                if "{de}" in t:
                    a = rng.choice(sorted(de_adult))
                    de = de_adult[a]
                if "{fr}" in t:
                    a = rng.choice(sorted(fr_adult))
                    fr = fr_adult[a]
                if "{es}" in t:
                    a = rng.choice(sorted(es_adult))
                    es = es_adult[a]
                s = t.format(a=a, pl=pl_years(a), ru=ru_years(a), sp=sp, de=de, fr=fr, es=es)
                body_has_noun = False
            if not body_has_noun:
                s = rng.choice(["{N} {s}", "{s} {N}", "{N} {s} video", "{s} {N} photos", "new {N} {s}"]).format(N=N, s=s)
            return s
        fixed = [t.format(N=nouns[i % len(nouns)]) for i, t in enumerate([
            "{N} 12 years ago", "12 years of {N}", "{N} 12 years warranty", "21.5 year old {N}",
            "thirty five years old {N}", "25 yo {N}", "{N} in 14 years", "14 months warranty {N}"])]
        return fixed + [q for q in gen_unique(1500, make, rng) if q not in fixed]

    # ---------------------------------------------------------------------------------------
    def build_specials(self):
        idx = self.idx

        def special_ok(frag):
            k = key(frag)
            return (k not in idx.whole and k not in idx.affix and k not in self.used_keys and len(k) >= 4
                    and self.clean(frag, cut=True))

        # containing: greedy cover of as many distinct host words as possible
        cands = {f: hs for f, hs in self.cont_cands.items() if len(hs) >= 2 and special_ok(f)}
        chosen = []
        covered = set()
        remaining = dict(cands)
        while remaining and len(chosen) < 400 and (len(chosen) < 300 or len(covered) < 2050):
            best = max(sorted(remaining), key=lambda f: (len(remaining[f] - covered), len(f)))
            gain = len(remaining[best] - covered)
            if gain < 1:
                break
            chosen.append(best)
            covered |= remaining[best]
            del remaining[best]
            # avoid choosing overlapping fragments of the same key
        self.containing = []
        seen_q = set()
        for f in chosen:
            self.take(f, "containing")
        for f in chosen:
            for h in sorted(self.cont_cands[f]):
                if h not in seen_q:
                    seen_q.add(h)
                    self.containing.append((h, f))
        self.log("containing entries %d, host words %d" % (len(chosen), len(self.containing)))

        # cross-boundary
        cc = {f: ps for f, ps in self.cross_cands.items() if len(ps) >= 2 and special_ok(f)}
        order = sorted(cc, key=lambda f: (-len(cc[f]), f))
        rng = self.rng("cross")
        chosen_x = []
        heads = defaultdict(int)
        tails = defaultdict(int)
        for f in order:
            if len(chosen_x) >= 150:
                break
            if any(f in g or g in f for g in chosen_x) or heads[f[:3]] >= 1 or tails[f[-3:]] >= 2:
                continue
            heads[f[:3]] += 1
            tails[f[-3:]] += 1
            chosen_x.append(f)
        self.cross = []
        for f in chosen_x:
            self.take(f, "cross-boundary")
            ps = list(cc[f])
            rng.shuffle(ps)
            for w1, w2 in ps[:10]:
                q = "%s %s" % (w1, w2)
                r = rng.random()
                if r < 0.35:
                    q += " " + rng.choice(["price", "ideas", "near me", "for sale", "reviews", "diy", "2024",
                                           "pictures", "recipe", "set"])
                elif r < 0.45:
                    q = rng.choice(["buy", "best", "cheap", "how to clean", "where to find"]) + " " + q
                self.cross.append((q, f))
        self.log("cross-boundary entries %d, queries %d" % (len(chosen_x), len(self.cross)))
        self.special_containing = chosen
        self.special_cross = chosen_x
        for h, _ in self.containing:
            idx.add_query(h)
        for q, _ in self.cross:
            idx.add_query(q)

    # ---------------------------------------------------------------------------------------
    def build_entries(self):
        n_spec = len(self.special_containing) + len(self.special_cross)
        quota100 = {"phrase": 5000, "short": 400, "cyr": 5000, "greek": 2000, "arabic": 1000, "han": 1000,
                    "kana": 1000}
        quota10 = {"phrase": 500, "short": 40, "cyr": 500, "greek": 200, "arabic": 100, "han": 100, "kana": 100}
        lists = {k: [] for k in list(quota100) + ["latin"]}

        def fill(kind, pool, n):
            used = 0
            for w in pool:
                if len(lists[kind]) >= n:
                    break
                used += 1
                w = unicodedata.normalize("NFC", w)
                if w in self.entry_kind:
                    continue
                if self.regular_ok(w):
                    lists[kind].append(w)
                    self.take(w, kind)
            self.report.setdefault("pool_use", {})[kind] = "%d of %d candidates" % (used, len(pool))

        fill("short", self.pool_short, quota100["short"])
        fill("cyr", self.pool_cyr, quota100["cyr"])
        fill("greek", self.pool_greek, quota100["greek"])
        fill("arabic", self.pool_arabic, quota100["arabic"])
        fill("han", self.pool_han, quota100["han"])
        fill("kana", self.pool_kana, quota100["kana"])
        # phrases
        r = self.rng("phrases")
        pw = iter(self.pool_phrase_words)
        while len(lists["phrase"]) < quota100["phrase"]:
            n = 3 if r.random() < 0.2 else 2
            try:
                words = [next(pw) for _ in range(n)]
            except StopIteration:
                break
            ph = " ".join(words)
            if self.regular_ok(ph):
                lists["phrase"].append(ph)
                self.take(ph, "phrase")
        quota100["short"] = len(lists["short"])
        quota10["short"] = min(quota10["short"], len(lists["short"]))
        n_latin100 = 100000 - n_spec - sum(len(lists[k]) for k in quota100)
        n_latin10 = 10000 - n_spec - sum(quota10.values())
        fill("latin", self.pool_latin, n_latin100)
        for k, v in lists.items():
            self.log("entries %-7s %d" % (k, len(v)))
        assert len(lists["latin"]) == n_latin100, "latin pool exhausted"
        for k in quota100:
            assert len(lists[k]) >= quota10[k], k
        self.lists = lists
        specials = self.special_containing + self.special_cross
        e10 = list(specials)
        for k in quota10:
            e10 += lists[k][: quota10[k]]
        e10 += lists["latin"][:n_latin10]
        e100 = list(specials)
        for k in list(quota100) + ["latin"]:
            e100 += lists[k]
        assert len(e10) == 10000 and len(e100) == 100000, (len(e10), len(e100))
        assert len(set(e100)) == 100000
        self.e10 = e10
        self.e100 = e100
        self.e10_set = set(e10)
        self.report["list_composition_10k"] = {"containing": len(self.special_containing),
                                               "cross-boundary": len(self.special_cross),
                                               **quota10, "latin": n_latin10}
        self.report["list_composition_100k"] = {"containing": len(self.special_containing),
                                                "cross-boundary": len(self.special_cross),
                                                **{k: len(lists[k]) for k in quota100}, "latin": n_latin100}

    def typo_safe(self, e):
        k = key(e)
        dels = {k} | {k[:i] + k[i + 1:] for i in range(len(k))}
        if dels & self.idx.dels:
            return False
        return True

    def mark_flags(self):
        rng = self.rng("flags")
        self.typo = set()
        self.anyorder = set()
        for e in self.e100:
            kind = self.entry_kind[e]
            if kind in ("latin", "cyr") and len(e) >= 7 and rng.random() < 0.05 and self.typo_safe(e):
                self.typo.add(e)
            elif kind == "phrase" and rng.random() < 0.035:
                self.anyorder.add(e)
        self.log("typo entries (10k): %d, any-order (10k): %d" % (
            len(self.typo & self.e10_set), len(self.anyorder & self.e10_set)))

    def entry_line(self, e):
        if e in self.typo:
            return e + " [typo]"
        if e in self.anyorder:
            return e + " [any-order]"
        return e

    def write_lists(self):
        os.makedirs(self.out, exist_ok=True)
        for name, entries, tag in (("list-10k.txt", self.e10, "10k"), ("list-100k.txt", self.e100, "100k")):
            order = list(entries)
            self.rng("order:" + tag).shuffle(order)
            lines = ["# Blind evaluation keyword list (%s entries). FICTIONAL nonsense entries only." % len(order),
                     "# Generated by tests/blind/gen/generate.py (seed %s). Do not edit by hand." % self.seed,
                     "@id blind-%s" % tag, "@version 1", "@language en", ""]
            for i, e in enumerate(order):
                if i and i % 2500 == 0:
                    lines += ["", "# --- block %d ---" % (i // 2500), ""]
                lines.append(self.entry_line(e))
            with open(os.path.join(self.out, name), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
        rules = ["# Blind evaluation rules: an age 0..17 together with a fictional noun.",
                 "# Load together with list-10k.txt.", "@id blind-rules", "@version 1", "@language en", "",
                 "@group " + NOUN_GROUP] + self.nouns + ["@end", "", "@age %s max=17" % AGE_GROUP,
                                                          "@rule %s = %s + %s" % (AGE_RULE, AGE_GROUP, NOUN_GROUP)]
        with open(os.path.join(self.out, "rules.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(rules) + "\n")
        with open(os.path.join(self.out, "specials.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# Entries built for the innocent classes (see generate.py docstring)\n")
            f.write("# containing: entry <TAB> example host words\n")
            hosts = defaultdict(list)
            for h, fr in self.containing:
                hosts[fr].append(h)
            for fr in self.special_containing:
                f.write("containing\t%s\t%s\n" % (fr, ", ".join(hosts[fr][:6])))
            pairs = defaultdict(list)
            for q, fr in self.cross:
                pairs[fr].append(q)
            for fr in self.special_cross:
                f.write("cross-boundary\t%s\t%s\n" % (fr, " | ".join(pairs[fr][:3])))

    # ---------------------------------------------------------------------------------------
    def pools_for_positives(self):
        P = defaultdict(list)
        for e in self.e10:
            kind = self.entry_kind[e]
            if kind in ("containing", "cross-boundary"):
                continue
            P["all"].append(e)
            if kind == "latin":
                P["latin"].append(e)
                P["latin_any"].append(e)
                if e in self.typo:
                    P["typo"].append(e)
            elif kind == "short":
                P["latin_any"].append(e)
                P["short"].append(e)
            elif kind == "phrase":
                P["phrase"].append(e)
                P["latin_any"].append(e)
                if e in self.anyorder:
                    P["anyorder"].append(e)
            else:
                P["nonlatin"].append(e)
                P[kind].append(e)
                if e in self.typo:
                    P["typo"].append(e)
        return P

    def embed(self, rng, s, entry):
        sc = script_of(entry)
        if sc in ("han", "kana") and rng.random() < 0.5:
            t = rng.choice(["{}", "{}の動画", "{}下载", "免费下载{}", "{}高清", "{} 無料", "{}まとめ", "{} 视频", "{}を探す"])
            return t.format(s)
        if sc == "cyrillic" and rng.random() < 0.4:
            t = rng.choice(["скачать {}", "{} бесплатно", "где найти {}", "{} смотреть онлайн", "{}", "{} видео",
                            "новые {} 2024"])
            return t.format(s)
        t = rng.choice(VE.POS_CONTEXTS)
        q = t.format(s)
        nwords = len(t.replace("{}", "").split())
        if nwords < 4 and rng.random() < 0.25:
            extra = rng.choice(VE.POS_EXTRA)
            q = (q + " " + extra) if rng.random() < 0.6 else (extra + " " + q)
        return q

    def make_positives(self):
        P = self.pools_for_positives()
        self.P = P
        self.positives = []
        self.disguises = {}
        makers = {
            "exact": (P["all"], self.d_exact), "case": (P["latin_any"] + P["cyr"] + P["greek"], self.d_case),
            "compat": (P["latin_any"] + P["kana"], self.d_compat),
            "diacritics": (P["latin_any"] + P["cyr"] + P["arabic"], self.d_diacritics),
            "homoglyph": (P["latin_any"], self.d_homoglyph), "leet": (P["latin_any"], self.d_leet),
            "separators": (P["latin_any"] + P["cyr"], self.d_separators),
            "repeats": (P["latin_any"] + P["cyr"], self.d_repeats),
            "invisible": (P["all"], self.d_invisible), "emoji-letters": (P["latin"] + P["short"], self.d_emoji_letters),
            "joined-phrase": (P["phrase"], self.d_joined), "inflection": (P["latin"], self.d_inflection),
            "non-latin": (P["nonlatin"], self.d_nonlatin), "typo": (P["typo"], self.d_typo),
            "any-order": (P["anyorder"], self.d_anyorder), "combined": (P["latin"], self.d_combined),
            "strokes": (P["latin_any"], self.d_strokes), "glued": (P["latin"], self.d_glued),
            "camel-hashtag": (P["latin"], self.d_camel), "split": (P["latin"] + P["cyr"], self.d_split),
            "dense-digits": (P["latin"], self.d_dense), "translit-cyr2lat": (P["cyr"], self.d_cyr2lat),
            "translit-lat2cyr": (P["latin"], self.d_lat2cyr), "masked": (P["latin"] + P["cyr"], self.d_masked),
            "possessive": (P["latin"], self.d_possessive), "emoji-between": (P["latin"], self.d_emoji_between),
        }
        for cls in SET_A + SET_B:
            pool, fn = makers[cls]
            rng = self.rng("pos:" + cls)
            weights = None
            if cls in ("exact", "invisible"):
                # mostly Latin, but every script represented
                weights = [1 if self.entry_kind[e] in ("latin", "phrase", "short") else 3 for e in pool]
            if cls == "non-latin":
                wk = {"cyr": 0.35 / max(1, len(P["cyr"])), "greek": 0.2 / max(1, len(P["greek"])),
                      "arabic": 0.15 / max(1, len(P["arabic"])), "han": 0.15 / max(1, len(P["han"])),
                      "kana": 0.15 / max(1, len(P["kana"]))}
                weights = [wk[self.entry_kind[e]] for e in pool]
            seen = set()
            got = 0
            tries = 0
            while got < PER_CLASS and tries < PER_CLASS * 200:
                tries += 1
                e = rng.choices(pool, weights)[0] if weights else rng.choice(pool)
                d = fn(rng, e)
                if not d or not disguise_ok(d):
                    continue
                q = d if cls == "any-order" else self.embed(rng, d, e)
                if q in seen:
                    continue
                seen.add(q)
                self.positives.append({"class": cls, "set": "A" if cls in SET_A else "B", "query": q, "entry": e})
                self.disguises[len(self.positives) - 1] = d
                got += 1
            self.log("positives %-18s %d" % (cls, got))
        self.make_age_positives()
        # sanity: no positive query is identical to an innocent query
        with open(os.path.join(self.out, "positives.jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for p in self.positives:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")

    # ---- Set A disguises ------------------------------------------------------------------
    def d_exact(self, rng, e):
        return e

    def d_case(self, rng, e):
        if " " in e:
            mode = rng.choice(["upper", "title", "mixed"])
            if mode == "upper":
                return e.upper()
            if mode == "title":
                return " ".join(w[:1].upper() + w[1:] for w in e.split(" "))
        if script_of(e) in ("cyrillic", "greek"):
            return rng.choice([e.upper(), e[:1].upper() + e[1:]])
        d = apply_entry(rng, e, {"case"})
        return d if d and d != e else None

    def d_compat(self, rng, e):
        if script_of(e) == "kana":
            return to_halfwidth(e)
        letters = set(e.replace(" ", ""))
        letters |= {c.upper() for c in letters}
        styles = [st for st in STYLES if all(compat_style(c, st) for c in letters)]
        opts = {"style": "fullwidth" if rng.random() < 0.25 else rng.choice(styles)}
        d = apply_entry(rng, e, {"compat"} | ({"case"} if rng.random() < 0.25 else set()), opts)
        if d and " " in e and rng.random() < 0.3:
            d = d.replace(" ", "\u3000")
        return d

    def d_diacritics(self, rng, e):
        sc = script_of(e)
        if sc == "cyrillic":
            vs = [i for i, c in enumerate(e) if c in "аеиоуыэюя"]
            if not vs:
                return None
            i = rng.choice(vs)
            return e[: i + 1] + "\u0301" + e[i + 1:]
        if sc == "arabic":
            out = ""
            for c in e:
                out += c + (rng.choice(U.ARABIC_HARAKAT) if rng.random() < 0.5 else "")
            return out if out != e else None
        return apply_entry(rng, e, {"diacritics"}, {"diac_all": rng.random() < 0.2})

    def d_homoglyph(self, rng, e):
        whole = rng.random() < 0.3
        d = apply_entry(rng, e, {"homoglyph"}, {"homo_whole": whole})
        if d is None and whole:
            d = apply_entry(rng, e, {"homoglyph"})
        return d

    def d_leet(self, rng, e):
        return apply_entry(rng, e, {"leet"})

    def d_separators(self, rng, e):
        if script_of(e) == "cyrillic":
            sep = rng.choice([".", "-", " ", "_", "*"])
            return sep.join(e)
        if " " in e:
            return "  ".join(apply_word(rng, w, {"separators"}) for w in e.split(" "))
        return apply_word(rng, e, {"separators"})

    def d_repeats(self, rng, e):
        if script_of(e) == "cyrillic":
            i = rng.randrange(len(e))
            return e[:i] + e[i] * rng.randint(2, 5) + e[i + 1:]
        return apply_entry(rng, e, {"repeats"})

    def d_invisible(self, rng, e):
        if " " in e:
            return " ".join(join_invisible(rng, [Glyph(c) for c in w]) or w for w in e.split(" "))
        return join_invisible(rng, [Glyph(c) for c in e])

    def d_emoji_letters(self, rng, e):
        if not re.fullmatch(r"[a-z]+", e):
            return None
        f = rng.choices([U.regional_indicator, U.negative_squared, U.negative_circled], [4, 3, 3])[0]
        sep = " " if rng.random() < 0.2 else ""
        return sep.join(f(c) for c in e)

    def d_joined(self, rng, e):
        ws = e.split(" ")
        m = rng.choice(["concat", "concat", "Camel", "Camel", "camel", "_", "-", "UPPER"])
        if m == "concat":
            return "".join(ws)
        if m == "Camel":
            return "".join(w.capitalize() for w in ws)
        if m == "camel":
            return ws[0] + "".join(w.capitalize() for w in ws[1:])
        if m == "UPPER":
            return "".join(ws).upper()
        return m.join(ws)

    def d_inflection(self, rng, e):
        if len(e) < 5:
            return None
        forms = []
        if e.endswith("e"):
            forms += [e + "s", e[:-1] + "ing", e + "r", e + "rs", e + "z"]
        elif e.endswith("y") and e[-2] not in VOWELS:
            forms += [e[:-1] + "ies", e + "ing", e[:-1] + "ier", e[:-1] + "iers", e + "z"]
        elif e.endswith(("s", "x", "z", "sh", "ch")):
            forms += [e + "es", e + "ing", e + "er", e + "ers"]
        else:
            forms += [e + "s", e + "ing", e + "er", e + "ers", e + "z"]
            if e[-1] not in VOWELS and e[-2] in VOWELS and e[-1] not in "wxy" and rng.random() < 0.3:
                forms += [e + e[-1] + "ing", e + e[-1] + "er"]
        f = rng.choice(forms)
        if key(f) in self.used_keys:
            return None
        return f

    def d_nonlatin(self, rng, e):
        sc = script_of(e)
        if sc in ("cyrillic", "greek"):
            return rng.choice([e, e, e.upper(), e[:1].upper() + e[1:]])
        return e

    def d_typo(self, rng, e):
        n = len(e)
        alphabet = "abcdefghijklmnopqrstuvwxyz" if script_of(e) == "latin" else "абвгдежзийклмнопрстуфхцчшщыэюя"
        for _ in range(20):
            op = rng.choice(["sub", "ins", "del", "swap"])
            i = rng.randrange(1, n)
            if op == "sub":
                c = rng.choice(alphabet)
                if c == e[i] or c == e[i - 1] or (i + 1 < n and c == e[i + 1]):
                    continue
                t = e[:i] + c + e[i + 1:]
            elif op == "ins":
                c = rng.choice(alphabet)
                if c == e[i - 1] or c == e[i]:
                    continue
                t = e[:i] + c + e[i:]
            elif op == "del":
                if e[i] == e[i - 1] or (i + 1 < n and e[i] == e[i + 1]):
                    continue
                t = e[:i] + e[i + 1:]
            else:
                if i + 1 >= n or e[i] == e[i + 1]:
                    continue
                t = e[:i] + e[i + 1] + e[i] + e[i + 2:]
            if key(t) == key(e) or key(t) in self.used_keys:
                continue
            return t
        return None

    def d_anyorder(self, rng, e):
        ws = e.split(" ")
        filler = lambda: " ".join(rng.sample(["video", "new", "hd", "free", "2024", "online", "best", "full", "pics", "the"],
                                             rng.choice([1, 1, 2])))
        if len(ws) == 2:
            m = rng.choice(["swap", "swap", "apart", "swap-apart"])
            if m == "swap":
                core = ws[1] + " " + ws[0]
            elif m == "apart":
                core = ws[0] + " " + filler() + " " + ws[1]
            else:
                core = ws[1] + " " + filler() + " " + ws[0]
        else:
            perm = ws[:]
            while perm == ws:
                rng.shuffle(perm)
            if rng.random() < 0.4:
                perm.insert(rng.randint(1, len(perm) - 1), filler())
            core = " ".join(perm)
        t = rng.choice(["{}", "{}", "{} video", "download {}", "{} online", "wo finde ich {}", "{} gratis"])
        return t.format(core)

    COMBOS = [("case", "leet"), ("homoglyph", "separators"), ("diacritics", "repeats"), ("compat", "invisible"),
              ("leet", "separators"), ("case", "diacritics"), ("homoglyph", "repeats"), ("compat", "leet"),
              ("leet", "repeats"), ("case", "invisible"), ("diacritics", "separators"), ("homoglyph", "leet"),
              ("case", "leet", "separators"), ("homoglyph", "diacritics", "repeats"),
              ("compat", "repeats", "invisible"), ("case", "homoglyph", "invisible"),
              ("leet", "diacritics", "separators"), ("case", "repeats", "separators")]

    def d_combined(self, rng, e):
        combo = rng.choice(self.COMBOS)
        return apply_word(rng, e, set(combo))

    # ---- Set B disguises ------------------------------------------------------------------
    def d_strokes(self, rng, e):
        words = e.split(" ")
        out = []
        mode = rng.choices(["some", "all", "smallcaps"], [55, 25, 20])[0]
        for w in words:
            cs = list(w)
            if mode == "smallcaps":
                if not all(c in U.SMALL_CAPS for c in cs):
                    return None
                out.append("".join(U.SMALL_CAPS[c] for c in cs))
                continue
            cand = [i for i, c in enumerate(cs) if c in U.STROKES]
            if not cand:
                return None
            pos = cand if mode == "all" else rng.sample(cand, min(len(cand), rng.choice([1, 1, 2, 3])))
            for p in pos:
                cs[p] = rng.choice(U.STROKES[cs[p]])
            out.append("".join(cs))
        return " ".join(out)

    def d_glued(self, rng, e):
        m = rng.choice(["pre", "post", "both"])
        pre, post = rng.choice(VE.GLUE_PRE), rng.choice(VE.GLUE_POST)
        return {"pre": pre + e, "post": e + post, "both": pre + e + post}[m]

    def d_camel(self, rng, e):
        pre, post = rng.choice(VE.GLUE_PRE), rng.choice(VE.GLUE_POST)
        m = rng.choice(["Camel3", "Camel2pre", "Camel2post", "hash-lower", "hash-Camel", "hash-lower-pre", "hash-Camel-pre",
                        "camel2post"])
        C = lambda w: w[:1].upper() + w[1:]
        return {"Camel3": C(pre) + C(e) + C(post), "Camel2pre": C(pre) + C(e), "Camel2post": C(e) + C(post),
                "hash-lower": "#" + e + post, "hash-Camel": "#" + C(e) + C(post), "hash-lower-pre": "#" + pre + e,
                "hash-Camel-pre": "#" + C(pre) + C(e), "camel2post": e + C(post)}[m]

    def d_split(self, rng, e):
        if len(e) < 4:
            return None
        i = rng.randint(2, len(e) - 2)
        sep = rng.choice([" ", " ", " ", "-", ".", "_", "/", ","])
        return e[:i] + sep + e[i:]

    def d_dense(self, rng, e):
        n = len(e)
        runs = []
        for a in range(n):
            for L in (4, 3, 2):
                b = a + L
                if b <= n and all(c in U.LEET for c in e[a:b]) and L < n:
                    runs.append((a, b))
        if not runs:
            return None
        a, b = rng.choice(runs)
        cs = list(e)
        for i in range(a, b):
            opts = U.LEET[cs[i]]
            if i == 0 or i == n - 1:
                opts = [o for o in opts if o not in U.LEET_SYMBOLS]
            digits = [o for o in opts if o.isdigit()]
            cs[i] = rng.choice(digits) if digits and rng.random() < 0.8 else rng.choice(opts)
        if rng.random() < 0.3:
            rest = [i for i in range(n) if (i < a - 1 or i > b) and e[i] in U.LEET]
            if rest:
                i = rng.choice(rest)
                cs[i] = [o for o in U.LEET[e[i]] if o.isdigit() or 0 < i < n - 1][0]
        t = "".join(cs)
        if not any(c.isalpha() for c in t):
            return None
        return t

    def d_cyr2lat(self, rng, e):
        scheme = rng.choice(["iso9", "gost-b", "bgn", "scholarly", "chat", "chat"])
        t = cyr2lat(e, scheme, rng)
        if rng.random() < 0.1:
            t = t[:1].upper() + t[1:]
        return t

    def d_lat2cyr(self, rng, e):
        t = lat2cyr(e, rng)
        if rng.random() < 0.1:
            t = t[:1].upper() + t[1:]
        return t

    def d_masked(self, rng, e):
        if len(e) < 7:
            return None
        i = rng.randint(1, len(e) - 2)
        return e[:i] + rng.choice(["*", "#", "_"]) + e[i + 1:]

    def d_possessive(self, rng, e):
        return rng.choice([e + "'s", e + "s'", e + "\u2019s", e + "'s", (e + "'s").upper()])

    def d_emoji_between(self, rng, e):
        if rng.random() < 0.5:
            sym = rng.choice(U.EMOJI_BETWEEN)
            return sym.join(e)
        gaps = rng.sample(range(1, len(e)), min(len(e) - 1, rng.choice([1, 2, 3])))
        out = ""
        for i, c in enumerate(e):
            if i in gaps:
                out += rng.choice(U.EMOJI_BETWEEN)
            out += c
        return out

    # ---- age positives --------------------------------------------------------------------
    EN_NUM = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
    DE_NUM = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
              "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn"]
    FR_NUM = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
              "douze", "treize", "quatorze", "quinze", "seize", "dix-sept"]
    ES_NUM = ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
              "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete"]
    IT_NUM = ["zero", "un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
              "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette"]
    NL_NUM = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
              "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien"]
    PL_NUM = ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć",
              "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście"]
    RU_NUM = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
              "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать"]
    JA_NUM = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
              "十六", "十七"]
    KO_NUM = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한", "열두", "열세", "열네", "열다섯",
              "열여섯", "열일곱"]

    @staticmethod
    def ru_years(n):
        if n % 10 == 1 and n % 100 != 11:
            return "год"
        if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return "года"
        return "лет"

    @staticmethod
    def pl_years(n):
        if n == 1:
            return "rok"
        if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return "lata"
        return "lat"

    def age_expr(self, cls, rng):
        n = rng.randint(1, 17)
        if cls == "age-digits":
            forms = ["{n}yo", "{n} yo", "{n} y/o", "{n} year old", "{n}-year-old", "{n}yrs", "{n} yrs old",
                     "{n} years old", "{n} yr old", "{n}-yr-old", "{n} year-old", "{n} YO", "{n} Year Old"]
            return rng.choice(forms).format(n=n)
        if cls == "age-words-multilingual":
            opts = [
                ("en", "{n} years old" if n > 1 else "{n} year old"),
                ("de", "{n} Jahre" if n > 1 else "{n} Jahr"), ("de", "{n} Jahre alt" if n > 1 else "{n} Jahr alt"),
                ("de", "{n}-jährige"), ("fr", "{n} ans" if n > 1 else "{n} an"),
                ("es", "{n} años" if n > 1 else "{n} año"), ("it", "{n} anni" if n > 1 else "{n} anno"),
                ("nl", "{n} jaar"), ("nl", "{n}-jarige"), ("pl", "{n} " + self.pl_years(n)),
                ("ru", "{n} " + self.ru_years(n)), ("ru", "{n}-летняя"), ("ja", "{n}歳"), ("zh", "{n}岁"),
                ("zh", "{n}歲"), ("ko", "{n}살"), ("ko", "{n}세")]
            return rng.choice(opts)[1].format(n=n)
        if cls == "age-spelled":
            n = rng.randint(2, 17)
            opts = [
                "%s year old" % self.EN_NUM[n], "%s-year-old" % self.EN_NUM[n], "%s years old" % self.EN_NUM[n],
                "%s Jahre alt" % self.DE_NUM[n], "%s Jahre" % self.DE_NUM[n], "%sjährige" % self.DE_NUM[n],
                "%s ans" % self.FR_NUM[n], "%s años" % self.ES_NUM[n], "%s anni" % self.IT_NUM[n],
                "%s jaar" % self.NL_NUM[n], "%s %s" % (self.PL_NUM[n], self.pl_years(n)),
                "%s %s" % (self.RU_NUM[n], self.ru_years(n)), "%s歳" % self.JA_NUM[n],
                "%s岁" % ("两" if n == 2 else self.JA_NUM[n]), "%s 살" % self.KO_NUM[n]]
            s = rng.choice(opts)
            return s[:1].upper() + s[1:] if rng.random() < 0.1 else s
        if cls == "age-before":
            s = rng.choice(["age {n}", "aged {n}", "{n} years of age", "age: {n}", "Age {n}", "AGED {n}",
                            "age:{n}", "Aged {n}"]).format(n=n)
            return s
        if cls == "age-months":
            m = rng.choice(list(range(1, 25)) + [30, 36])
            forms = ["{m} month old", "{m}-month-old", "{m} mo old", "{m} months old", "{m} mos old",
                     "{m}-months-old", "{m}mo old", "{m} Monate alt", "{m} meses de edad"]
            if m == 1:
                forms = ["1 month old", "1-month-old", "1 mo old", "1 Monat alt", "1 mes de edad"]
            return rng.choice(forms).format(m=m)
        if cls == "age-disguised":
            forms = ["{n} yoo", "{n} y.o.", "{n} y.o", "{n} Y.O.", "{n} y e a r o l d", "{n} yeaaar old",
                     "{n} yeeear old", "{n} year oold", "{n} y-o", "{n} y_o", "{n} ye@r old", "{n} year 0ld",
                     "{n} y3ar old", "{n} y.e.a.r o.l.d", "{n} yearold", "{n}yearsold", "{n} YEEEAR OLD",
                     "{n} ｙｏ", "{n} 𝐲𝐨", "{n} yo\u200b", "{n} y\u200bo", "{n} yr.old", "{n} yeer old", "{n} y/o/"]
            return rng.choice(forms).format(n=n)
        raise ValueError(cls)

    def make_age_positives(self):
        for cls in SET_AGE:
            rng = self.rng("pos:" + cls)
            seen = set()
            got = 0
            tries = 0
            while got < PER_CLASS and tries < PER_CLASS * 100:
                tries += 1
                a = singular1(self.age_expr(cls, rng))
                N = rng.choice(self.nouns)
                if rng.random() < 0.1:
                    N = N.capitalize()
                t = rng.choice(["{N} {a}", "{a} {N}", "{a} {N} video", "{N} {a} pics", "download {a} {N}",
                                "{N} {x} {a}", "{a} {x} {N}", "{x} {N} {a}", "{a} {N} {x}"])
                q = t.format(N=N, a=a, x=rng.choice(VE.POS_EXTRA))
                if q in seen:
                    continue
                seen.add(q)
                self.positives.append({"class": cls, "set": "age", "query": q, "entry": AGE_RULE})
                got += 1
            self.log("positives %-18s %d" % (cls, got))

    # ---------------------------------------------------------------------------------------
    def write_innocents(self):
        rows = [{"class": c, "query": q} for c, q in self.innocents]
        rows += [{"class": "containing", "query": h} for h, _ in self.containing]
        rows += [{"class": "cross-boundary", "query": q} for q, _ in self.cross]
        rows += [{"class": "age-innocent", "query": q} for q in self.age_innocents]
        pos_q = set(p["query"] for p in self.positives)
        seen = set()
        self.innocent_rows = []
        for r in rows:
            if r["query"] in seen or r["query"] in pos_q:
                continue
            seen.add(r["query"])
            self.innocent_rows.append(r)
        with open(os.path.join(self.out, "innocents.jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for r in self.innocent_rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # ---------------------------------------------------------------------------------------
    def validate(self):
        """Self-checks: entries in the 10k list, counts, disguises recoverable by a reference
        normaliser, innocents free of entries under the same coarse normalisation."""
        problems = []
        listed = set()
        with open(os.path.join(self.out, "list-10k.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#") or line.startswith("@"):
                    continue
                listed.add(re.sub(r" \[(typo|any-order)\]$", "", line))
        counts = defaultdict(int)
        bad_recover = defaultdict(int)
        for i, p in enumerate(self.positives):
            counts[p["class"]] += 1
            if p["set"] != "age" and p["entry"] not in listed:
                problems.append("positive entry not listed: %r" % p["entry"])
            if p["set"] == "age":
                continue
            if not self.recoverable(p["class"], p["query"], p["entry"], self.disguises.get(i)):
                bad_recover[p["class"]] += 1
        for c in SET_A + SET_B + SET_AGE:
            if counts[c] < PER_CLASS:
                problems.append("class %s has only %d positives" % (c, counts[c]))
        for c, n in bad_recover.items():
            problems.append("class %s: %d positives not recoverable by the reference normaliser" % (c, n))
        icounts = defaultdict(int)
        for r in self.innocent_rows:
            icounts[r["class"]] += 1
        # innocents must not contain a listed entry as a whole token (coarse key), nor a minor age + noun
        e100_keys = {}
        for e in self.e100:
            if script_of(e) not in ("han", "kana") and " " not in e:
                e100_keys[key(e)] = e
        noun_keys = set(key(n) for n in self.nouns)
        for r in self.innocent_rows:
            for t in r["query"].split():
                k = key(t)
                if k in e100_keys:
                    problems.append("innocent %r contains entry %r" % (r["query"], e100_keys[k]))
                if r["class"] != "age-innocent" and k in noun_keys:
                    problems.append("innocent %r contains a group noun" % r["query"])
        n_reg = sum(v for k, v in icounts.items() if k not in ("containing", "cross-boundary", "age-innocent"))
        if n_reg < 20000:
            problems.append("only %d regular innocents" % n_reg)
        if icounts["containing"] < 2000:
            problems.append("only %d containing innocents" % icounts["containing"])
        self.report["positives"] = dict(counts)
        self.report["innocents"] = dict(icounts)
        self.report["innocents_regular_total"] = n_reg
        self.report["typo_entries_10k"] = len(self.typo & self.e10_set)
        self.report["anyorder_entries_10k"] = len(self.anyorder & self.e10_set)
        self.report["problems"] = problems
        with open(os.path.join(self.out, "summary.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(self.report, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
        for p in problems[:50]:
            print("PROBLEM:", p, file=sys.stderr)
        if problems:
            print("%d problems" % len(problems), file=sys.stderr)

    def recoverable(self, cls, query, entry, disguise):
        if cls in ("translit-cyr2lat", "translit-lat2cyr"):
            return True
        if cls == "typo":
            return damerau1(disguise, entry)
        if cls == "any-order":
            nq = norm_check(query)
            return all(entry_regex(w).search(nq) for w in entry.split(" "))
        if cls == "masked":
            nq = norm_check(query, keep="*#_")
            ne = norm_check(entry)
            return any(entry_regex(entry, extra_at=i).search(nq) for i in range(len(ne)))
        target = entry
        if cls == "inflection" and entry[-1] in "ey":
            target = entry[:-1]
        if entry_regex(target).search(norm_check(query)):
            return True
        plain = lambda s: "".join(c for c in unicodedata.normalize("NFKD", s).casefold()
                                  if unicodedata.category(c) not in ("Mn", "Me", "Cf") and not c.isspace())
        return plain(target) in plain(query)


def disguise_ok(d):
    """A disguise (typo, inflection, transliteration, repeats, glue words, ...) must not
    introduce a letter pair that the entry generator avoids."""
    t = "".join(c for c in unicodedata.normalize("NFKD", d).casefold() if c.isalpha())
    return not any(b in t for b in LATIN_BANNED_CORE + CYR_BANNED)


def damerau1(a, b):
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la < lb:
        a, b = b, a
    for i in range(len(a)):
        if a[:i] + a[i + 1:] == b:
            return True
    return False


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.normpath(os.path.join(here, "..", "data")))
    ap.add_argument("--no-system-dict", action="store_true",
                    help="do not read /usr/share/dict/* (output is then independent of the machine)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()
    g = Gen(args.seed, args.out, not args.no_system_dict, verbose=not args.quiet)
    g.run()
    for name in ("list-10k.txt", "list-100k.txt", "rules.txt", "positives.jsonl", "innocents.jsonl"):
        p = os.path.join(args.out, name)
        print("%-16s %9d bytes  sha256 %s" % (name, os.path.getsize(p), sha256(p)))
    return 1 if g.report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
