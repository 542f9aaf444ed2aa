// Palabre playground: three chat panes on the real engine. Every text goes through textContent.
const ROLES = ['buyer', 'seller', 'support'];
const state = { lang: localStorage.getItem('palabre.lang') || '', locales: ['fr', 'en'], strings: {}, maxText: 4000, accounts: null, refused: false, panel: null, offset: 0, tab: 'buyer' };
const panes = {};

const t = (id, args = {}) => (state.strings[id] ?? id).replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));
const $ = (sel, root = document) => root.querySelector(sel);
function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, body, headers = { 'content-type': 'application/json' }) {
  const init = body === undefined ? {} : { method: 'POST', headers, body: headers['content-type'] === 'application/json' ? JSON.stringify(body) : body };
  let res;
  try { res = await fetch(path, init); } catch { return { error: 'web-error-network' }; }
  const data = await res.json().catch(() => ({}));
  if (res.ok) return data;
  // Refusals carry the id of a page sentence; anything else is said generically.
  return { error: data.error?.id || (res.status < 500 ? 'web-error-bad-request' : 'web-error-internal'), args: data.error?.args };
}

// ---- strings -------------------------------------------------------------
async function loadStrings() {
  const data = await api(`/playground/strings?lang=${encodeURIComponent(state.lang)}`);
  if (data.error) return;
  Object.assign(state, { lang: data.lang, locales: data.locales, strings: data.strings, maxText: data.maxText ?? state.maxText });
  for (const p of Object.values(panes)) countChars(p);
  document.documentElement.lang = state.lang;
  // The language menu: every language the server speaks, each in its own name.
  $('#lang').replaceChildren(...state.locales.map((l) => {
    const o = el('option', '', t(`web-lang-name-${l}`));
    o.value = l;
    o.selected = l === state.lang;
    return o;
  }));
  document.title = t('web-title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
}

// ---- rendering one pane's conversation -----------------------------------
function buttonRow(p, buttons, onChosen) {
  const row = el('div', 'buttons');
  for (const b of buttons) {
    const btn = el('button', `btn ${b.style}`, b.label);
    btn.type = 'button';
    btn.dataset.token = b.token;
    btn.addEventListener('click', async () => {
      onChosen?.(btn);
      await send(p, { action: b.token });
    });
    row.append(btn);
  }
  return row;
}

function markChosen(row, token) {
  for (const b of row.children) { b.disabled = true; b.classList.toggle('chosen', b.dataset.token === token); }
}

function fileNode(file) {
  if (file.contentType.startsWith('image/')) {
    const img = el('img', 'photo');
    img.src = file.previewUrl || file.url;
    img.alt = file.name || t('web-attach-caption');
    if (!file.previewUrl) return img;
    const a = el('a', 'photo-link');
    a.href = file.url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.append(img);
    return a;
  }
  const a = el('a', 'file-link', file.name || t('web-open-file'));
  a.href = file.url;
  return a;
}

function renderEvent(p, ev) {
  const li = el('li', `msg ${ev.kind}`);
  li.dataset.seq = ev.seq;
  if (ev.kind === 'notice') {
    li.textContent = t(ev.notice, ev.noticeArgs);
    return li;
  }
  const who = el('span', 'who', ev.kind === 'me' ? t('web-you') : t('web-bot'));
  if (ev.updated) who.append(el('span', 'updated', ` · ${t('web-updated')}`));
  li.append(who);
  if (ev.kind === 'me') {
    const text = ev.labels ? `» ${ev.labels[state.lang] ?? Object.values(ev.labels)[0]}` : ev.text;
    if (text) li.append(el('p', 'text', text));
    if (ev.file) li.append(fileNode(ev.file));
    return li;
  }
  const view = ev.views[state.lang] ?? Object.values(ev.views)[0];
  if (view.text) li.append(el('p', 'text', view.text));
  if (ev.file) li.append(fileNode(ev.file));
  if (view.card) {
    const card = el('div', 'card');
    card.append(el('strong', 'card-title', view.card.title));
    const lines = el('ul', 'card-lines');
    for (const line of view.card.lines) lines.append(el('li', '', line));
    card.append(lines);
    if (view.card.actions.length) {
      const actions = buttonRow(p, view.card.actions);
      if (ev.retired) markChosen(actions, null);
      card.append(actions);
    }
    li.append(card);
  }
  if (view.choices.length) {
    // A choice answers the question once: its buttons stay, greyed, with the one taken marked.
    const row = buttonRow(p, view.choices, (btn) => { ev.chosen = btn.dataset.token; markChosen(row, ev.chosen); });
    if (ev.chosen || ev.retired) markChosen(row, ev.chosen ?? null);
    li.append(row);
  }
  if (ev.caseId) {
    const reply = el('button', 'reply', t('web-reply'));
    reply.type = 'button';
    reply.addEventListener('click', () => setReply(p, { seq: ev.seq, caseId: ev.caseId }));
    li.append(reply);
  }
  return li;
}

function addEvent(p, ev) {
  if (ev.seq <= p.lastSeq) return;
  p.lastSeq = ev.seq;
  if (ev.kind === 'retire') {
    // A newer message took this one's place: its buttons are dead, shown greyed.
    const old = p.events.find((e) => e.seq === ev.retire);
    if (old) { old.retired = true; renderLog(p); }
    return;
  }
  if (ev.language && ev.language !== state.lang && state.locales.includes(ev.language)) void relanguage(ev.language);
  if (ev.replaceKey) {
    // The message is an update of an earlier one (a case card): the latest version moves to the bottom.
    const old = p.events.findIndex((e) => e.replaceKey === ev.replaceKey);
    if (old >= 0) { p.events.splice(old, 1); ev.updated = true; }
  }
  p.events.push(ev);
  if (ev.updated) renderLog(p);
  else {
    const follow = ev.kind === 'me' || nearBottom(p);
    p.log.append(renderEvent(p, ev));
    if (follow) p.log.scrollTop = p.log.scrollHeight;
  }
  if (state.tab !== p.role) bumpBadge(p.role);
  refreshPanelSoon();
}

function renderLog(p) {
  p.log.replaceChildren(...p.events.map((ev) => renderEvent(p, ev)));
  stickToBottom(p, true);
  p.hint.textContent = p.id ? t(`web-hint-${p.role}`) : t(state.refused ? 'web-error-real-marketplace' : 'web-pane-empty');
}

// New messages are followed unless the reader scrolled up to read older ones.
const nearBottom = (p) => p.log.scrollHeight - p.log.scrollTop - p.log.clientHeight < 80;
function stickToBottom(p, force = false) {
  if (force || nearBottom(p)) p.log.scrollTop = p.log.scrollHeight;
}

function localNotice(p, error, args) {
  const ev = { seq: -1, kind: 'notice', notice: error, noticeArgs: args };
  p.events.push(ev);
  p.log.append(renderEvent(p, ev));
  stickToBottom(p, true);
}

// Characters as the engine counts them (code points): shown as the person types, never cut.
const charCount = (text) => [...text].length;
function countChars(p) {
  const n = charCount(p.input.value.trim());
  p.count.textContent = n > 0 ? t('web-input-count', { count: n.toLocaleString(state.lang), max: state.maxText.toLocaleString(state.lang) }) : '';
  p.count.classList.toggle('over', n > state.maxText);
}

function setReply(p, reply) {
  p.reply = reply;
  p.replying.hidden = !reply;
  if (reply) { $('.replying-text', p.root).textContent = t('web-reply-to', { case: reply.caseId }); p.input.focus(); }
}

// ---- talking to the server ------------------------------------------------
async function send(p, body) {
  if (!p.id) return;
  const res = await api('/playground/turn', { pane: p.id, lang: state.lang, ...body });
  if (res.error) localNotice(p, res.error, res.args);
}

async function upload(p, file) {
  const q = new URLSearchParams({ pane: p.id, name: file.name, lang: state.lang });
  if (p.reply) q.set('replyTo', p.reply.seq);
  const res = await api(`/playground/upload?${q}`, file, { 'content-type': file.type || 'application/octet-stream' });
  if (res.error) localNotice(p, res.error, res.args);
  setReply(p, null);
}

function connect(p) {
  p.stream?.close();
  const es = new EventSource(`/playground/events?pane=${encodeURIComponent(p.id)}`);
  p.stream = es;
  es.onopen = () => { p.status.textContent = ''; };
  es.onmessage = (m) => addEvent(p, JSON.parse(m.data));
  es.onerror = async () => {
    if (state.leaving) return;
    p.status.textContent = t('web-connection-lost');
    if (es.readyState !== EventSource.CLOSED) return;
    // The stream was refused: either the server forgot the pane (restart) or it is down for now.
    const info = await api(`/playground/panes/${encodeURIComponent(p.id)}`);
    if (info.error === 'web-error-pane-gone') {
      p.status.textContent = '';
      forget(p);
      localNotice(p, 'web-error-pane-gone');
    } else setTimeout(() => p.stream === es && connect(p), 3000);
  };
}

function attach(p, info) {
  Object.assign(p, { id: info.pane, account: info.account, events: [], lastSeq: 0 });
  p.select.value = info.account.id;
  save();
  renderLog(p);
  connect(p);
}

function forget(p) {
  p.stream?.close();
  Object.assign(p, { id: null, account: null, stream: null });
  p.select.value = '';
  save();
}

const save = () => sessionStorage.setItem('palabre.panes', JSON.stringify(Object.fromEntries(ROLES.map((r) => [r, panes[r].id]))));

async function pick(p, accountId) {
  if (!accountId) return;
  const previous = p.id;
  p.stream?.close();
  const res = await api('/playground/panes', { role: p.role, accountId, lang: state.lang, ...(previous ? { previous } : {}) });
  if (res.error) return localNotice(p, res.error, res.args);
  attach(p, res);
}

function fillPicker(p) {
  const keep = p.select.value;
  p.select.replaceChildren(el('option', '', t('web-pick-placeholder')));
  p.select.firstChild.value = '';
  for (const a of (state.accounts ?? []).filter((x) => x.roles.includes(p.role))) {
    const o = el('option', '', a.name);
    o.value = a.id;
    p.select.append(o);
  }
  p.select.value = keep;
  p.select.disabled = state.refused;
}

// ---- the pane's controls ---------------------------------------------------
function setupPane(role) {
  const root = $(`.pane[data-role="${role}"]`);
  root.append($('#pane-template').content.cloneNode(true));
  const p = { role, root, id: null, events: [], lastSeq: 0, reply: null };
  Object.assign(p, { log: $('.log', root), hint: $('.hint', root), select: $('.account', root), input: $('.text', root), count: $('.count', root), status: $('.status', root), replying: $('.replying', root) });
  p.input.addEventListener('input', () => countChars(p));
  $('.pane-title', root).dataset.i18n = `web-pane-${role}`;
  p.select.addEventListener('change', () => pick(p, p.select.value));
  $('.replying-cancel', root).addEventListener('click', () => setReply(p, null));
  $('.composer', root).addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = p.input.value.trim();
    if (!text || !p.id) return;
    // Too long: said here with the limit, and the text stays in the box to be shortened.
    if (charCount(text) > state.maxText) {
      const n = (x) => x.toLocaleString(state.lang);
      return localNotice(p, 'web-error-text-too-long', { max: n(state.maxText), length: n(charCount(text)) });
    }
    p.input.value = '';
    countChars(p);
    const replyTo = p.reply?.seq;
    setReply(p, null);
    await send(p, { text, ...(replyTo ? { replyTo } : {}) });
  });
  $('.file', root).addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file && p.id) await upload(p, file);
  });
  panes[role] = p;
}

