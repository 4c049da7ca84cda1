"""Repair stored article bodies whose rich text breaks a page or holds what its block refuses."""

import copy
import json

from django.core.management.base import BaseCommand
from wagtail import blocks
from wagtail.fields import StreamField

from articles.blocks.rich_text import RichTextCheck, StrictRichTextBlock
from articles.models import ArticlePage


def repair(block, raw, removed):
    """`raw` block data with broken rich-text elements removed; their tags go to `removed`."""
    if isinstance(block, StrictRichTextBlock):
        html, gone = RichTextCheck(raw, block.features).repaired()
        removed.extend(gone)
        return html
    if isinstance(block, blocks.StreamBlock):
        for item in raw or []:
            if item.get("type") in block.child_blocks:
                item["value"] = repair(block.child_blocks[item["type"]], item["value"], removed)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw:
                raw[name] = repair(child, raw[name], removed)
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(raw or []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item["value"] = repair(block.child_block, item["value"], removed)
            else:
                raw[index] = repair(block.child_block, item, removed)
    return raw


class Command(BaseCommand):
    help = (
        "Unwrap links to missing pages or documents, drop missing images and markup a block "
        "does not offer from article bodies (live and latest draft). Safe to run again."
    )

    def handle(self, *args, **options):
        fields = [f for f in ArticlePage._meta.concrete_fields if isinstance(f, StreamField)]
        repaired = 0
        for page in ArticlePage.objects.order_by("pk"):
            for field in fields:
                stream = getattr(page, field.attname)
                if stream is None:
                    continue
                removed = []
                raw = repair(field.stream_block, copy.deepcopy(list(stream.raw_data)), removed)
                if removed:
                    ArticlePage.objects.filter(pk=page.pk).update(
                        **{field.attname: field.to_python(raw)}
                    )
                    repaired += self.report(page, field.attname, "live", removed)
            repaired += self.repair_revision(page, fields)
        if not repaired:
            self.stdout.write("Nothing to repair.")

    def repair_revision(self, page, fields):
        """Repair the page's latest revision, which the editor opens; the number of fixes."""
        revision = page.latest_revision
        if revision is None:
            return 0
        fixes = 0
        for field in fields:
            stored = revision.content.get(field.attname)
            if not stored:
                continue
            removed = []
            raw = repair(field.stream_block, json.loads(stored), removed)
            if removed:
                revision.content[field.attname] = json.dumps(raw)
                fixes += self.report(page, field.attname, "draft", removed)
        if fixes:
            revision.save(update_fields=["content"])
        return fixes

    def report(self, page, name, where, removed):
        """Print what was removed from one field; the number of elements removed."""
        self.stdout.write(f"Page {page.pk} {name} ({where}): removed {' '.join(removed)}")
        return len(removed)
