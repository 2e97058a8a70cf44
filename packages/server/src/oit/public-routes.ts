import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { agencyPage, escapeHtml, itemPage, itemPath, notPublishedPage, STYLE, yearPage } from './pages.js';
import { fileResponse } from '../http/schemas.js';
import { DOCUMENT_TYPES, sendDocument } from './routes.js';
import { TransparencyService } from './transparency-service.js';

const agencyParams = z.object({ agency: z.string().min(1).max(64) });
const yearParams = agencyParams.extend({ year: z.coerce.number().int().min(2500).max(2700) });
const itemParams = yearParams.extend({ code: z.string().regex(/^[A-Z]{1,6}\d{1,3}$/) });
const fileParams = itemParams.extend({ id: z.coerce.number().int().positive(), name: z.string().max(300) });

/**
 * How published pages and files may be cached: anywhere, but asked again on every use, so that
 * withdrawing a publication takes effect at once for every cache that honours HTTP.
 */
export const WITHDRAWABLE = 'public, no-cache';

/**
 * The agencies' transparency pages, no sign-in: `/t/<agency>/<year>` and one stable page per item
 * (`/t/<agency>/<year>/<code>`), the URLs an agency types into ITAS. They show only the live
 * snapshot the executive approved; a file is served only if that snapshot lists it.
 */
export async function transparencyRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const transparency = new TransparencyService(db.kysely, config.dataDir);
  const base = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  const html = (reply: FastifyReply, status: number, body: string, lastModified?: string) => {
    // Every cache asks again each time (no-cache), so a withdrawn page is gone at once for all.
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', WITHDRAWABLE);
    if (lastModified) reply.header('last-modified', new Date(lastModified).toUTCString());
    return reply.send(body);
  };
  const notFoundPage = (reply: FastifyReply) =>
    reply
      .code(404)
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ไม่พบหน้า</title></head><body><main><h1>ไม่พบหน้าที่ต้องการ</h1></main></body></html>',
      );

  const hidden = { hide: true, security: [] };
  const page = { 200: fileResponse('The page', 'text/html') };

  api.get(
    '/t/style.css',
    { schema: { ...hidden, response: { 200: fileResponse('The style sheet', 'text/css') } } },
    async (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLE),
  );

  const xml = (reply: FastifyReply, body: string) =>
    reply.header('content-type', 'application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);

  // An index of sitemap files, each within the protocol's 50,000 URLs, read one page of publications at a time.
  api.get(
    '/t/sitemap.xml',
    { schema: { ...hidden, response: { 200: fileResponse('The sitemap index', 'application/xml') } } },
    async (request, reply) => {
      const { pages, lastmod } = await transparency.sitemapIndex();
      const files = Array.from({ length: Math.max(pages, 1) }, (_, i) => i + 1).map(
        (n) =>
          `<sitemap><loc>${escapeHtml(`${base(request)}/t/sitemap-${n}.xml`)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</sitemap>`,
      );
      return xml(
        reply,
        `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`,
      );
    },
  );

  api.get(
    '/t/sitemap-:page.xml',
    {
      schema: {
        ...hidden,
        params: z.object({ page: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: fileResponse('One file of the sitemap', 'application/xml'), 404: page[200] },
      },
    },
    async (request, reply) => {
      const entries = await transparency.sitemapPage(request.params.page);
      if (entries.length === 0 && request.params.page > 1) return notFoundPage(reply);
      const urls: { loc: string; lastmod: string }[] = [];
      for (const { agency, publication, items } of entries) {
        const lastmod = publication.published_at.slice(0, 10);
        urls.push({ loc: `${base(request)}/t/${agency.slug}/${publication.fiscal_year}`, lastmod });
        for (const item of items) {
          urls.push({ loc: `${base(request)}${itemPath(agency, publication.fiscal_year, item.code)}`, lastmod });
        }
      }
      return xml(
        reply,
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
          .map((u) => `<url><loc>${escapeHtml(u.loc)}</loc><lastmod>${u.lastmod}</lastmod></url>`)
          .join('\n')}\n</urlset>\n`,
      );
    },
  );

  api.get('/t/:agency', { schema: { ...hidden, params: agencyParams, response: page } }, async (request, reply) => {
    const agency = await transparency.agency(request.params.agency);
    if (!agency) return notFoundPage(reply);
    const { years, openData } = await transparency.overview(agency);
    return html(reply, 200, agencyPage(agency, years, openData));
  });

  api.get('/t/:agency/:year', { schema: { ...hidden, params: yearParams, response: page } }, async (request, reply) => {
    const agency = await transparency.agency(request.params.agency);
    if (!agency) return notFoundPage(reply);
    const found = await transparency.live(agency, request.params.year);
    if (!found) return html(reply, 404, notPublishedPage(agency, request.params.year));
    return html(
      reply,
      200,
      yearPage(agency, request.params.year, { ...found.snapshot, publishedAt: found.row.published_at }),
      found.row.published_at,
    );
  });

  api.get('/t/:agency/:year/:code', { schema: { ...hidden, params: itemParams, response: page } }, async (request, reply) => {
    const agency = await transparency.agency(request.params.agency);
    if (!agency) return notFoundPage(reply);
    const found = await transparency.live(agency, request.params.year);
    const item = found?.snapshot.items.find((i) => i.code === request.params.code);
    if (!found || !item) return html(reply, 404, notPublishedPage(agency, request.params.year));
    return html(reply, 200, itemPage(agency, request.params.year, item, found.row.published_at), found.row.published_at);
  });

  api.get(
    '/t/:agency/:year/:code/files/:id/:name',
    {
      schema: {
        ...hidden,
        params: fileParams,
        response: {
          200: fileResponse('The published document', ...DOCUMENT_TYPES),
          304: z.null().describe('Not modified: the copy the client holds is still the published one'),
        },
      },
    },
    async (request, reply) => {
      const agency = await transparency.agency(request.params.agency);
      if (!agency) return notFoundPage(reply);
      const file = await transparency.publishedFile(agency, request.params.year, request.params.code, request.params.id);
      if (!file) return notFoundPage(reply);
      const { document, bytes } = file;
      // Revalidated on every use, cheaply by its tag: withdrawal takes effect at once for every cache.
      const tag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', tag).header('last-modified', new Date(file.publishedAt).toUTCString());
      if (request.headers['if-none-match'] === tag) return reply.code(304).header('cache-control', WITHDRAWABLE).send(null);
      return sendDocument(reply, { file_name: document.fileName, mime: document.mime }, bytes, WITHDRAWABLE);
    },
  );
}
