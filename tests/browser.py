"""Headless Chromium for the browser checks: where it is, how it starts, what a page load did.

Chromium comes from Debian (`apt-get install chromium`); Playwright drives it through
`executable_path`. Without a Chromium the browser checks are skipped with the reason, except
under CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitecheck import ROOT, missing_tool

from ctsite.tools.chromium import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path

__all__ = ["CHROMIUM_ARGS", "DESKTOP", "PHONE", "chromium_path"]


def require_chromium() -> str:
    """The Chromium path, or skip (fail under CI) with the reason."""
    path = chromium_path()
    if path:
        return path
    reason = "no Chromium found (install Debian's chromium, or set CHROMIUM_PATH)"
    missing_tool(reason)


@cache
def _site_paths() -> tuple[str, ...]:
    """Every page's URL path, both languages, from the Markdown sources (read once: the test
    runner asks for each page's group)."""
    paths = []
    for language, prefix in (("ar", ""), ("en", "en/")):
        for source in sorted((ROOT / "docs" / language).rglob("*.md")):
            relative = source.relative_to(ROOT / "docs" / language).with_suffix("").as_posix()
            if relative == "index" or relative.endswith("/index"):
                relative = relative[: -len("index")]
            else:
                relative += "/"
            paths.append(prefix + relative)
    return tuple(paths)


def site_paths() -> list[str]:
    """Every page's URL path, both languages, from the Markdown sources."""
    return list(_site_paths())


# Both 404 pages, as published and as served for a missing address, in each language.
NOT_FOUND_PATHS = ["404.html", "en/404.html", "no/such/page/", "en/no/such/page/"]


# One page of each of the site's templates (its page types), as a path of the default language;
# "en/" + path is the same page in English. The measures that vary little from one page of a
# type to the next (page weight, Lighthouse) are taken once per type.
PAGE_TYPES = {
    "home": "",
    "content": "unit/",
    "catalogue": "best-practices/",
    "entry": "best-practices/azhar-observatory/",
    "statements": "statements/",
    "not-found": "no/such/page/",
}


def checked_paths() -> list[str]:
    """Every page the accessibility checks visit: every page of both languages, the 404s."""
    return site_paths() + NOT_FOUND_PATHS


# Under `pytest -n`, each page's tests run on the worker that visited it: the pages of each
# language are shared between this many groups of workers (conftest.py), every other page to
# the same group, so that the visits (most of the browser checks' time) are spread over the
# workers and no page is visited twice.
VISIT_GROUPS = 2


def visit_group(path: str) -> str:
    """The xdist group of a page's visit: its language and a share (`visits-ar-0`)."""
    language = "en" if path.startswith("en/") else "ar"
    same = [p for p in checked_paths() if p.startswith("en/") == (language == "en")]
    share = same.index(path) % VISIT_GROUPS if path in same else 0
    return f"visits-{language}-{share}"


@dataclass
class PageLoad:
    """What loading one page did: its requests, failures and console errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        for event, listener in self._listeners.items():
            page.on(event, listener)

    def unwatch(self, page) -> None:
        """Stop recording (a page reused for the next load records that one elsewhere)."""
        for event, listener in self._listeners.items():
            page.remove_listener(event, listener)

    @cached_property
    def _listeners(self) -> dict:
        """{event: listener}, the same functions for `watch` and `unwatch`."""
        return {
            "request": lambda request: self.requests.append(request.url),
            "requestfailed": lambda request: self.failures.append(
                f"{request.url} ({request.failure})"
            ),
            "response": lambda response: response.status >= 400
            and self.failures.append(f"{response.url} (HTTP {response.status})"),
            "console": lambda message: message.type == "error"
            and self.console_errors.append(f"{message.text} [{message.location.get('url')}]"),
        }

    def snapshot(self) -> PageLoad:
        """What was recorded so far (later events go to this load, not the copy)."""
        return PageLoad(
            self.origin, list(self.requests), list(self.failures), list(self.console_errors)
        )

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.origin, "data:"))]


# WCAG 2.0, 2.1 and 2.2, levels A and AA. No rule is disabled.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG violations in a loaded page (AXE_OPTIONS). axe is put in the page once (a
    second run, in the other colour scheme, finds it there), and only the violations come back:
    axe-playwright-python's `Axe.run` puts its 570 kB script in again at every run and returns
    the whole result, every rule that passed or did not apply included, which took a third of
    each run's processor time to hand to Python."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, as HTML_CodeSniffer is: the page's
        # Content-Security-Policy (which refuses inline scripts) stays as published.
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(
        "(options) => axe.run(document, options).then((r) => r.violations)", AXE_OPTIONS
    )


def describe(violations) -> list[str]:
    """axe's violations, one line each: rule, help, where."""
    return [
        f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in violations
    ]


