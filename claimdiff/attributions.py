"""Stage 3b, extract attributions: who said or reported each sentence.

Rules, applied to a whole report so that quotes and names carry across sentences:

1. **Direct quotes** (“…”, „…”, "…", ‘…’, '…', «…», and a leading dash) with a
   speaker right after (``”, aldus X``, ``," X said``, ``,” said X``) or right
   before (``X: “…”``, ``X zei: „…”``). Every sentence the quote covers gets the
   speaker; a quote that opens a sentence right after an attributed quote
   continues it (``“A,” she said. “B.”``).
2. **According to**: ``volgens X``, ``according to X``, ``aldus X``.
3. **Reported speech**: a cue verb with its subject, before (``X zei dat``,
   ``X told Al Jazeera that``) or after (``…, meldt het KNMI``, ``…, the ministry said``).
4. **Denials**: ``X ontkent dat``, ``X denied``: kind ``denial``.

Names: a source is split into role and name (``de Oekraïense president
Volodimir Zelensky``); ``canonical_source`` is the fullest name the report
gives: a surname resolves to the last full name ending in it, a pronoun or a
bare role (``he``, ``zij``, ``de president``) to the last person named with
that role or, for a pronoun, the last person who spoke.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimdiff.lang import Lang
from claimdiff.language import data_for
from claimdiff.models import Attribution
from claimdiff.numerals import parse_word
from claimdiff.segment import Sentence
from claimdiff.tokens import Tok, longest_after, tokenize

_QUOTE_PAIRS = [
    ("“", "”"),
    ("„", "”"),
    ("„", "“"),
    ("«", "»"),
    ("‘", "’"),
    ('"', '"'),
    ("'", "'"),
    ("‹", "›"),
]
_DASHES = "–—"
MAX_SOURCE_TOKENS = 14


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    inner_start: int
    inner_end: int


@dataclass
class Person:
    name: str
    role: str | None
    is_person: bool


@dataclass
class Registry:
    """What one report has said about its people and organisations so far."""

    people: list[Person] = field(default_factory=list)
    last_speaker: Person | None = None
    speaker_age: int = 99  # sentences since the last speaker spoke

    def add(self, name: str, role: str | None, is_person: bool) -> Person:
        for p in self.people:
            if p.name == name:
                if role and not p.role:
                    p.role = role
                self.people.remove(p)
                self.people.append(p)
                return p
        p = Person(name, role, is_person)
        self.people.append(p)
        return p

    def last_person(self) -> Person | None:
        """What "he", "zij", "the 34-year-old" point to: the last person who spoke
        in this or the previous sentence, else the last person named."""
        if self.last_speaker is not None and self.speaker_age <= 1:
            return self.last_speaker
        return next((p for p in reversed(self.people) if p.is_person), None)

    def by_surname(self, name: str) -> Person | None:
        last = name.split()[-1]
        for p in reversed(self.people):
            if (
                p.is_person
                and p.name != name
                and p.name.endswith(" " + last)
                and len(p.name) > len(name)
            ):
                return p
        return None

    def by_role(self, role: str) -> Person | None:
        words = set(role.lower().split())
        for p in reversed(self.people):
            if (
                p.role
                and p.is_person
                and words <= set(p.role.lower().split()) | words
                and (words & set(p.role.lower().split()))
            ):
                return p
        return None


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quoted passages in ``text[start:end]``, paired by style; apostrophes are not quotes."""
    out: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        for open_, close in _QUOTE_PAIRS:
            if ch != open_:
                continue
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if open_ in "'’‘" and (prev.isalnum() or not (nxt.isalnum() or nxt in "…")):
                break
            if open_ == '"' and (prev.isalnum() or nxt.isspace()):
                break
            j = i + 1
            while j < end:
                c = text[j]
                if text.startswith("\n\n", j):
                    j = end
                    break
                if c == close and not (close in "'’" and j + 1 < end and text[j + 1].isalpha()):
                    break
                j += 1
            if j < end and j - i > 2:
                out.append(Quote(i, j + 1, i + 1, j))
                i = j
            break
        i += 1
    return out


def _is_name_token(t: Tok) -> bool:
    return (
        t.is_word
        and t.text[0].isupper()
        and not t.text.isupper()
        or (t.is_word and t.text.isupper() and len(t.text) > 1)
    )


