// The demo page (/demo) and the <signpost-warning> component in headless
// Chromium: warning versus results, the guided chat walked with the mouse and
// with the keyboard only, the tracked helpline link, the counted events, the
// component's size and the strict CSP. Only fictional demo terms are used.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMPONENT, check, screenshot, setup, stubExternal, totals, waitForTotals, watchCsp } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** The demo page in a fresh context; the helplines' sites answer with a stub page. */
async function openDemo() {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const stubbed = await stubExternal(page);
  const csp = watchCsp(page);
  const go = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1/go/')) go.push(r);
  });
  await page.goto(`${env.base}/demo`);
  return { context, page, csp, go, stubbed };
}

/** The deepest focused element, through shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      text: (el.textContent || '').trim().slice(0, 120),
      choice: el.getAttribute('data-choice'),
      node: el.getAttribute('data-node'),
      href: el.getAttribute('href'),
      inEnd: !!el.closest('.end'),
    };
  });
}

/** Presses Tab until `want(focused)` holds (at most `max` presses). */
async function tabUntil(page, want, max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && want(f)) return f;
  }
  assert.fail(`Tab never reached the wanted element; now at ${JSON.stringify(await focused(page))}`);
}

const warning = (page) => page.locator('signpost-warning');

async function search(page, query) {
  await page.fill('#q', query);
  await page.click('form#search button[type=submit]');
}

/** Waits for the chat to show `node` (its step is the last one in the log). */
async function atNode(page, node) {
  await page.locator(`signpost-warning .log .step[data-node="${node}"]`).last().waitFor();
}

