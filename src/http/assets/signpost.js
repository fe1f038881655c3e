/*! <signpost-warning>: the signpost deterrence warning as a web component.
 *
 * Shows, instead of search results, the warning that signpost returns for a
 * query that matched its list: title, text, helplines and a buttons-only
 * guided chat. Vanilla JS, Shadow DOM, no build, no dependencies, no
 * third-party requests; works under a strict CSP (no eval, no inline styles:
 * styles are a constructable stylesheet).
 *
 * Embed:
 *   <script src="https://signpost.example/embed/signpost.js" defer></script>
 *   <signpost-warning locale="en" country="GB" surface="search"></signpost-warning>
 *   el.check(query)        // POSTs /v1/check; resolves to "warn" or "allow"
 *   el.payload = response  // or render a /v1/check answer (or its `warning`)
 *
 * Attributes: endpoint (signpost base URL; default: the origin of this
 *   script's src), query (checked whenever set), locale, country, session,
 *   surface (sent with the check), timeout (ms, default 3000), leave-url
 *   (where the chat's "leave" link goes; default about:blank).
 * Properties: payload (get/set), warning (read-only). Methods: check(query),
 *   clear(), focus() (moves focus to the warning's heading).
 * Events (bubbling, composed), detail {decision, warning?, failed?}:
 *   signpost:warn    show the component instead of results
 *   signpost:allow   show results (also when signpost is unreachable: the
 *                    check fails open, detail.failed = true)
 *   signpost:dismiss the person closed the warning (move focus, e.g. to your
 *                    search box)
 * Counted (POST /v1/events, with the event token; never the query):
 *   displayed (once per warning), dismissed, help_requested (once per
 *   warning, when a helpline link is activated). The chat counts its own
 *   steps through POST /v1/chat.
 * Theming (CSS custom properties on the element or an ancestor; the
 *   defaults meet WCAG 2.2 AA): --signpost-bg, --signpost-fg,
 *   --signpost-accent (links, buttons), --signpost-accent-fg (text on
 *   accent), --signpost-muted (secondary text), --signpost-border,
 *   --signpost-radius, --signpost-font, --signpost-focus (focus outline).
 *   The panel is exposed as ::part(panel).
 */
