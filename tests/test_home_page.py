"""The home page of each language is the site's front door: the position, the three subjects
with a sourced fact each, the action for partner countries and the pages updated last; a header
that fits on a phone; a one-page printed brief; no layout shift."""

from __future__ import annotations

import re

import pytest
import yaml
from browser import DESKTOP, PHONE
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitecheck import ROOT, content_pages, resolve

HOMES = {"ar": "", "en": "en/"}
SUBJECTS = ["approach/", "international/ctc-chairmanship-2016/", "capacity-building/"]


@pytest.fixture(scope="session")
def pages(site):
    return {page.url_path: page.soup() for page in content_pages(site)}


@pytest.mark.parametrize("language", HOMES)
def test_the_home_page_states_the_case_with_a_sourced_fact_per_subject(pages, language):
    home = HOMES[language]
    soup = pages[home]
    text = soup.select_one(".site-home")
    # A short lede under the title; the position, from the source, in full before the cards.
    assert text.select_one("h1 + p.home-lede")
    opening = text.select_one("p:has(+ .grid.cards)").get_text()
    assert ("تنطلق الرؤية المصرية" if language == "ar" else "The Egyptian vision") in opening
    cards = text.select(".grid.cards > ul > li")
    assert [resolve(home, card.select_one("h2 a")["href"]) for card in cards] == [
        home + subject for subject in SUBJECTS
    ]
    for card in cards:
        # One fact, with its footnote, whose source is a public page.
        (reference,) = card.select("sup a[href^='#fn:']")
        note = soup.select_one(f"li[id='{reference['href'][1:]}']")
        assert note.select_one("a[href^='https://']"), note


@pytest.mark.parametrize("language", HOMES)
def test_partner_countries_are_led_to_the_offers_and_how_to_ask(pages, language):
    home = HOMES[language]
    buttons = pages[home].select(".site-home a.md-button")
    targets = [button["href"] for button in buttons]
    assert [resolve(home, href) for href in targets] == [
        home + "best-practices/",
        home + "capacity-building/",
    ]
    assert targets[0].endswith("?kind=offering")  # the catalogue, filtered to the offers
    assert "md-button--primary" in buttons[0]["class"]
    # The filter and the anchor exist.
    kinds = yaml.safe_load((ROOT / "data" / "kinds.yml").read_text(encoding="utf-8"))
    assert "offering" in kinds
    assert pages[home + "capacity-building/"].select_one("#request")


@pytest.mark.parametrize("language", HOMES)
def test_the_pages_updated_last_are_listed_with_the_dates_they_show(pages, language):
    home = HOMES[language]

    def shown_date(soup):
        return soup.select_one(".page-facts time")["datetime"]

    listed = pages[home].select(".recent-pages li")
    assert len(listed) == 5
    # A date per page when the dates differ; else one date, written once under the list.
    common = pages[home].select_one(".recent-pages + .recent-pages__date time")
    dates = []
    for item in listed:
        target = resolve(home, item.select_one("a")["href"])
        assert target != home and target in pages, target
        (date,) = [common] if common else item.select("time")
        assert not (common and item.select("time"))
        assert date["datetime"] == shown_date(pages[target])
        heading = pages[target].select_one("h1").get_text().rstrip("¶").strip()
        assert item.select_one("a").get_text() == heading
        dates.append(date["datetime"])
    assert bool(common) == (len(set(dates)) == 1)
    assert dates == sorted(dates, reverse=True)
    # No page of the language left out is newer than the last one listed (the home page
    # itself is never listed).
    others = [
        shown_date(soup)
        for path, soup in pages.items()
        if path.startswith(home)
        and path != home
        and (language != "ar" or not path.startswith("en/"))
    ]
    assert max(others) == dates[0] and all(date <= dates[0] for date in others)


def test_the_home_template_holds_no_text_for_editors_to_change():
    template = (ROOT / "overrides" / "home.html").read_text(encoding="utf-8")
    without_code = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<[^>]+>", "", template, flags=re.S)
    assert without_code.strip() == ""
    for language in HOMES:
        source = (ROOT / "docs" / language / "index.md").read_text(encoding="utf-8")
        assert "template: home.html" in source and "<!-- recent-pages -->" in source


