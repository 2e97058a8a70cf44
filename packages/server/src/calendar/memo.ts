import { todayInBangkok } from '../db/database.js';
import type { Kysely } from 'kysely';
import { toThaiDigits, type Milestone } from '@prongsai/core';
import type { Actor } from '../auth/policy.js';
import type { Agency, Database } from '../db/schema.js';
import { officialDate } from '../documents/common.js';
import { readEmblem } from '../letterhead/emblem.js';
import { CalendarService } from './service.js';

/** The memo (บันทึกข้อความ) that opens the year's collection, in seed 002's official form. */
export interface MemoModel {
  agency: Agency;
  fiscalYear: number;
  emblem: Buffer | null;
  section: string;
  number: string;
  date: string;
  subject: string;
  to: string;
  paragraphs: string[];
  instructions: string[];
  closing: string;
  signatory: string;
  signatoryTitle: string;
}

export interface MemoLines {
  number?: string | undefined;
  to?: string | undefined;
  signatoryName?: string | undefined;
  signatoryTitle?: string | undefined;
}

/**
 * The memo's text from the agency's calendar: its own dates for the staff count, IIT, EIT and OIT
 * evidence, numbered as seed 002's memo from ฝ่ายปกครอง numbers them, with Thai digits throughout.
 */
export async function memoModel(
  db: Kysely<Database>,
  reader: Actor,
  agency: Agency,
  fiscalYear: number,
  dataDir: string,
  lines: MemoLines = {},
): Promise<MemoModel> {
  const milestones = new Map((await new CalendarService(db).milestones(reader, agency, fiscalYear)).map((m) => [m.milestone, m]));
  const due = (id: Milestone) => officialDate(milestones.get(id)!.dueOn);
  const year = toThaiDigits(String(fiscalYear));
  const director = `ผู้อำนวยการ${agency.name_th.replace(/^สำนักงาน/, '')}`;
  const th = (text: string) => toThaiDigits(text);
  return {
    agency,
    fiscalYear,
    emblem: await readEmblem(dataDir, agency.id),
    section: 'ฝ่ายปกครอง',
    number: th(lines.number || 'กท ............/-'),
    date: officialDate(todayInBangkok()),
    subject: th(
      `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ของ${agency.name_th} ประจำปีงบประมาณ พ.ศ. ${year}`,
    ),
    to: lines.to || director,
    paragraphs: [
      th(
        `ด้วย${agency.name_th} เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${year} ด้วยเครื่องมือ ๓ เครื่องมือ ได้แก่ แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) และแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)`,
      ),
      th(
        `ฝ่ายปกครองพิจารณาแล้ว เพื่อให้การดำเนินการประเมินคุณธรรมและความโปร่งใสของ${agency.name_th} ประจำปีงบประมาณ พ.ศ. ${year} เป็นไปด้วยความเรียบร้อย โปร่งใส และบรรลุตามเป้าหมายที่สำนักงาน ป.ป.ช. กำหนด เห็นควรดำเนินการ ดังนี้`,
      ),
    ],
    instructions: [
      th(
        `ทุกฝ่าย และโรงเรียนสังกัดกรุงเทพมหานครในพื้นที่เขต ดำเนินการสำรวจข้อมูลข้าราชการและบุคลากรกรุงเทพมหานครที่ปฏิบัติงานมาไม่น้อยกว่า ๑ ปี และแจ้งให้ข้าราชการและบุคลากรดังกล่าวตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) พร้อมทั้งจัดส่งหลักฐานการลงลายมือชื่อการตอบแบบวัดการรับรู้ ให้ฝ่ายปกครอง ภายในวันที่ ${due('iit-collection')} (โดยให้จัดส่งข้อมูล ครั้งที่ ๑ ภายในวันที่ ${due('staff-count')} และครั้งที่ ๒ ภายในวันที่ ${due('iit-collection')})`,
      ),
      th(
        `ทุกฝ่าย และโรงเรียนในสังกัดกรุงเทพมหานคร ดำเนินการเผยแพร่และประชาสัมพันธ์การตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ให้ผู้มีส่วนได้ส่วนเสียภายนอกตอบให้ครบตามจำนวนที่กำหนด ภายในวันที่ ${due('eit-collection')}`,
      ),
      th(
        `ให้ทุกฝ่ายดำเนินการตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) และส่งหลักฐานการดำเนินงานในระบบโปร่งใสตามข้อที่ได้รับมอบหมาย โดยตั้งชื่อไฟล์ตามรหัสข้อ เช่น O1 ภายในวันที่ ${due('oit-evidence')}`,
      ),
      th(`โรงเรียนสังกัดกรุงเทพมหานครในพื้นที่เขต ส่งข้อมูลบุคลากรให้ฝ่ายปกครอง ภายในวันที่ ${due('schools-data')}`),
    ],
    closing: 'จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบฝ่ายปกครองจักได้ดำเนินการเวียนแจ้งทุกฝ่ายดำเนินการต่อไป',
    signatory: lines.signatoryName
      ? `(${lines.signatoryName.replace(/^\(|\)$/g, '')})`
      : '(........................................................)',
    signatoryTitle: lines.signatoryTitle || 'หัวหน้าฝ่ายปกครอง',
  };
}

/** The memo's text in reading order, as its PDF prints it: what a test compares `pdftotext` with. */
export function memoText(m: MemoModel): string[] {
  return [
    'บันทึกข้อความ',
    `ส่วนราชการ ${m.section} ${m.agency.name_th}`,
    `ที่ ${m.number}`,
    `วันที่ ${m.date}`,
    `เรื่อง ${m.subject}`,
    `เรียน ${m.to}`,
    ...m.paragraphs,
    ...m.instructions.map((text, i) => `${toThaiDigits(String(i + 1))}. ${text}`),
    m.closing,
    m.signatory,
    m.signatoryTitle,
  ];
}
