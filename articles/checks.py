"""Startup checks that the taggit/modelcluster internals the article tags extend are still there."""

import inspect

from django.core import checks
from modelcluster.contrib import taggit as cluster_taggit


@checks.register()
def check_tag_manager(app_configs, **kwargs):
    """Fail loudly when an upgrade changes the method _ArticleTagsManager overrides."""
    # taggit defines it; modelcluster's manager inherits it.
    manager = getattr(cluster_taggit, "_ClusterTaggableManager", None)
    method = getattr(manager, "_to_tag_model_instances", None)
    if method is not None and list(inspect.signature(method).parameters) == [
        "self",
        "tags",
        "tag_kwargs",
    ]:
        return []
    return [
        checks.Error(
            "modelcluster's _ClusterTaggableManager no longer has _to_tag_model_instances"
            "(self, tags, tag_kwargs), which articles.models._ArticleTagsManager overrides.",
            hint="Read the new taggit.managers and modelcluster.contrib.taggit, then update "
            "_ArticleTagsManager.",
            id="articles.E001",
        )
    ]
