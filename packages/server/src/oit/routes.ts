import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import { filesAt } from '../files/index.js';
import { pageQuery } from '../http/page.js';
import { requireActor } from '../http/context.js';
import { fileResponse, isoDate, noContent } from '../http/schemas.js';
import { webLink } from '../progress/links.js';
import { presentRun, type LinkChecks } from '../links/service.js';
import { linkRunSchema } from '../links/schemas.js';
import { OitService, presentChecklist, presentEvidence, presentTask } from './service.js';
import {
  approvalSchema,
  checklistBoardSchema,
  checklistLinksSchema,
  checklistSchema,
  checklistYearsSchema,
  cityLinkChecksSchema,
  cityReadinessSchema,
  evidenceSchema,
  LINK_CHECK_SORTS,
  predictionSchema,
  READINESS_SORTS,
  READINESS_STATES,
  taskSchema,
} from './schemas.js';
import { loadFramework } from '../frameworks/registry.js';
import { MAX_EVIDENCE_BYTES } from '../evidence/process.js';
import { uploadBodyLimit } from '../evidence/store.js';

const yearParams = z.object({
  agency: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2500).max(2700),
});
const itemParams = yearParams.extend({ code: z.string().regex(/^[A-Z]{1,6}\d{1,3}$/, 'an OIT item code such as O1') });

