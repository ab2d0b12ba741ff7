/*
 * The site's search (overrides/partials/site-search.html), in the page's language only.
 *
 * The index is written by ctsite/search/feature.py under <language home>/search/ (format in
 * ctsite/search/index.py). Words are analysed with the rules table of ctsite/search/analysis.py,
 * which the index's manifest carries; `analyser` below applies it step for step as the Python
 * module does (tests/test_search_browser.py checks both give the same stems).
 * Results show as you type; the last word matches while it is being typed; ?q=<query> on any
 * page runs that search.
 */
(function () {
  "use strict";

  /* ---- Analysis: the same steps as ctsite/search/analysis.py ------------------------------- */
  function analyser(rules) {
    var drop = {};
    Array.prototype.forEach.call(rules.drop, function (c) { drop[c] = true; });
    var wordPattern = new RegExp(rules.word, "g");
    var arabic = new RegExp(rules.arabic);

    function fold(text) {
      var out = "";
      var normal = text.normalize("NFKC").toLowerCase();
      for (var i = 0; i < normal.length; i += 1) {
        var c = normal[i];
        if (drop[c]) continue;
        out += Object.prototype.hasOwnProperty.call(rules.map, c) ? rules.map[c] : c;
      }
      return out;
    }

    function strip(word, affixes, atStart) {
      for (var i = 0; i < affixes.length; i += 1) {
        var affix = affixes[i];
        if (word.length - affix.length < rules.min_stem) continue;
        if (atStart && word.indexOf(affix) === 0) return word.slice(affix.length);
        if (!atStart && word.slice(-affix.length) === affix) return word.slice(0, -affix.length);
      }
      return word;
    }

    function arabicStem(word) {
      return strip(strip(word, rules.articles, true), rules.suffixes, false);
    }

    function stems(word) {
      if (arabic.test(word)) {
        var found = [arabicStem(word)];
        if (rules.particles.indexOf(word.charAt(0)) !== -1 && word.length - 1 >= rules.min_stem) {
          var other = arabicStem(word.slice(1));
          if (other !== found[0]) found.push(other);
        }
        return found;
      }
      ["english_plurals", "english_suffixes"].forEach(function (table) {
        var entries = rules[table];
        for (var i = 0; i < entries.length; i += 1) {
          var suffix = entries[i][0];
          if (word.slice(-suffix.length) === suffix && word.length - suffix.length >= entries[i][2]) {
            word = word.slice(0, -suffix.length) + entries[i][1];
            break;
          }
        }
      });
      return [word];
    }

    function words(text) {
      return fold(text).match(wordPattern) || [];
    }

    return { fold: fold, stems: stems, words: words, wordPattern: rules.word, minStem: rules.min_stem };
  }

  function shardKey(stem) {
    return Array.prototype.map.call(stem.slice(0, 2), function (c) {
      return c.charCodeAt(0).toString(16);
    }).join("-");
  }

  /* ---- The index: fetched in pieces, cached for the page's life ---------------------------- */
  function Index(base) {
    var cache = {};
    function get(path) {
      if (!cache[path]) {
        cache[path] = fetch(new URL(path, base)).then(function (response) {
          if (!response.ok) throw new Error(path + ": HTTP " + response.status);
          return response.json();
        });
      }
      return cache[path];
    }
    return {
      manifest: function () { return get("manifest.json"); },
      shard: function (key, manifest) {
        return manifest.shards.indexOf(key) === -1 ? Promise.resolve({}) : get("terms/" + key + ".json");
      },
      chunk: function (number) { return get("docs/" + number + ".json"); },
    };
  }

  /* What one typed word finds: {document: weight}, and the stems it matched. */
  function lookup(stems, shard, asPrefix, minStem) {
    var found = {};
    var matched = [];
    Object.keys(shard).forEach(function (stem) {
      var hit = stems.some(function (wanted) {
        if (stem === wanted) return true;
        if (!asPrefix || wanted.length < 2) return false;
        return stem.indexOf(wanted) === 0 || (wanted.indexOf(stem) === 0 && stem.length >= minStem);
      });
      if (!hit) return;
      matched.push(stem);
      shard[stem].forEach(function (posting) {
        found[posting[0]] = Math.max(found[posting[0]] || 0, posting[1]);
      });
    });
    return { documents: found, stems: matched };
  }

  function run(index, query) {
    return index.manifest().then(function (manifest) {
      var analyse = analyser(manifest.rules);
      var typed = analyse.words(query);
      if (!typed.length) return { results: [], analyse: analyse, stems: [] };
      var lastIsPrefix = !/\s$/.test(query);
      var perWord = typed.map(function (word, position) {
        var stems = analyse.stems(word);
        var keys = stems.map(shardKey).filter(function (key, i, all) { return all.indexOf(key) === i; });
        return Promise.all(keys.map(function (key) { return index.shard(key, manifest); })).then(
          function (shards) {
            var merged = {};
            shards.forEach(function (shard) { Object.assign(merged, shard); });
            var asPrefix = lastIsPrefix && position === typed.length - 1;
            return lookup(stems, merged, asPrefix, analyse.minStem);
          }
        );
      });
      return Promise.all(perWord).then(function (found) {
        var total = manifest.documents;
        var scores = null;
        found.forEach(function (word) {
          var ids = Object.keys(word.documents);
          var idf = Math.log(1 + total / Math.max(1, ids.length));
          var next = {};
          ids.forEach(function (id) {
            if (scores === null || id in scores) {
              next[id] = (scores ? scores[id] : 0) + idf * Math.log(1 + word.documents[id]);
            }
          });
          scores = next;
        });
        var ranked = Object.keys(scores || {}).sort(function (a, b) {
          return scores[b] - scores[a] || a - b;
        });
        var stems = [];
        found.forEach(function (word) { stems = stems.concat(word.stems); });
        return { results: ranked.map(Number), analyse: analyse, stems: stems, chunks: manifest.chunks, kinds: manifest.kinds };
      });
    });
  }

  /* ---- Snippets: a window of the text around the first match, matches marked -------------- */
  function snippet(text, analyse, stems, limit) {
    var pattern = new RegExp(analyse.wordPattern, "g");
    var wanted = {};
    stems.forEach(function (stem) { wanted[stem] = true; });
    var spans = [];
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var folded = analyse.fold(match[0]);
      var hit = analyse.stems(folded).some(function (stem) { return wanted[stem]; });
      spans.push({ start: match.index, end: match.index + match[0].length, hit: hit });
    }
    var first = spans.findIndex(function (span) { return span.hit; });
    var from = first === -1 ? 0 : Math.max(0, first - 12);
    var to = Math.min(spans.length, from + limit);
    var start = spans.length ? spans[from].start : 0;
    var end = spans.length ? spans[to - 1].end : 0;
    var parts = [];
    var cursor = start;
    spans.slice(from, to).forEach(function (span) {
      if (!span.hit) return;
      parts.push({ text: text.slice(cursor, span.start), mark: false });
      parts.push({ text: text.slice(span.start, span.end), mark: true });
      cursor = span.end;
    });
    parts.push({ text: text.slice(cursor, end), mark: false });
    return { parts: parts, before: start > 0, after: end < text.length };
  }

  /* ---- The interface ------------------------------------------------------------------------ */
  var root = document.querySelector("[data-site-search]");
  if (!root) return;
  var form = root.querySelector("[data-site-search-form]");
  var input = root.querySelector("[data-site-search-input]");
  var panel = root.querySelector("[data-site-search-panel]");
  var status = root.querySelector("[data-site-search-status]");
  var list = root.querySelector("[data-site-search-results]");
  var siteRoot = new URL(root.getAttribute("data-root"), window.location.href);
  var index = Index(new URL(root.getAttribute("data-index"), window.location.href));
  var latest = 0;
  var SHOWN = 10;

  function say(count) {
    var text = count === 0 ? root.getAttribute("data-none")
      : count === 1 ? root.getAttribute("data-one")
      : root.getAttribute("data-many").replace("{count}", count);
    status.textContent = text;
  }

  /* The results of `query` (the query is kept on the list, so a test or a script can tell the
     results of the last keystroke from those of an earlier one). */
  /* The chunk holding document `id`: the last chunk whose first document is not after it. */
  function chunkOf(starts, id) {
    var number = 0;
    while (number + 1 < starts.length && starts[number + 1] <= id) number += 1;
    return number;
  }

  function render(outcome, texts, query) {
    list.textContent = "";
    list.setAttribute("data-query", query);
    outcome.results.slice(0, SHOWN).forEach(function (id, position) {
      var record = texts[position];
      var item = document.createElement("li");
      item.className = "site-search__result";
      var link = document.createElement("a");
      link.href = new URL(record[0], siteRoot).href;
      link.className = "site-search__link";
      /* What it is (the manifest names each kind), then its title. */
      var kind = document.createElement("span");
      kind.className = "site-search__kind";
      kind.textContent = outcome.kinds[record[3]] || "";
      link.appendChild(kind);
      var title = document.createElement("span");
      title.className = "site-search__title";
      title.textContent = record[1];
      link.appendChild(title);
      var cut = snippet(record[2], outcome.analyse, outcome.stems, 30);
      var excerpt = document.createElement("span");
      excerpt.className = "site-search__snippet";
      if (cut.before) excerpt.appendChild(document.createTextNode("… "));
      cut.parts.forEach(function (part) {
        if (part.mark) {
          var mark = document.createElement("mark");
          mark.textContent = part.text;
          excerpt.appendChild(mark);
        } else {
          excerpt.appendChild(document.createTextNode(part.text));
        }
      });
      if (cut.after) excerpt.appendChild(document.createTextNode(" …"));
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
    });
    say(outcome.results.length);
  }

  function search(query) {
    var ticket = ++latest;
    if (!query.trim()) {
      panel.hidden = true;
      list.textContent = "";
      status.textContent = "";
      return Promise.resolve();
    }
    panel.hidden = false;
    return run(index, query).then(function (outcome) {
      var shown = outcome.results.slice(0, SHOWN);
      return Promise.all(shown.map(function (id) {
        var number = chunkOf(outcome.chunks, id);
        return index.chunk(number).then(function (chunk) {
          return chunk[id - outcome.chunks[number]];
        });
      })).then(function (texts) {
        if (ticket === latest) render(outcome, texts, query);
      });
    }).catch(function () {
      if (ticket === latest) {
        list.textContent = "";
        status.textContent = root.getAttribute("data-error");
      }
    });
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  }

  input.addEventListener("input", function () {
    remember(input.value);
    search(input.value);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember(input.value);
    search(input.value).then(function () {
      var first = list.querySelector("a");
      if (first) first.focus();
    });
  });

  /* Keyboard: arrows move between the field and the results; Escape closes the results. */
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  root.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape" && !panel.hidden) {
      panel.hidden = true;
      input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && all.length) {
      all[Math.min(at + 1, all.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at !== -1) {
      (at === 0 ? input : all[at - 1]).focus();
      event.preventDefault();
    }
  });
  /* Clicking the field shows the last results again (Escape hid them). */
  input.addEventListener("click", function () {
    if (input.value.trim() && list.children.length) panel.hidden = false;
  });

  /* For tests: the analyser that queries use, built from the live index's rules. */
  window.siteSearch = {
    analyser: function () { return index.manifest().then(function (m) { return analyser(m.rules); }); },
  };

  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();

/*
 * Material's navigation drawer is a checkbox (#__drawer). Material writes autocomplete="off" on
 * it so that a browser restoring form state on "back" does not show the drawer open; that
 * attribute is not allowed on a checkbox (ctsite/theme/material.py removes it), so the drawer is
 * closed here whenever a page is shown, restored from the back-forward cache included.
 */
window.addEventListener("pageshow", function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  if (drawer) drawer.checked = false;
});
