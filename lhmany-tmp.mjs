import lighthouse from 'lighthouse';
const [port, ...urls] = process.argv.slice(2);
for (const url of urls) {
  const r = await lighthouse(url, {port: Number(port), output: 'json', logLevel: 'error',
    onlyCategories: ['accessibility','best-practices','seo'], disableFullPageScreenshot: true});
  console.log(url, JSON.stringify(Object.fromEntries(Object.entries(r.lhr.categories).map(([k,v])=>[k,v.score]))));
}
