"""Helpers shared by the article body's block families."""

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ValidatingStructBlock(blocks.StructBlock):
    """A StructBlock whose cross-field rules live in `validate()`, reported with field errors."""

    def validate(self, value):
        """{field name: error or None} for rules beyond single fields; failed fields are absent."""
        return {}

    def clean(self, value):
        # The rules run even when some fields failed, so the editor sees every problem at once.
        try:
            cleaned, errors, non_block_errors = super().clean(value), {}, None
        except StructBlockValidationError as error:
            errors, non_block_errors = dict(error.block_errors), error.non_block_errors
            # The fields that passed, cleaned again for the rules; the failed ones are absent.
            cleaned = self._to_struct_value(
                [
                    (name, self.child_blocks[name].clean(raw))
                    for name, raw in value.items()
                    if name not in errors
                ]
            )
        for name, error in self.validate(cleaned).items():
            if error and name not in errors:
                errors[name] = error
        if errors or non_block_errors:
            raise StructBlockValidationError(block_errors=errors, non_block_errors=non_block_errors)
        return cleaned


# The page's title is the h1; the body's outline starts below it.
PAGE_TITLE_LEVEL = 1
MAX_HEADING_LEVEL = 6


class HeadedBlockMixin:
    """A block whose template prints its heading at `heading_level`, sub-headings one below."""

    # True: the block starts a section of the body at requested_level(); False: it is a card,
    # titled inside the section it is in.
    opens_section = False

    def requested_level(self, value):
        """The level the block's heading asks for: a top-level section's."""
        return PAGE_TITLE_LEVEL + 1

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Outside a body (an admin preview) the block heads a top-level section.
        level = context.get("heading_level") or self.requested_level(value)
        context["heading_level"] = level
        context["subheading_level"] = min(level + 1, MAX_HEADING_LEVEL)
        return context