export async function oitRoutes(app: FastifyInstance, { db, config, links }: { db: Db; config: Config; links: LinkChecks }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['oit'];
  const service = new OitService(db.kysely, config.dataDir, config.agencyQuotaBytes);

  api.get(
    '/api/agencies/:agency/oit',
    {
      schema: {
        tags,
        summary: "The agency's OIT checklists by year, and the years a checklist can be opened for (a framework with OIT items)",
        params: z.object({ agency: z.string().min(1).max(64) }),
        response: { 200: checklistYearsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const { checklists, openable, can } = await service.checklistYears(actor, agency);
      return {
        checklists: checklists.map((c) => ({
          fiscalYear: c.fiscal_year,
          frameworkId: c.framework_id,
          approvedAt: c.approved_at,
        })),
        openable,
        can,
      };
    },
  );

  api.get(
    '/api/agencies/:agency/oit/:year',
    {
      schema: {
        tags,
        summary:
          "The year's OIT checklist: items with status, divisions, due dates and evidence, and the board (a division editor sees their division's items)",
        params: yearParams,
        response: { 200: checklistBoardSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const { scope, live, latest, lastRun } = await service.board(actor, agency, request.params.year);
      const checklist = presentChecklist(actor, scope);
      return {
        ...checklist,
        items: checklist.items.map((item) => ({
          ...item,
          evidence: item.evidence.map((e) => ({ ...e, check: e.url ? (latest.get(e.url) ?? null) : null })),
        })),
        linkCheck: lastRun ? presentRun(lastRun) : null,
        published: live
          ? { at: live.publishedAt, items: live.items.map((i) => i.code), url: `/t/${agency.slug}/${request.params.year}` }
          : null,
      };
    },
  );

  api.post(
    '/api/agencies/:agency/oit/:year',
    {
      schema: {
        tags,
        summary: "Open the year's checklist from its framework, carrying last year's divisions over (the secretariat)",
        params: yearParams,
        body: z.object({ framework: z.string().max(64).optional() }).default({}),
        response: { 201: checklistSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.open(actor, agency, request.params.year, request.body.framework);
      return reply.code(201).send(presentChecklist(actor, await service.checklist(actor, agency, request.params.year)));
    },
  );

  api.put(
    '/api/agencies/:agency/oit/:year/assignments',
    {
      schema: {
        tags,
        summary: 'Assign items to divisions and set their due dates, several items at once (the secretariat)',
        params: yearParams,
        body: z
          .object({
            codes: z.array(z.string().max(16)).min(1).max(200),
            divisions: z.array(z.number().int().positive()).max(100).optional(),
            dueDate: isoDate.nullable().optional(),
          })
          .refine((b) => b.divisions !== undefined || b.dueDate !== undefined, 'say the divisions or the due date to set'),
        response: { 200: checklistSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.assign(actor, agency, request.params.year, request.body);
      return presentChecklist(actor, await service.checklist(actor, agency, request.params.year));
    },
  );

  api.post(
    '/api/agencies/:agency/oit/:year/items/:code/evidence',
    {
      bodyLimit: uploadBodyLimit(MAX_EVIDENCE_BYTES),
      config: { fileLimitBytes: MAX_EVIDENCE_BYTES },
      schema: {
        tags,
        summary:
          'Add a document (PDF, image, DOCX or XLSX; type sniffed from the content; at most 15 MB) or a link to an item, with a note',
        params: itemParams,
        body: z.union([
          z.object({
            title: z.string().trim().min(1).max(500),
            note: z.string().trim().max(2000).default(''),
            url: webLink,
          }),
          z.object({
            title: z.string().trim().max(500).default(''),
            note: z.string().trim().max(2000).default(''),
            fileName: z.string().min(1).max(255),
            contentBase64: z.string().max(uploadBodyLimit(MAX_EVIDENCE_BYTES)),
          }),
        ]),
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const body = request.body;
      const row =
        'url' in body
          ? await service.addEvidence(actor, agency, request.params.year, request.params.code, body)
          : await service.addEvidence(actor, agency, request.params.year, request.params.code, {
              title: body.title || body.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''),
              note: body.note,
              fileName: body.fileName,
              content: Buffer.from(body.contentBase64, 'base64'),
            });
      return reply.code(201).send(presentEvidence(row));
    },
  );

  for (const action of ['submit', 'accept', 'return'] as const) {
    api.post(
      `/api/agencies/:agency/oit/:year/items/:code/${action}`,
      {
        schema: {
          tags,
          summary: {
            submit: 'Send the item to the secretariat (its division or the secretariat)',
            accept: 'Accept the item (the secretariat)',
            return: 'Return the item to its divisions with a comment (the secretariat)',
          }[action],
          params: itemParams,
          body: z.object({ comment: z.string().max(2000).optional() }).default({}),
          response: { 200: taskSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const agency = await readableAgency(db.kysely, actor, request.params.agency);
        await service.transition(actor, agency, request.params.year, request.params.code, action, request.body.comment ?? null);
        const { checklist, view, published } = await service.task(actor, agency, request.params.year, request.params.code);
        return presentTask(actor, loadFramework(checklist.framework_id), view, published);
      },
    );
  }

  api.post(
    '/api/agencies/:agency/oit/:year/approve',
    {
      schema: {
        tags,
        summary: "Approve the checklist (an executive): the accepted items become the agency's transparency page of the year",
        params: yearParams,
        response: { 200: approvalSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.approve(actor, agency, request.params.year);
    },
  );

  api.get(
    '/api/agencies/:agency/oit/:year/prediction',
    {
      schema: {
        tags,
        summary:
          "Readiness of each item and the predicted OIT score, ITA range and level with this year's (or last year's) IIT/EIT; the items whose absence costs most",
        params: yearParams,
        response: { 200: predictionSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.prediction(actor, agency, request.params.year);
    },
  );

  api.get(
    '/api/oit/years',
    {
      schema: {
        tags,
        summary: 'Fiscal years any agency has an OIT checklist of, newest first (central admins)',
        response: { 200: z.array(z.number()) },
      },
    },
    async (request) => {
      return service.years(requireActor(request));
    },
  );

  api.get(
    '/api/oit/readiness',
    {
      schema: {
        tags,
        summary:
          "City-wide: a page of the agencies' OIT readiness and predicted score of a year, with the sums over all of them (central admins); `state` keeps agencies with every item ready, items at risk, or items missing",
        querystring: pageQuery(READINESS_SORTS, 'code').extend({
          year: z.coerce.number().int().min(2500).max(2700),
          state: z.enum(READINESS_STATES).optional(),
        }),
        response: { 200: cityReadinessSchema },
      },
    },
    async (request) => {
      const { year, ...page } = request.query;
      return service.cityReadiness(requireActor(request), year, page);
    },
  );

  api.post(
    '/api/agencies/:agency/oit/:year/link-checks',
    {
      schema: {
        tags,
        summary:
          "Check every link of the year's checklist now, in the background (the secretariat); answers the run, queued or already under way",
        params: yearParams,
        response: { 200: linkRunSchema.describe('A check already under way'), 202: linkRunSchema.describe('The check, queued') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const { run, queued } = await links.request(actor, agency, request.params.year);
      return reply.code(queued ? 202 : 200).send(presentRun(run));
    },
  );

  api.get(
    '/api/agencies/:agency/oit/:year/links',
    {
      schema: {
        tags,
        summary: 'Each link of the items the actor may see, with its latest check and its history (newest first)',
        params: yearParams,
        response: { 200: checklistLinksSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.links(actor, agency, request.params.year);
    },
  );

  api.get(
    '/api/oit/link-checks',
    {
      schema: {
        tags,
        summary:
          "City-wide: a page of the agencies' latest link check of a year, links checked and passing, with the sums over all of them (central admins); `failing=true` keeps those with a failing link",
        querystring: pageQuery(LINK_CHECK_SORTS, 'code').extend({
          year: z.coerce.number().int().min(2500).max(2700),
          failing: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: cityLinkChecksSchema },
      },
    },
    async (request) => {
      const { year, ...page } = request.query;
      return service.cityLinkChecks(requireActor(request), year, page);
    },
  );

  const evidenceParams = z.object({ id: z.coerce.number().int().positive() });

  api.get(
    '/api/oit-evidence/:id/file',
    {
      schema: {
        tags,
        summary: 'An OIT document, for those who may read its item',
        params: evidenceParams,
        response: { 200: fileResponse('The document, as stored', ...DOCUMENT_TYPES) },
      },
    },
    async (request, reply) => {
      const { evidence } = await service.evidence(requireActor(request), request.params.id);
      if (!evidence.stored_name) throw notFound('file');
      const stream = await filesAt(config.dataDir).get(`oit/${evidence.agency_id}/${evidence.stored_name}`);
      if (!stream) {
        throw new HttpError(
          410,
          'evidence-file-missing',
          `the file of OIT document ${evidence.id} is missing from storage`,
          'ไม่พบไฟล์ในที่จัดเก็บ',
        );
      }
      return sendDocument(reply, evidence, stream, 'private, max-age=300');
    },
  );

  api.delete(
    '/api/oit-evidence/:id',
    {
      schema: {
        tags,
        summary: 'Remove a document or link of an item still being prepared',
        params: evidenceParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await service.removeEvidence(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

/** The types an OIT document is stored as (see `processOitDocument`). */
export const DOCUMENT_TYPES: [string, ...string[]] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Sends a stored OIT document with its type: PDFs and images shown, Word and Excel files downloaded. */
export function sendDocument(
  reply: FastifyReply,
  document: { file_name: string | null; mime: string | null },
  bytes: Buffer | Readable,
  cache: string,
) {
  const name = document.file_name ?? 'document';
  const inline = document.mime === 'application/pdf' || (document.mime ?? '').startsWith('image/');
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', document.mime ?? 'application/octet-stream')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .send(bytes);
}
