// Headless-Chromium check of the newsprism web UI. Started by run.sh, which ingests the fixtures
// and starts `newsprism serve`; BASE is the server's URL, OUT the screenshot folder.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = process.env.BASE;
const OUT = process.env.OUT || 'screenshots';
if (!BASE) { console.error('BASE is not set'); process.exit(2); }
mkdirSync(OUT, { recursive: true });

let passed = 0, failed = 0;
const dialogs = [], pageErrors = [];
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   - ${name}`); }
  else { failed++; console.log(`FAIL - ${name}${detail ? ': ' + detail : ''}`); }
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(`${BASE}/healthz`); if (r.ok) return; } catch (_) { /* not up yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`server at ${BASE} did not come up`);
}

// Everything an injected payload in the fixtures would set or create.
async function injectionEvidence(page) {
  return page.evaluate(() => {
    const flags = Object.keys(window).filter(k => k.startsWith('__pwned'));
    const handlers = [];
    for (const el of document.querySelectorAll('main *')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) handlers.push(`${el.tagName}[${a.name}]`);
        if (/^\s*javascript:/i.test(a.value)) handlers.push(`${el.tagName}[${a.name}=javascript:]`);
      }
    }
    const injected = ['#injected', '#evil-link', 'main iframe', 'main img', 'main style', 'main svg[onload]']
      .filter(s => document.querySelector(s));
    const scripts = [...document.querySelectorAll('script')].map(s => s.src || 'inline');
    return { flags, handlers, injected, scripts, bodyHidden: getComputedStyle(document.body).display === 'none' };
  });
}

async function assertInert(page, where) {
  const ev = await injectionEvidence(page);
  check(`${where}: no injected globals`, ev.flags.length === 0, ev.flags.join(','));
  check(`${where}: no event-handler or javascript: attributes`, ev.handlers.length === 0, ev.handlers.join(','));
  check(`${where}: no injected elements`, ev.injected.length === 0, ev.injected.join(','));
  check(`${where}: only our own script`, ev.scripts.length === 1 && ev.scripts[0].endsWith('/static/app.js'), ev.scripts.join(','));
  check(`${where}: injected CSS did not apply`, !ev.bodyHidden);
}

await waitForServer();
const userDataDir = mkdtempSync(join(tmpdir(), 'newsprism-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1360, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] || await context.newPage();
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', e => pageErrors.push(String(e)));
  // Nothing may leave the loopback server.
  await page.route('**/*', route => {
    const u = new URL(route.request().url());
    if (u.origin === new URL(BASE).origin) return route.continue();
    pageErrors.push(`blocked external request ${u.href}`);
    return route.abort();
  });

  // 1. Search page.
  await page.goto(`${BASE}/`);
  check('search page title', (await page.title()).includes('newsprism'));
  const total = await page.locator('.summary strong').first().textContent();
  check('search page lists all fixtures', Number(total) === 6, `total=${total}`);
  check('facets shown', await page.locator('.facets fieldset').count() >= 3);
  await page.screenshot({ path: join(OUT, '1-search-home.png'), fullPage: true });

  // 2. Full-text search with stemming ("harbours" finds "harbour").
  await page.fill('#q', 'harbours');
  await Promise.all([page.waitForURL(/q=harbours/), page.press('#q', 'Enter')]);
  const hits = await page.locator('.hit').count();
  check('search finds the harbour stories', hits >= 3, `hits=${hits}`);
  check('matches are highlighted', await page.locator('.snippet mark').count() >= 1);
  await page.screenshot({ path: join(OUT, '2-search-results.png'), fullPage: true });

  // 3. A facet narrows the results (applied on change by app.js).
  await page.goto(`${BASE}/?q=port`);
  const fr = page.locator('input[name=lang][value=fr]');
  check('language facet offers French', await fr.count() === 1);
  await Promise.all([page.waitForURL(/lang=fr/), fr.check()]);
  const langs = await page.locator('.hit .meta').allTextContents();
  check('facet filter applied', langs.length >= 1 && langs.every(t => t.includes('French')), langs.join(' | '));
  await page.screenshot({ path: join(OUT, '3-search-facet.png'), fullPage: true });

  // 4. Article page with techniques and cue words.
  await page.goto(`${BASE}/?q=disgrace`);
  await Promise.all([page.waitForURL(/\/articles\//), page.locator('.hit-title').first().click()]);
  check('article page heading', (await page.locator('h1').textContent()).includes('disgrace'));
  const paras = await page.locator('.para').count();
  check('all paragraphs shown', paras === 6, `paras=${paras}`);
  const techs = await page.locator('.para .tech').count();
  console.log(`     (${techs} technique labels, ${await page.locator('mark.cue').count()} highlighted cues)`);
  const legend = page.locator('.legend-item[data-filter^="t"]');
  if (await legend.count() > 0) {
    await legend.first().click();
    check('technique filter dims other paragraphs', await page.locator('.para.dim').count() >= 1 || paras === await page.locator('.para.has-tech').count());
    await page.locator('.legend-item[data-filter=""]').click();
  }
  await page.screenshot({ path: join(OUT, '4-article.png'), fullPage: true });

  // 5. Outlet page with its profile chart.
  await page.locator('.kicker a').first().click();
  await page.waitForURL(/\/outlets\//);
  check('outlet page has charts or a no-technique note',
    await page.locator('figure.chart svg').count() >= 1 || await page.locator('text=No persuasion techniques').count() === 1);
  await page.screenshot({ path: join(OUT, '5-outlet.png'), fullPage: true });
  await page.goto(`${BASE}/outlets`);
  check('outlet list', await page.locator('table.grid tbody tr').count() === 6);
  await page.screenshot({ path: join(OUT, '6-outlets.png'), fullPage: true });

  // 6. The malicious article: every payload must stay text.
  await page.goto(`${BASE}/?q=scandal`);
  await assertInert(page, 'search results with payload');
  await page.locator('.hit-title').first().click();
  await page.waitForURL(/\/articles\//);
  const h1 = await page.locator('h1').textContent();
  check('script tag in title shown as text', h1.includes('<script>'), h1);
  const body = await page.locator('.paras').textContent();
  check('markup in paragraphs shown as text', body.includes('<img src=x onerror=') && body.includes('<a href="javascript:'));
  await page.mouse.move(400, 500);
  await page.locator('.para').nth(3).hover();
  await assertInert(page, 'malicious article');
  await page.screenshot({ path: join(OUT, '7-article-malicious.png'), fullPage: true });
  const evilOutlet = page.locator('.kicker a').first();
  check('malicious outlet name shown as text', (await evilOutlet.textContent()).includes('<img'));
  await evilOutlet.click();
  await page.waitForURL(/\/outlets\//);
  await assertInert(page, 'malicious outlet page');
  await page.screenshot({ path: join(OUT, '8-outlet-malicious.png'), fullPage: true });

  // 7. Stories: the wire copy and the original are one story.
  await page.goto(`${BASE}/stories`);
  const stories = page.locator('.story-item a.hit-title');
  check('stories listed', await stories.count() >= 1, `stories=${await stories.count()}`);
  await page.screenshot({ path: join(OUT, '9-stories.png'), fullPage: true });
  if (await stories.count() >= 1) {
    await Promise.all([page.waitForURL(/\/stories\/\d+/), stories.first().click()]);
    const rows = await page.locator('table.grid').first().locator('tbody tr').count();
    check('story shows its coverage', rows >= 2, `rows=${rows}`);
    await assertInert(page, 'story page');
    await page.screenshot({ path: join(OUT, '10-story.png'), fullPage: true });
    await page.locator('table.grid tbody tr td:nth-child(4) a').first().click();
    await page.waitForURL(/\/articles\//);
    check('article links back to its story', await page.locator('.story-link a').count() === 1);
  }

  check('no dialog opened', dialogs.length === 0, dialogs.join(' | '));
  check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`screenshots in ${OUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
