"""Text blocks of the article body: headings, paragraphs, quotes and lists."""

import re

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from articles.blocks.rich_text import INLINE_FEATURES, PARAGRAPH_FEATURES, StrictRichTextBlock
from articles.blocks.shared import HeadedBlockMixin

CITATION_RE = re.compile(r"\[(\d{1,3})\]")
TAG_RE = re.compile(r"(<[^>]*>)")


def link_citations(html, reference_count):
    """Link inline "[n]" in rendered HTML text to reference n (outside tags and links)."""
    if not reference_count:
        return html

    def link(match):
        number = int(match.group(1))
        if not 1 <= number <= reference_count:
            return match.group(0)
        return f'<a class="citation-ref" href="#ref-{number}">[{number}]</a>'

    parts = []
    inside_link = False
    for part in TAG_RE.split(str(html)):
        if part.startswith("<"):
            tag = part[1:3].lower()
            if tag in ("a ", "a>"):
                inside_link = True
            elif part[1:4].lower() == "/a>":
                inside_link = False
            parts.append(part)
        else:
            parts.append(part if inside_link else CITATION_RE.sub(link, part))
    # The input is already-rendered, escaped HTML; we only wrap text in <a> elements.
    return mark_safe("".join(parts))  # noqa: S308


class HeadingValue(blocks.StructValue):
    """A heading with the level the editor chose."""

    @property
    def requested_level(self):
        """2 for a section, 3 for a subsection."""
        return 3 if self.get("level") == "h3" else 2


class HeadingBlock(HeadedBlockMixin, blocks.StructBlock):
    """A section heading inside the article body."""

    opens_section = True

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        search_index=False,
    )

    def requested_level(self, value):
        return value.requested_level

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"
        value_class = HeadingValue
        preview_value = {"text": "干细胞治疗抑郁症的作用机制", "level": "h2"}
        description = _("A section (H2) or subsection (H3) heading.")


class ParagraphBlock(StrictRichTextBlock):
    """Rich text whose inline "[1]" citations link to the numbered reference list."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["html"] = link_citations(value.__html__(), context.get("reference_count", 0))
        return context

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/streamfield/blocks/paragraph_block.html"
        preview_value = "<p>重度抑郁症 (MDD) 是一种普遍且致残的精神疾病[1]。</p>"
        description = _("Text with links and lists; an inline [1] links to the first reference.")


class QuoteValue(blocks.StructValue):
    """A quote or callout with its display element."""

    @property
    def is_callout(self):
        """Whether it is shown as a highlighted aside rather than a quotation."""
        return self.get("style") == "callout"


class QuoteBlock(blocks.StructBlock):
    """A pull quote or a highlighted callout."""

    text = StrictRichTextBlock(label=_("Text"), features=INLINE_FEATURES)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("quote", _("Quote")), ("callout", _("Callout"))],
        default="quote",
        search_index=False,
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or callout")
        template = "components/streamfield/blocks/quote_block.html"
        value_class = QuoteValue
        preview_value = {
            "text": "<p>干细胞疗法代表了一种令人信服的创新抑郁症治疗方法。</p>",
            "style": "callout",
        }
        description = _("A quotation with its source, or a highlighted key point.")


class BulletListValue(blocks.StructValue):
    """A list with the HTML element that fits it."""

    @property
    def tag(self):
        """'ol' for a numbered list, 'ul' otherwise."""
        return "ol" if self.get("ordered") else "ul"


class BulletListBlock(blocks.StructBlock):
    """A bulleted or numbered list of short rich-text items."""

    ordered = blocks.BooleanBlock(label=_("Numbered"), required=False, default=False)
    items = blocks.ListBlock(
        StrictRichTextBlock(features=INLINE_FEATURES), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "components/streamfield/blocks/list_block.html"
        value_class = BulletListValue
        preview_value = {"ordered": False, "items": ["<p>避免首过代谢;</p>", "<p>可重复给药;</p>"]}
        description = _("A bulleted or numbered list of short items.")
