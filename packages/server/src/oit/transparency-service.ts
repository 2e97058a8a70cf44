import type { Kysely } from 'kysely';
import { findAgency, listAgencies } from '../agencies/repository.js';
import type { Agency, Database, Publication } from '../db/schema.js';
import { filesAt, readWhole } from '../files/index.js';
import { PublicationRepository } from '../publications/repository.js';
import { OitRepository } from './repository.js';
import type { OitSnapshot } from './service.js';

/** Publications per sitemap file: with up to 99 items each, a file stays within the protocol's 50,000 URLs. */
export const SITEMAP_PUBLICATIONS = 500;

/**
 * What the agencies' transparency pages read, no sign-in: only live OIT publications (the
 * snapshots executives approved) and the files they list. Public by design.
 */
export class TransparencyService {
  private readonly publications: PublicationRepository;
  private readonly oit: OitRepository;
  // Publications never change once made (a new approval is a new row): parse each once.
  private readonly parsed = new Map<number, OitSnapshot>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataDir: string,
  ) {
    this.publications = new PublicationRepository(db);
    this.oit = new OitRepository(db);
  }

  private snapshotOf(publication: Publication): OitSnapshot {
    let snapshot = this.parsed.get(publication.id);
    if (!snapshot) {
      snapshot = JSON.parse(publication.snapshot) as OitSnapshot;
      if (this.parsed.size > 500) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(publication.id, snapshot);
    }
    return snapshot;
  }

  agency(ref: string): Promise<Agency | undefined> {
    return findAgency(this.db, ref);
  }

  /**
   * The sitemap's pages: the protocol allows 50,000 URLs a file, and a published checklist is its
   * year's page and one page per item, so a file holds the pages of SITEMAP_PUBLICATIONS publications.
   */
  async sitemapIndex(): Promise<{ pages: number; lastmod: string | null }> {
    const { count, newest } = await this.publications.countLive('oit');
    return { pages: Math.ceil(count / SITEMAP_PUBLICATIONS), lastmod: newest };
  }

  /** The live OIT publications of one sitemap page (from 1) with their agencies and items. */
  async sitemapPage(page: number) {
    const publications = await this.publications.livePage('oit', SITEMAP_PUBLICATIONS, (page - 1) * SITEMAP_PUBLICATIONS);
    const agencies = new Map(
      (await listAgencies(this.db, [...new Set(publications.map((p) => p.agency_id))])).map((a) => [a.id, a]),
    );
    return publications.flatMap((publication) => {
      const agency = agencies.get(publication.agency_id);
      return agency ? [{ agency, publication, items: this.snapshotOf(publication).items }] : [];
    });
  }

  /** The agency's published OIT years, and the measures plans, results and approved progress it has published as open data. */
  async overview(agency: Agency) {
    const years = (await this.publications.liveOfKind('oit', agency.id)).map((p) => ({
      year: p.fiscal_year,
      publishedAt: p.published_at,
      items: this.snapshotOf(p).items.length,
    }));
    const openData = (
      await Promise.all((['plan', 'results', 'round'] as const).map((kind) => this.publications.liveOfKind(kind, agency.id)))
    )
      .flat()
      .map((p) => ({
        kind: p.kind as 'plan' | 'results' | 'round',
        year: p.fiscal_year,
        round: p.round,
        publishedAt: p.published_at,
      }));
    return { years, openData };
  }

  /** The live OIT publication of a year, with its snapshot. */
  async live(agency: Agency, year: number) {
    const row = await this.publications.live({ agencyId: agency.id, kind: 'oit', fiscalYear: year, round: null });
    return row ? { row, snapshot: this.snapshotOf(row) } : null;
  }

  /** A document the live snapshot of a year lists for an item, with its bytes; null if it lists none such or it is gone. */
  async publishedFile(agency: Agency, year: number, code: string, id: number) {
    const found = await this.live(agency, year);
    const document = found?.snapshot.items.find((i) => i.code === code)?.documents.find((d) => d.id === id);
    if (!found || !document) return null;
    const row = await this.oit.publishedFile(agency.id, document.id);
    const bytes = row?.stored_name ? await readWhole(filesAt(this.dataDir), `oit/${agency.id}/${row.stored_name}`) : null;
    return bytes ? { document, bytes, publishedAt: found.row.published_at } : null;
  }
}