def _phrase_in(toks: list[Tok], i: int, phrases: tuple[str, ...] | frozenset[str]) -> int:
    hit = longest_after(toks, i, phrases)
    return hit[0] if hit else -1


def _is_function_word(t: Tok, lang: Lang) -> bool:
    return t.low in lang.measure_stop or t.low in lang.not_sources or t.low in lang.complementizers


def _role_or_org_end(toks: list[Tok], j: int, lang: Lang) -> int:
    return max(_phrase_in(toks, j, lang.roles), _phrase_in(toks, j, lang.organisations))


def read_source(
    toks: list[Tok], i: int, lang: Lang, limit: int | None = None, loose: bool = False
) -> tuple[int, int] | None:
    """The source noun phrase that starts at ``toks[i]``: ``(i, j)`` or None.

    ``de Oekraïense president Volodimir Zelensky``, ``het ministerie van
    Binnenlandse Zaken``, ``the regional water board``, ``Mayor Anna de Vries``,
    ``Dr. Nadia Rahman``, ``de 71-jarige Truus Meijer``. Lowercase words count
    when a role, an organisation or a name follows within a few words; with
    ``loose`` (after "volgens"/"according to") any short noun phrase counts
    (``het jaarverslag``, ``ooggetuigen``, ``the latest census``).
    """
    n = min(len(toks), limit if limit is not None else len(toks))
    j = i
    if j < n and toks[j].low in lang.pronouns:
        return (j, j + 1)
    if j < n and toks[j].low in lang.role_leads:
        j += 1
    start_content = j
    if j < n and (_is_function_word(toks[j], lang) or toks[j].low in lang.speech_verbs):
        return None
    while j < n and j - i < MAX_SOURCE_TOKENS:
        t = toks[j]
        role_end = _role_or_org_end(toks, j, lang)
        if role_end > j:
            j = role_end
            continue
        if _is_name_token(t) and t.low not in lang.speech_verbs and not _is_function_word(t, lang):
            j += 1
            if (
                j < n
                and toks[j].text == "."
                and toks[j].start == t.end
                and t.low in lang.abbreviations
            ):
                j += 1  # Dr. Nadia Rahman
            continue
        if t.text == "-" and j > start_content and j + 1 < n and toks[j + 1].start == t.end:
            j += 1  # Kiesraad-voorzitter, 71-jarige
            continue
        if t.is_digits and j + 1 < n and toks[j + 1].text == "-" and toks[j + 1].start == t.end:
            j += 1  # "de 71-jarige Truus Meijer"
            continue
        if t.text == "(" and j + 2 < n and toks[j + 2].text == ")":
            j += 3  # (VN)
            continue
        if t.is_word and not t.text[0].isupper() and not _is_function_word(t, lang):
            # lowercase words count when a role, an organisation or a name follows soon
            ahead = next(
                (
                    k
                    for k in range(j, min(j + 4, n))
                    if _role_or_org_end(toks, k, lang) > k or _is_name_token(toks[k])
                ),
                None,
            )
            if ahead is not None and all(
                toks[k].is_word or toks[k].text == "-" for k in range(j, ahead)
            ):
                j = ahead
                continue
        named = any(
            _is_name_token(toks[x]) and not toks[x].low.endswith(lang.adjective_suffixes)
            for x in range(start_content, j)
        )  # "Oekraïense functionarissen" is no name; "KNMI viel" ends at KNMI
        if (
            loose
            and not named
            and t.is_word
            and not _is_function_word(t, lang)
            and j - start_content < 3
        ):
            j += 1  # "het jaarverslag", "ooggetuigen", "the latest census"
            if start_content == i and not (j < n and toks[j].low in lang.name_links):
                break
            continue
        # "van"/"of" + a name: "ministerie van Binnenlandse Zaken", "Bernard Smith van Al Jazeera"
        if t.low in lang.name_links and j > start_content:
            k = j + 1
            while k < n and toks[k].low in lang.role_leads:
                k += 1
            if k < n and (_is_name_token(toks[k]) or _role_or_org_end(toks, k, lang) > k):
                j = k
                continue
        break
    if j == start_content:
        return None
    return (i, j)


