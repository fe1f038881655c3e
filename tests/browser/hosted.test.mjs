// The hosted warning page (/warning?t=...) with JavaScript disabled: the
// guided chat as plain forms, walked to each of its ends, the tracked helpline
// link, and the strict CSP. Only fictional demo terms are used.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, screenshot, setup, stubExternal, totals, waitForTotals, watchCsp } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** A fresh warning page: each check's token counts each chat step once. */
async function openPage() {
  const pageUrl = (await check(env.base, 'plim plom', { country: 'GB', locale: 'en' })).warning.page_url;
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const csp = watchCsp(page);
  const stubbed = await stubExternal(page);
  const response = await page.goto(pageUrl);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
  return { context, page, csp, stubbed };
}

/** Presses the chat's button `label` (a form submit: a new page load). */
async function choose(page, label) {
  await Promise.all([page.waitForNavigation(), page.locator('#chat').getByRole('button', { name: label }).click()]);
}

test('the hosted page shows the warning and its helplines without JavaScript', async () => {
  const before = await totals(env.base);
  const { context, page, csp } = await openPage();
  try {
    await page.locator('h1').waitFor();
    assert.ok((await page.locator('h1').textContent()).length > 10);
    const lines = page.locator('section[aria-labelledby="help-heading"] li.helpline');
    assert.ok((await lines.count()) >= 2);
    assert.match(await lines.first().locator('h3 a').getAttribute('href'), /\/v1\/go\/stop-it-now-uk-ie\?t=/);
    assert.equal(await page.locator('script').count(), 0);
    await screenshot(page, 'hosted-01-warning');
    await waitForTotals(env.base, (t) => t.page_viewed > before.page_viewed);
    assert.deepEqual(csp, [], 'no CSP violation');
  } finally {
    await context.close();
  }
});

test('without JavaScript the chat reaches the helplines end, and the tracked link redirects', async () => {
  const before = await totals(env.base);
  const { context, page, csp, stubbed } = await openPage();
  try {
    await choose(page, 'I want to talk to someone now');
    assert.match(page.url(), /node=start&choice=talk#chat$/);
    await page.locator('#chat a[href="#help-heading"]').waitFor();
    await screenshot(page, 'hosted-02-end-helplines');
    const goes = [];
    page.on('request', (r) => r.url().includes('/v1/go/') && goes.push(r));
    await Promise.all([
      page.waitForURL((url) => url.protocol === 'https:'),
      page.locator('li.helpline h3 a').first().click(),
    ]);
    assert.equal(goes.length, 1);
    assert.equal((await goes[0].response()).status(), 302);
    assert.equal(stubbed[0], goes[0].redirectedTo().url());
    await waitForTotals(
      env.base,
      (t) => t.chatbot_choices > before.chatbot_choices && t.helpline_clicks > before.helpline_clicks
    );
    assert.deepEqual(csp, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the chat reaches the self-help end and starts again', async () => {
  const { context, page, csp } = await openPage();
  try {
    await choose(page, 'Show me self-help');
    const list = page.locator('#chat ul.helplines li.helpline');
    assert.ok((await list.count()) >= 1, 'self-help services are listed');
    assert.match(await list.first().locator('a').first().getAttribute('href'), /\/v1\/go\//);
    await screenshot(page, 'hosted-03-end-self-help');
    await Promise.all([page.waitForNavigation(), page.locator('#chat').getByRole('link', { name: 'Start again' }).click()]);
    assert.equal(await page.locator('#chat form button').count(), 4, 'back at the first step');
    assert.deepEqual(csp, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the long way round reaches the leave end', async () => {
  const before = await totals(env.base);
  const { context, page, csp } = await openPage();
  try {
    const walk = [
      'Why am I seeing this?',
      'What does the law say?',
      'How does looking harm children?',
      'Is it possible to stop?',
      'I want to leave this page',
    ];
    let n = 1;
    for (const label of walk) {
      await choose(page, label);
      await screenshot(page, `hosted-04-walk-${n++}`);
    }
    assert.equal(await page.locator('#chat form').count(), 0, 'an end has no buttons');
    assert.equal(await page.locator('#chat').getByRole('link', { name: 'Leave this page' }).getAttribute('href'), 'about:blank');
    await waitForTotals(env.base, (t) => t.chatbot_choices >= before.chatbot_choices + walk.length);
    assert.deepEqual(csp, []);
  } finally {
    await context.close();
  }
});
