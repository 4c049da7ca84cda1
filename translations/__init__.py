"""Everything about the site's two languages: routing by translated slug, slug rules, URL history,
links between languages, the language-switch views and each page's translation state."""