# For each `bdi[dir=ltr]` of the page's running text in right-to-left blocks: the nearest
# non-space character before it (in reading order) must lie to its right on the same line, the
# nearest after it to its left. Returns the offenders.
NEIGHBOURS = """
() => {
  const problems = [];
  const blockOf = (element) => {
    let node = element.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  };
  const rectOf = (node, offset) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rects = range.getClientRects();
    return rects.length ? rects[0] : null;
  };
  const neighbour = (texts, bdi, before) => {
    const ordered = before ? [...texts].reverse() : texts;
    for (const text of ordered) {
      if (bdi.contains(text)) continue;
      const position = bdi.compareDocumentPosition(text);
      const wanted = before ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
      if (!(position & wanted)) continue;
      const value = text.nodeValue;
      const indexes = Array.from({ length: value.length }, (_, i) => i);
      for (const index of before ? indexes.reverse() : indexes) {
        if (value[index].trim()) return { node: text, index, char: value[index] };
      }
    }
    return null;
  };
  for (const bdi of document.querySelectorAll("body bdi[dir=ltr]")) {
    const boxes = bdi.getClientRects();
    if (boxes.length !== 1 || !bdi.offsetParent) continue;  // hidden, or broken over lines
    const block = blockOf(bdi);
    if (!block || getComputedStyle(block).direction !== "rtl") continue;
    const box = boxes[0];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const before of [true, false]) {
      const found = neighbour(texts, bdi, before);
      if (!found) continue;
      const rect = rectOf(found.node, found.index);
      if (!rect || rect.width === 0) continue;
      const middle = rect.top + rect.height / 2;
      const sameLine = Math.abs(middle - (box.top + box.height / 2)) < box.height / 2;
      if (!sameLine) continue;
      const ok = before ? rect.left >= box.right - 1 : rect.right <= box.left + 1;
      const side = before ? "before" : "after";
      if (!ok) problems.push(`${side} «${bdi.textContent}»: «${found.char}»`);
    }
  }
  return problems;
}
"""


# Run in every page before its own scripts: records what the Content-Security-Policy refuses.
CSP_WATCH = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


# HTML_CodeSniffer (WCAG 2 AA), the second accessibility engine beside axe, run in the page
# of the one visit as pa11y runs it (npm's @pa11y/html_codesniffer, pinned by package-lock.json):
# its errors only, each with its code, the element's selector and a short piece of its markup.
HTMLCS = ROOT / "node_modules" / "@pa11y" / "html_codesniffer" / "build" / "HTMLCS.js"
HTMLCS_ERRORS = """
() => new Promise((resolve, reject) => {
  const context = (element) => {
    if (!element || !element.outerHTML) return "";
    let html = element.outerHTML;
    if (element.innerHTML.length > 31) {
      html = html.replace(element.innerHTML, element.innerHTML.slice(0, 31) + "...");
    }
    return html.length > 251 ? html.slice(0, 250) + "..." : html;
  };
  const selector = (element) => {
    const parts = [];
    while (element && element.nodeType === Node.ELEMENT_NODE) {
      if (element.id) { parts.unshift("#" + element.id); break; }
      const siblings = element.parentNode ? [...element.parentNode.children] : [element];
      const same = siblings.filter((sibling) => sibling.tagName === element.tagName);
      const name = element.tagName.toLowerCase();
      parts.unshift(same.length > 1 ? `${name}:nth-child(${siblings.indexOf(element) + 1})` : name);
      element = element.parentNode;
    }
    return parts.join(" > ");
  };
  HTMLCS.process("WCAG2AA", document, (error) => {
    if (error) return reject(error);
    resolve(HTMLCS.getMessages().filter((message) => message.type === 1).map((message) => ({
      code: message.code,
      message: message.msg,
      selector: selector(message.element),
      context: context(message.element),
    })));
  });
})
"""


