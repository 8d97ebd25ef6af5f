"""Source phrases: who a cue verb or "volgens"/"according to" points at, and what the name is.

``read_source`` reads the noun phrase of a source (``de Oekraïense president
Volodimir Zelensky``, ``the regional water board``); ``split_role`` splits it
into name and role; ``_subject_before`` finds the subject of a cue verb,
appositions included. The words they rely on come from the language files.
"""

from __future__ import annotations

from claimdiff.lang import Lang
from claimdiff.stages.extract.numerals import parse_word
from claimdiff.stages.segment.tokens import Tok, longest_after, tokenize

MAX_SOURCE_TOKENS = 14


def _is_name_token(t: Tok, lang: Lang) -> bool:
    """A word that can be (part of) a name, by the language's capitalisation rules."""
    return t.is_word and lang.is_name_word(t.text)


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
        if (
            _is_name_token(t, lang)
            and t.low not in lang.speech_verbs
            and not _is_function_word(t, lang)
        ):
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
        if t.is_word and not _is_name_token(t, lang) and not _is_function_word(t, lang):
            # lowercase words count when a role, an organisation or a name follows soon
            ahead = next(
                (
                    k
                    for k in range(j, min(j + 4, n))
                    if _role_or_org_end(toks, k, lang) > k or _is_name_token(toks[k], lang)
                ),
                None,
            )
            if ahead is not None and all(
                toks[k].is_word or toks[k].text == "-" for k in range(j, ahead)
            ):
                j = ahead
                continue
        named = any(
            _is_name_token(toks[x], lang) and not toks[x].low.endswith(lang.adjective_suffixes)
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
            if k < n and (_is_name_token(toks[k], lang) or _role_or_org_end(toks, k, lang) > k):
                j = k
                continue
        break
    if j == start_content:
        return None
    return (i, j)


def split_role(text: str, lang: Lang) -> tuple[str, str | None, bool]:
    """(name, role, is_person) of a source phrase.

    >>> from claimdiff.lang import data_for
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
    if poss and any(_is_name_token(t, lang) for t in toks[poss[-1] + 1 :]):
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
                or (
                    _is_name_token(toks[m - 1], lang)
                    and (m - 1 == k or not _is_name_token(toks[m - 2], lang))
                )
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
        if _is_name_token(toks[j], lang) and not role_mask[j]:
            e = j + 1
            while e < len(toks):
                if _is_name_token(toks[e], lang) and not role_mask[e]:
                    e += 1
                elif (
                    toks[e].low in lang.name_links
                    and toks[e].low not in lang.org_links
                    and e + 1 < len(toks)
                    and _is_name_token(toks[e + 1], lang)
                    and not role_mask[e + 1]
                    and not (e + 2 < len(toks) and _is_name_token(toks[e + 2], lang))
                ):
                    e += 1  # "Anna de Vries", "Pieter van Dam"; not "Smith van Al Jazeera"
                elif toks[e].text == "." and toks[e - 1].low in lang.abbreviations:
                    e += 1
                elif _glued_part(toks, e):
                    e += 2  # "Gert-Jan", "Strauss-Kahn", "Z-CERT": one name
                elif _initial(toks, e) and e + 1 < len(toks) and _is_name_token(toks[e + 1], lang):
                    e += 1  # "Robert J Pickell"
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
    if (
        person_run is not None
        and last.is_word
        and not _is_name_token(last, lang)
        and not role_mask[-1]
    ):
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


def _glued_part(toks: list[Tok], e: int) -> bool:
    """``toks[e]`` is a hyphen glued between two words: the second half of one name."""
    return (
        toks[e].text == "-"
        and e + 1 < len(toks)
        and toks[e].start == toks[e - 1].end
        and toks[e + 1].start == toks[e].end
        and toks[e + 1].is_word
    )


def _initial(toks: list[Tok], e: int) -> bool:
    """A lone capital letter inside a name ("Robert J Pickell")."""
    t = toks[e]
    return t.is_word and len(t.text) == 1 and t.text.isupper()


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
        any(_is_name_token(toks[k], lang) for k in range(i, j))
        or j + 1 >= len(toks)
        or toks[j].text != ","
    ):
        return src
    k = j + 1
    while k < len(toks) and (_is_name_token(toks[k], lang) or toks[k].low in lang.name_links):
        k += 1
    if k > j + 1 and _is_name_token(toks[k - 1], lang) and (k == len(toks) or not toks[k].is_word):
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
        if len(gap) <= 2 and all(t.is_word and not _is_name_token(t, lang) for t in gap):
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
            toks[k].is_word and not _is_name_token(toks[k], lang) for k in range(end, i)
        ):
            return plain
    return None


def _clause_start(toks: list[Tok], i: int, lang: Lang) -> int:
    """Where the clause holding ``toks[i]`` starts (after a comma, a quote or a conjunction)."""
    k = i - 1
    while k >= 0:
        t = toks[k]
        if t.text in ";:" or t.text in lang.quote_marks or t.low in lang.clause_openers:
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
    if k > 0 and _is_name_token(toks[k - 1], lang) and _phrase_in(toks, k + 1, lang.roles) > k + 1:
        return True
    commas = [m for m in range(0, i) if toks[m].text == ","]
    if len(commas) < 2 or k not in commas[-2:] or i - commas[-1] > 3:
        return False
    first = commas[-2]
    return first > 0 and (_is_name_token(toks[first - 1], lang) or toks[first - 1].is_word)
