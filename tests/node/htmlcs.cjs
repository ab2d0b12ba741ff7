// HTML_CodeSniffer (WCAG 2 AA), through pa11y, over the pages named on standard input, in the
// light and the dark colour scheme (an absolute file path is checked as the file it names): the second accessibility engine beside axe
// (tests/test_htmlcs.py). Reads {"base", "paths", "chromium", "args"} as JSON on standard input;
// writes one JSON array of {path, scheme, issues: [{code, selector, message, context}]}.
// Errors only: HTML_CodeSniffer's warnings and notices ask for a human's judgement on every page.
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const SCHEMES = ["light", "dark"];
const WORKERS = 2;

async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function sniff(browser, base, path, scheme) {
  const page = await browser.newPage();
  try {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    const url = path.startsWith("/") ? path : base + path;
    const result = await pa11y(url, {
      browser,
      page,
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      includeNotices: false,
      includeWarnings: false,
      timeout: 60000,
      // The page's own scripts (the colour scheme, the filters) have run before the check.
      wait: 200,
    });
    const drawn = await page.evaluate(() => document.body.getAttribute("data-md-color-scheme"));
    return {
      path,
      scheme,
      drawn,
      issues: result.issues.map((issue) => ({
        code: issue.code,
        selector: issue.selector,
        message: issue.message,
        context: issue.context,
      })),
    };
  } finally {
    await page.close();
  }
}

async function main() {
  const { base, paths, chromium, args } = await readInput();
  const browser = await puppeteer.launch({ executablePath: chromium, args, headless: true });
  const jobs = [];
  for (const scheme of SCHEMES) for (const path of paths) jobs.push([path, scheme]);
  const results = [];
  try {
    const worker = async () => {
      while (jobs.length) {
        const [path, scheme] = jobs.shift();
        results.push(await sniff(browser, base, path, scheme));
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
