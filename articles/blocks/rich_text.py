"""Rich text that holds only the features its field offers and never breaks a page it is on."""

from collections import defaultdict
from html.parser import HTMLParser

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from registry.choices import list_separator

INLINE_FEATURES = ["bold", "italic", "superscript", "subscript", "link"]
PARAGRAPH_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "subscript",
    "superscript",
]

# The stored elements of each feature, as (tag, attribute, value); value None: any value.
BASE_ELEMENTS = (("p", None, None), ("br", None, None))
FEATURE_ELEMENTS = {
    **{level: ((level, None, None),) for level in ("h1", "h2", "h3", "h4", "h5", "h6")},
    "bold": (("b", None, None), ("strong", None, None)),
    "italic": (("i", None, None), ("em", None, None)),
    "ol": (("ol", None, None), ("li", None, None)),
    "ul": (("ul", None, None), ("li", None, None)),
    "hr": (("hr", None, None),),
    "link": (("a", "href", None), ("a", "linktype", "page")),
    "document-link": (("a", "linktype", "document"),),
    "image": (("embed", "embedtype", "image"),),
    "embed": (("embed", "embedtype", "media"),),
    "code": (("code", None, None),),
    "superscript": (("sup", None, None),),
    "subscript": (("sub", None, None),),
    "strikethrough": (("s", None, None),),
    "blockquote": (("blockquote", None, None),),
}
# Every feature Wagtail's editors know: what a post may hold before the field refuses the extra.
KNOWN_FEATURES = tuple(FEATURE_ELEMENTS)
FEATURE_LABELS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _("headings")),
    "bold": _("bold text"),
    "italic": _("italic text"),
    "ol": _("numbered lists"),
    "ul": _("bulleted lists"),
    "hr": _("horizontal rules"),
    "link": _("links"),
    "document-link": _("document links"),
    "image": _("images"),
    "embed": _("embedded media"),
    "code": _("code"),
    "superscript": _("superscript"),
    "subscript": _("subscript"),
    "strikethrough": _("strikethrough"),
    "blockquote": _("block quotes"),
}
UNREADABLE_MESSAGE = _("This rich text could not be read. Reload the page and try again.")
MISSING_MESSAGES = {
    "page": _("A link points to a page that does not exist. Choose the page again."),
    "document": _("A link points to a document that does not exist. Choose the document again."),
    "image": _("An image that does not exist is embedded. Remove it."),
}
# Entities that name a stored object: (element, linktype or embedtype) -> entity kind.
REFERENCE_KINDS = {
    ("a", "page"): "page",
    ("a", "document"): "document",
    ("embed", "image"): "image",
}
MAX_OBJECT_ID = 2**31 - 1


def object_id(value):
    """The object id an entity names, or None when it is not a positive integer a database takes."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
        return number if 0 < number <= MAX_OBJECT_ID else None
    return None


def reference_models():
    """The model each kind of entity refers to."""
    return {"page": Page, "document": get_document_model(), "image": get_image_model()}


class UnreadableInput(str):
    """What the editor widget gives for a post that is not Draftail content; fields refuse it."""

    __slots__ = ()


UNREADABLE = UnreadableInput("")


class UnreadableRichText(RichText):
    """A rich-text block value standing in for an unreadable post, so that clean() refuses it."""

    def __init__(self):
        super().__init__("")


VOID_ELEMENTS = {"br", "embed", "hr", "img"}


class _Element:
    """One start tag of stored rich text, with the entity it refers to, if any."""

    def __init__(self, name, attrs, source):
        self.name, self.attrs, self.source = name, attrs, source
        kind_attr = attrs.get("linktype") or attrs.get("embedtype")
        self.kind = REFERENCE_KINDS.get((name, kind_attr))
        self.id = object_id(attrs.get("id")) if self.kind else None


class _End:
    """The end of the innermost open element (an end tag, or nothing for a void element)."""

    def __init__(self, source=""):
        self.source = source


class _Scanner(HTMLParser):
    """Reads stored rich text into start tags, ends and the text that rebuild it unchanged."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.pieces = []
        self.feed(html or "")
        self.close()

    def handle_starttag(self, tag, attrs):
        self.pieces.append(_Element(tag, dict(attrs), self.get_starttag_text()))
        if tag in VOID_ELEMENTS:
            self.pieces.append(_End())

    def handle_startendtag(self, tag, attrs):
        self.pieces.append(_Element(tag, dict(attrs), self.get_starttag_text()))
        self.pieces.append(_End())

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS:
            self.pieces.append(_End(f"</{tag}>"))

    def handle_data(self, data):
        self.pieces.append(data)

    def handle_entityref(self, name):
        self.pieces.append(f"&{name};")

    def handle_charref(self, name):
        self.pieces.append(f"&#{name};")

    def handle_comment(self, data):
        self.pieces.append(f"<!--{data}-->")

    def elements(self):
        """The start tags, in order."""
        return [piece for piece in self.pieces if isinstance(piece, _Element)]