def html_codesniffer(page) -> list[dict]:
    """HTML_CodeSniffer's errors in a loaded page (a missing npm package is named)."""
    if not HTMLCS.is_file():
        missing_tool(f"{HTMLCS.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof HTMLCS !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, as axe is: not an inline script, so
        # the page's Content-Security-Policy (which refuses inline scripts) stays as published.
        page.evaluate(HTMLCS.read_text(encoding="utf-8"))
    return page.evaluate(HTMLCS_ERRORS)


# The widths a page's layout is checked at: a small phone, the tests' phone, a tablet, a desktop.
WIDTHS = (360, PHONE["width"], 768, DESKTOP["width"])

# Headings whose permalink sits on a line of its own (an empty line under the heading text), and
# how many headings have a permalink.
HEADING_GAPS = """() => {
  const gaps = [];
  const headings = document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)");
  let linked = 0;
  for (const heading of headings) {
    const link = heading.querySelector(".headerlink");
    if (link) linked += 1;
    if (!link || !heading.getClientRects().length) continue;
    const range = document.createRange();
    range.setStartBefore(heading.firstChild);
    range.setEndBefore(link);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    if (!rects.length) continue;
    const textBottom = Math.max(...rects.map((rect) => rect.bottom));
    const linkBox = link.getClientRects()[0];
    if (linkBox && linkBox.top >= textBottom - 1) gaps.push(heading.textContent.trim());
  }
  return {gaps, linked};
}"""

# What must stay on one line, drawn on more than one (in right-to-left text one line may hold
# several boxes of the same element: its left-to-right digits and its parentheses), and how many
# such elements the page has.
BROKEN = """() => {
  const kept = [...document.querySelectorAll(
    "article :is(.nobreak, a.un-document, .catalogue-group__count)")];
  const broken = kept.filter((element) => {
    const rects = [...element.getClientRects()];
    return rects.some((rect) => Math.abs(rect.top - rects[0].top) > rect.height / 2);
  }).map((element) => element.textContent);
  return {broken, kept: kept.length};
}"""

# Every footnote marker: whether a separator is drawn before it, and whether the node before
# it (white space aside) is another marker.
SEPARATORS = """() => [...document.querySelectorAll("article sup[id^='fnref']")].map((marker) => {
  let before = marker.previousSibling;
  while (before && before.nodeType === Node.TEXT_NODE && !before.nodeValue.trim()) {
    before = before.previousSibling;
  }
  const adjacent = Boolean(before && before.nodeType === Node.ELEMENT_NODE
    && before.matches("sup[id^='fnref']"));
  const content = getComputedStyle(marker, "::before").content;
  return {adjacent, separated: content !== "none" && content !== "normal"};
})"""


# Every running transition or animation that ends, taken to its end (an endless one would be
# waited for, and fail the wait, as before).
FINISH_TRANSITIONS = """() => document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .forEach((a) => a.finish())"""


def show_scheme(page, scheme: str) -> str | None:
    """Switch the system's colour scheme of a loaded page ("light" or "dark"), which the site
    follows without a reload; once Material has drawn it and its colour transition has run,
    the scheme drawn (`data-md-color-scheme`), for the test of the scheme drawn to compare."""
    page.emulate_media(color_scheme=scheme)
    wanted = "slate" if scheme == "dark" else "default"
    try:
        page.wait_for_function(
            f"() => document.body.getAttribute('data-md-color-scheme') === '{wanted}'",
            timeout=2000,
        )
    except PlaywrightTimeout:
        pass  # the test of the scheme drawn says so
    # Material's colours change with a transition: checked once it has run. It is run to its
    # end at once (the colours are those it ends on): drawing its frames, 60 a second, took
    # about 0.1 s of processor time a page.
    page.evaluate(FINISH_TRANSITIONS)
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@dataclass
class Visit:
    """What one first visit to a page showed, for every check made on it."""

    path: str
    status: int
    load: PageLoad
    axe: dict[str, list[str]]  # WCAG violations, described, per colour scheme (light, dark)
    drawn: dict[str, str]  # the scheme Material drew, per colour scheme asked for
    htmlcs: dict[str, list[dict]]  # HTML_CodeSniffer's errors, per colour scheme
    isolation: list[str]  # Latin runs whose neighbours are out of place (right-to-left pages)
    csp_violations: list[str]  # what the Content-Security-Policy refused
    separators: list[dict]  # each footnote marker: beside another, and drawn with a separator
    layout: dict[int, dict]  # per width: heading gaps, broken runs, and what was counted
    skip: dict  # the first Tab stop, and where the next one lands after it is followed


# Press Tab once: what has focus. Then follow it (Enter) and press Tab again: is focus now in the
# page's text (the article), past the header and the navigation?
FIRST_TAB_STOP = """
() => {
  const e = document.activeElement;
  return {tag: e.tagName, cls: e.className, text: e.textContent.trim(),
          href: e.getAttribute("href")};
}
"""
# Once the page has scrolled to the skip link's target, the text starts below the sticky header.
TEXT_CLEAR_OF_HEADER = """
() => document.querySelector("article.md-content__inner").getBoundingClientRect().top
  >= document.querySelector(".md-header").getBoundingClientRect().bottom
"""
FOCUS_IN_TEXT = """
() => {
  const e = document.activeElement;
  return {inText: e.closest("article.md-content__inner") !== null, tag: e.tagName,
          text: (e.textContent || "").trim().slice(0, 40)};
}
"""


def follow_skip_link(page) -> dict:
    """The first Tab stop of a loaded page, and where the next Tab lands once it is followed."""
    page.keyboard.press("Tab")
    first = page.evaluate(FIRST_TAB_STOP)
    # Material's style fades the focused skip link in (0.25 s): run to its end at once, as the
    # colour scheme's transition is (show_scheme).
    page.evaluate(FINISH_TRANSITIONS)
    try:
        page.wait_for_function(
            "() => getComputedStyle(document.activeElement).opacity === '1'"
            " && document.activeElement.getBoundingClientRect().width > 0",
            timeout=2000,
        )
        first["visible"] = True
    except PlaywrightTimeout:
        first["visible"] = False
    page.keyboard.press("Enter")
    clear = page.evaluate(TEXT_CLEAR_OF_HEADER)
    page.keyboard.press("Tab")
    return {
        "first": first,
        "hash": page.evaluate("location.hash"),
        "clear": clear,
        "next": page.evaluate(FOCUS_IN_TEXT),
    }


class Tab:
    """One tab that the tests of a worker share, handed to each as a new tab would be: blank
    before each first load, at the size and in the colour scheme asked for, in screen media,
    nothing of the site stored (local and session storage, cookies, caches) and the browser's
    own cache empty (`cache_disabled`: off as well). A new browser context for each test, with
    processes of its own, took twice the processor time of a load in a tab kept open.

    A test that needs what only a context of its own gives (JavaScript off, a phone's touch
    screen, the back-forward cache, listeners on the tab) makes one, as before."""

    def __init__(
        self, chromium, served: str, cache_disabled: bool = False, init_script: str | None = None
    ):
        self.chromium = chromium
        self.origin = served.rstrip("/")
        self.cache_disabled = cache_disabled
        self.init_script = init_script
        self._page = None

    @property
    def page(self):
        """The tab, opened at first use (and again if what a test left made it unusable)."""
        if self._page is None:
            context = self.chromium.new_context(viewport=DESKTOP, color_scheme="light")
            if self.init_script:
                context.add_init_script(self.init_script)
            self._page = context.new_page()
            self.devtools = context.new_cdp_session(self._page)
            self.devtools.send("Network.enable")
            self.devtools.send("Network.setCacheDisabled", {"cacheDisabled": self.cache_disabled})
        return self._page

    def fresh(self, viewport: dict | None = None, color_scheme: str = "light"):
        """The tab as a new one would be (a tab a test left unusable is replaced)."""
        try:
            self._reset(self.page, viewport or DESKTOP, color_scheme)
        except Exception:  # a crashed page, an open dialog: a new context, as before
            self.close()
            self._reset(self.page, viewport or DESKTOP, color_scheme)
        return self._page

    def close(self) -> None:
        if self._page is not None:
            try:
                self._page.context.close()
            finally:
                self._page = None

    def _reset(self, page, viewport: dict, color_scheme: str) -> None:
        if page.url != "about:blank":
            # The page leaves for a blank one it opens itself: that keeps the site's origin, so
            # the tab keeps its renderer process (a blank page opened by the browser is another
            # origin, and swapping processes twice took 0.3 s of processor time a load), and
            # what the page does as it goes (its pagehide and unload handlers) is done before
            # anything is cleared.
            with page.expect_navigation(url="about:blank", timeout=10_000):
                page.evaluate("setTimeout(() => location.assign('about:blank'))")
            # Session storage belongs to the tab: clearing the origin's data leaves it.
            page.evaluate("sessionStorage.clear()")
        page.set_viewport_size(viewport)
        page.emulate_media(
            media="null",
            color_scheme=color_scheme,
            reduced_motion="null",
            forced_colors="null",
            contrast="null",
        )
        self.devtools.send(
            "Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "all"}
        )
        self.devtools.send("Network.clearBrowserCache")
        page.context.clear_cookies()


class Visits:
    """Each page visited once, the first time a test asks for it; every per-page check reads that
    one visit instead of loading the page again: the network, the Content-Security-Policy, the
    bidirectional text, axe and HTML_CodeSniffer in the light scheme, then (the system's setting
    switched, which the site follows without a reload) in the dark one, the layout at each of
    `WIDTHS` (the viewport resized), and last the keyboard.

    The visits of a worker share one tab (`Tab`), each made as a first visit, with the browser's
    cache off besides (`tests/test_browser_pages.py` checks)."""

    def __init__(self, chromium, served: str):
        self.served = served
        self.origin = served.rstrip("/")
        self.cache: dict[str, Visit] = {}
        self.tab = Tab(chromium, served, cache_disabled=True, init_script=CSP_WATCH)

    def __call__(self, path: str) -> Visit:
        if path not in self.cache:
            self.cache[path] = self._visit(path)
        return self.cache[path]

    @property
    def page(self):
        """The tab of the visits, opened at the first."""
        return self.tab.page

    def _schemes(self, page) -> tuple[dict, dict, dict]:
        """axe's violations, the scheme drawn and HTML_CodeSniffer's errors, light then dark."""
        axe, drawn, htmlcs = {}, {}, {}
        for scheme in ("light", "dark"):
            drawn[scheme] = show_scheme(page, scheme)
            axe[scheme] = describe(axe_violations(page))
            htmlcs[scheme] = html_codesniffer(page)
        page.emulate_media(color_scheme="light")
        return axe, drawn, htmlcs

    def _layout(self, page) -> dict[int, dict]:
        """The layout checks at each width, widest first (the page is loaded at DESKTOP)."""
        layout = {}
        for width in sorted(WIDTHS, reverse=True):
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate("new Promise((done) => requestAnimationFrame(() => done()))")
            layout[width] = {**page.evaluate(HEADING_GAPS), **page.evaluate(BROKEN)}
        page.set_viewport_size(DESKTOP)
        return layout

    def _load(self, path: str):
        """(the response, what loading did): a page loaded as a first visit, the network idle
        and its fonts in."""
        page = self.tab.fresh()
        recording = PageLoad(origin=self.origin)
        recording.watch(page)
        response = page.goto(self.served + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        # What loading the page did, kept before the checks run: the checking tools log to
        # the console themselves (HTML_CodeSniffer does).
        load = recording.snapshot()
        recording.unwatch(page)
        return response, load

    def _visit(self, path: str) -> Visit:
        response, load = self._load(path)
        page = self.page
        refused = page.evaluate("window.__violations")
        rtl = page.evaluate("document.documentElement.dir") == "rtl"
        isolation = page.evaluate(NEIGHBOURS) if rtl else []
        separators = page.evaluate(SEPARATORS)
        axe, drawn, htmlcs = self._schemes(page)
        layout = self._layout(page)
        skip = follow_skip_link(page)
        return Visit(
            path=path,
            status=response.status,
            load=load,
            axe=axe,
            drawn=drawn,
            htmlcs=htmlcs,
            isolation=isolation,
            csp_violations=refused,
            separators=separators,
            layout=layout,
            skip=skip,
        )