(() => {
  'use strict';
  if (!window.customElements || customElements.get('signpost-warning')) return;

  const script = document.currentScript;
  const origin = (url) => {
    try {
      const o = new URL(url, location.href).origin;
      return o === 'null' ? '' : o;
    } catch (e) {
      return '';
    }
  };
  const SCRIPT_ORIGIN = (script && script.src && origin(script.src)) || location.origin;

  const CSS = `
:host{display:block;color:var(--signpost-fg,#1d1d1f);font-family:var(--signpost-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:1rem;line-height:1.5;--a:var(--signpost-accent,#0b4f8a);--af:var(--signpost-accent-fg,#fff);--bg:var(--signpost-bg,#fff);--r:var(--signpost-radius,.75rem);--b:var(--signpost-border,#c9ccd1)}
:host([hidden]){display:none}
*{box-sizing:border-box}
.panel{background:var(--bg);border:1px solid var(--b);border-radius:var(--r);padding:1.25rem;max-width:44rem}
h2{font-size:1.4rem;line-height:1.25;margin:0 0 .75rem}
h3{font-size:1.1rem;line-height:1.3;margin:1.5rem 0 .5rem}
h4,h5{font-size:1rem;line-height:1.35;margin:0 0 .25rem}
h4.sub{margin:1rem 0 .5rem}
p{margin:0 0 .6rem}
.muted,.conf{color:var(--signpost-muted,#4a4a4f)}
.conf{font-size:.95rem;margin:0}
a{color:var(--a);text-decoration:underline;text-underline-offset:.15em}
ul{list-style:none;padding:0;margin:0}
li{border:1px solid var(--b);border-radius:calc(var(--r)*.7);padding:.8rem 1rem;margin:0 0 .6rem}
button{font:inherit;cursor:pointer;min-height:44px;padding:.45rem .95rem;border:2px solid var(--a);border-radius:calc(var(--r)*.6);background:var(--a);color:var(--af);text-align:start}
button.quiet{background:transparent;color:var(--a)}
:focus-visible{outline:3px solid var(--signpost-focus,#b35900);outline-offset:2px}
h2:focus,.step:focus{outline-offset:4px}
.chat{margin:1.25rem 0 0;border-top:1px solid var(--b)}
.log{display:flex;flex-direction:column;gap:.5rem}
.step{display:flex;flex-direction:column;gap:.4rem;border-radius:calc(var(--r)*.7)}
.bot,.me{margin:0;padding:.5rem .8rem;border-radius:calc(var(--r)*.7);max-width:92%}
.bot{align-self:flex-start;background:color-mix(in srgb,var(--a) 9%,var(--bg))}
.me{align-self:flex-end;background:color-mix(in srgb,var(--a) 20%,var(--bg))}
.next{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0 0}
.next>.end{flex-basis:100%}
.actions{display:flex;justify-content:flex-end;margin-top:1rem}
@media (forced-colors:active){button{border:2px solid ButtonText}.bot,.me{border:1px solid CanvasText}}
`;
  let sheet;
  const styles = () => {
    if (sheet === undefined) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      } catch (e) {
        sheet = null;
      }
    }
    return sheet;
  };

  // Builds an element: text children become text nodes (never HTML).
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'onclick') el.addEventListener('click', v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat(2)) if (kid != null && kid !== false && kid !== '') el.append(kid);
    return el;
  };
  // Only web links from a payload become hrefs.
  const web = (url) => {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  };
  const JSON_HEADERS = { 'content-type': 'application/json' };

  class SignpostWarning extends HTMLElement {
    static get observedAttributes() {
      return ['query'];
    }

    constructor() {
      super();
      this._root = this.attachShadow({ mode: 'open' });
      const s = styles();
      if (s) this._root.adoptedStyleSheets = [s];
      this._w = null;
      this._seq = 0;
      this._sent = new Set();
      this._busy = false;
    }

    connectedCallback() {
      // A payload set before the element was upgraded.
      if (Object.prototype.hasOwnProperty.call(this, 'payload')) {
        const p = this.payload;
        delete this.payload;
        this.payload = p;
      } else if (this._w) this._report('displayed', true);
      else if (this.getAttribute('query') && !this._seq) this.check(this.getAttribute('query'));
    }

    attributeChangedCallback(name, old, value) {
      if (name === 'query' && value && value !== old && this.isConnected) this.check(value);
    }

    get payload() {
      return this._w;
    }

    set payload(p) {
      this._seq++;
      this._apply(p);
    }

    get warning() {
      return this._w;
    }

    get endpoint() {
      return (this.getAttribute('endpoint') || SCRIPT_ORIGIN).replace(/\/+$/, '');
    }

    // Where this warning's chat and events go: the endpoint attribute, else
    // the service that made the warning, else the script's origin.
    _base() {
      return (
        (this.getAttribute('endpoint') || (this._w && origin(this._w.page_url)) || SCRIPT_ORIGIN).replace(/\/+$/, '')
      );
    }

    focus(options) {
      const title = this._root.querySelector('h2');
      if (title) title.focus(options);
    }

    clear() {
      this._seq++;
      this._reset();
    }

    /** Checks `query` with signpost; resolves to "warn" or "allow" (null when a newer check replaced it). */
    async check(query) {
      const seq = ++this._seq;
      const body = { q: String(query) };
      for (const a of ['locale', 'country', 'session', 'surface']) {
        const v = this.getAttribute(a);
        if (v) body[a] = v;
      }
      let answer;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), Number(this.getAttribute('timeout')) || 3000);
      try {
        const r = await fetch(this.endpoint + '/v1/check', this._init(body, { signal: abort.signal }));
        if (!r.ok) throw new Error('signpost answered ' + r.status);
        answer = await r.json();
      } catch (e) {
        if (seq !== this._seq) return null;
        this._reset();
        this._emit('allow', { decision: 'allow', failed: true });
        return 'allow';
      } finally {
        clearTimeout(timer);
      }
      return seq === this._seq ? this._apply(answer) : null;
    }

    _init(body, extra) {
      return Object.assign(
        {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify(body),
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        },
        extra
      );
    }

    _apply(p) {
      const w = p && (p.warning || (p.title && p.event_token !== undefined ? p : null));
      if (!w || (p.decision && p.decision !== 'warn')) {
        this._reset();
        this._emit('allow', { decision: 'allow' });
        return 'allow';
      }
      this._w = w;
      this._render();
      this._emit('warn', { decision: 'warn', warning: w });
      if (this.isConnected) this._report('displayed', true);
      return 'warn';
    }

    _emit(name, detail) {
      this.dispatchEvent(new CustomEvent('signpost:' + name, { detail, bubbles: true, composed: true }));
    }

    // Fire and forget; `once`: at most once per warning.
    _report(event, once) {
      const token = this._w && this._w.event_token;
      if (!token) return;
      const key = event + ' ' + token;
      if (once && this._sent.has(key)) return;
      this._sent.add(key);
      try {
        fetch(this._base() + '/v1/events', this._init({ event_token: token, event }, { keepalive: true })).catch(
          () => {}
        );
      } catch (e) {
        /* counting never gets in the way */
      }
    }

    _reset() {
      this._w = null;
      this._busy = false;
      this._root.replaceChildren();
    }

    _render() {
      const w = this._w;
      const ui = w.ui || {};
      const body = String(w.body || '');
      this._open = h('button', { type: 'button', class: 'open', onclick: () => this._openChat() }, ui.open_chatbot);
      this._chat = h('section', { class: 'chat', 'aria-labelledby': 'sp-chat', hidden: true });
      this._root.replaceChildren(
        h(
          'section',
          { class: 'panel', part: 'panel', 'aria-labelledby': 'sp-title', lang: w.locale || null },
          h('h2', { id: 'sp-title', tabindex: '-1' }, w.title),
          // The line that no results are shown, unless the text starts with it.
          ui.no_results && !body.startsWith(ui.no_results.replace(/[.。]$/, ''))
            ? h('p', { class: 'muted' }, ui.no_results)
            : null,
          h('p', null, body),
          w.chatbot ? [this._open, this._chat] : null,
          (this._help = h('div', null, h('h3', { id: 'sp-help' }, ui.help_heading), this._lines(w.helplines, 'h4'))),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'quiet', onclick: () => this._dismiss() }, ui.dismiss)
          )
        )
      );
    }

    // A list of services: name linked through the tracked link, phone, chat,
    // email, hours, worldwide, confidentiality.
    _lines(list, heading) {
      const ui = this._w.ui || {};
      const help = () => this._report('help_requested', true);
      const link = (href, text) => href && h('a', { href, referrerpolicy: 'no-referrer', onclick: help }, text);
      return h(
        'ul',
        { class: 'lines' },
        (list || []).map((l) => {
          const phone = l.phone ? String(l.phone) : '';
          const email = l.email && /^[^\s@<>]+@[^\s@<>]+$/.test(l.email) ? l.email : null;
          return h(
            'li',
            { 'data-id': l.id },
            h(heading, null, link(web(l.tracked_url || l.url), l.name) || l.name),
            phone && h('p', null, ui.call + ': ', link('tel:' + phone.replace(/[^\d+]/g, ''), phone)),
            l.chat_url && web(l.chat_url) && h('p', null, link(web(l.chat_url), ui.chat)),
            email && h('p', null, ui.email + ': ', link('mailto:' + email, email)),
            l.hours && h('p', null, ui.hours + ': ' + l.hours),
            l.worldwide && h('p', null, ui.worldwide),
            l.confidentiality && h('p', { class: 'conf' }, ui.confidentiality + ': ' + l.confidentiality)
          );
        })
      );
    }

    _dismiss() {
      this._report('dismissed', true);
      this._reset();
      this._emit('dismiss', { decision: 'warn' });
    }

    async _post(extra) {
      const w = this._w;
      const c = w.chatbot || {};
      const body = Object.assign({ flow: c.flow, locale: c.locale || w.locale, event_token: w.event_token }, extra);
      const r = await fetch(this._base() + '/v1/chat', this._init(body));
      if (!r.ok) throw new Error('signpost answered ' + r.status);
      return r.json();
    }

    async _openChat() {
      if (this._busy) return;
      const w = this._w;
      this._busy = true;
      let answer;
      try {
        answer = await this._post({});
      } catch (e) {
        answer = { step: w.chatbot }; // help is never withheld: show the first step anyway
      }
      if (w !== this._w) return;
      this._busy = false;
      const ui = w.ui || {};
      this._start = answer.step;
      this._log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
      this._next = h('div', { class: 'next' });
      this._chat.replaceChildren(h('h3', { id: 'sp-chat' }, ui.chatbot_heading), this._log, this._next);
      this._chat.hidden = false;
      this._open.remove();
      this._step(answer);
    }

    async _choose(step, choice) {
      if (this._busy) return;
      const w = this._w;
      this._busy = true;
      this._chat.setAttribute('aria-busy', 'true');
      let answer;
      try {
        answer = await this._post({ node: step.node, choice: choice.id });
      } catch (e) {
        // Unreachable: offer the warning's own helplines.
        answer = { step: { node: step.node, say: [], choices: [], end: 'helplines' }, helplines: w.helplines };
      }
      if (w !== this._w) return;
      this._busy = false;
      this._chat.removeAttribute('aria-busy');
      this._log.append(h('p', { class: 'me' }, choice.label));
      this._step(answer);
    }

    _restart() {
      this._help.hidden = false;
      this._log.replaceChildren();
      this._step({ step: this._start });
    }

    // Shows one step: the bot's lines in the live log, then its buttons or
    // its end; focus moves to the new lines.
    _step(answer) {
      const step = answer.step || {};
      const ui = this._w.ui || {};
      const group = h(
        'div',
        { class: 'step', tabindex: '-1', 'data-node': step.node },
        (step.say || []).map((line) => h('p', { class: 'bot' }, line))
      );
      this._log.append(group);
      const next = [];
      const choices = step.choices || [];
      if (choices.length) {
        for (const c of choices) {
          next.push(
            h('button', { type: 'button', 'data-choice': c.id, onclick: () => this._choose(step, c) }, c.label)
          );
        }
      } else {
        const end = h('div', { class: 'end', 'data-end': step.end });
        if (step.end === 'helplines') {
          const list = answer.helplines && answer.helplines.length ? answer.helplines : this._w.helplines;
          end.append(this._lines(list, 'h4'));
          this._help.hidden = true; // shown here in the chat: not twice
        } else if (step.end === 'self-help') {
          end.append(h('h4', { class: 'sub' }, ui.self_help_heading), this._lines(answer.self_help, 'h5'));
        } else if (step.end === 'leave') {
          const leave = this.getAttribute('leave-url');
          end.append(
            h('p', null, h('a', { href: (leave && web(leave)) || 'about:blank', referrerpolicy: 'no-referrer' }, ui.leave))
          );
        }
        next.push(end, h('button', { type: 'button', class: 'quiet', onclick: () => this._restart() }, ui.back));
      }
      this._next.replaceChildren(...next);
      group.focus({ preventScroll: true });
      group.scrollIntoView({ block: 'nearest' });
    }
  }

  customElements.define('signpost-warning', SignpostWarning);
})();
