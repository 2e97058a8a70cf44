import { compileFramework, frameworkReadiness, mergeManualDraft, parseManualText, problemInThai, type FrameworkData } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.js';
import { requireActor } from '../http/context.js';
import { HttpError, notFound } from '../http/errors.js';
import { derivedFramework } from './draft-check.js';
import { FrameworkError, loadFramework } from './registry.js';

/** The most text of a manual one paste may carry (UTF-8 bytes). */
export const MAX_MANUAL_BYTES = 2 * 1024 * 1024;

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * POST /api/frameworks/draft-from-manual: the pasted text of NACC's ITA manual read into a draft set on a
 * base set (central admins). Nothing is saved: the draft is edited and published as any other.
 */
export async function manualPasteRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/frameworks/draft-from-manual',
    {
      // Thai takes 3 bytes a letter: a body up to 3× the limit is read and refused in Thai when too long.
      bodyLimit: 3 * MAX_MANUAL_BYTES + 64 * 1024,
      schema: {
        tags: ['frameworks'],
        summary:
          "A draft set from the pasted text of NACC's ITA manual (central admins): IIT/EIT questions with items and answer options and OIT items replace the base set's, whose weights and levels stay; answers the draft, its readiness (or its problems) and every line that could not be placed, by line number, in Thai and English. Nothing is saved",
        body: z.object({
          baseId: z.string().min(1).max(64),
          text: z.string(),
          newId: z.string().regex(idPattern).max(64).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'framework', 'import', undefined);
      const { baseId, text } = request.body;
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
      const newId = request.body.newId ?? `${base.id}-manual`;
      const start = derivedFramework(base.id, newId);
      const merged = mergeManualDraft(start, parsed.draft);
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
    },
  );
}
