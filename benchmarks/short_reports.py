"""What the report signals cost when one report is short.

The report signals (``report``, ``report_names`` in ``claimdiff/align.py``)
keep apart the claims of two reports about different events. A short report
(a news brief, the lead of an article) has a mean embedding and names of its
own few facts, so next to a long report of the same event it can look like
another event. This script measures that risk on the annotated events: for
every ordered pair of reports (A, B) of one event, A is cut after its first
3, 5 and 8 sentences and aligned with the whole of B, once with the packaged
weights and once with the report weights set to 0. It counts the aligned
claim pairs each way, and the pairs of reports the warning calls "different
events".

    python benchmarks/short_reports.py [--events ../shared/events] [--weights FILE.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

import benchlib as bl

from claimdiff.align import align, default_weights, load_weights
from claimdiff.encoders import get_encoder
from claimdiff.load import document_from_text
from claimdiff.pipeline import _documents, extract_claims
from claimdiff.segment import split_sentences

CUTS = (3, 5, 8)


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

    cases = lost_cases = n_off = n_on = warned = 0
    for gold in sorted(a.events.glob("*/gold.json")):
        docs = _documents(sorted(gold.parent.glob("*.txt")), None, None)
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
                        f"  {gold.parent.name}: {da.id} cut after {k} sentences vs {db.id}: "
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
