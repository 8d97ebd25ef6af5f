"""Stage 4, align: put the claims that state the same fact side by side.

1. **Signals** (``signals``, over ``features``) for every pair of claims in two different reports, as numpy
   matrices (no Python loop over pairs): the cosine of their embeddings with
   the figures masked (so "352 killed" and "406 killed" still align), the
   character trigrams of their words they share (rarity-weighted cosine, words
   normalised with rapidfuzz's ``default_process``; trigrams also match
   inflections, names and cognates across languages), shared names, shared
   sources, and what their figures are (kind and unit; the same value in both
   is an anchor; figures of only different kinds, or different weekdays, count
   against), and whether the two reports are in different languages (which
   lowers the cosine and the shared trigrams of a pair that states the same
   fact, so it gets a bias of its own).
   Two more signals judge the *reports*: the cosine of their mean claim
   embeddings, and the names both mention (trigrams, so "Oekraïne" meets
   "Ukraine"). Each counts only by how far it falls below a floor that
   reports of one event reach, so two reports of one event lose nothing and
   two reports of different events (another earthquake, another trial) keep
   their claims apart; such a pair of reports is named in the warnings.
2. **Score** (``scorer``, ``weights``): a logistic model over those signals; its weights and threshold
   live in ``claimdiff/data/align_weights.json`` (the fact-level weights set
   by hand, the report weights and floors fitted on ECB+, see ``benchmarks/``)
   and can be overridden.
3. **Groups** (``grouping``, ``assignment``): per pair of reports, a one-to-one assignment (Hungarian) keeps
   pairs above the threshold; the pairs are then merged, strongest first, into
   groups that hold at most one claim per report. A report that splits one
   fact over two claims gets the stronger one in the group; the other stays
   alone. The same input always gives the same groups.
"""

from claimdiff.stages.align.grouping import align
from claimdiff.stages.align.weights import Weights, default_weights, load_weights

__all__ = ["Weights", "align", "default_weights", "load_weights"]
