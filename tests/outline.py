"""The heading outline of a rendered page, and the places where it skips a level."""

import itertools
from html.parser import HTMLParser

HEADINGS = {f"h{level}": level for level in range(1, 7)}


class Outline(HTMLParser):
    """The (level, text) of every h1–h6 of an HTML document, in order."""

    def __init__(self, html):
        super().__init__()
        self.headings = []
        self._open = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            self._open = [HEADINGS[tag], ""]

    def handle_endtag(self, tag):
        if tag in HEADINGS and self._open:
            self.headings.append((self._open[0], " ".join(self._open[1].split())))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    @property
    def levels(self):
        return [level for level, _text in self.headings]

    def skips(self):
        """Each heading that goes more than one level below the one before, with that one."""
        return [
            (before, after)
            for before, after in itertools.pairwise([(0, ""), *self.headings])
            if after[0] > before[0] + 1
        ]
