#!/usr/bin/env python3
"""Independent validity check of tests/blind/data/ (format, counts, consistency).

    python3 tests/blind/gen/check.py [DATA_DIR]

Exit status 0 when everything holds.  Does not use the matcher.
"""
import collections
import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, "..", "data"))
PER_CLASS = 300
SET_A = ["exact", "case", "compat", "diacritics", "homoglyph", "leet", "separators", "repeats",
         "invisible", "emoji-letters", "joined-phrase", "inflection", "non-latin", "typo",
         "any-order", "combined"]
SET_B = ["strokes", "glued", "camel-hashtag", "split", "dense-digits", "translit-cyr2lat",
         "translit-lat2cyr", "masked", "possessive", "emoji-between"]
SET_AGE = ["age-digits", "age-words-multilingual", "age-spelled", "age-before", "age-months",
           "age-disguised"]
problems = []


def problem(msg):
    problems.append(msg)


def parse_list(path):
    """Returns (headers, {term: flag}, groups, ages, rules)."""
    headers, entries, groups, ages, rules = {}, {}, {}, {}, {}
    group = None
    seen_entry = False
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if raw.endswith("\r\n") or "\r" in line:
                problem("%s:%d CR in line" % (path, n))
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@"):
                parts = line.split()
                d = parts[0]
                if d in ("@id", "@version", "@language"):
                    if seen_entry:
                        problem("%s:%d header after first entry" % (path, n))
                    headers[d] = " ".join(parts[1:])
                elif d == "@group":
                    group = parts[1]
                    groups[group] = []
                elif d == "@end":
                    group = None
                elif d == "@age":
                    ages[parts[1]] = parts[2]
                elif d == "@rule":
                    m = re.fullmatch(r"@rule (\S+) = (\S+) \+ (\S+)", line)
                    if not m:
                        problem("%s:%d bad rule %r" % (path, n, line))
                    else:
                        rules[m.group(1)] = (m.group(2), m.group(3))
                else:
                    problem("%s:%d unknown directive %r" % (path, n, line))
                continue
            seen_entry = True
            m = re.fullmatch(r"(.+?)(?: \[(typo|any-order)\])?", line)
            term, flag = m.group(1), m.group(2)
            if len(term) < 3:
                problem("%s:%d entry shorter than 3 chars %r" % (path, n, term))
            if term[0] in "*/@\\#":
                problem("%s:%d entry starts with a reserved char %r" % (path, n, term))
            if term != term.lower():
                problem("%s:%d entry not lower case %r" % (path, n, term))
            if term != term.strip() or "  " in term:
                problem("%s:%d stray spaces %r" % (path, n, term))
            if flag == "typo" and (" " in term or len(term) < 6):
                problem("%s:%d [typo] on a phrase or short entry %r" % (path, n, term))
            if flag == "any-order" and " " not in term:
                problem("%s:%d [any-order] on a single word %r" % (path, n, term))
            if group is not None:
                groups[group].append(term)
                continue
            if term in entries:
                problem("%s:%d duplicate entry %r" % (path, n, term))
            entries[term] = flag
    return headers, entries, groups, ages, rules


