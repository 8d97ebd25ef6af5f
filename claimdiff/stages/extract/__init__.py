"""Stage 3, extract: the check-worthy claims of a report, with their figures and attributions.

- ``claims``: sentences (or the facts of a sentence) that state a figure or carry an attribution;
- ``figures`` and ``numerals``: numbers read as a careful reader reads them;
- ``attributions`` and ``sources``: who said or reported each sentence.
"""

from claimdiff.stages.extract.claims import claims_of, extract_documents

__all__ = ["claims_of", "extract_documents"]
