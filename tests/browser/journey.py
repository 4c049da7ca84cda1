"""A journey through the site: each step checked by axe-core at two widths and photographed."""

import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from playwright.sync_api import Page

SCREENSHOTS = settings.BASE_DIR / ".local" / "screenshots"
AXE_SOURCE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"

# Every rule axe knows, experimental ones included; only violations are reported back.
RUN_AXE = """async () => {
    const rules = axe.getRules().map((rule) => rule.ruleId);
    const results = await axe.run(document, {
        runOnly: {type: "rule", values: rules},
        resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((node) => node.target.join(" ")),
    }));
}"""


def slug(text):
    """A file-name-safe form of a step's label."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Journey:
    """The steps of one journey in one browser page, and what they found."""

    page: Page
    folder: object
    violations: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    steps: int = 0

    WIDE = {"width": 1280, "height": 900}
    PHONE = {"width": 390, "height": 844}

    def step(self, label):
        """Check the page as it is with axe at 1280 and 390 px, saving a screenshot at each."""
        self.steps += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self.page.wait_for_load_state("load")
        for viewport in (self.WIDE, self.PHONE):
            self.page.set_viewport_size(viewport)
            width = viewport["width"]
            self.violations += [
                f"{label} at {width} px ({self.page.url}): {v['id']} ({v['impact']}) "
                f"{v['help']}: {', '.join(v['targets'])}"
                for v in self.axe()
            ]
            name = f"{self.steps:02d}-{slug(label)}-{width}.png"
            self.page.screenshot(path=self.folder / name)
        self.page.set_viewport_size(self.WIDE)

    def axe(self):
        """axe-core's violations on the current page."""
        # Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does
        # not restrict; a script tag added to the page would be refused.
        if not self.page.evaluate("typeof axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
        return self.page.evaluate(RUN_AXE)

    def feature_missing(self, feature):
        """Note a feature that is not on this branch yet; the journey goes on without it."""
        self.missing.append(feature)

    def finish(self):
        """Fail on any axe violation; else skip, naming them, if some steps had no feature."""
        assert not self.violations, "axe-core violations:\n" + "\n".join(self.violations)
        if self.missing:
            pytest.skip(
                f"every other step passed ({self.steps} pages checked); not built yet: "
                + "; ".join(self.missing)
            )
