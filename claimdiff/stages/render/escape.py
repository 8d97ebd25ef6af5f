"""Make text from a report safe inside Markdown: no HTML, no links or images, no broken tables.

Text from a report (sentences, names, headers, file names) is data, never
markup. ``md_inline`` escapes it for a line or a table cell: HTML and comments
become entities, Markdown punctuation is backslash-escaped (links, images,
emphasis, code, strikethrough, math, table pipes), raw URLs and e-mail
addresses are kept from turning into links (and ``@name`` from mentioning
someone on GitHub), line breaks become spaces and control characters (also
the bidirectional overrides of "Trojan Source") become U+FFFD.

>>> print(md_inline("<b>Hi</b> | [x](http://e.vil) ![i](y) *z*"))
&lt;b&gt;Hi&lt;/b&gt; \\| \\[x\\](http:&#47;&#47;e.vil) !\\[i\\](y) \\*z\\*
>>> print(md_inline("costs $5 or <!-- x --> `rm` a@b.nl\\n\\n# not a heading"))
costs \\$5 or &lt;!-- x --&gt; \\`rm\\` a@\u2060b.nl # not a heading
>>> md_inline("  reeds  ")
' reeds '
>>> md_code("seed_nl.txt:5"), md_code("a`b|c.txt")
('`seed_nl.txt:5`', 'a\\\\`b\\\\|c.txt')
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$])")
_WHITESPACE = re.compile(r"\s+")
# C0 and C1 controls left after whitespace is collapsed, and bidi embeddings,
# overrides and isolates, which reorder what a reader sees.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CODE_UNSAFE = re.compile(r"[`|\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def md_inline(text: str) -> str:
    """Escape text for use inside a Markdown line or table cell.

    Runs of whitespace (line breaks included) become one space; a leading or
    trailing one is kept, so pieces of a sentence join as they were.
    """
    text = _WHITESPACE.sub(" ", text)
    text = _CONTROL.sub("\ufffd", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("://", ":&#47;&#47;")  # no autolinks
    text = re.sub(r"(?i)\bwww\.", "www&#46;", text)
    # No e-mail autolinks or @mentions: a word joiner after the @ (invisible).
    return re.sub(r"@(?=\w)", "@\u2060", text)


def md_code(text: str) -> str:
    """``text`` as an inline code span (a file name, ``file:line``) when that is safe.

    A backtick or a pipe could close the span or split a table cell, and a
    control character has no place in it: such text is escaped with
    ``md_inline`` instead of quoted.
    """
    if text and not _CODE_UNSAFE.search(text) and text.strip() == text:
        return f"`{text}`"
    return md_inline(text)
