"""Admin forms for articles and their tags."""

from django.utils.translation import gettext_lazy as _

from common.admin_forms import StaleEditCheckedModelForm
from translations.forms import TranslatedPageForm

BAD_TAG_SLUG = _("Use only letters, digits, hyphens and underscores in the slug, without spaces.")


class ArticlePageForm(TranslatedPageForm):
    """Article form that checks publishing rules only when the editor publishes or submits."""

    def _post_clean(self):
        # A draft may lack what publishing needs (e.g. an English disclaimer); the model's
        # clean() reads this flag.
        self.instance.defer_publishing_checks = bool(self.is_deferred_validation)
        super()._post_clean()


class ArticleTagForm(StaleEditCheckedModelForm):
    """A tag's names and slug, refusing a slug its page's address could not carry."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].error_messages["invalid"] = BAD_TAG_SLUG
