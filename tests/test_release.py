"""A release is named by a hash of what readers are shown, so caches never outlive their code."""

from cms.settings.base import source_release


def make_tree(root, files):
    """Write `files` ({relative path: text}) under `root`."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


SOURCES = {
    "articles/models.py": "x = 1\n",
    "templates/pages/article_page.html": "<h1>{{ page.title }}</h1>\n",
    "static/css/site.css": "body { color: black; }\n",
    "locale/zh_Hans/LC_MESSAGES/django.po": 'msgid "News"\nmsgstr "新闻"\n',
}


def test_the_same_sources_make_the_same_release(tmp_path):
    make_tree(tmp_path / "a", SOURCES)
    make_tree(tmp_path / "b", SOURCES)
    assert source_release(tmp_path / "a") == source_release(tmp_path / "b")


def test_a_changed_template_style_or_translation_makes_a_new_release(tmp_path):
    make_tree(tmp_path, SOURCES)
    before = source_release(tmp_path)
    for name, text in [
        ("templates/pages/article_page.html", "<h2>{{ page.title }}</h2>\n"),
        ("static/css/site.css", "body { color: navy; }\n"),
        ("locale/zh_Hans/LC_MESSAGES/django.po", 'msgid "News"\nmsgstr "资讯"\n'),
    ]:
        make_tree(tmp_path, {name: text})
        after = source_release(tmp_path)
        assert after != before, name
        before = after


def test_tests_dependencies_and_build_output_are_no_part_of_it(tmp_path):
    make_tree(tmp_path, SOURCES)
    before = source_release(tmp_path)
    make_tree(
        tmp_path,
        {
            "tests/test_pages.py": "assert True\n",
            "node_modules/axe-core/axe.js": "//\n",
            "staticfiles/css/site.1234.css": "body {}\n",
            ".venv/lib/site.py": "\n",
            "articles/__pycache__/models.cpython-311.pyc": "\n",
            "README.md": "# docs\n",
        },
    )
    assert source_release(tmp_path) == before
