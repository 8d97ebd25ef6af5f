"""The report signals on the annotated events: what they catch and what they cost.

The report signals (``report``, ``report_names`` in ``claimdiff/align.py``)
keep apart the claims of two reports about different events.

1. **Other events**: every report of every event against every report of
   *another* event (the events are about different things, so every such pair
   is a pair of reports of different events), and every pair of reports of one
   event. Counted: pairs with a report penalty, and pairs whose penalty
   reaches ``claimdiff.stages.align.grouping.WARN_PENALTY`` (those named in the warnings).
2. **Short reports**: a short report (a news brief, the lead of an article)
   has a mean embedding and names of its own few facts, so next to a long
   report of the same event it can look like another event. For every ordered
   pair of reports (A, B) of one event, A is cut after its first 3, 5 and 8
   sentences and aligned with the whole of B, once with the packaged weights
   and once with the report weights set to 0. Counted: the aligned claim
   pairs each way, and the cases the warning calls "different events".

    python benchmarks/report_level.py [--events ../shared/events] [--weights FILE.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

import benchlib as bl
import numpy as np

from claimdiff.api import _documents, extract_claims
from claimdiff.stages.align.encoders import get_encoder
from claimdiff.stages.align.grouping import (
    WARN_PENALTY,
    align,
    default_weights,
    features,
    load_weights,
    report_penalty,
)
from claimdiff.stages.load import document_from_text
from claimdiff.stages.segment.sentences import split_sentences

CUTS = (3, 5, 8)


def other_events(events: list[Path], enc, w) -> None:
    """Report penalties between reports of one event and of different events."""
    claims, langs = [], []
    for event in events:
        for d in _documents(sorted(event.glob("*.txt")), None, None):
            for c in extract_claims(d):
                claims.append(c.model_copy(update={"doc": f"{event.name}/{c.doc}"}))
                langs.append(d.language)
    fa = features(claims, langs, enc)
    penalty = report_penalty(fa, w)
    docs = sorted({c.doc for c in claims})  # features number the reports in this order
    same, other = [], []
    for x, y in itertools.combinations(range(len(docs)), 2):
        one_event = docs[x].split("/")[0] == docs[y].split("/")[0]
        (same if one_event else other).append(float(penalty[x, y]))
    for label, values in (("one event", same), ("different events", other)):
        v = np.array(values)
        print(
            f"pairs of reports of {label}: {len(v)}; with a report penalty {int((v < 0).sum())}; "
            f"penalty >= {WARN_PENALTY:g} (warned) {int((v <= -WARN_PENALTY).sum())}; "
            f"median penalty {float(np.median(v)):.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--events", type=Path, default=bl.SHARED / "events")
    ap.add_argument("--weights", type=Path, help="weights JSON instead of the packaged one")
    a = ap.parse_args(argv)
    w = load_weights(a.weights) if a.weights else default_weights()
    off = dataclasses.replace(w, report=0.0, report_names=0.0)
    enc = get_encoder("use-m3", cache=False)
    events = sorted(g.parent for g in a.events.glob("*/gold.json"))
    other_events(events, enc, w)

    cases = lost_cases = n_off = n_on = warned = 0
    print("short reports:")
    for event in events:
        docs = _documents(sorted(event.glob("*.txt")), None, None)
        for da, db in itertools.permutations(docs, 2):
            sents = split_sentences(da.text, da.language, 0)
            for k in CUTS:
                end = sents[min(k, len(sents)) - 1].end
                short = document_from_text(da.text[:end], "short", lang=da.language)
                claims = extract_claims(short) + extract_claims(db)
                langs = {"short": da.language, db.id: db.language}
                notes: list[str] = []
                pairs_on = sum(len(ids) == 2 for ids, _ in align(claims, langs, enc, w, notes))
                pairs_off = sum(len(ids) == 2 for ids, _ in align(claims, langs, enc, off))
                cases += 1
                n_on += pairs_on
                n_off += pairs_off
                warned += bool(notes)
                if pairs_on < pairs_off:
                    lost_cases += 1
                    print(
                        f"  {event.name}: {da.id} cut after {k} sentences vs {db.id}: "
                        f"{pairs_off} pairs without the report weights, {pairs_on} with"
                    )
    print(
        f"{cases} cases (ordered pairs of reports of one event x cuts {CUTS}); aligned claim "
        f"pairs: {n_off} without the report weights, {n_on} with; cases that lose pairs: "
        f"{lost_cases}; cases with a 'different events' warning: {warned}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
