// The participant page: draw one remembered case along the journey and send it.
// Plain script, no libraries, nothing fetched but this session's own API. Every text that
// comes from the journey or the participant is inserted with textContent, never as HTML.
(function () {
  'use strict';

  const app = document.getElementById('app');
  const code = app.dataset.code;
  const base = '/j/' + code;
  const SVG = 'http://www.w3.org/2000/svg';

  const WORDS = {
    en: {
      intro: 'Think of one customer you remember. For each step, drag its point up or down, or use its slider, to show how they felt. Skip the steps they never went through.',
      steps: 'Steps',
      about: 'About this case',
      segment: 'Segment',
      choose: '— choose —',
      label: 'Name this case (optional)',
      send: 'Send',
      sending: 'Sending…',
      sent: 'Sent ✓ — you can change it and send again',
      changed: 'Changed since you sent: send again to update it',
      nothing: 'Give at least one step a score first.',
      skip: 'Skip',
      skipped: 'Skipped',
      unscored: 'not scored',
      note: 'Note',
      noteAt: (name) => 'Note at ' + name,
      scoreAt: (name) => 'Score at ' + name,
      closed: 'This session is closed. Thank you!',
      offline: 'Could not reach the facilitator’s computer. Check the Wi-Fi and send again.',
      average: (n) => 'Dashed line: the room’s average so far (' + n + (n === 1 ? ' curve)' : ' curves)'),
      badNumber: (min, max) => 'A number from ' + min + ' to ' + max,
    },
    he: {
      intro: 'חשבו על לקוח אחד שאתם זוכרים. בכל שלב גררו את הנקודה למעלה או למטה, או הזיזו את המחוון, כדי להראות איך הרגיש. דלגו על שלבים שלא עבר.',
      steps: 'שלבים',
      about: 'על המקרה',
      segment: 'פלח',
      choose: '— בחרו —',
      label: 'שם למקרה (לא חובה)',
      send: 'שליחה',
      sending: 'שולח…',
      sent: 'נשלח ✓ — אפשר לשנות ולשלוח שוב',
      changed: 'שונה מאז השליחה: שלחו שוב כדי לעדכן',
      nothing: 'תנו ציון לשלב אחד לפחות.',
      skip: 'דילוג',
      skipped: 'דולג',
      unscored: 'ללא ציון',
      note: 'הערה',
      noteAt: (name) => 'הערה: ' + name,
      scoreAt: (name) => 'ציון: ' + name,
      closed: 'המפגש נסגר. תודה!',
      offline: 'אין חיבור למחשב של המנחה. בדקו את הרשת ושלחו שוב.',
      average: (n) => 'קו מקווקו: ממוצע החדר עד כה (' + n + ' עקומות)',
      badNumber: (min, max) => 'מספר בין ' + min + ' ל־' + max,
    },
  };
  let words = WORDS.en;

  const state = {
    journey: null,
    scores: {},
    notes: {},
    room: null,
    sentJson: null,
    dragging: null,
  };
  const rows = {}; // touchpoint id -> its controls

  // ---- the participant's token: random, kept in this browser only ----
  const tokenKey = 'emograph-live:' + code;
  function newToken() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  let token;
  try {
    token = localStorage.getItem(tokenKey);
    if (!token || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) {
      token = newToken();
      localStorage.setItem(tokenKey, token);
    }
  } catch (_) {
    token = newToken(); // private browsing: this page's life only
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function fmt(score) {
    const text = Number.isInteger(score) ? String(score) : score.toFixed(1);
    return score > 0 ? '+' + text : text.replace('-', '−');
  }
  function setStatus(text, kind) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.className = kind || '';
  }

  // ---- building the page from the journey ----
  function build(journey) {
    state.journey = journey;
    words = WORDS[journey.language] || WORDS.en;
    document.title = journey.title;
    document.getElementById('title').textContent = journey.title;
    document.getElementById('intro').textContent = words.intro;
    document.getElementById('steps-heading').textContent = words.steps;
    document.getElementById('about-legend').textContent = words.about;
    document.getElementById('label-label').textContent = words.label;
    document.getElementById('send').textContent = words.send;
    const anchors = [...journey.scale.anchors].sort((a, b) => b.value - a.value);
    document.getElementById('scale-words').textContent = anchors
      .map((a) => '\u2066' + fmt(a.value) + '\u2069 ' + a.label)
      .join('  ·  ');

    const phaseName = {};
    for (const p of journey.phases) phaseName[p.id] = p.name;
    const steps = document.getElementById('steps');
    steps.replaceChildren();
    let list = null;
    let lastPhase = null;
    journey.touchpoints.forEach((tp, i) => {
      if (tp.phase !== lastPhase) {
        lastPhase = tp.phase;
        const section = el('section');
        section.append(el('h3', { class: 'phase-name' }, phaseName[tp.phase] || tp.phase));
        list = el('ol', { class: 'step-list', start: String(i + 1) });
        section.append(list);
        steps.append(section);
      }
      list.append(stepRow(tp, i, journey.scale));
    });

    const select = document.getElementById('segment');
    select.replaceChildren(el('option', { value: '' }, words.choose));
    for (const s of journey.segments) select.append(el('option', { value: s }, s));
    document.getElementById('segment-label').textContent = words.segment;
    document.getElementById('segment-row').hidden = journey.segments.length === 0;

    for (const input of [select, document.getElementById('label')]) {
      input.addEventListener('input', markChanged);
    }
    document.getElementById('curve').addEventListener('submit', send);
    setupDrawing();
    window.addEventListener('resize', drawChart);
    refreshAll();
    if (journey.status === 'closed') closed();
  }

  function stepRow(tp, i, scale) {
    const id = 'tp-' + i;
    const li = el('li', { class: 'step' });
    const head = el('div', { class: 'step-head' });
    head.append(el('span', { class: 'step-number', 'aria-hidden': 'true' }, (i + 1) + '.'));
    head.append(el('label', { for: id }, tp.name));
    const value = el('span', { class: 'step-value', 'aria-hidden': 'true' });
    head.append(value);
    li.append(head);

    const controls = el('div', { class: 'controls' });
    const range = el('input', {
      type: 'range', id: id, min: scale.min, max: scale.max, step: scale.step, value: 0,
    });
    range.addEventListener('input', () => setScore(tp.id, Number(range.value)));
    const number = el('input', {
      type: 'number', min: scale.min, max: scale.max, step: scale.step, inputmode: 'decimal',
      'aria-label': words.scoreAt(tp.name),
    });
    number.addEventListener('input', () => {
      const typed = number.value.trim().replace('−', '-').replace(',', '.');
      if (typed === '') return;
      const v = Number(typed);
      const ok = Number.isFinite(v) && v >= scale.min && v <= scale.max;
      number.setAttribute('aria-invalid', ok ? 'false' : 'true');
      number.title = ok ? '' : words.badNumber(scale.min, scale.max);
      if (ok) setScore(tp.id, v, { fromNumber: true });
    });
    const skip = el('button', { type: 'button', class: 'skip', 'aria-pressed': 'true' }, words.skip);
    skip.setAttribute('aria-label', words.skip + ': ' + tp.name);
    skip.addEventListener('click', () => {
      if (tp.id in state.scores) {
        delete state.scores[tp.id];
        refresh(tp.id);
        drawChart();
        markChanged();
      }
    });
    controls.append(range, number, skip);
    li.append(controls);

    const details = el('details');
    details.append(el('summary', {}, words.note));
    const note = el('textarea', { maxlength: '2000', 'aria-label': words.noteAt(tp.name) });
    note.addEventListener('input', () => {
      state.notes[tp.id] = note.value;
      markChanged();
    });
    details.append(note);
    li.append(details);
    rows[tp.id] = { range, number, skip, value, note, details, name: tp.name };
    return li;
  }

  function setScore(touchpointId, score, how) {
    const scale = state.journey.scale;
    state.scores[touchpointId] = Math.min(scale.max, Math.max(scale.min, score));
    refresh(touchpointId, how);
    drawChart();
    markChanged();
  }

  // The controls of one step show the state's score (or that it has none).
  function refresh(touchpointId, how) {
    const row = rows[touchpointId];
    const score = state.scores[touchpointId];
    const scored = score !== undefined;
    row.range.value = scored ? String(score) : '0';
    row.range.classList.toggle('unset', !scored);
    row.range.setAttribute('aria-valuetext', scored ? fmt(score) : words.unscored);
    if (!(how && how.fromNumber)) row.number.value = scored ? String(score) : '';
    row.number.setAttribute('aria-invalid', 'false');
    row.skip.setAttribute('aria-pressed', scored ? 'false' : 'true');
    row.skip.textContent = scored ? words.skip : words.skipped;
    row.value.textContent = scored ? fmt(score) : '—';
    row.value.classList.toggle('scored', scored);
  }

  function refreshAll() {
    for (const tp of state.journey.touchpoints) refresh(tp.id);
    drawChart();
  }

  // ---- the drawing: one column per step, a point to drag in each ----
  const geometry = { width: 0, height: 0, top: 24, bottom: 26, left: 0, column: 0 };
  const GUTTER = 30; // the score labels, on the side the journey starts

  function drawChart() {
    const journey = state.journey;
    if (!journey) return;
    const chart = document.getElementById('chart');
    const box = document.getElementById('drawing');
    const n = journey.touchpoints.length;
    const rtl = journey.direction === 'rtl';
    const width = Math.max(box.clientWidth, n * 44 + GUTTER + 16);
    const height = Math.round(Math.min(300, Math.max(220, width * 0.45)));
    const left = rtl ? 8 : 8 + GUTTER;
    const right = rtl ? width - 8 - GUTTER : width - 8;
    Object.assign(geometry, { width, height, left, column: (right - left) / Math.max(n, 1) });
    chart.setAttribute('width', width);
    chart.setAttribute('height', height);
    chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    chart.replaceChildren();
    const { min, max } = journey.scale;
    const y = (score) => geometry.top + (max - score) / (max - min) * (height - geometry.top - geometry.bottom);
    const x = (i) => geometry.left + geometry.column * ((rtl ? n - 1 - i : i) + 0.5);

    // Phase bands, every other one shaded, named at the top.
    let start = 0;
    let band = 0;
    const names = {};
    for (const p of journey.phases) names[p.id] = p.name;
    for (let i = 1; i <= n; i++) {
      if (i === n || journey.touchpoints[i].phase !== journey.touchpoints[start].phase) {
        const from = rtl ? n - i : start;
        const bx = geometry.left + geometry.column * from;
        const bw = geometry.column * (i - start);
        if (band % 2 === 0) chart.append(svg('rect', { class: 'band', x: bx, y: 0, width: bw, height: height }));
        const label = svg('text', { class: 'phase', x: bx + bw / 2, y: 14, 'text-anchor': 'middle' });
        label.textContent = names[journey.touchpoints[start].phase] || '';
        chart.append(label);
        band += 1;
        start = i;
      }
    }
    // Gridlines at every whole point, the neutral line stronger; scores in the gutter, as
    // many as fit, the anchors' always.
    const perPoint = (height - geometry.top - geometry.bottom) / (max - min);
    const anchorValues = journey.scale.anchors.map((a) => a.value);
    const labelX = rtl ? width - 8 - GUTTER / 2 : 8 + GUTTER / 2;
    for (let v = Math.ceil(min); v <= max; v++) {
      chart.append(svg('line', { class: v === 0 ? 'zero' : 'grid', x1: left, x2: right, y1: y(v), y2: y(v) }));
      if (perPoint >= 16 || v % 5 === 0 || anchorValues.includes(v)) {
        chart.append(svg('text', { class: 'score', x: labelX, y: y(v) + 4, 'text-anchor': 'middle', direction: 'ltr' }, fmt(v)));
      }
    }
    journey.touchpoints.forEach((tp, i) => {
      chart.append(svg('text', { class: 'number', x: x(i), y: height - 8 }, String(i + 1)));
    });
    // The room's average, when the facilitator shows it.
    const legend = document.getElementById('legend');
    if (state.room && state.room.count > 0) {
      const pts = journey.touchpoints
        .map((tp, i) => (tp.id in state.room.average ? x(i) + ',' + y(state.room.average[tp.id]) : null))
        .filter(Boolean);
      if (pts.length > 1) chart.append(svg('polyline', { class: 'average', points: pts.join(' ') }));
      legend.textContent = words.average(state.room.count);
      legend.hidden = false;
    } else {
      legend.hidden = true;
    }
    // The participant's curve through the steps they scored.
    const pts = [];
    journey.touchpoints.forEach((tp, i) => {
      if (tp.id in state.scores) pts.push(x(i) + ',' + y(state.scores[tp.id]));
    });
    if (pts.length > 1) chart.append(svg('polyline', { class: 'curve', points: pts.join(' ') }));
    journey.touchpoints.forEach((tp, i) => {
      const score = state.scores[tp.id];
      if (score === undefined) {
        chart.append(svg('circle', { class: 'unset', cx: x(i), cy: y(0), r: 8 }));
      } else {
        const kind = score <= -3 ? ' low' : score >= 3 ? ' high' : '';
        chart.append(svg('circle', { class: 'point' + kind, cx: x(i), cy: y(score), r: 10 }));
      }
    });
    chart.append(svg('rect', { class: 'hit', x: 0, y: 0, width: width, height: height }));
    geometry.toScore = (py) => {
      const raw = max - (py - geometry.top) / (height - geometry.top - geometry.bottom) * (max - min);
      const step = journey.scale.step || 0.5;
      return Math.min(max, Math.max(min, Math.round(raw / step) * step));
    };
    geometry.toIndex = (px) => {
      const col = Math.floor((px - geometry.left) / geometry.column);
      const i = rtl ? n - 1 - col : col;
      return Math.min(n - 1, Math.max(0, i));
    };
  }

  // Pointer events cover mouse, pen and touch alike; a drag stays on the step it began at.
  function setupDrawing() {
    const chart = document.getElementById('chart');
    const local = (e) => {
      const r = chart.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    chart.addEventListener('pointerdown', (e) => {
      if (!state.journey || closedNow) return;
      const p = local(e);
      const i = geometry.toIndex(p.x);
      state.dragging = state.journey.touchpoints[i].id;
      chart.setPointerCapture(e.pointerId);
      setScore(state.dragging, geometry.toScore(p.y));
      e.preventDefault();
    });
    chart.addEventListener('pointermove', (e) => {
      if (state.dragging === null) return;
      const score = geometry.toScore(local(e).y);
      if (state.scores[state.dragging] !== score) setScore(state.dragging, score);
    });
    const end = () => { state.dragging = null; };
    chart.addEventListener('pointerup', end);
    chart.addEventListener('pointercancel', end);
  }

  // ---- sending ----
  function payload() {
    const notes = {};
    for (const [id, text] of Object.entries(state.notes)) {
      if (text.trim() !== '') notes[id] = text;
    }
    return {
      participant: token,
      label: document.getElementById('label').value,
      segment: document.getElementById('segment').value,
      scores: { ...state.scores },
      notes,
    };
  }

  function markChanged() {
    if (state.sentJson === null || closedNow) return;
    if (JSON.stringify(payload()) !== state.sentJson) setStatus(words.changed, 'changed');
    else setStatus(words.sent, 'ok');
  }

  let closedNow = false;
  function closed() {
    closedNow = true;
    document.getElementById('send').disabled = true;
    setStatus(words.closed, 'error');
  }

  async function send(event) {
    event.preventDefault();
    if (closedNow) return;
    const body = payload();
    if (Object.keys(body.scores).length === 0) {
      setStatus(words.nothing, 'error');
      return;
    }
    const button = document.getElementById('send');
    button.disabled = true;
    setStatus(words.sending, '');
    try {
      const response = await fetch(base + '/curve', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const reply = await response.json().catch(() => ({}));
      if (response.ok) {
        state.sentJson = JSON.stringify(body);
        state.room = reply.room || null;
        drawChart();
        setStatus(words.sent, 'ok');
      } else if (response.status === 410) {
        closed();
      } else {
        setStatus(reply.message || ('Error ' + response.status), 'error');
      }
    } catch (_) {
      setStatus(words.offline, 'error');
    } finally {
      if (!closedNow) button.disabled = false;
    }
  }

  // What this device sent before (the phone slept, the page reloaded).
  function restore(sent) {
    state.scores = { ...sent.scores };
    state.notes = { ...sent.notes };
    for (const [id, text] of Object.entries(state.notes)) {
      if (rows[id]) {
        rows[id].note.value = text;
        rows[id].details.open = true;
      }
    }
    document.getElementById('label').value = sent.label || '';
    document.getElementById('segment').value = sent.segment || '';
    state.room = sent.room || null;
    refreshAll();
    state.sentJson = JSON.stringify(payload());
    if (!closedNow) setStatus(words.sent, 'ok');
  }

  async function start() {
    try {
      const response = await fetch(base + '/journey');
      if (!response.ok) throw new Error('journey ' + response.status);
      build(await response.json());
    } catch (_) {
      setStatus(WORDS.en.offline, 'error');
      return;
    }
    try {
      const response = await fetch(base + '/curve?participant=' + encodeURIComponent(token));
      if (response.ok) restore(await response.json());
    } catch (_) {
      // Nothing sent before, or offline for a moment: the page works without it.
    }
    app.dataset.ready = 'true';
  }
  start();
})();