def matches(element, rules):
    """Whether a stored element is one of the (tag, attribute, value) rules."""
    return any(
        element.name == tag
        and (attr is None or attr in element.attrs)
        and (value is None or element.attrs.get(attr) == value)
        for tag, attr, value in rules
    )


def allows(features, element):
    """Whether rich text with `features` may hold the element."""
    return matches(element, BASE_ELEMENTS) or any(
        matches(element, FEATURE_ELEMENTS.get(feature, ())) for feature in features
    )


def refused_feature(element):
    """The name of the feature an element belongs to, else its tag as '<tag>'."""
    for feature, rules in FEATURE_ELEMENTS.items():
        if matches(element, rules):
            return feature
    return f"<{element.name}>"


def missing_references(elements):
    """The {(kind, id)} of referring elements whose object is not stored (or not an id)."""
    wanted = defaultdict(set)
    for element in elements:
        if element.kind and element.id is not None:
            wanted[element.kind].add(element.id)
    models = reference_models()
    found = {
        (kind, pk)
        for kind, ids in wanted.items()
        for pk in models[kind].objects.filter(pk__in=ids).values_list("pk", flat=True)
    }
    return {(e.kind, e.id) for e in elements if e.kind and (e.kind, e.id) not in found}


class RichTextCheck:
    """What is wrong with stored rich text for a field offering `features`."""

    def __init__(self, html, features):
        self.scanner = _Scanner(html)
        elements = self.scanner.elements()
        self.refused = [e for e in elements if not allows(features, e)]
        self.missing = missing_references([e for e in elements if e not in self.refused])

    def is_broken(self, element):
        """Whether the element goes: its feature is not offered or its object is missing."""
        return element in self.refused or (element.kind, element.id) in self.missing

    def errors(self):
        """The editor's messages, one per kind of problem."""
        messages = []
        labels = []
        for element in self.refused:
            feature = refused_feature(element)
            label = FEATURE_LABELS.get(feature, feature)
            if label not in labels:
                labels.append(label)
        if labels:
            messages.append(
                ValidationError(
                    _("This text cannot hold %(features)s. Remove them and save again."),
                    code="rich_text_feature",
                    params={"features": list_separator().join(str(label) for label in labels)},
                )
            )
        kinds = [kind for kind in MISSING_MESSAGES if kind in {k for k, _id in self.missing}]
        messages.extend(
            ValidationError(MISSING_MESSAGES[kind], code="rich_text_reference") for kind in kinds
        )
        return messages

    def repaired(self):
        """(the HTML without its broken elements, keeping their text; the tags removed)."""
        out, open_broken, removed = [], [], []
        for piece in self.scanner.pieces:
            if isinstance(piece, _Element):
                broken = self.is_broken(piece)
                open_broken.append(broken)
                (removed if broken else out).append(piece.source)
            elif isinstance(piece, _End):
                broken = open_broken.pop() if open_broken else False
                if not broken:
                    out.append(piece.source)
            else:
                out.append(piece)
        return "".join(out), removed


def check_rich_text(html, features):
    """Raise the editor's ValidationError when stored rich text does not fit `features`."""
    errors = RichTextCheck(html, features).errors()
    if errors:
        raise ValidationError(errors)


class StrictRichTextBlock(blocks.RichTextBlock):
    """Rich text with an explicit feature list, enforced on save, and no links to missing pages."""

    def __init__(self, features, **kwargs):
        super().__init__(features=features, **kwargs)

    def value_from_form(self, value):
        if isinstance(value, UnreadableInput):
            return UnreadableRichText()
        return super().value_from_form(value)

    def clean(self, value):
        if isinstance(value, UnreadableRichText):
            raise ValidationError(UNREADABLE_MESSAGE, code="invalid_rich_text")
        value = super().clean(value)
        check_rich_text(value.source, self.features)
        return value


class RichTextFormField(forms.CharField):
    """The admin form field of a RichTextField: its editor's features enforced, links checked."""

    def to_python(self, value):
        if isinstance(value, UnreadableInput):
            raise ValidationError(UNREADABLE_MESSAGE, code="invalid_rich_text")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        check_rich_text(value, self.widget.features)
