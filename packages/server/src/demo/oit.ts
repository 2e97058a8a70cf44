import type { Kysely } from 'kysely';
import { findAgency, listDivisions } from '../agencies/repository.js';
import type { Database } from '../db/schema.js';
import { renderPdf } from '../documents/thai-pdf.js';
import { actorOf } from '../http/context.js';
import { OitRepository } from '../oit/repository.js';
import { OitService } from '../oit/service.js';
import { findUserByEmail } from '../users/repository.js';

/** The FY2567 items' divisions, in item order (O1 …), as a district secretariat would split them. */
const OWNERS = [
  'ฝ่ายปกครอง',
  'ฝ่ายปกครอง',
  'ฝ่ายการศึกษา',
  'ฝ่ายปกครอง',
  'ฝ่ายการคลัง',
  'ฝ่ายการคลัง',
  'ฝ่ายการคลัง',
  'ฝ่ายการคลัง',
  'ฝ่ายปกครอง',
  'ฝ่ายปกครอง',
  'ฝ่ายโยธา',
  'ฝ่ายรายได้',
  'ฝ่ายทะเบียน',
  'ฝ่ายเทศกิจ',
  'ฝ่ายปกครอง',
  'ฝ่ายปกครอง',
  'ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม',
  'ฝ่ายสิ่งแวดล้อมและสุขาภิบาล',
  'ฝ่ายการศึกษา',
  'ฝ่ายปกครอง',
  'ฝ่ายปกครอง',
  'ฝ่ายปกครอง',
];

/**
 * How far each seed district is with its FY2567 OIT checklist: items accepted, sent, returned,
 * and whether the director has approved it (and so published its transparency page).
 */
const STATE: Record<string, { accepted: number; submitted: number; returned: number; approved: boolean }> = {
  'bang-khae': { accepted: 22, submitted: 0, returned: 0, approved: true },
  'bang-sue': { accepted: 14, submitted: 4, returned: 1, approved: true },
  'din-daeng': { accepted: 9, submitted: 3, returned: 2, approved: false },
  'phasi-charoen': { accepted: 5, submitted: 2, returned: 0, approved: false },
  'lak-si': { accepted: 0, submitted: 1, returned: 0, approved: false },
};

const DEMO_YEAR = 2567;

/** Opens the seed districts' FY2567 OIT checklists in the state above. Safe to run again. */
export async function loadDemoOit(db: Kysely<Database>, dataDir: string): Promise<number> {
  const service = new OitService(db, dataDir);
  let opened = 0;
  for (const [slug, state] of Object.entries(STATE)) {
    const agency = await findAgency(db, slug);
    const admin = await findUserByEmail(db, `admin@${slug}.demo`);
    const director = await findUserByEmail(db, `director@${slug}.demo`);
    if (!agency || !admin || !director) continue;
    if (await new OitRepository(db).findChecklist(agency.id, DEMO_YEAR)) continue;
    const secretariat = actorOf(admin);
    await service.open(secretariat, agency, DEMO_YEAR);
    opened++;
    const divisions = new Map((await listDivisions(db, agency.id)).map((d) => [d.name_th, d.id]));
    const codes = OWNERS.map((_, i) => `O${i + 1}`);
    for (const owner of new Set(OWNERS)) {
      const division = divisions.get(owner);
      if (division === undefined) continue;
      await service.assign(secretariat, agency, DEMO_YEAR, {
        codes: codes.filter((_, i) => OWNERS[i] === owner),
        divisions: [division],
      });
    }
    const cover = await renderPdf({
      content: [
        { text: `${agency.name_th}`, bold: true, fontSize: 18 },
        { text: `เอกสารประกอบการเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ พ.ศ. ${DEMO_YEAR}` },
      ],
    });
    const prepared = state.accepted + state.submitted + state.returned;
    for (const [i, code] of codes.slice(0, prepared).entries()) {
      await service.addEvidence(secretariat, agency, DEMO_YEAR, code, {
        title: `ข้อมูล ${code} บนเว็บไซต์${agency.name_th}`,
        note: '',
        url: `https://webportal.bangkok.go.th/${slug.replace('-', '')}/page/sub/${10600 + i}`,
      });
      if (i % 3 === 0) {
        await service.addEvidence(secretariat, agency, DEMO_YEAR, code, {
          title: `เอกสาร ${code}`,
          note: 'ลงนามโดยผู้อำนวยการเขต',
          fileName: `${code}.pdf`,
          content: cover,
        });
      }
      if (i < state.accepted) await service.transition(secretariat, agency, DEMO_YEAR, code, 'accept', null);
      else if (i < state.accepted + state.submitted) {
        await service.transition(secretariat, agency, DEMO_YEAR, code, 'submit', null);
      } else {
        await service.transition(secretariat, agency, DEMO_YEAR, code, 'submit', null);
        await service.transition(secretariat, agency, DEMO_YEAR, code, 'return', 'เอกสารยังไม่ระบุปีงบประมาณ พ.ศ. 2567 กรุณาแนบฉบับปีนี้');
      }
    }
    if (state.approved) await service.approve(actorOf(director), agency, DEMO_YEAR);
  }
  return opened;
}
