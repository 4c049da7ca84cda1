"""The renditions the templates show, made ahead of readers: when an image is saved or published.

The one list of them is read from the templates themselves (every `{% picture %}` and
`{% srcset_image %}`), so a template that changes a size changes what is made in advance.
"""

import functools
from pathlib import Path

from django.template import engines
from django.template.loader import get_template
from django.template.utils import get_app_template_dirs
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode

# Only templates naming one of these tags are compiled to read their specs.
RESPONSIVE_TAGS = ("{% picture ", "{% srcset_image ")


def template_dirs():
    """The project's and the apps' template directories (those of the Django engine)."""
    return [Path(path) for path in engines["django"].engine.dirs] + [
        Path(path) for path in get_app_template_dirs("templates")
    ]


def responsive_templates():
    """The names of the templates showing responsive images."""
    names = set()
    for directory in template_dirs():
        for path in directory.rglob("*.html"):
            if any(tag in path.read_text(encoding="utf-8") for tag in RESPONSIVE_TAGS):
                names.add(path.relative_to(directory).as_posix())
    return sorted(names)


@functools.cache
def template_specs():
    """Every filter spec the responsive image tags of the templates expand to."""
    specs = set()
    for name in responsive_templates():
        for node in get_template(name).template.nodelist.get_nodes_by_type(SrcsetImageNode):
            specs.update(Filter.expand_spec(node.filter_specs))
    return tuple(sorted(specs))


def make_renditions(image, *extra_specs):
    """Make whichever of the templates' renditions of `image` (and `extra_specs`) are missing.

    A file that cannot be decoded gives placeholders (CustomImage.get_renditions), not an error.
    """
    if image is not None:
        image.get_renditions(*template_specs(), *extra_specs)
