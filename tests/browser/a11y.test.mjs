// axe-core scans (WCAG 2.x A/AA rules and best practices): no serious or
// critical violation on the demo page with the warning and with the chat
// open, and on the hosted page at its start and at a chat end. axe is
// injected as a script, which the pages' strict CSP would block, so these
// contexts bypass CSP (the CSP itself is checked by the other tests).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, axeSerious, check, setup } from './harness.mjs';

let env;
const reports = {};
before(async () => {
  env = await setup();
});
after(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'axe.json'), JSON.stringify(reports, null, 2));
  await env?.teardown();
});

async function scan(name, page) {
  const { all, serious } = await axeSerious(page);
  reports[name] = all;
  for (const v of all) {
    if (!serious.includes(v)) console.log(`# axe (${v.impact}) on ${name}: ${v.id}: ${v.help}`);
  }
  assert.deepEqual(serious, [], `serious or critical axe violations on ${name}`);
}

async function newPage(options = {}) {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 }, ...options });
  return { context, page: await context.newPage() };
}

test('the demo page with the warning, and with the chat open', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.base}/demo`);
    await scan('demo (empty)', page);
    await page.fill('#q', 'garden');
    await page.press('#q', 'Enter');
    await page.locator('#results').waitFor({ state: 'visible' });
    await scan('demo (results)', page);
    await page.fill('#q', 'zorvik');
    await page.press('#q', 'Enter');
    await page.locator('signpost-warning h2').waitFor();
    await scan('demo (warning)', page);
    await page.locator('signpost-warning button.open').click();
    await page.locator('signpost-warning .step[data-node="start"]').waitFor();
    await scan('demo (chat open)', page);
    await page.locator('signpost-warning .next button[data-choice="talk"]').click();
    await page.locator('signpost-warning .end').waitFor();
    await scan('demo (chat end: helplines)', page);
  } finally {
    await context.close();
  }
});

test('the hosted page, and the hosted page at a chat end', async () => {
  const { context, page } = await newPage({ javaScriptEnabled: true });
  try {
    const { warning } = await check(env.base, 'blemquat', { country: 'NL', locale: 'en' });
    await page.goto(warning.page_url);
    await scan('hosted page', page);
    await page.locator('#chat').getByRole('button', { name: 'Show me self-help' }).click();
    await page.locator('#chat ul.helplines').waitFor();
    await scan('hosted page (chat end: self-help)', page);
    await page.goto(warning.page_url.replace('locale=en', 'locale=nl'));
    await scan('hosted page (nl)', page);
  } finally {
    await context.close();
  }
});