def split_role(text: str, lang: Lang) -> tuple[str, str | None, bool]:
    """(name, role, is_person) of a source phrase.

    >>> split_role("de Oekraïense president Volodimir Zelensky", data_for("nl"))
    ('Volodimir Zelensky', 'Oekraïense president', True)
    >>> split_role("het ministerie van Binnenlandse Zaken", data_for("nl"))
    ('ministerie van Binnenlandse Zaken', None, False)
    >>> split_role("Mayor Anna de Vries", data_for("en"))
    ('Anna de Vries', 'Mayor', True)
    """
    toks = tokenize(text)
    if not toks:
        return text, None, False
    # "Al Jazeera's Bernard Smith": what stands before a possessive is an affiliation
    poss = [x for x, t in enumerate(toks[:-1]) if t.is_word and t.low.endswith(lang.possessives)]
    if poss and any(_is_name_token(t) for t in toks[poss[-1] + 1 :]):
        rest = text[toks[poss[-1] + 1].start - toks[0].start :]
        return split_role(rest, lang)
    k = 1 if toks[0].low in lang.role_leads and len(toks) > 1 else 0
    body = text[toks[k].start :]
    role_mask = [False] * len(toks)
    org_at = -1
    j = k
    while j < len(toks):
        o = _phrase_in(toks, j, lang.organisations)
        r = _phrase_in(toks, j, lang.roles)
        if r > j and r >= o:
            m = j
            # capitalised adjectives and compounds before a role: "Oekraïense president"
            while m > k and (
                toks[m - 1].text == "-"
                or (_is_name_token(toks[m - 1]) and (m - 1 == k or not _is_name_token(toks[m - 2])))
            ):
                m -= 1
            for x in range(m, r):
                role_mask[x] = True
            j = r
            continue
        if o > j:
            if org_at < 0:
                org_at = j
            j = o
            continue
        j += 1
    runs: list[tuple[int, int]] = []
    j = k
    while j < len(toks):
        if _is_name_token(toks[j]) and not role_mask[j]:
            e = j + 1
            while e < len(toks):
                if _is_name_token(toks[e]) and not role_mask[e]:
                    e += 1
                elif (
                    toks[e].low in lang.name_links
                    and toks[e].low not in lang.org_links
                    and e + 1 < len(toks)
                    and _is_name_token(toks[e + 1])
                    and not role_mask[e + 1]
                    and not (e + 2 < len(toks) and _is_name_token(toks[e + 2]))
                ):
                    e += 1  # "Anna de Vries", "Pieter van Dam"; not "Smith van Al Jazeera"
                elif toks[e].text == "." and toks[e - 1].low in lang.abbreviations:
                    e += 1
                else:
                    break
            runs.append((j, e))
            j = e
        else:
            j += 1
    first_role = next((x for x in range(k, len(toks)) if role_mask[x]), None)
    after_role = [r for r in runs if first_role is not None and r[0] > first_role]
    person_run = (
        after_role[0]
        if after_role
        else next((r for r in runs if org_at < 0 or r[0] < org_at), None)
    )
    org_end = _phrase_in(toks, org_at, lang.organisations) if org_at >= 0 else -1
    if org_at == k and (
        person_run is None or (org_end < len(toks) and toks[org_end].low in lang.name_links)
    ):
        return body, None, False  # "het bureau van de president ...": the office speaks
    last = toks[-1]
    if person_run is not None and last.is_word and not last.text[0].isupper() and not role_mask[-1]:
        return body, None, False  # "Oekraïense functionarissen": a description, not a name
    has_role = any(role_mask)
    if org_at >= 0 and (person_run is None or not has_role):
        return body, None, False
    if person_run is None:
        return body, body if has_role else None, has_role
    n0, n1 = person_run
    # drop a leading title abbreviation ("Dr. Nadia Rahman" -> "Nadia Rahman")
    while n1 - n0 > 2 and toks[n0].low in lang.abbreviations and toks[n0 + 1].text == ".":
        n0 += 2
    name = text[toks[n0].start : toks[n1 - 1].end]
    masked = [x for x in range(k, len(toks)) if role_mask[x]]
    role = text[toks[masked[0]].start : toks[masked[-1]].end].strip(" -,") if masked else None
    return name, role or None, True