// ---- side panel: cases and the demo clock ----------------------------------
let panelTimer = null;
function refreshPanelSoon() {
  clearTimeout(panelTimer);
  panelTimer = setTimeout(loadPanel, 300);
}

async function loadPanel() {
  const data = await api(`/playground/cases?lang=${encodeURIComponent(state.lang)}`);
  if (data.error) { state.panel = null; $('#cases-empty').textContent = t(state.refused ? 'web-panel-refused' : data.error); return; }
  state.panel = data;
  state.offset = Date.parse(data.now) - Date.now();
  $('#clock').replaceChildren(...data.clock.map((line) => el('li', '', line)));
  renderPanel();
}

function countdown(ms) {
  const s = Math.floor(ms / 1000);
  const pad = (n) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return s >= 86400 ? t('web-countdown-days', { days: Math.floor(s / 86400), clock }) : clock;
}

function deadline(at, soon, now) {
  const left = Date.parse(at) - (Date.now() + state.offset);
  return left > 0 ? t(soon, { time: countdown(left) }) : t(now);
}

function renderPanel() {
  const cases = state.panel?.cases ?? [];
  $('#cases-empty').hidden = cases.length > 0;
  $('#cases').replaceChildren(...cases.map((c) => {
    const li = el('li', `case ${c.status}`);
    li.dataset.caseId = c.id;
    const head = el('div', 'case-head');
    head.append(el('strong', '', c.id), el('span', `pill ${c.status}`, t(`web-status-${c.status}`)));
    li.append(head, el('span', 'muted', `${c.orderId} · ${t(`web-reason-${c.reason.replace(/_/g, '-')}`)}`));
    if (c.escalatableAt) li.append(el('span', 'deadline', deadline(c.escalatableAt, 'web-deadline-escalation', 'web-deadline-escalation-now')));
    if (c.lateAt && (!c.escalatableAt || Date.parse(c.escalatableAt) <= Date.now() + state.offset)) {
      li.append(el('span', 'deadline', deadline(c.lateAt, 'web-deadline-late', 'web-deadline-late-now')));
    }
    return li;
  }));
}

