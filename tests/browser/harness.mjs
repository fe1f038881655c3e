// Shared by the browser tests: starts a built `signpost serve` on a free port
// with a temporary data directory, launches Debian's headless Chromium with
// playwright-core, and stops both afterwards. Builds nothing itself: run
// `cargo build --bin signpost` first (scripts/test does, through cargo test).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
export const ARTIFACTS = join(REPO, 'test-artifacts', 'browser');
export const RESEARCH_TOKEN = 'browser-tests-research-token';
export const COMPONENT = join(REPO, 'src/http/assets/signpost.js');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts signpost; resolves to { base, stop(), logs() }. */
export async function startSignpost(extraEnv = {}) {
  const bin = resolve(REPO, process.env.SIGNPOST_BIN || join(here, '../../target/debug/signpost'));
  if (!existsSync(bin)) throw new Error(`no signpost binary at ${bin}: run \`cargo build --bin signpost\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-browser-'));
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SIGNPOST_RESEARCH_TOKEN: RESEARCH_TOKEN,
        SIGNPOST_ANALYTICS__MIN_CELL: '1',
        SIGNPOST_ANALYTICS__FLUSH_INTERVAL_MS: '100',
        SIGNPOST_LOG_FORMAT: 'text',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !exited) {
      try {
        const r = await fetch(`${base}/healthz`);
        if (r.ok) {
          return {
            base,
            logs: () => output,
            async stop() {
              if (!exited) {
                child.kill('SIGTERM');
                const end = Date.now() + 10_000;
                while (!exited && Date.now() < end) await sleep(50);
                if (!exited) child.kill('SIGKILL');
              }
              rmSync(dataDir, { recursive: true, force: true });
            },
          };
        }
      } catch {
        /* not up yet */
      }
      await sleep(100);
    }
    if (!exited) child.kill('SIGKILL');
    lastError = new Error(`signpost did not become healthy on ${base}:\n${output}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  throw lastError;
}

/** Launches headless Chromium (Debian's, or CHROMIUM_PATH). playwright-core
 * gives every launch a fresh, empty profile (its own --user-data-dir). */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS.filter((a) => a !== '--headless') });
}

/** A signpost and a browser for one test file. */
export async function setup(extraEnv) {
  const server = await startSignpost(extraEnv);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    browser,
    base: server.base,
    async teardown() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/** Collects console messages and page errors that report CSP violations. */
export function watchCsp(page) {
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(String(e)));
  return violations;
}

/** Saves a full-page screenshot under test-artifacts/browser/. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export const STUB_PAGE =
  '<!doctype html><html lang="en"><title>Helpline (stub)</title><h1>Helpline stub page</h1></html>';

/**
 * Answers every https request of `page` (the helplines' sites: there is no
 * network here) with a stub page. Playwright's page.route does not see the
 * hops of a redirect (microsoft/playwright#33882), so this pauses requests
 * with the DevTools protocol's Fetch domain, which does: the browser itself
 * follows signpost's 302 from /v1/go/{id} to the helpline, and gets the stub.
 * Resolves to the list of stubbed URLs.
 */
export async function stubExternal(page) {
  const stubbed = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://*' }] });
  cdp.on('Fetch.requestPaused', (e) => {
    stubbed.push(e.request.url);
    cdp
      .send('Fetch.fulfillRequest', {
        requestId: e.requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }],
        body: Buffer.from(STUB_PAGE).toString('base64'),
      })
      .catch(() => {});
  });
  return stubbed;
}

/** `GET /v1/stats` totals. */
export async function totals(base) {
  const r = await fetch(`${base}/v1/stats`, { headers: { authorization: `Bearer ${RESEARCH_TOKEN}` } });
  if (!r.ok) throw new Error(`/v1/stats answered ${r.status}: ${await r.text()}`);
  return (await r.json()).totals;
}

/** Polls the stats until `want(totals)` holds; returns the last totals. */
export async function waitForTotals(base, want, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await totals(base);
    if (want(last)) return last;
    await sleep(150);
  }
  throw new Error(`stats never matched; last totals: ${JSON.stringify(last)}`);
}

/** A check straight against the API. */
export async function check(base, q, extra = {}) {
  const r = await fetch(`${base}/v1/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ q, ...extra }),
  });
  if (!r.ok) throw new Error(`/v1/check answered ${r.status}`);
  return r.json();
}

/** The axe-core source, for page.addScriptTag. */
export function axeSource() {
  return readFileSync(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
}

/** Runs axe in `page` (whose context must bypass CSP); returns serious and critical violations. */
export async function axeSerious(page) {
  await page.addScriptTag({ content: axeSource() });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  });
  return { all: result, serious: result.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

export const sleepMs = sleep;
