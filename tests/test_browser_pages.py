"""Browser checks over every page in both languages, in headless Chromium: accessibility (axe),
network (nothing from another origin, no failure, no console error), direction, keyboard, print.
"""

from __future__ import annotations

import pytest
from browser import (
    DESKTOP,
    PHONE,
    axe_violations,
    checked_paths,
    describe,
    follow_skip_link,
    show_scheme,
)

NOT_FOUND_LOG = "Failed to load resource: the server responded with a status of 404 (Not Found)"
PATHS = checked_paths()


@pytest.mark.parametrize("path", PATHS)
def test_axe_finds_no_wcag_violation_in_the_light_scheme(visits, path):
    visit = visits(path)
    assert visit.drawn["light"] == "default"
    assert visit.axe["light"] == []


@pytest.mark.parametrize("path", PATHS)
def test_axe_finds_no_wcag_violation_in_the_dark_scheme(visits, path):
    """The system's setting switched to dark during the visit: the site follows it (Material's
    slate scheme) without a reload, and axe checks what is then drawn."""
    visit = visits(path)
    assert visit.drawn["dark"] == "slate"
    assert visit.axe["dark"] == []


# A page that fails WCAG twice over: an image with no text, and grey text on white that is too pale
# to read (contrast 1.6:1, 4.5:1 needed) until the second run, for which it is made black on white.
FAULTY = (
    '<html lang="en"><head><title>Faulty</title></head><body><main><h1>Faulty</h1>'
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p id="pale" style="color:#ccc;'
    'background:#fff">Pale text</p></main></body></html>'
)


def test_axe_names_the_violations_of_each_run_on_the_same_page(chromium):
    """The checks' axe finds what fails, again on a second run in the same page (axe put in the
    page once), and that run sees what the page then draws."""
    page = chromium.new_page()
    page.set_content(FAULTY)
    first = describe(axe_violations(page))
    page.evaluate("document.querySelector('#pale').style.color = '#000'")
    second = describe(axe_violations(page))
    page.close()
    assert [line.split(":")[0] for line in first] == ["color-contrast", "image-alt"], first
    assert "#pale" in first[0]
    assert [line.split(":")[0] for line in second] == ["image-alt"], second


