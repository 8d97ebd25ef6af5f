"""Make text from a report safe inside Markdown: no HTML, no links or images, no broken tables.

>>> print(md_inline("<b>Hi</b> | [x](http://e.vil) ![i](y) *z*"))
&lt;b&gt;Hi&lt;/b&gt; \\| \\[x\\](http:&#47;&#47;e.vil) !\\[i\\](y) \\*z\\*
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md_inline(text: str) -> str:
    """Escape text for use inside a Markdown line or table cell."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("://", ":&#47;&#47;")  # no autolinks
    text = re.sub(r"(?i)\bwww\.", "www&#46;", text)
    return " ".join(text.split())
