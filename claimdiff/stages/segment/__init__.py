"""Stage 2, segment: sentences, tokens and quoted passages, with offsets into the report.

- ``sentences``: a report's prose split into sentences;
- ``tokens``: words, digit groups and marks, and phrase matching over them;
- ``quotes``: quoted passages, paired by the quote marks of the language.
"""

from claimdiff.stages.segment.sentences import Sentence, split_sentences

__all__ = ["Sentence", "split_sentences"]