@pytest.mark.parametrize("kind", ["visits", "tests"])
def test_each_load_in_a_shared_tab_is_a_first_visit(chromium, site, kind):
    """The visits share one tab (browser.Visits), and so do the tests that load pages of their
    own (the `tab` fixture, browser.Tab): what one page left behind (storage, cookies, what it
    stored as it was left, the browser's cache, the scheme, print media and the size of the
    window) is gone at the next load. The files are served as the published site serves its
    assets, to be kept for a year (the tests' server says nothing of caching, and the browser
    then asks again anyway)."""
    from browser import PageLoad, Tab, Visits

    from ctsite.tools.static_server import SiteServer, security_headers

    kept = (*security_headers(), ("Cache-Control", "public, max-age=31536000, immutable"))
    with SiteServer(site, headers=kept) as server:
        served = server.url
        if kind == "visits":
            visits = Visits(chromium, served)
            tab, load = visits.tab, lambda path: visits._load(path)[1]
        else:
            tab = Tab(chromium, served)

            def load(path: str) -> PageLoad:
                page = tab.fresh()
                recording = PageLoad(origin=served.rstrip("/"))
                recording.watch(page)
                page.goto(served + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready.then(() => true)")
                recording.unwatch(page)
                return recording

        first = load("approach/")
        tab.page.evaluate(
            "localStorage.setItem('probe', '1'); sessionStorage.setItem('probe', '1');"
            " document.cookie = 'probe=1; path=/';"
            # What a page may store as it is left, after the visit's checks.
            " addEventListener('pagehide', () => {"
            "   localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');"
            "   document.cookie = 'left=1; path=/' })"
        )
        tab.page.emulate_media(color_scheme="dark", media="print")
        tab.page.set_viewport_size(PHONE)
        seen = []

        def at_load(page):  # what the page finds as it loads (the blank page before it aside)
            if page.url.startswith(served):
                seen.append(
                    page.evaluate(
                        "[localStorage.getItem('probe'), sessionStorage.getItem('probe'),"
                        " document.cookie.includes('probe'), innerWidth,"
                        " matchMedia('(prefers-color-scheme: dark)').matches,"
                        " matchMedia('print').matches,"
                        " localStorage.getItem('left'), sessionStorage.getItem('left'),"
                        " document.cookie.includes('left')]"
                    )
                )

        sent, cached = {}, []  # the site's files the browser took from its cache (data: aside)
        devtools = tab.devtools
        devtools.on("Network.requestWillBeSent", lambda e: sent.update({e["requestId"]: e}))
        devtools.on(
            "Network.requestServedFromCache",
            lambda e: cached.append(sent[e["requestId"]]["request"]["url"]),
        )
        devtools.on(
            "Network.responseReceived",
            lambda e: e["response"].get("fromDiskCache") and cached.append(e["response"]["url"]),
        )
        tab.page.on("domcontentloaded", at_load)
        again = load("approach/")
        tab.page.remove_listener("domcontentloaded", at_load)
        drawn = {scheme: show_scheme(tab.page, scheme) for scheme in ("light", "dark")}
        tab.close()
        assert seen == [[None, None, False, DESKTOP["width"], False, False, None, None, False]]
        # The same page loads everything again, its stylesheets, scripts and fonts: nothing cached.
        assert [url for url in cached if not url.startswith("data:")] == []
        assert sorted(again.requests) == sorted(first.requests)
        assert any(url.endswith(".woff2") for url in again.requests), again.requests
        # The scheme set back to light at the load, and the site still follows the system's.
        assert drawn == {"light": "default", "dark": "slate"}


SKIP_TEXT = {"ar": "انتقل إلى المحتوى", "en": "Skip to content"}


@pytest.mark.parametrize("path", PATHS)
def test_the_first_tab_stop_is_a_skip_link_to_the_text(visits, path):
    """Every page, both 404 pages and the catalogue's entries included: the first Tab shows a
    skip link in the page's language; following it, the next Tab is in the page's text."""
    skip = visits(path).skip
    language = "en" if path.startswith("en/") else "ar"
    assert skip["first"]["text"] == SKIP_TEXT[language], skip
    assert skip["first"]["visible"], skip
    assert skip["hash"] == "#__content", skip
    assert skip["clear"], "the text's start is hidden under the header"
    assert skip["next"]["inText"], skip


@pytest.mark.parametrize("path", ["best-practices/azhar-observatory/", "en/no/such/page/"])
def test_on_a_phone_the_skip_link_leaves_the_text_clear_of_the_header(tab, served, path):
    """The phone's header is two rows high (the search field): the text still starts below it."""
    page = tab(viewport=PHONE)
    page.goto(served + path)
    skip = follow_skip_link(page)
    assert skip["first"]["visible"] and skip["hash"] == "#__content"
    assert skip["clear"], "the text's start is hidden under the header"


@pytest.mark.parametrize("path", PATHS)
def test_loading_a_page_stays_on_the_site_and_fails_nothing(visits, served, path):
    """Under the published Content-Security-Policy (the test server sends it): a violation is a
    console error."""
    visit = visits(path)
    load = visit.load
    expected_status = 404 if "no/such" in path else 200
    assert visit.status == expected_status
    assert visit.csp_violations == []
    assert load.foreign_requests() == []
    # A missing page's own 404 status is expected (and Chromium logs it); nothing else may fail.
    document_404 = f"{served + path} (HTTP 404)"
    assert [f for f in load.failures if f != document_404] == []
    assert [e for e in load.console_errors if e != f"{NOT_FOUND_LOG} [{served + path}]"] == []


@pytest.mark.parametrize(("path", "direction"), [("unit/", "rtl"), ("en/unit/", "ltr")])
def test_layout_is_mirrored_on_arabic_pages_only(tab, served, path, direction):
    page = tab(viewport=DESKTOP)
    page.goto(served + path)
    geometry = page.evaluate(
        """() => {
          const box = (s) => document.querySelector(s).getBoundingClientRect();
          const article = document.querySelector("article p");
          const icon = document.querySelector(".md-footer__link--next .md-footer__button svg")
            || document.querySelector(".md-footer__link--prev .md-footer__button svg");
          return {
            nav: box(".md-sidebar--primary").left,
            content: box(".md-content").left,
            direction: getComputedStyle(article).direction,
            align: getComputedStyle(article).textAlign,
            iconFlip: icon ? getComputedStyle(icon).transform : "none",
          };
        }"""
    )
    assert geometry["direction"] == direction
    if direction == "rtl":
        assert geometry["nav"] > geometry["content"], "navigation should be on the right"
        assert geometry["align"] in ("start", "right")
        assert geometry["iconFlip"].startswith("matrix(-1"), "direction icons should be flipped"
    else:
        assert geometry["nav"] < geometry["content"], "navigation should be on the left"
        assert geometry["iconFlip"] == "none"


def focus_walk(page, steps: int, backwards: bool = False) -> list[dict]:
    """Press Tab (or Shift+Tab) `steps` times; what had focus after each press."""
    seen = []
    for _ in range(steps):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        seen.append(
            page.evaluate(
                """() => {
                  const e = document.activeElement;
                  const style = getComputedStyle(e);
                  const visible = (style.outlineStyle !== "none"
                      && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== "none";
                  const text = e.innerText || e.getAttribute("aria-label") || e.name || "";
                  return {tag: e.tagName, cls: e.className, text: text.trim(),
                          lang: e.getAttribute("hreflang"), visible};
                }"""
            )
        )
    return seen


@pytest.mark.parametrize(
    ("path", "skip_text", "other_language"),
    [("unit/", "انتقل إلى المحتوى", "en"), ("en/unit/", "Skip to content", "ar")],
)
def test_keyboard_reaches_skip_link_switcher_search_and_navigation(
    tab, served, path, skip_text, other_language
):
    page = tab(viewport=DESKTOP)
    page.goto(served + path)
    forward = focus_walk(page, 40)
    backward = focus_walk(page, 10, backwards=True)
    assert forward[0]["text"] == skip_text, forward[0]
    assert any(step["lang"] == other_language for step in forward), "language switcher"
    assert any(step["tag"] == "INPUT" and "search" in str(step).lower() for step in forward)
    assert any("md-nav__link" in step["cls"] for step in forward), "navigation"
    assert all(step["visible"] for step in forward + backward), [
        step for step in forward + backward if not step["visible"]
    ]
    assert len({(s["tag"], s["text"]) for s in backward}) > 5, "Shift+Tab moves backwards"


@pytest.mark.parametrize("path", ["unit/", "en/international/"])
def test_print_leaves_out_navigation_and_shows_where_links_point(tab, served, path, tmp_path):
    page = tab()
    page.goto(served + path)
    page.emulate_media(media="print")
    printed = page.evaluate(
        """() => {
          const hidden = (s) => [...document.querySelectorAll(s)].every(
            (e) => getComputedStyle(e).display === "none"
              || e.getBoundingClientRect().height === 0);
          const external = document.querySelector("article a[href^='http']");
          return {
            header: hidden(".md-header"), nav: hidden(".md-sidebar"),
            search: hidden(".md-search"), switcher: hidden(".site-languages"),
            text: getComputedStyle(document.querySelector("article p")).display,
            after: external ? getComputedStyle(external, "::after").content : null,
            href: external ? external.href : null,
          };
        }"""
    )
    pdf = page.pdf(format="A4")
    assert printed["header"] and printed["nav"] and printed["search"] and printed["switcher"]
    assert printed["text"] != "none"
    assert printed["after"] and printed["href"] in printed["after"]
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_the_navigation_drawer_is_closed_when_a_page_is_shown_again(chromium, served):
    """Material's drawer toggle has no autocomplete="off" (invalid on a checkbox): a page shown
    again, from the back-forward cache or with restored form state, still opens closed."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + "unit/", wait_until="load")
    page.click(".md-header label[for=__drawer]")
    opened = page.is_checked("#__drawer")
    page.goto(served + "approach/", wait_until="load")
    page.go_back(wait_until="load")
    closed_again = not page.is_checked("#__drawer")
    context.close()
    assert opened and closed_again
