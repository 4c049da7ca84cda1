"""How registry records' lists read in the public API (cms.api), in the active language."""

from rest_framework import serializers


class AuthorSerializer(serializers.Serializer):
    """One author in byline order: family and given names, and the name as cited."""

    family = serializers.CharField(read_only=True)
    given = serializers.CharField(read_only=True)
    citation_name = serializers.CharField(read_only=True)


def text_list(source=None):
    """A list of texts: the lines of a text field, the values of a list of choices."""
    return serializers.ListField(child=serializers.CharField(), source=source, read_only=True)