def _plain_subject(toks: list[Tok], cs: int, end: int, lang: Lang) -> tuple[int, int] | None:
    """A short clause-initial phrase as subject: "De twee bestuurders", "The study"."""
    if end <= cs or end - cs > 6:
        return None
    first = toks[cs]
    if not first.is_word or (first.low not in lang.role_leads and not first.text[0].isupper()):
        return None
    if first.low not in lang.role_leads and _is_function_word(first, lang):
        return None
    if parse_word(first.low, lang) is not None or first.is_digits:
        return None  # "Seventy of them have been declared"
    if end - cs == 1 and first.low in lang.role_leads:
        return None  # "The said property"
    for k in range(cs, end):
        t = toks[k]
        if not (t.is_word or t.is_digits or t.text in "-.") or t.low in lang.speech_verbs:
            return None
        if k > cs and (t.low in lang.complementizers or t.low in lang.auxiliaries):
            return None  # "The restructuring is expected": no speaker
    return (cs, end)


def _with_named_apposition(toks: list[Tok], src: tuple[int, int], lang: Lang) -> tuple[int, int]:
    """Extend a nameless source over an apposition that names it.

    "the opposition leader, Marcus Obi, told" / "de advocaat van de verdachte, Mirjam Dekker."
    """
    i, j = src
    if (
        any(_is_name_token(toks[k]) for k in range(i, j))
        or j + 1 >= len(toks)
        or toks[j].text != ","
    ):
        return src
    k = j + 1
    while k < len(toks) and (_is_name_token(toks[k]) or toks[k].low in lang.name_links):
        k += 1
    if k > j + 1 and _is_name_token(toks[k - 1]) and (k == len(toks) or not toks[k].is_word):
        return (i, k)
    return src


def _subject_before(toks: list[Tok], i: int, lang: Lang) -> tuple[int, int] | None:
    """The subject of the cue verb at ``toks[i]``.

    Allows two small words between subject and verb ("heeft gisteren
    bekendgemaakt") and an apposition between commas ("Jonathan Reyes, the
    chief executive of Kestrel Energy, said").
    """
    cs = _clause_start(toks, i, lang)
    if cs >= i or toks[i - 1].low in lang.role_leads:
        return None  # "the said property": an adjective, not a verb
    src = read_source(toks, cs, lang, limit=i)
    if src is None:
        comma = next((k for k in range(cs, i) if toks[k].text == ","), None)
        if comma is not None:
            src = _plain_subject(toks, cs, comma, lang)  # "The defendant, 42, denied"
    if src is not None:
        gap = toks[src[1] : i]
        if not gap:
            return src
        if len(gap) <= 2 and all(t.is_word and not _is_name_token(t) for t in gap):
            return src
        if (
            gap[0].text == ","
            and _phrase_in(toks, src[1] + 1, lang.roles) > src[1] + 1
            and not any(t.low in lang.speech_verbs or t.text in ",;" for t in gap[1:])
        ):
            return src  # "Filippo Grandi, hoge commissaris voor vluchtelingen van de VN vertelde"
        if gap[0].text == "," and "," in [t.text for t in gap[1:]]:
            last = max(k for k, t in enumerate(gap) if t.text == ",")
            if len(gap) - last - 1 <= 2 and not any(t.low in lang.speech_verbs for t in gap):
                return _with_named_apposition(toks, src, lang)
    # a lowercase subject phrase ends right before the verb, maybe after one small word
    for end in (i, i - 1, i - 2):
        plain = _plain_subject(toks, cs, end, lang)
        if plain is not None and all(
            toks[k].is_word and not _is_name_token(toks[k]) for k in range(end, i)
        ):
            return plain
    return None


@dataclass
class Found:
    """An attribution found in a sentence (absolute offsets)."""

    src_start: int
    src_end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    kind: str
    cover: tuple[int, int] | None = None  # the quote or clause it covers


