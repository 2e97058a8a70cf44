import { compileFramework, frameworkReadiness, mergeManualDraft, parseManualText, problemInThai, type FrameworkData } from '@prongsai/core';
import { authorize, type Actor } from '../auth/policy.js';
import { HttpError, notFound } from '../http/errors.js';
import { derivedFramework } from './draft-check.js';
import { FrameworkError, loadFramework } from './registry.js';

/** The most text of a manual one paste may carry (UTF-8 bytes). */
export const MAX_MANUAL_BYTES = 2 * 1024 * 1024;

/**
 * The pasted text of NACC's ITA manual read into a draft set on a base set (central admins): the draft,
 * its readiness (or its problems, in Thai) and every line that could not be placed. Nothing is saved.
 */
export function draftFromManual(actor: Actor, request: { baseId: string; text: string; newId?: string | undefined }) {
  authorize(actor, 'framework', 'import', undefined);
  const { baseId, text } = request;
  if (Buffer.byteLength(text, 'utf8') > MAX_MANUAL_BYTES) {
    throw new HttpError(422, 'manual-too-large', 'the pasted text is larger than 2 MB', 'ข้อความที่วางยาวเกิน 2 MB');
  }
  let base;
  try {
    base = loadFramework(baseId.replace(/[^a-z0-9-]/g, ''));
  } catch (error) {
    if (error instanceof FrameworkError) throw notFound('framework');
    throw error;
  }
  const parsed = parseManualText(text);
  if (parsed.draft.questions.length === 0 && parsed.draft.oitItems.length === 0) {
    throw new HttpError(
      422,
      'manual-empty',
      'no question or OIT item was found in the pasted text',
      'ไม่พบข้อคำถามหรือข้อ OIT ในข้อความที่วาง',
      { unplaced: parsed.unplaced },
    );
  }
  const newId = request.newId ?? `${base.id}-manual`;
  const merged = mergeManualDraft(derivedFramework(base.id, newId), parsed.draft);
  const data: FrameworkData = merged.framework;
  if (data.provenance && !Array.isArray(data.provenance)) {
    data.provenance.sources.push({
      id: 'manual-paste',
      kind: 'publication',
      citation: "NACC's ITA manual, text pasted by a central admin",
      gave: 'Question, item and OIT item texts, answer options and grouping; the source notes name the pasted lines',
    });
  }
  const compiled = compileFramework(data, 'manual');
  return {
    draft: data,
    readiness: compiled.ok ? frameworkReadiness(compiled.framework) : null,
    problems: compiled.ok ? [] : compiled.problems.map((p) => ({ ...p, th: problemInThai(p) })),
    unplaced: parsed.unplaced,
    ignored: parsed.ignored,
    warnings: [...parsed.warnings, ...merged.warnings],
    counts: { questions: parsed.draft.questions.length, oitItems: parsed.draft.oitItems.length },
  };
}
