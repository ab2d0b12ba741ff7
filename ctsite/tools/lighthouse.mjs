// Lighthouse over several pages in one Node process and one Chromium (ctsite/tools/audit.py
// runs it). The command-line tool starts Node, loads its configuration and launches a browser
// again for every page: about a third of each run's processor time. The browser is launched as
// the tool launches it (chrome-launcher, its default flags and the caller's).
//
// Reads {"chromium", "flags", "pages": {name: url}, "categories", "reports", "screenshot"} as
// JSON on its standard input; writes <reports>/<name>.report.json and .report.html for each
// page in turn. Exits with 1 and the page's name when Lighthouse could not audit it, as the
// tool does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { text } from "node:stream/consumers";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const { chromium, flags, pages, categories, reports, screenshot } = JSON.parse(
  await text(process.stdin),
);
const chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: flags });
try {
  for (const [name, url] of Object.entries(pages)) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: categories,
      disableFullPageScreenshot: !screenshot,
    });
    const error = result ? result.lhr.runtimeError : { code: "NO_RESULT", message: "" };
    if (error) {
      console.error(`${name} (${url}): ${error.code} ${error.message}`);
      process.exitCode = 1;
      break;
    }
    const [json, html] = result.report;
    writeFileSync(join(reports, `${name}.report.json`), json);
    writeFileSync(join(reports, `${name}.report.html`), html);
  }
} finally {
  chrome.kill();
}
