"""What machines read: JSON-LD, OpenGraph and Twitter tags, the sitemap and robots.txt."""
