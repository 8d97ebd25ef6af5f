"""Stage 5, compare: say where aligned claims agree and where they differ.

- ``figures``: figures as intervals, paired and judged;
- ``sources``: whether two attributions name the same source;
- ``phrases``: encoder cosines of short phrases (sources, measures);
- ``groups``: the verdict and the pairwise differences of each group.
"""

from claimdiff.stages.compare.groups import build_groups, compare_pair

__all__ = ["build_groups", "compare_pair"]
