"""Admin form for articles."""

from cms.admin_forms import StaleEditCheckedPageForm


class ArticlePageForm(StaleEditCheckedPageForm):
    """Article form that checks publishing rules only when the editor publishes or submits."""

    def _post_clean(self):
        # A draft may lack what publishing needs (e.g. an English disclaimer); the model's
        # clean() reads this flag.
        self.instance.defer_publishing_checks = bool(self.is_deferred_validation)
        super()._post_clean()