// ---- tabs (narrow screens) ---------------------------------------------------
function showTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  for (const s of document.querySelectorAll('[data-tab-panel]')) s.classList.toggle('active', s.dataset.tabPanel === tab);
  const badge = $(`.tabs [data-tab="${tab}"] .badge`);
  if (badge) { badge.hidden = true; badge.textContent = ''; }
}

function bumpBadge(role) {
  const badge = $(`.tabs [data-tab="${role}"] .badge`);
  if (!badge || getComputedStyle($('.tabs')).display === 'none') return;
  badge.textContent = String(Number(badge.textContent || 0) + 1);
  badge.hidden = false;
}

// ---- start -------------------------------------------------------------------
async function relanguage(lang) {
  state.lang = lang;
  localStorage.setItem('palabre.lang', lang);
  await loadStrings();
  for (const p of Object.values(panes)) { fillPicker(p); renderLog(p); setReply(p, p.reply); }
  await loadPanel();
}

async function start() {
  // Streams end when the page goes away: that is not a lost pane.
  addEventListener('pagehide', () => { state.leaving = true; });
  ROLES.forEach(setupPane);
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));
  $('#lang').addEventListener('change', (ev) => relanguage(ev.target.value));
  showTab('buyer');
  await loadStrings();
  const accounts = await api('/playground/accounts');
  state.refused = accounts.error === 'web-error-real-marketplace';
  state.accounts = accounts.accounts ?? [];
  const saved = JSON.parse(sessionStorage.getItem('palabre.panes') || '{}');
  for (const p of Object.values(panes)) {
    fillPicker(p);
    renderLog(p);
    const info = saved[p.role] && !state.refused ? await api(`/playground/panes/${encodeURIComponent(saved[p.role])}`) : null;
    if (info && !info.error) attach(p, info);
    // A first visit starts with the first demo account of each role, so the three panes talk at once.
    else if (!state.refused) await pick(p, state.accounts.find((a) => a.roles.includes(p.role))?.id);
  }
  await loadPanel();
  setInterval(renderPanel, 1000);
  setInterval(loadPanel, 5000);
  document.body.dataset.ready = 'true';
}

start();
