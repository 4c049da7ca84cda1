"""What an editor reads on an admin screen: its text and the labels of its controls."""

import html
import re
from html.parser import HTMLParser

# Attributes whose text is shown (as a placeholder, tooltip or to screen readers).
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value")
HIDDEN_ELEMENTS = ("script", "style")


class TextParser(HTMLParser):
    """Collects text nodes and shown attribute values, outside scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_ELEMENTS:
            self.hidden += 1
        attrs = dict(attrs)
        self.chunks += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.chunks.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.chunks.append(" ".join(data.split()))


def shown_text(page_html):
    """The text chunks an editor sees on the page (before any script runs)."""
    parser = TextParser()
    parser.feed(page_html)
    return parser.chunks


def found(phrases, chunks):
    """The phrases that occur as whole words in any of the chunks."""
    return sorted(
        {
            phrase
            for phrase in phrases
            for chunk in chunks
            if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", chunk)
        }
    )


# Wagtail's scripts look their strings up by the English text: keys, not shown.
JSON_KEY_RE = re.compile(r'"[^"]*"\s*:')


def raw_text(page_html):
    """The whole page, entities decoded and JSON keys left out: also what scripts will render."""
    return JSON_KEY_RE.sub("", html.unescape(page_html))