VISIBLE_NAME = """() => {
  const box = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = [...box.querySelectorAll('.site-name')].filter(
    (name) => getComputedStyle(name).display !== 'none');
  return {
    shown: shown.map((name) => name.className),
    cut: box.scrollWidth > box.clientWidth,
    title: document.title,
  };
}"""

HEADER_AND_DRAWER = """() => {
  const topic = document.querySelector('.md-header__topic .md-ellipsis');
  const drawer = document.querySelector('.md-nav__title[for="__drawer"]');
  return {
    header: topic.innerText.replace(/\\s+/g, ' ').trim(),
    headerCut: topic.scrollWidth > topic.clientWidth,
    drawer: drawer.innerText.replace(/\\s+/g, ' ').trim(),
    drawerCut: drawer.scrollWidth > drawer.clientWidth || drawer.scrollHeight > drawer.clientHeight,
  };
}"""

# The widths the header is read at: two phones, a small and a large tablet, a desktop.
HEADER_WIDTHS = sorted({360, PHONE["width"], 720, 960, 1024, DESKTOP["width"]})


@pytest.fixture(scope="session")
def header_at(shared_tab, served):
    """`header_at(language)`: what the header and the drawer's title show, by (page, width), on
    the home page and an inner page (the catalogue), each loaded once and drawn at every width of
    HEADER_WIDTHS in turn (the window resized, narrowest first), made when a test first asks."""
    found: dict[str, dict[tuple[str, int], dict]] = {}

    def look(language: str) -> dict[tuple[str, int], dict]:
        if language not in found:
            page = shared_tab.fresh(viewport={"width": HEADER_WIDTHS[0], "height": 800})
            shown = {}
            for path in (HOMES[language], HOMES[language] + "best-practices/"):
                page.set_viewport_size({"width": HEADER_WIDTHS[0], "height": 800})
                page.goto(served + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready.then(() => true)")
                for width in HEADER_WIDTHS:
                    page.set_viewport_size({"width": width, "height": 800})
                    # Once the header has settled: on a busy machine a page was seen, just
                    # after load, with its name 5 px too wide for a moment (the header's
                    # controls were still being drawn). A name that stays cut still fails.
                    try:
                        page.wait_for_function(
                            f"() => !({HEADER_AND_DRAWER})().headerCut", timeout=3000
                        )
                    except PlaywrightTimeout:
                        pass
                    shown[path, width] = {
                        **page.evaluate(VISIBLE_NAME),
                        **page.evaluate(HEADER_AND_DRAWER),
                    }
            found[language] = shown
        return found[language]

    return look


# One worker reads every header (one load of each page serves every width's test).
@pytest.mark.xdist_group("home-header")
@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize(
    ("width", "form"),
    [(360, "short"), (PHONE["width"], "short"), (1024, "short"), (DESKTOP["width"], "full")],
)
def test_the_header_shows_the_whole_name_that_fits(header_at, language, width, form):
    header = header_at(language)[HOMES[language], width]
    assert header["shown"] == [f"site-name site-name--{form}"]
    assert not header["cut"], f"the {form} name is cut at {width} px"
    assert "|" in header["title"]  # <title> keeps the full name


@pytest.mark.parametrize("language", HOMES)
def test_the_home_page_prints_on_one_page(tab, served, language):
    page = tab()
    page.goto(served + HOMES[language], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => ({
          cards: getComputedStyle(document.querySelector('.grid.cards > ul')).display,
          recent: getComputedStyle(document.querySelector('.recent-pages')).display,
          sources: document.querySelectorAll('.footnote li').length,
        })"""
    )
    pdf = page.pdf(format="A4")
    assert shown == {"cards": "grid", "recent": "none", "sources": 3}
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


# What moved (the element, where it was, where it went) without a visitor's input, from the
# browser's layout-shift entries.
LAYOUT_SHIFTS = """() => new Promise((done) => {
  const moved = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      for (const source of entry.sources) {
        const [was, is] = [source.previousRect, source.currentRect];
        moved.push([source.node ? source.node.nodeName + "." + source.node.className : "?",
                    [was.x, was.y, was.width], [is.x, is.y, is.width]]);
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(moved), 500);
})"""


@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_home_page_does_not_shift_as_it_loads(tab, served, language, viewport):
    """Nothing the page draws moves once drawn: not the cards, not what the scripts add.

    Measured on a visit with the fonts in the browser's cache: on a first visit, a font face
    that arrives within the instant the browser waits for it (`font-display: optional`) can
    still move text on a machine starved of CPU, which says nothing of the page's layout.
    `make audit` measures first visits (Lighthouse's CLS, 0 on both home pages).
    """
    page = tab(viewport=viewport)
    page.goto(served + HOMES[language], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.reload(wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate(LAYOUT_SHIFTS) == []


def _last_card(body: bytes) -> int:
    grid = body.index(b'<div class="grid cards">')
    return body.rindex(b"<li>", grid, body.index(b"</ul>", grid))


def _after_tag(body: bytes, start: int) -> int:
    return body.index(b">", start) + 1


LANGUAGE_ITEM = b'<li class="site-languages__item">'
LANGUAGE_LINK = b'<a class="site-languages__link"'


# Where a slow connection may pause in a home page: before each part whose arrival could move
# what the browser has drawn by then (the offset where the first part ends). Inside the language
# switcher, a pause before a language's name and before the second language's link: its size
# changed as each arrived (a chance failure of this test, run 1 of 7 on one day, on a processor
# starved enough for the browser to draw there by itself).
LATE_PARTS = {
    "a language's name": lambda body: _after_tag(body, body.rindex(LANGUAGE_LINK)),
    "second language's link": lambda body: _after_tag(
        body, body.index(LANGUAGE_ITEM, body.index(LANGUAGE_ITEM) + 1)
    ),
    "search box": lambda body: body.index(b'<div class="site-search"'),
    "search field": lambda body: body.index(b'<form class="site-search__form"'),
    "page text": lambda body: body.index(b'<div class="site-home"'),
    "second button": lambda body: body.index(b'<a class="md-button" '),
    "last card": _last_card,
}


@pytest.fixture(scope="module")
def served_in_two_parts(site):
    """The built site served on 127.0.0.1 as a slow connection delivers it: a page asked for
    with `?pause=<part of LATE_PARTS>` is sent up to that part, then, after a pause in which the
    browser draws what it has, the rest."""
    import http.server
    import threading
    import time
    from urllib.parse import parse_qs, urlsplit

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            address = urlsplit(self.path)
            part = parse_qs(address.query).get("pause", [None])[0]
            if part is None:
                return super().do_GET()
            body = (site / address.path.lstrip("/") / "index.html").read_bytes()
            cut = LATE_PARTS[part](body)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            time.sleep(0.4)
            self.wfile.write(body[cut:])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_nothing_drawn_moves_when_the_rest_of_the_home_page_arrives(
    tab, served_in_two_parts, language, viewport
):
    """A browser draws what it has parsed: on a slow connection, the first screen is drawn in
    parts. Nothing drawn may move when the next part arrives, wherever the connection pauses
    (LATE_PARTS). Each did: on a desktop the colour-scheme switch and the languages moved by the
    search box's width, the page's text by the navigation's (CLS 0.16), the cards narrowed as
    the next arrived, a space between two buttons counted as moved, and the language switcher
    grew as its names arrived. The fonts are in the
    browser's cache, as in the test above."""
    page = tab(viewport=viewport)
    home = served_in_two_parts + HOMES[language]
    page.goto(home, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    moved = {}
    for part in LATE_PARTS:
        page.goto(f"{home}?pause={part}", wait_until="load")
        assert page.locator(".md-header .site-search input").count() == 1
        if shifts := page.evaluate(LAYOUT_SHIFTS):
            moved[part] = shifts
    assert moved == {}


def test_a_title_is_listed_as_text_not_as_its_markup():
    from ctsite.text import plain

    assert plain("Dar al-Iftaa&#39;s <em>observatory</em> ") == "Dar al-Iftaa's observatory"
    assert plain(None) == ""


UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


# One worker reads every header (one load of each page serves every width's test).
@pytest.mark.xdist_group("home-header")
@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize(
    ("width", "ministry"),
    [(360, "ministry_short"), (720, "ministry_short"), (960, "ministry"), (1024, "ministry")],
)
def test_every_page_says_who_publishes_it_at_every_width(header_at, language, width, ministry):
    """The ministry's name as text in the header (a short form on phones), and the drawer's
    title whole, on the home page and an inner page."""
    for path in (HOMES[language], HOMES[language] + "best-practices/"):
        shown = header_at(language)[path, width]
        assert shown["header"] == f"{UI[ministry][language]} {UI['site_short_name'][language]}"
        assert not shown["headerCut"], (path, width)
        assert shown["drawer"].endswith(UI["ministry"][language])  # the full name, not cut
        assert not shown["drawerCut"], (path, width)


FIRST_SCREEN = """() => {
  const bottom = (element) => element && element.getBoundingClientRect().bottom;
  const lede = document.querySelector('.home-lede');
  const lineHeight = parseFloat(getComputedStyle(lede).lineHeight);
  return {
    ministry: document.querySelector('.md-header__topic .site-name--short').innerText,
    title: bottom(document.querySelector('article h1')),
    ledeLines: Math.round(lede.getBoundingClientRect().height / lineHeight),
    subjects: [...document.querySelectorAll('.home-subjects a')].map(
      (link) => [link.getAttribute('href'), bottom(link)]),
    action: bottom(document.querySelector('.site-home .md-button--primary')),
    statement: bottom(document.querySelector('.site-home p:has(+ .grid.cards)')),
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", HOMES)
def test_a_phone_shows_who_what_where_and_the_action_without_scrolling(
    tab, served, language, scheme
):
    page = tab(viewport=PHONE, color_scheme=scheme)
    page.goto(served + HOMES[language], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    shown = page.evaluate(FIRST_SCREEN)
    height = PHONE["height"]
    assert UI["ministry_short"][language] in shown["ministry"]  # who publishes
    assert shown["ledeLines"] <= 2
    links = [resolve(HOMES[language], href) for href, _ in shown["subjects"]]
    assert links == [HOMES[language] + path for path in [*SUBJECTS, "best-practices/"]]
    assert all(bottom <= height for _, bottom in shown["subjects"])
    assert shown["action"] <= height  # the partner action
    assert shown["statement"] > height  # the position in full, below


PRINTED = """() => {
  const brief = document.querySelector('.site-print-brief');
  const buttons = [...document.querySelectorAll('.site-home a.md-button')].map((button) => {
    const after = getComputedStyle(button, '::after');
    return {content: after.content, direction: after.direction, bidi: after.unicodeBidi,
            font: after.fontFamily, address: button.dataset.address,
            href: new URL(button.getAttribute('href'),
                          document.querySelector('link[rel=canonical]').href).href};
  });
  return {
    shown: getComputedStyle(brief).display !== 'none',
    text: brief.innerText.replace(/\\s+/g, ' '),
    date: brief.querySelector('time')?.getAttribute('datetime'),
    shownDate: document.querySelector('.page-facts time')?.getAttribute('datetime'),
    canonical: document.querySelector('link[rel=canonical]').href,
    buttons,
  };
}"""


@pytest.mark.parametrize("language", HOMES)
def test_the_printed_brief_says_who_where_and_when_and_prints_addresses(tab, served, language):
    page = tab()
    page.goto(served + HOMES[language], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    on_screen = page.evaluate(PRINTED)
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED)
    pdf = page.pdf(format="A4")
    assert not on_screen["shown"] and printed["shown"]
    assert UI["ministry"][language] in printed["text"]
    assert printed["canonical"] in printed["text"]
    assert printed["date"] and printed["date"] == printed["shownDate"]
    for button in printed["buttons"]:
        assert button["address"] == button["href"]  # the absolute, published address
        assert button["content"] == f'"{button["address"]}"'  # printed after the button
        assert button["direction"] == "ltr" and button["bidi"] == "isolate"
        if language == "ar":
            assert button["font"].startswith('"Site Latin"')
    # Every face in the PDF is the site's: no address fell back to a system face.
    faces = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z-]+)", pdf))
    assert faces and all(face.startswith(b"IBMPlexSansArabic") for face in faces), faces
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
