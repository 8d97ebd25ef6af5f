"""Sentence splitting: claimdiff's rules against pysbd on the cases of tests/test_segment.py.

    python benchmarks/segment.py

pysbd is not a dependency of claimdiff; install it to compare (``pip install pysbd``).
The cases were written for claimdiff (Dutch and English abbreviations, initials,
quotes), so they favour the rules they were written with: read the result as
"pysbd needs Dutch abbreviations added", not as a general ranking.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdiff.stages.segment.sentences import split_sentences  # noqa: E402
from tests.test_segment import CASES  # noqa: E402


def main() -> None:
    ours = sum([s.text for s in split_sentences(text, lang)] == exp for lang, text, exp in CASES)
    print(f"claimdiff rules: {ours}/{len(CASES)} cases split exactly right")
    try:
        import pysbd
    except ImportError:
        print("pysbd: not installed (pip install pysbd)")
        return
    right = 0
    for lang, text, exp in CASES:
        seg = pysbd.Segmenter(language=lang, clean=False)
        got = [s.strip() for s in seg.segment(text)]
        right += got == exp
        if got != exp:
            print(f"  pysbd {lang}: {got}")
    print(
        f"pysbd {pysbd.__version__ if hasattr(pysbd, '__version__') else ''}: {right}/{len(CASES)}"
    )


if __name__ == "__main__":
    main()