def _verb_at(toks: list[Tok], i: int, lang: Lang) -> tuple[str, int] | None:
    """(kind, end) when ``toks[i]`` starts a speech, according-to or denial cue."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    w = toks[i].low
    if w in lang.denial_verbs:
        return ("denial", i + 1)
    acc = longest_after(toks, i, lang.according_to)
    if acc:
        if acc[1] in lang.according_to_postposed and i > 0 and toks[i - 1].is_word:
            return None  # "besloot aldus": "thus", not "according to"
        return ("according_to", acc[0])
    if w in lang.speech_verbs:
        return ("indirect", i + 1)
    return None


def _clause_start(toks: list[Tok], i: int, lang: Lang) -> int:
    """Where the clause holding ``toks[i]`` starts (after a comma, a quote or a conjunction)."""
    k = i - 1
    while k >= 0:
        t = toks[k]
        if t.text in ';:”“"«»„' or t.low in lang.clause_openers:
            return k + 1
        if t.text == "," and not _comma_inside_apposition(toks, k, i, lang):
            return k + 1
        k -= 1
    return 0


def _comma_inside_apposition(toks: list[Tok], k: int, i: int, lang: Lang) -> bool:
    """True when the comma at ``k`` closes an apposition that follows a name or role.

    "Jonathan Reyes, the chief executive of Kestrel Energy, said": the second
    comma closes the apposition, the first opens it.
    """
    if k > 0 and _is_name_token(toks[k - 1]) and _phrase_in(toks, k + 1, lang.roles) > k + 1:
        return True
    commas = [m for m in range(0, i) if toks[m].text == ","]
    if len(commas) < 2 or k not in commas[-2:] or i - commas[-1] > 3:
        return False
    first = commas[-2]
    return first > 0 and (_is_name_token(toks[first - 1]) or toks[first - 1].is_word)


def find_in_sentence(toks: list[Tok], lang: Lang, quotes: list[Quote]) -> list[Found]:
    """Attribution cues in one sentence's tokens, with their source phrases."""
    out: list[Found] = []
    inside = [any(q.inner_start <= t.start < q.inner_end for q in quotes) for t in toks]
    i = 0
    while i < len(toks):
        if inside[i]:
            i += 1
            continue
        cue = _verb_at(toks, i, lang)
        if cue is None:
            i += 1
            continue
        kind, cue_end = cue
        cue_tok = toks[i]
        if kind == "according_to":
            src = read_source(toks, cue_end, lang, loose=True)
            if src:
                out.append(
                    Found(
                        toks[src[0]].start,
                        toks[src[1] - 1].end,
                        cue_tok.text
                        if cue_end == i + 1
                        else " ".join(t.text for t in toks[i:cue_end]),
                        cue_tok.start,
                        toks[cue_end - 1].end,
                        kind,
                    )
                )
            i = cue_end
            continue
        # the subject before the verb: "X zei", "X heeft gisteren bekendgemaakt", "hoewel Moskou ontkent"
        passive = i > 0 and toks[i - 1].low in lang.passive_auxiliaries
        blocked = passive or (cue_end < len(toks) and toks[cue_end].low in lang.cue_blockers)
        found = None if blocked else _subject_before(toks, i, lang)
        if found is None and not blocked:
            # the source after the verb: ", meldt het KNMI", ", said X", "Na afloop zei X dat"
            after = read_source(toks, cue_end, lang)
            if after is not None:
                after = _with_named_apposition(toks, after, lang)
                nxt = toks[after[1]] if after[1] < len(toks) else None
                if (
                    nxt is None
                    or not nxt.is_word
                    or nxt.low in lang.complementizers
                    or (nxt.low in lang.particles or not _is_name_token(nxt))
                ):
                    found = after
        if found:
            j0, j1 = found
            cue_text = cue_tok.text
            # split verbs: "liet weten", "maakte bekend"
            end_tok = j1 if j1 > i else cue_end
            if end_tok < len(toks) and toks[end_tok].low in lang.particles and j1 > i:
                cue_text += " " + toks[end_tok].text
            out.append(
                Found(
                    toks[j0].start,
                    toks[j1 - 1].end,
                    cue_text.lower(),
                    cue_tok.start,
                    cue_tok.end,
                    kind,
                )
            )
        i = cue_end
    return out


