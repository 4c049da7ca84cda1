"""How an article's related objects read in the public API (cms.api), in the active language."""

from rest_framework import serializers
from wagtail.images.api.fields import ImageRenditionField

from publisher.models import SiteSettings


class CategorySerializer(serializers.Serializer):
    """A category: its name in the requested language and its slug."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)


class RenditionField(ImageRenditionField):
    """Wagtail's rendition of an image, its full_url on the request's host as in og:image."""

    def to_representation(self, image):
        data = super().to_representation(image)
        if "url" in data:
            # Not the rendition's own full_url, which prefixes WAGTAILADMIN_BASE_URL.
            data["full_url"] = self.context["request"].build_absolute_uri(data["url"])
        return data


class TagNamesField(serializers.Field):
    """The tag names in the active language in order, from the tags prefetched with the articles."""

    def to_representation(self, tags):
        # Wagtail's TagsField orders them in the database: one query per article.
        return sorted(tag.reader_name for tag in tags.all() if tag.reader_name)


class DisclaimerField(serializers.Field):
    """The disclaimer the article shows, the site default being the request's site's."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        return article.displayed_disclaimer(SiteSettings.for_request(self.context["request"]))
