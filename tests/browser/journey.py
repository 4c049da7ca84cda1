"""A journey through the site: each step checked by axe-core at two widths and photographed."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

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
    steps: int = 0

    WIDE = {"width": 1280, "height": 900}
    PHONE = {"width": 390, "height": 844}

    def step(self, label, *, check=True, frame=None):
        """Photograph the page at 1280 and 390 px; if `check`, axe checks it (or `frame()`)."""
        self.steps += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self.page.wait_for_load_state("load")
        for viewport in (self.WIDE, self.PHONE):
            self.page.set_viewport_size(viewport)
            width = viewport["width"]
            found = self.axe_in(frame or (lambda: self.page)) if check else []
            self.violations += [
                f"{label} at {width} px ({self.page.url}): {v['id']} ({v['impact']}) "
                f"{v['help']}: {', '.join(v['targets'])}"
                for v in found
            ]
            name = f"{self.steps:02d}-{slug(label)}-{width}.png"
            self.page.screenshot(path=self.folder / name)
        self.page.set_viewport_size(self.WIDE)

    def axe_in(self, target, attempts=3):
        """axe-core's violations in `target()`, looked up again if a reload replaced it."""
        for attempt in range(attempts):
            try:
                return self.axe(target())
            except PlaywrightError as error:
                if "detached" not in str(error) or attempt == attempts - 1:
                    raise
                self.page.wait_for_timeout(500)
        return []

    @staticmethod
    def axe(target):
        """axe-core's violations in `target`, a page or a frame, as it is now."""
        # Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does
        # not restrict; a script tag added to the page would be refused.
        # Wagtail's admin brings an axe of its own; ours replaces it.
        if not target.evaluate("window.projectAxe === true"):
            target.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + ";window.projectAxe = true")
        return target.evaluate(RUN_AXE)

    def category_page(self, *, listing):
        """From an article to its category's page, which lists `listing`, and back to it."""
        link = self.page.locator("main .article-header a[href*='/category/']")
        expect(link.first).to_be_visible()
        name = link.first.inner_text()
        link.first.click()
        expect(self.page.locator("main h1")).to_contain_text(name)
        expect(self.page.locator("main").get_by_role("link", name=listing)).to_be_visible()
        self.step("category page")
        self.page.go_back()

    def finish(self):
        """Fail on any axe violation found on the journey's pages."""
        assert not self.violations, "axe-core violations:\n" + "\n".join(self.violations)