def script(s):
    for ch in s:
        name = unicodedata.name(ch, "")
        for sc in ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "CJK", "HIRAGANA", "KATAKANA"):
            if name.startswith(sc):
                return {"HIRAGANA": "KANA", "KATAKANA": "KANA"}.get(sc, sc)
    return "OTHER"


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def main():
    h10, e10, _, _, _ = parse_list(os.path.join(DATA, "list-10k.txt"))
    h100, e100, _, _, _ = parse_list(os.path.join(DATA, "list-100k.txt"))
    _, rules_entries, groups, ages, rules = parse_list(os.path.join(DATA, "rules.txt"))
    print("list-10k: %d entries, list-100k: %d entries, headers %s" % (len(e10), len(e100), h10))
    if len(e10) != 10000 or len(e100) != 100000:
        problem("list sizes %d / %d" % (len(e10), len(e100)))
    for t, fl in e10.items():
        if t not in e100 or e100[t] != fl:
            problem("10k entry %r missing from 100k or flag differs" % t)
    scripts = collections.Counter(script(t) for t in e10)
    words = collections.Counter(len(t.split()) for t in e10)
    flags = collections.Counter(fl for fl in e10.values() if fl)
    print("10k scripts:", dict(scripts), "words per entry:", dict(words), "flags:", dict(flags))
    if rules_entries:
        problem("rules.txt has plain entries")
    print("rules: groups %s, ages %s, rules %s" % ({k: len(v) for k, v in groups.items()}, ages, rules))
    rule_name = next(iter(rules))
    nouns = set(next(iter(groups.values())))

    pos = []
    with open(os.path.join(DATA, "positives.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            if set(obj) != {"class", "set", "query", "entry"}:
                problem("positives:%d keys %s" % (n, sorted(obj)))
            pos.append(obj)
    counts = collections.Counter(p["class"] for p in pos)
    for p in pos:
        want = "A" if p["class"] in SET_A else "B" if p["class"] in SET_B else "age"
        if p["set"] != want:
            problem("positive set mismatch %r" % p)
        if p["set"] == "age":
            if p["entry"] != rule_name:
                problem("age positive entry %r" % p["entry"])
            if not any(w.lower() in nouns for w in p["query"].split()):
                problem("age positive without a noun %r" % p["query"])
        elif p["entry"] not in e10:
            problem("positive entry not in list-10k %r" % p["entry"])
        if not p["query"].strip() or p["query"] != p["query"].strip():
            problem("positive query blank/untrimmed %r" % p["query"])
    for c in SET_A + SET_B + SET_AGE:
        if counts[c] < PER_CLASS:
            problem("class %s: %d positives" % (c, counts[c]))
    extra = set(counts) - set(SET_A + SET_B + SET_AGE)
    if extra:
        problem("unknown positive classes %s" % extra)
    dup = [q for q, k in collections.Counter((p["class"], p["query"]) for p in pos).items() if k > 1]
    if dup:
        problem("%d duplicate positives" % len(dup))

    inn = []
    with open(os.path.join(DATA, "innocents.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            if set(obj) != {"class", "query"}:
                problem("innocents:%d keys %s" % (n, sorted(obj)))
            inn.append(obj)
    icounts = collections.Counter(r["class"] for r in inn)
    pos_q = set(p["query"] for p in pos)
    if len(set(r["query"] for r in inn)) != len(inn):
        problem("duplicate innocent queries")
    for r in inn:
        if r["query"] in pos_q:
            problem("query both positive and innocent %r" % r["query"])
    special = {"containing", "cross-boundary", "age-innocent"}
    regular = sum(v for k, v in icounts.items() if k not in special)
    if regular < 20000:
        problem("only %d regular innocents" % regular)
    if icounts["containing"] < 2000:
        problem("only %d containing innocents" % icounts["containing"])
    latin10 = sorted((t for t in e10 if script(t) == "LATIN" and " " not in t), key=len, reverse=True)
    by_len = collections.defaultdict(set)
    for t in latin10:
        by_len[len(t)].add(t)

    def inner_entries(word):
        w = fold(word)
        out = []
        for L, ts in by_len.items():
            for i in range(1, len(w) - L):
                if w[i:i + L] in ts:
                    out.append(w[i:i + L])
        return out
    host_entries = set()
    for r in inn:
        q = r["query"]
        if r["class"] == "containing":
            found = inner_entries(q)
            if not found:
                problem("containing innocent without inner entry %r" % q)
            host_entries.update(found)
        elif r["class"] == "cross-boundary":
            ws = q.split()
            ok = any(inner_entries(ws[i] + ws[i + 1]) for i in range(len(ws) - 1))
            if not ok:
                problem("cross-boundary innocent without straddling entry %r" % q)
        elif r["class"] == "age-innocent":
            if not any(w.lower() in nouns for w in q.split()):
                problem("age-innocent without a noun %r" % q)
        else:
            for w in q.split():
                if fold(w) in e100:
                    problem("innocent contains an entry as a word %r" % q)
                if w.lower() in nouns:
                    problem("innocent contains a group noun %r" % q)
    print("containing innocents use %d distinct list entries" % len(host_entries))

    print("\npositives per class:")
    for s, cl in (("A", SET_A), ("B", SET_B), ("age", SET_AGE)):
        for c in cl:
            print("  %-4s %-24s %d" % (s, c, counts[c]))
    print("\ninnocents per class (regular total %d):" % regular)
    for c, n in sorted(icounts.items()):
        print("  %-24s %d" % (c, n))
    print()
    for name in sorted(os.listdir(DATA)):
        p = os.path.join(DATA, name)
        with open(p, "rb") as f:
            print("%-16s %9d bytes  sha256 %s" % (name, os.path.getsize(p), hashlib.sha256(f.read()).hexdigest()))
    for p in problems[:40]:
        print("PROBLEM:", p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