def _speaker_after_quote(text: str, q: Quote, sent_end: int, lang: Lang) -> Found | None:
    """``”, aldus X`` / ``," X said`` / ``,” said X`` right after a quote."""
    tail = text[q.end : sent_end]
    lead = len(tail) - len(tail.lstrip(" ,.!?"))
    if lead == 0 and tail[:1].isalnum():
        return None
    toks = tokenize(tail)
    base = q.end
    k = 0
    while k < len(toks) and toks[k].text in ",.!?":
        k += 1
    cue = _verb_at(toks, k, lang)
    if cue:  # verb first: "aldus X", "zei X", "said X"
        src = read_source(toks, cue[1], lang)
        if src:
            src = _with_named_apposition(toks, src, lang)
            return Found(
                base + toks[src[0]].start,
                base + toks[src[1] - 1].end,
                toks[k].low,
                base + toks[k].start,
                base + toks[k].end,
                "quote",
            )
        return None
    src = read_source(toks, k, lang)
    if src and src[1] < len(toks):
        cue = _verb_at(toks, src[1], lang)
        if cue:
            vt = toks[src[1]]
            return Found(
                base + toks[src[0]].start,
                base + toks[src[1] - 1].end,
                vt.low,
                base + vt.start,
                base + vt.end,
                "quote",
            )
    return None


def _speaker_before_quote(text: str, q: Quote, sent_start: int, lang: Lang) -> Found | None:
    """``X: “…”`` or ``X zei: „…”`` right before a quote."""
    head = text[sent_start : q.start].rstrip()
    if not head.endswith(":"):
        return None
    toks = tokenize(head)
    src = read_source(toks, 0, lang)
    if not src:
        return None
    cue_tok = next((t for t in toks[src[1] :] if t.low in lang.speech_verbs), None)
    return Found(
        sent_start + toks[src[0]].start,
        sent_start + toks[src[1] - 1].end,
        cue_tok.low if cue_tok else ":",
        sent_start + cue_tok.start if cue_tok else sent_start + toks[-1].start,
        sent_start + cue_tok.end if cue_tok else sent_start + toks[-1].end,
        "quote",
    )


def _dash_quote(text: str, s: Sentence) -> Quote | None:
    if s.text[:1] in _DASHES and s.text[1:2] == " ":
        return Quote(s.start, s.end, s.start + 2, s.end)
    return None


def _make(text: str, f: Found, lang: Lang, reg: Registry, base: int = 0) -> Attribution:
    source = text[f.src_start : f.src_end]
    name, role, is_person = split_role(source, lang)
    low = source.lower()
    canonical = name
    if low in lang.pronouns:
        target = reg.last_person()
        canonical = target.name if target else source
        role = target.role if target else None
    else:
        full = reg.by_surname(name) if is_person and " " not in name else None
        if full is not None:
            canonical, role = full.name, role or full.role
        elif is_person and role is not None and name == role:
            hit = reg.by_role(role) or reg.last_person()
            if hit is not None:
                canonical = hit.name
        person = reg.add(canonical, role, is_person)
        if is_person:
            reg.last_speaker = person
            reg.speaker_age = 0
    return Attribution(
        source_type="person" if is_person or low in lang.pronouns else "organisation",
        start=f.src_start,
        end=f.src_end,
        text=source,
        source=source,
        canonical_source=canonical,
        role=role,
        cue=f.cue,
        kind=f.kind,  # type: ignore[arg-type]
        cue_start=f.cue_start,
        cue_end=f.cue_end,
    )


