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

from claimdiff.lang import Lang, data_for
from claimdiff.models import Attribution
from claimdiff.stages.extract.sources import (
    _is_function_word,
    _is_name_token,
    _phrase_in,
    _subject_before,
    _with_named_apposition,
    read_source,
    split_role,
)
from claimdiff.stages.segment.quotes import Quote, dash_quote, find_quotes
from claimdiff.stages.segment.sentences import Sentence
from claimdiff.stages.segment.tokens import Tok, longest_after, tokenize


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
                    or (nxt.low in lang.particles or not _is_name_token(nxt, lang))
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
        source=name,
        canonical_source=canonical,
        named=any(lang.is_name_word(w) for w in canonical.split()),
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
            and (_is_name_token(toks[i], lang) or toks[i].low in lang.role_leads)
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
    quotes = find_quotes(text, body_start, body_end, lang)
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
        dash = dash_quote(s, lang)
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
