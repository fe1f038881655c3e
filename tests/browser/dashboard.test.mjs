// The research dashboard in a real browser: `signpost simulate` fills a
// running service with two weeks of synthetic traffic, a person signs in with
// the research token, and the page shows the series, the funnel, the
// variants and the interrupted time series without JavaScript, under a
// strict CSP, with no serious accessibility violation. A screenshot is saved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO, RESEARCH_TOKEN, axeSerious, screenshot, setup, waitForTotals, watchCsp } from './harness.mjs';

const run = promisify(execFile);
let env;
let intervention;

before(async () => {
  env = await setup();
  const bin = resolve(REPO, process.env.SIGNPOST_BIN || 'target/debug/signpost');
  const { stdout } = await run(bin, [
    'simulate', '--url', env.base, '--days', '14', '--checks-per-day', '300', '--intervention-day', '7', '--connections', '4',
  ]);
  intervention = /intervention starts on (\d{4}-\d{2}-\d{2})/.exec(stdout)?.[1];
  assert.ok(intervention, `simulate printed no intervention date: ${stdout}`);
  // The default period of /v1/stats is the last 7 days: about half the traffic.
  await waitForTotals(env.base, (t) => t.checks > 1500 && t.warnings_shown > 0);
});
after(async () => {
  await env?.teardown();
});

test('a researcher signs in and sees the series, the variants and the time series', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const csp = watchCsp(page);
  try {
    const first = await page.goto(`${env.base}/dashboard`);
    assert.equal(first.status(), 401, 'signed out: the sign-in form');
    await page.fill('#token', RESEARCH_TOKEN);
    await Promise.all([page.waitForURL(`${env.base}/dashboard`), page.click('button[type=submit]')]);
    const from = new Date(Date.parse(intervention) - 7 * 86_400_000).toISOString().slice(0, 10);
    const response = await page.goto(`${env.base}/dashboard?from=${from}&intervention=${intervention}`);
    assert.equal(response.status(), 200);
    const charts = page.locator('svg[role=img]');
    assert.ok((await charts.count()) >= 6, 'searches, hits, funnel, warned again, variants, time series');
    const hits = page.locator('svg[aria-label="Hits per 1,000 checks"]');
    assert.ok((await hits.locator('polyline[stroke="#0B4F8A"]').count()) >= 1, 'the hit-rate series is drawn');
    assert.ok((await hits.locator('circle').count()) >= 10, 'one point per day');
    const its = page.locator('svg[aria-label^="Interrupted time series"]');
    assert.ok((await its.locator('path, polyline').count()) > 0, 'the fitted segments are drawn');
    const level = page.locator('tr', { hasText: 'level change at the intervention' });
    assert.match(await level.innerText(), /-\d+\.\d{3}/, 'the level change is estimated, and negative');
    assert.ok((await page.locator('table', { hasText: 'Turn-back and help-seeking by arm' }).locator('tbody tr').count()) >= 4);
    await screenshot(page, 'dashboard');
    assert.deepEqual(csp, []);
  } finally {
    await context.close();
  }
});

test('the dashboard has no serious accessibility violation', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, extraHTTPHeaders: { authorization: `Bearer ${RESEARCH_TOKEN}` } });
  const page = await context.newPage();
  try {
    await page.goto(`${env.base}/dashboard?intervention=${intervention}`);
    const { serious } = await axeSerious(page);
    assert.deepEqual(serious, []);
  } finally {
    await context.close();
  }
});