def _register_mentions(text: str, s: Sentence, lang: Lang, reg: Registry) -> None:
    """Remember people named with a role ("de Oekraïense president Volodimir Zelensky")."""
    toks = tokenize(s.text)
    i = 0
    while i < len(toks):
        after_preposition = (
            i > 0
            and _is_function_word(toks[i - 1], lang)
            and (toks[i - 1].low not in lang.role_leads)
        )
        if (
            toks[i].is_word
            and not after_preposition
            and (_is_name_token(toks[i]) or toks[i].low in lang.role_leads)
        ):
            src = read_source(toks, i, lang)
            if src and src[1] - src[0] >= 2:
                phrase = s.text[toks[src[0]].start : toks[src[1] - 1].end]
                for k in range(src[0], src[1]):
                    if toks[k].low.endswith(lang.possessives) and k > src[0]:
                        owner = s.text[toks[src[0]].start : toks[k].end - 2]
                        o_name, o_role, o_person = split_role(owner, lang)
                        if o_person and " " in o_name:
                            reg.add(o_name, o_role, True)  # "Prime Minister Jeroen Baas's party"
                name, role, is_person = split_role(phrase, lang)
                if not is_person:
                    i += 1  # look inside "het bureau van de president Volodimir Zelensky"
                    continue
                nxt = toks[src[1]] if src[1] < len(toks) else None
                opens_sentence = (
                    src[0] == 0
                    and role is None
                    and not (nxt is None or nxt.text in ",:(" or nxt.low in lang.speech_verbs)
                )
                if " " in name and name != role and not opens_sentence:
                    # "Filippo Grandi, hoge commissaris ...": an apposition gives the role
                    if role is None and src[1] < len(toks) and toks[src[1]].text == ",":
                        app = _phrase_in(toks, src[1] + 1, lang.roles)
                        if app > 0:
                            k = app
                            while (
                                k < len(toks)
                                and toks[k].text not in ",.;"
                                and toks[k].low not in lang.speech_verbs
                            ):
                                k += 1
                            role = s.text[toks[src[1] + 1].start : toks[k - 1].end]
                    reg.add(name, role, True)
                i = src[1]
                continue
        i += 1


def find_attributions(
    text: str, sentences: list[Sentence], language: str
) -> list[list[Attribution]]:
    """The attributions of each sentence of a report (one list per sentence)."""
    lang = data_for(language)
    reg = Registry()
    if not sentences:
        return []
    body_start, body_end = sentences[0].start, sentences[-1].end
    quotes = find_quotes(text, body_start, body_end)
    result: list[list[Attribution]] = [[] for _ in sentences]
    quote_speaker: dict[int, Attribution] = {}
    prev_quote_attr: Attribution | None = None
    for idx, s in enumerate(sentences):
        reg.speaker_age += 1
        _register_mentions(text, s, lang, reg)
        toks = tokenize(s.text)
        local = [
            Quote(
                q.start - s.start, q.end - s.start, q.inner_start - s.start, q.inner_end - s.start
            )
            for q in quotes
            if q.start < s.end and q.end > s.start
        ]
        dash = _dash_quote(text, s)
        attrs: list[Attribution] = []
        # 1. direct quotes that end or start in this sentence
        for q in [q for q in quotes if q.start < s.end and q.end > s.start] + (
            [dash] if dash else []
        ):
            key = q.start
            if key in quote_speaker:
                continue
            f = None
            if q.end <= s.end or dash is q:
                if dash is q:
                    comma = s.text.find(", ")
                    if comma > 0:
                        f = _speaker_after_quote(
                            text,
                            Quote(s.start, s.start + comma, s.start + 2, s.start + comma),
                            s.end,
                            lang,
                        )
                else:
                    f = _speaker_after_quote(text, q, s.end, lang)
            if f is None and q.start >= s.start:
                f = _speaker_before_quote(text, q, s.start, lang)
            if f is None and q.end > s.end:
                # the quote runs on: look for its speaker in the sentence where it closes
                for later in sentences[idx + 1 :]:
                    if later.start <= q.end <= later.end + 1:
                        f = _speaker_after_quote(text, q, later.end, lang)
                        break
            if f is None and prev_quote_attr is not None and (q.start == s.start or dash is q):
                quote_speaker[key] = prev_quote_attr  # "“A,” she said. “B.”"
                continue
            if f is not None:
                a = _make(text, f, lang, reg)
                quote_speaker[key] = a
        covering = [
            quote_speaker[q.start]
            for q in quotes
            if q.start < s.end and q.end > s.start and q.start in quote_speaker
        ]
        if dash and dash.start in quote_speaker:
            covering.append(quote_speaker[dash.start])
        for a in covering:
            if a not in attrs:
                attrs.append(a)
        # 2-4. according-to, reported speech and denials outside quotes
        for f in find_in_sentence(toks, lang, local):
            f.src_start += s.start
            f.src_end += s.start
            if f.cue_start is not None and f.cue_end is not None:
                f.cue_start += s.start
                f.cue_end += s.start
            if any(
                a.start <= f.src_start < a.end or f.src_start <= a.start < f.src_end for a in attrs
            ):
                continue
            attrs.append(_make(text, f, lang, reg))
        prev_quote_attr = covering[-1] if covering else None
        result[idx] = attrs
    return result
