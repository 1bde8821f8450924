"""Writing SVG by hand, safely: every text and attribute value goes
through escape(), so a plan's titles and ids are drawn as text."""

from __future__ import annotations

from html import escape as _escape
from typing import Dict, List, Union

Number = Union[int, float]


def escape(text: object) -> str:
    return _escape(str(text), quote=True)


def attributes(attrs: Dict[str, object]) -> str:
    # Python names cannot hold "-": stroke_width is written stroke-width.
    return "".join(' %s="%s"' % (name.rstrip("_").replace("_", "-"), escape(value))
                   for name, value in attrs.items())


def element(name: str, content: str = "", **attrs: object) -> str:
    if not content:
        return "<%s%s/>" % (name, attributes(attrs))
    return "<%s%s>%s</%s>" % (name, attributes(attrs), content, name)


def text(x: Number, y: Number, words: str, **attrs: object) -> str:
    return element("text", escape(words), x=x, y=y, **attrs)


def title(words: str) -> str:
    """A tooltip for the enclosing element."""
    return element("title", escape(words))


def document(width: Number, height: Number, parts: List[str], label: str) -> str:
    return element("svg", "".join(parts), xmlns="http://www.w3.org/2000/svg",
                   width=width, height=height, viewBox="0 0 %s %s" % (width, height),
                   role="img", aria_label=label, font_family="sans-serif", font_size=12)
