"""How an article's related objects read in the public API (cms.api), in the active language."""

from rest_framework import serializers


class CategorySerializer(serializers.Serializer):
    """A category: its name in the requested language and its slug."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
