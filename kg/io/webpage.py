"""The article of an HTML page: title, publication date, URL and body text.

``lxml`` is imported inside :func:`read_page`, so importing this module is cheap.
"""

from __future__ import annotations

from typing import NamedTuple

from kg.errors import InputError
from kg.io.dateline import normalise_iso_date

#: Elements whose text is never article text.
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer")
#: Elements that start a new paragraph of the extracted text.
BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
])


class Page(NamedTuple):
    """What :func:`read_page` finds in a page; ``text`` is never empty."""

    text: str
    title: str | None
    date: str | None
    url: str | None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _blocks(element: object) -> list[str]:
    """The text of ``element`` split into blocks at block-level tags, whitespace squashed."""
    parts: list[list[str]] = [[]]

    def walk(node: object) -> None:
        tag = getattr(node, "tag", None)
        if not isinstance(tag, str):  # comments and processing instructions
            return
        block = tag.lower() in BLOCK_TAGS
        if block and parts[-1]:
            parts.append([])
        if getattr(node, "text", None):
            parts[-1].append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts[-1].append(child.tail)
        if block and parts[-1]:
            parts.append([])

    walk(element)
    return [squashed for part in parts if (squashed := _squash("".join(part)))]


def read_page(content: str, *, source: str) -> Page:
    """The article of the HTML page ``content``; :class:`InputError` if there is none.

    The title is the ``<title>`` (else the first ``<h1>``), the date the
    ``article:published_time`` meta tag (else the first ``<time datetime>``),
    the URL the canonical link (else ``og:url``). The text is the first
    ``<article>`` (else the ``<body>``) without scripts, styles, navigation and
    footers, one paragraph per block, paragraphs separated by blank lines.
    """
    from lxml import etree, html  # lazy: keeps ``kg --help`` fast

    try:
        parser = html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = html.document_fromstring(content.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise InputError(f"cannot parse HTML ({exc}); check the file is a web page",
                         source=source) from None
    title = None
    for path in ("//title", "//h1"):
        found = root.xpath(path)
        if found and (title := _squash(found[0].text_content())):
            break
    date = None
    for path in ('//meta[@property="article:published_time"]/@content', "//time/@datetime"):
        date = next((iso for value in root.xpath(path) if (iso := normalise_iso_date(value))),
                    None)
        if date:
            break
    urls = root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    url = (str(urls[0]).strip() or None) if urls else None
    for element in root.xpath("//" + " | //".join(DROPPED_TAGS)):
        element.drop_tree()
    bodies = root.xpath("//article") or root.xpath("//body") or [root]
    text = "\n\n".join(_blocks(bodies[0]))
    if not text:
        raise InputError("no text in the HTML body; give a page with the article text",
                         source=source)
    return Page(text=text, title=title or None, date=date, url=url)