test('the component is served, under 20 KB, and is the file in the repository', async () => {
  const source = readFileSync(COMPONENT);
  assert.ok(source.length < 20 * 1024, `signpost.js is ${source.length} bytes`);
  const r = await fetch(`${env.base}/embed/signpost.js`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /javascript/);
  assert.equal(await r.text(), source.toString('utf8'));
  assert.doesNotMatch(source.toString(), /innerHTML|eval\(|new Function/);
});

describe('the demo page', () => {
  test('a listed fictional term shows the warning; an innocent query shows results', async () => {
    const { context, page, csp } = await openDemo();
    try {
      await search(page, 'garden');
      await page.locator('#results').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#result-list li').count(), 4);
      assert.equal(await warning(page).locator('h2').count(), 0, 'no warning for an innocent query');
      await screenshot(page, 'demo-01-results');

      for (const term of ['zorvik', 'plim plom']) {
        await search(page, term);
        const title = warning(page).locator('h2');
        await title.waitFor({ state: 'visible' });
        assert.ok((await title.textContent()).length > 10);
        assert.ok(await page.locator('#results').isHidden(), 'no results next to the warning');
        const lines = warning(page).locator('ul.lines > li');
        assert.ok((await lines.count()) >= 2, 'helplines are listed');
        await assert.doesNotReject(lines.first().locator('h4 a[href*="/v1/go/"]').waitFor());
        assert.match(await lines.first().locator('a[href^="tel:"]').getAttribute('href'), /^tel:\d+$/);
        assert.equal(await warning(page).locator('button.open').count(), 1, 'the guided chat can be opened');
        // The constructable stylesheet applies under the page's strict CSP.
        assert.equal(
          await warning(page).locator('button.open').evaluate((b) => getComputedStyle(b).backgroundColor),
          'rgb(11, 79, 138)'
        );
        assert.equal((await focused(page)).tag, 'h2', 'focus moves to the warning');
      }
      await screenshot(page, 'demo-02-warning');

      // Back to an innocent query: the warning goes, results come.
      await search(page, 'bicycle repair');
      await page.locator('#results').waitFor({ state: 'visible' });
      assert.equal(await warning(page).locator('h2').count(), 0);
      assert.deepEqual(csp, [], 'no CSP violation');
    } finally {
      await context.close();
    }
  });

  test('the mouse walk through the chat reaches a helpline through the tracked link, and is counted', async () => {
    const before = await totals(env.base);
    const { context, page, csp, go, stubbed } = await openDemo();
    try {
      await search(page, 'blemquat');
      await warning(page).locator('h2').waitFor();
      await warning(page).getByRole('button', { name: 'Open the guided chat' }).click();
      await atNode(page, 'start');
      await screenshot(page, 'chat-01-start');
      const walk = [
        ['Why am I seeing this?', 'why'],
        ['What does the law say?', 'law'],
        ['How does looking harm children?', 'harm'],
        ['Is it possible to stop?', 'not-alone'],
        ['I want to talk to someone now', 'talk'],
      ];
      let n = 2;
      for (const [label, node] of walk) {
        await warning(page).locator('.next').getByRole('button', { name: label }).click();
        await atNode(page, node);
        await screenshot(page, `chat-0${n++}-${node}`);
      }
      const end = warning(page).locator('.end[data-end="helplines"]');
      const link = end.locator('li h4 a').first();
      const id = await end.locator('li').first().getAttribute('data-id');
      const external = (await check(env.base, 'zorvik', { country: 'GB' })).warning.helplines.find((h) => h.id === id).url;
      assert.match(await link.getAttribute('href'), new RegExp(`/v1/go/${id}\\?t=`));
      await Promise.all([page.waitForURL(external), link.click()]);
      assert.equal(go.length, 1, 'one request through /v1/go/');
      assert.equal(new URL(go[0].url()).pathname, `/v1/go/${id}`);
      const response = await go[0].response();
      assert.equal(response.status(), 302);
      assert.equal(response.headers().location, external);
      assert.equal(go[0].redirectedTo()?.url(), external);
      assert.equal(await page.locator('h1').textContent(), 'Helpline stub page');
      assert.equal(stubbed[0], external, 'the browser followed the redirect to the helpline');

      const after = await waitForTotals(
        env.base,
        (t) =>
          t.displayed > before.displayed &&
          t.chatbot_opened > before.chatbot_opened &&
          t.chatbot_choices >= before.chatbot_choices + walk.length &&
          t.helpline_clicks > before.helpline_clicks &&
          t.help_requested > before.help_requested
      );
      assert.equal(after.displayed - before.displayed, 1, 'displayed once');
      assert.equal(after.chatbot_opened - before.chatbot_opened, 1, 'opened once (counted by /v1/chat only)');
      assert.equal(after.chatbot_choices - before.chatbot_choices, walk.length);
      assert.equal(after.helpline_clicks - before.helpline_clicks, 1);
      assert.deepEqual(csp, [], 'no CSP violation');
    } finally {
      await context.close();
    }
  });

  test('the self-help and leave ends, starting again, and closing the warning', async () => {
    const before = await totals(env.base);
    const { context, page, csp } = await openDemo();
    try {
      await search(page, 'zorvik');
      await warning(page).getByRole('button', { name: 'Open the guided chat' }).click();
      await atNode(page, 'start');
      await warning(page).locator('.next').getByRole('button', { name: 'Show me self-help' }).click();
      await atNode(page, 'self-help');
      const selfHelp = warning(page).locator('.end[data-end="self-help"]');
      assert.ok((await selfHelp.locator('li h5 a[href*="/v1/go/"]').count()) >= 1, 'self-help services are listed');
      await screenshot(page, 'chat-07-self-help');

      await warning(page).getByRole('button', { name: 'Start again' }).click();
      await atNode(page, 'start');
      assert.equal(await warning(page).locator('.log .step').count(), 1, 'the chat starts again');
      await warning(page).locator('.next').getByRole('button', { name: 'I want to leave this page' }).click();
      await atNode(page, 'leave');
      assert.equal(
        await warning(page).locator('.end[data-end="leave"] a').getAttribute('href'),
        'about:blank'
      );
      await screenshot(page, 'chat-08-leave');

      await warning(page).getByRole('button', { name: 'Close' }).click();
      await page.waitForFunction(() => !document.querySelector('signpost-warning').shadowRoot.querySelector('h2'));
      assert.equal((await focused(page)).id, 'q', 'focus returns to the search box');
      await screenshot(page, 'demo-03-dismissed');
      const after = await waitForTotals(
        env.base,
        (t) => t.dismissed > before.dismissed && t.chatbot_choices > before.chatbot_choices
      );
      assert.equal(after.chatbot_opened - before.chatbot_opened, 1, 'starting again is not a second opening');
      // One token counts one choice per chat step: the second choice at
      // `start`, after starting again, is not counted (so no client can
      // inflate the choices researchers compare).
      assert.equal(after.chatbot_choices - before.chatbot_choices, 1, 'one choice at the start step');
      assert.equal(after.dismissed - before.dismissed, 1);
      assert.deepEqual(csp, [], 'no CSP violation');
    } finally {
      await context.close();
    }
  });

  test('the same walk with the keyboard only', async () => {
    const before = await totals(env.base);
    const { context, page, csp, go } = await openDemo();
    try {
      // Into the search box, type, submit.
      await tabUntil(page, (f) => f.id === 'q');
      await page.keyboard.type('zorvik');
      await page.keyboard.press('Enter');
      await warning(page).locator('h2').waitFor();
      assert.equal((await focused(page)).tag, 'h2', 'focus moves to the warning heading');

      // The next stop is the chat's button; Enter opens the chat.
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).text, 'Open the guided chat');
      await page.keyboard.press('Enter');
      await atNode(page, 'start');
      assert.equal((await focused(page)).node, 'start', 'focus moves to the first step');
      await screenshot(page, 'keyboard-01-start');

      // Tab to a choice, Shift+Tab back, Space and Enter press buttons.
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).choice, 'why');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).choice, 'talk');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).choice, 'why');
      await page.keyboard.press('Space');
      await atNode(page, 'why');
      assert.equal((await focused(page)).node, 'why', 'focus moves to the new step');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).choice, 'law');
      await page.keyboard.press('Enter');
      await atNode(page, 'law');
      await tabUntil(page, (f) => f.choice === 'talk', 3);
      await page.keyboard.press('Enter');
      await atNode(page, 'talk');
      assert.equal((await focused(page)).node, 'talk');
      await screenshot(page, 'keyboard-02-helplines');

      // The first link of the end is the first helpline's tracked link.
      const link = await tabUntil(page, (f) => f.tag === 'a', 3);
      assert.ok(link.inEnd, 'the first link after the step is in the helpline list');
      assert.match(link.href, /\/v1\/go\/[a-z0-9-]+\?t=/);
      await Promise.all([page.waitForURL((url) => !url.href.startsWith(env.base)), page.keyboard.press('Enter')]);
      assert.equal(go.length, 1);
      assert.equal((await go[0].response()).status(), 302);
      assert.equal(await page.locator('h1').textContent(), 'Helpline stub page');

      const after = await waitForTotals(
        env.base,
        (t) =>
          t.displayed > before.displayed &&
          t.chatbot_opened > before.chatbot_opened &&
          t.chatbot_choices >= before.chatbot_choices + 3 &&
          t.helpline_clicks > before.helpline_clicks
      );
      assert.equal(after.chatbot_choices - before.chatbot_choices, 3);
      assert.deepEqual(csp, [], 'no CSP violation');
    } finally {
      await context.close();
    }
  });

  test('a payload given as a property renders and reports once; allow clears it', async () => {
    const before = await totals(env.base);
    const { context, page, csp } = await openDemo();
    try {
      const answer = await check(env.base, 'zorvik');
      const seen = await page.evaluate(async (answer) => {
        const el = document.createElement('signpost-warning');
        const events = [];
        for (const name of ['warn', 'allow']) el.addEventListener(`signpost:${name}`, (e) => events.push(e.detail.decision));
        el.payload = answer.warning; // just the warning, before the element is in the page
        document.body.append(el);
        const title = el.shadowRoot.querySelector('h2').textContent;
        el.remove();
        document.body.append(el); // moved: still one `displayed`
        el.payload = { decision: 'allow', list_version: answer.list_version };
        return { events, title, after: el.shadowRoot.childElementCount };
      }, answer);
      assert.deepEqual(seen, { events: ['warn', 'allow'], title: answer.warning.title, after: 0 });
      const after = await waitForTotals(env.base, (t) => t.displayed > before.displayed);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await totals(env.base)).displayed - before.displayed, 1);
      assert.ok(after);
      assert.deepEqual(csp, []);
    } finally {
      await context.close();
    }
  });

  test('a `query` attribute checks the query with the `endpoint` given', async () => {
    const { context, page, csp } = await openDemo();
    try {
      const decisions = await page.evaluate(async (endpoint) => {
        const el = document.createElement('signpost-warning');
        el.setAttribute('endpoint', endpoint + '/');
        const next = () => new Promise((ok) => {
          const done = (e) => ok(e.detail.decision);
          el.addEventListener('signpost:warn', done, { once: true });
          el.addEventListener('signpost:allow', done, { once: true });
        });
        let got = next();
        el.setAttribute('query', 'plim plom');
        document.body.append(el);
        const first = await got;
        got = next();
        el.setAttribute('query', 'garden');
        return [first, await got];
      }, env.base);
      assert.deepEqual(decisions, ['warn', 'allow']);
      assert.deepEqual(csp, []);
    } finally {
      await context.close();
    }
  });

  test('an unreachable signpost fails open: the page shows results', async () => {
    const context = await env.browser.newContext();
    try {
      await context.route('**/v1/check', (route) => route.abort('connectionrefused'));
      const page = await context.newPage();
      await page.goto(`${env.base}/demo`);
      const allowed = page.evaluate(
        () =>
          new Promise((ok) =>
            document.addEventListener('signpost:allow', (e) => ok(e.detail), { once: true })
          )
      );
      await search(page, 'zorvik');
      assert.deepEqual(await allowed, { decision: 'allow', failed: true });
      await page.locator('#results').waitFor({ state: 'visible' });
    } finally {
      await context.close();
    }
  });
});
