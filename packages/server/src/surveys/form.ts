import type { CompiledItem, CompiledFramework } from '@prongsai/core';
import type { Agency, Division, SurveyRound } from '../db/schema.js';
import { escapeHtml, STYLE } from '../oit/pages.js';

// The respondents' form: one small HTML page (no framework), readable on a cheap phone; a short
// script keeps unfinished answers on the phone and submits them with the phone's own id.

export const FORM_STYLE = `${STYLE}
fieldset { border: 1px solid #c9d3cf; border-radius: 6px; margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
legend { font-weight: 700; padding: 0 0.25rem; }
.question { margin: 1rem 0 0.25rem; font-weight: 700; }
label.option { display: block; padding: 0.5rem 0.25rem; min-height: 44px; }
button { font: inherit; font-size: 1.125rem; padding: 0.75rem 1.25rem; min-height: 48px; background: #0b3d2e; color: #fff; border: 0; border-radius: 6px; width: 100%; }
select, input[type=text] { font: inherit; padding: 0.5rem; width: 100%; min-height: 44px; }
#status { margin: 1rem 0; font-weight: 700; }
`;

/** The form's script: served as a file, since the pages allow no inline script. */
export const FORM_SCRIPT = `(function () {
  var form = document.getElementById('survey');
  if (!form || !window.fetch) return;
  var key = 'prongsai-survey:' + form.dataset.code;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || '{}'); } catch (e) { saved = {}; }
  // The submission id is random, never a time: crypto.randomUUID where the page is a secure
  // origin, else a version-4 UUID from crypto.getRandomValues (found on every origin).
  var randomId = function () {
    var c = window.crypto || window.msCrypto;
    if (c && c.randomUUID) return c.randomUUID();
    if (!c || !c.getRandomValues) return null;
    var b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = '';
    for (var i = 0; i < 16; i++) h += (b[i] < 16 ? '0' : '') + b[i].toString(16) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '');
    return h;
  };
  if (!saved.clientId || !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(saved.clientId)) saved.clientId = randomId();
  saved.answers = saved.answers || {};
  Object.keys(saved.answers).forEach(function (name) {
    var input = form.querySelector('input[name="' + name + '"][value="' + saved.answers[name] + '"]');
    if (input) input.checked = true;
  });
  if (saved.division && form.division) form.division.value = saved.division;
  var store = function () { try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) {} };
  store();
  form.addEventListener('change', function (event) {
    var t = event.target;
    if (t.type === 'radio') saved.answers[t.name] = t.value;
    if (t.name === 'division') saved.division = t.value;
    store();
  });
  var status = document.getElementById('status');
  var send = function (body, tries) {
    return fetch(form.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .catch(function () {
        if (tries > 0) return new Promise(function (done) { setTimeout(done, 1500); }).then(function () { return send(body, tries - 1); });
        return { ok: false, data: { error: { messageTh: 'ส่งไม่สำเร็จ กรุณาตรวจสอบสัญญาณแล้วกดส่งอีกครั้ง คำตอบยังเก็บไว้ในเครื่อง' } } };
      });
  };
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var answers = {};
    Object.keys(saved.answers).forEach(function (name) { answers[name] = Number(saved.answers[name]); });
    if (!saved.clientId) {
      status.textContent = 'เบราว์เซอร์นี้สร้างรหัสสุ่มของการส่งไม่ได้ กรุณาเปิดแบบสอบถามด้วยเบราว์เซอร์รุ่นใหม่';
      return;
    }
    var body = { clientId: saved.clientId, answers: answers };
    if (form.division && form.division.value) body.division = Number(form.division.value);
    if (form.dataset.division) body.division = Number(form.dataset.division);
    if (form.code) body.code = form.code.value;
    status.textContent = 'กำลังส่ง…';
    send(body, 3).then(function (result) {
      if (result.ok) {
        localStorage.removeItem(key);
        form.hidden = true;
        status.textContent = 'ขอบคุณที่ตอบแบบสอบถาม ระบบได้รับคำตอบแล้ว';
      } else {
        status.textContent = (result.data && result.data.error && result.data.error.messageTh) || 'ส่งไม่สำเร็จ';
      }
      status.focus();
    });
  });
})();
`;

const TOOL_TITLE: Record<string, string> = {
  IIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
  EIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
};

/** The form of a round, in the framework's wording, for a division when the link names one. */
export function surveyPage(
  agency: Agency,
  round: SurveyRound,
  framework: CompiledFramework,
  items: readonly CompiledItem[],
  divisions: Division[],
  division: Division | null,
  open: boolean,
): string {
  const questions = new Map<string, CompiledItem[]>();
  for (const item of items) questions.set(item.questionCode, [...(questions.get(item.questionCode) ?? []), item]);
  const body = open
    ? `<form id="survey" method="post" action="/api/s/${escapeHtml(round.code)}/responses" data-code="${escapeHtml(round.code)}"${division ? ` data-division="${division.id}"` : ''} novalidate>
${
  round.use_codes === 1
    ? `<p><label for="code">รหัสผู้ตอบ (จากใบที่ได้รับ)</label><input type="text" id="code" name="code" autocomplete="off" required></p>`
    : division
      ? `<p>ฝ่ายที่ติดต่อ: <strong>${escapeHtml(division.name_th)}</strong></p>`
      : `<p><label for="division">${round.tool === 'IIT' ? 'ฝ่ายที่ท่านสังกัด' : 'ฝ่ายที่ท่านติดต่อ'}</label><select id="division" name="division"><option value="">ไม่ระบุ</option>${divisions.map((d) => `<option value="${d.id}">${escapeHtml(d.name_th)}</option>`).join('')}</select></p>`
}
${[...questions.entries()]
  .map(([code, own]) => {
    const unit = framework.units.get(code);
    const text = unit?.kind === 'question' ? unit.data.text.th : code;
    return `<p class="question" id="q-${escapeHtml(code)}">${escapeHtml(code)}. ${escapeHtml(text)}</p>
${own
  .map(
    (item) => `<fieldset>
<legend>${own.length > 1 ? `${item.no}. ` : ''}${escapeHtml(item.text.th)}</legend>
${item.scale.options
  .map(
    (option, i) =>
      `<label class="option"><input type="radio" name="${escapeHtml(item.key)}" value="${item.scale.answers[i]}" required> ${escapeHtml(option.th)}</label>`,
  )
  .join('\n')}
</fieldset>`,
  )
  .join('\n')}`;
  })
  .join('\n')}
<p><button type="submit">ส่งคำตอบ</button></p>
</form>
<p id="status" role="status" tabindex="-1"></p>
<script src="/s/form.js" defer></script>`
    : '<p role="status">แบบสอบถามนี้ปิดรับคำตอบแล้ว หรือยังไม่เปิดรับ ขอบคุณที่สนใจ</p>';
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(TOOL_TITLE[round.tool] ?? round.tool)} – ${escapeHtml(agency.name_th)}</title>
<link rel="stylesheet" href="/s/form.css">
</head>
<body>
<header><p>${escapeHtml(agency.name_th)}</p></header>
<main id="content">
<h1>${escapeHtml(TOOL_TITLE[round.tool] ?? round.tool)} ประจำปีงบประมาณ พ.ศ. ${round.fiscal_year}</h1>
<p class="meta">แบบสอบถามนี้ไม่เก็บชื่อ ที่อยู่ไอพี หรือข้อมูลที่ระบุตัวท่าน คำตอบนับรวมเป็นสถิติเท่านั้น</p>
${body}
</main>
</body>
</html>
`;
}
