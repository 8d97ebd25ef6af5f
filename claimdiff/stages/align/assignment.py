"""One-to-one assignment (the Hungarian problem) for small score matrices.

``scipy.optimize.linear_sum_assignment`` is the fastest solver per call, but
importing ``scipy.optimize`` costs 0.2–0.5 s, more than aligning a small event.
So callers with few matrices use scipy's sparse-graph matcher (cheap to
import, about 0.5 ms a call), and callers with many (``bulk=True``: alignment
of many reports) use ``linear_sum_assignment``. Both give an optimal
assignment; the choice depends only on the input, so runs stay deterministic.

>>> import numpy as np
>>> best_pairs(np.array([[0.9, 0.8], [0.85, 0.1]]))
[(0, 1), (1, 0)]
"""

from __future__ import annotations

import numpy as np

#: From this many matrices on, importing scipy.optimize pays for itself.
BULK = 100


def best_pairs(scores: np.ndarray, bulk: bool = False) -> list[tuple[int, int]]:
    """Row–column pairs that maximise the total score, one per row or column (whichever is fewer)."""
    if scores.size == 0:
        return []
    if bulk:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(-scores)
        return sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    # costs must be positive: a zero is a missing edge in a sparse matrix
    cost = (scores.max() - scores) + 1.0
    transpose = scores.shape[0] > scores.shape[1]
    graph = csr_matrix(cost.T if transpose else cost)
    match = min_weight_full_bipartite_matching(graph)[1]
    pairs = [(int(c), r) if transpose else (r, int(c)) for r, c in enumerate(match) if c >= 0]
    return sorted(pairs)
