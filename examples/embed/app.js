// Fictional Search: the demo page's script. It never keeps or sends the
// query anywhere but to signpost's check (through the component).
'use strict';

const form = document.getElementById('search');
const input = document.getElementById('q');
const results = document.getElementById('results');
const list = document.getElementById('result-list');
const heading = document.getElementById('results-heading');
const status = document.getElementById('status');
const warning = document.getElementById('warning');

// A pseudonymous session id for the day's message variant: random, per tab.
warning.setAttribute('session', Math.random().toString(36).slice(2) + Date.now().toString(36));

const SITES = [
  ['Fictional Encyclopedia', 'fictional-encyclopedia.example', 'An overview of %s, its history and related topics.'],
  ['Fictional Forum', 'forum.fictional.example', 'People discuss %s: questions, tips and experiences.'],
  ['Fictional Maps', 'maps.fictional.example', 'Places related to %s near you.'],
  ['Fictional News', 'news.fictional.example', 'The latest stories about %s.'],
];

function showResults(query) {
  const cards = SITES.map(([site, host, text]) => {
    const item = document.createElement('li');
    item.className = 'card';
    const title = document.createElement('h3');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = query + ' – ' + site;
    link.addEventListener('click', (event) => event.preventDefault());
    title.append(link);
    const where = document.createElement('p');
    where.className = 'host';
    where.textContent = host;
    const snippet = document.createElement('p');
    snippet.textContent = text.replace('%s', query);
    item.append(title, where, snippet);
    return item;
  });
  heading.textContent = 'Results for “' + query + '”';
  list.replaceChildren(...cards);
  results.hidden = false;
  status.textContent = cards.length + ' results';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = input.value.trim();
  if (!query) return;
  results.hidden = true;
  status.textContent = '';
  const decision = await warning.check(query);
  if (decision === 'allow') showResults(query);
});

warning.addEventListener('signpost:warn', () => {
  results.hidden = true;
  list.replaceChildren();
  warning.focus();
});

warning.addEventListener('signpost:dismiss', () => {
  status.textContent = 'No results for this search.';
  input.focus();
});
