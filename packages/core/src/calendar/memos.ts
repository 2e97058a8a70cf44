import { officialThaiDate } from '../thai/date.js';
import { toThaiDigits } from '../thai/digits.js';
import { IIT_ALL_EMPLOYEES, IIT_EMPLOYEE_SHARE } from '../surveys/roster.js';

/**
 * The memos (บันทึกข้อความ) that open the year's collection, in seed 002's two forms: ฝ่ายปกครอง's
 * to the director (ต้นเรื่อง, ข้อเท็จจริง, ข้อพิจารณาและเสนอแนะ, then the numbered instructions
 * with the agency's own dates), and ฝ่ายการศึกษา's to the schools' heads with what the schools
 * must send and by when.
 */
export const MEMO_KINDS = ['collection', 'schools'] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

/** The memos' names in a Bangkok district office (seed 002); `memoKindTh` names them for any kind. */
export const MEMO_KIND_TH: Record<MemoKind, string> = {
  collection: 'บันทึกข้อความแจ้งทุกฝ่าย (ฝ่ายปกครอง)',
  schools: 'บันทึกข้อความถึงโรงเรียนในสังกัด (ฝ่ายการศึกษา)',
};

/** A person who signs, as the memo prints them: their name in brackets, then each line of their titles. */
export interface MemoSigner {
  name: string;
  titles: string[];
}

/** What the secretariat writes into a memo; what it leaves empty comes from the calendar and the framework. */
export interface MemoContent {
  /** The telephone after ส่วนราชการ, e.g. "๖๐๐๘ - ๖๐๐๙". */
  phone?: string | undefined;
  /** ที่ กท ๗๐๐๑/… */
  number?: string | undefined;
  /** The memo's date (ISO); the day it is made when absent. */
  date?: string | undefined;
  to?: string | undefined;
  /** ต้นเรื่อง: the letter or briefing that started it. */
  origin?: string | undefined;
  /** The numbered instructions as the secretariat rewrote them; the calendar's where absent. */
  instructions?: string[] | undefined;
  /** The calendar's instructions when the secretariat rewrote them, to tell when the dates moved since. */
  instructionsFrom?: string[] | undefined;
  signers?: MemoSigner[] | undefined;
}

/** What a memo is made from besides its content: the agency, the year's dates (official Thai dates) and the framework. */
export interface MemoFacts {
  agencyName: string;
  fiscalYear: number;
  /** The day the memo is made, as an official date, where the content gives none. */
  today: string;
  due: Record<'staff-count' | 'iit-collection' | 'eit-collection' | 'oit-evidence' | 'schools-data', string>;
  /** Each tool with its Thai name and weight, and its indicators' names. */
  tools: { code: string; nameTh: string; weight: number; indicators: string[] }[];
  /** EIT respondents each division must reach, in the order the memo lists them. */
  eitMinimums: { division: string; minimum: number }[];
  /** The OIT items the education division owns this year (code and name). */
  educationItems: { code: string; name: string }[];
  /** Each unit's IIT respondents that schools send (seed 002: 25 civil servants and 25 employees). */
  schoolIit: { civilServants: number; employees: number };
  /** EIT respondents of the district's schools together (seed 002: 40). */
  schoolEit: number;
  /** How the memo speaks of the agency, its units and its head; a Bangkok district office's (seed 002) where absent. */
  wording?: MemoWording | undefined;
}

/** The phrases of a memo that depend on the kind of agency. */
export interface MemoWording {
  /** The unit that runs the year and writes the collection memo (ฝ่ายปกครอง); "" when not known. */
  secretariat: string;
  /** The unit that writes to the schools (ฝ่ายการศึกษา). */
  education: string;
  /** Every unit (ทุกฝ่าย, ทุกกอง). */
  allUnits: string;
  /** The agency's head (ผู้อำนวยการเขตบางแค, นายกเทศมนตรีนครนนทบุรี). */
  head: string;
  /** The assistant head who signs between the secretariat and the head, or null. */
  assistantHead: string | null;
  /** The schools the collection memo also instructs, or null. */
  schoolsArea: string | null;
  /** The staff IIT asks (ข้าราชการและบุคลากรกรุงเทพมหานคร). */
  staff: string;
  /** Whose ITA NACC's guidance is for (สำนักงานเขต กรุงเทพมหานคร), and to whom it was given (สำนักงานเขต). */
  assessed: string;
  briefed: string;
  /** IIT's respondents by the BMA district rule (civil servants, all employees of some divisions, a share of the rest). */
  bmaDistrictIit: boolean;
  /** The schools' row of EIT's quotas, or null. */
  schoolsEitRow: string | null;
  /** The letter code before an unnumbered memo's blank number (กท, the BMA's); "" where not known. */
  letterCode: string;
}

export type MemoBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'table'; rows: [string, string][] };

/** A memo ready to typeset: the heading lines, the blocks of its body, the closing and who signs. */
export interface MemoDocument {
  kind: MemoKind;
  section: string;
  number: string;
  date: string;
  subject: string;
  to: string;
  blocks: MemoBlock[];
  closing: string;
  signers: MemoSigner[];
}

const th = toThaiDigits;
const district = (agencyName: string) => agencyName.replace(/^สำนักงาน/, '');

/** A Bangkok district office's wording, as seed 002 prints it. */
export const districtMemoWording = (agencyName: string): MemoWording => ({
  secretariat: 'ฝ่ายปกครอง',
  education: 'ฝ่ายการศึกษา',
  allUnits: 'ทุกฝ่าย',
  head: `ผู้อำนวยการ${district(agencyName)}`,
  assistantHead: `ผู้ช่วยผู้อำนวยการ${district(agencyName)}`,
  schoolsArea: `โรงเรียนสังกัดกรุงเทพมหานครในพื้นที่${district(agencyName)}`,
  staff: 'ข้าราชการและบุคลากรกรุงเทพมหานคร',
  assessed: 'สำนักงานเขต กรุงเทพมหานคร',
  briefed: 'สำนักงานเขต',
  bmaDistrictIit: true,
  schoolsEitRow: 'โรงเรียนสังกัดกรุงเทพมหานคร ในพื้นที่เขต',
  letterCode: 'กท',
});
const wordingOf = (facts: Pick<MemoFacts, 'agencyName' | 'wording'>) => facts.wording ?? districtMemoWording(facts.agencyName);
const UNNUMBERED = '............/-';
const UNSIGNED = '........................................................';

const subjectOf = (facts: MemoFacts) =>
  th(
    `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ของ${facts.agencyName} ประจำปีงบประมาณ พ.ศ. ${facts.fiscalYear}`,
  );

/** The numbered instructions the calendar gives, with the agency's own dates (seed 002's ข้อ ๑–๓). */
export function calendarInstructions(kind: MemoKind, facts: MemoFacts): string[] {
  const w = wordingOf(facts);
  const who = w.schoolsArea ? `${w.allUnits} และ${w.schoolsArea}` : w.allUnits;
  const to = w.secretariat ? ` ให้${w.secretariat}` : '';
  if (kind === 'schools') {
    return [
      th(
        `ส่งจำนวนข้าราชการและลูกจ้างที่ปฏิบัติงานมาไม่น้อยกว่า ๑ ปี และรายชื่อผู้ตอบแบบวัด IIT จำนวน ${facts.schoolIit.civilServants + facts.schoolIit.employees} คน ให้${w.education} ภายในวันที่ ${facts.due['schools-data']}`,
      ),
      th(
        `เผยแพร่และประชาสัมพันธ์การตอบแบบวัด EIT ให้ผู้มารับบริการหรือคู่ค้าคู่สัญญาของโรงเรียนตอบให้ครบไม่น้อยกว่า ${facts.schoolEit} คน ภายในวันที่ ${facts.due['eit-collection']}`,
      ),
      th(`ส่งข้อมูลและหลักฐานตามแบบตรวจ OIT ในหัวข้อที่เกี่ยวข้องกับโรงเรียน ให้${w.education} ภายในวันที่ ${facts.due['schools-data']}`),
    ];
  }
  return [
    th(
      `${who} ดำเนินการสำรวจข้อมูล${w.staff}ที่ปฏิบัติงานมาไม่น้อยกว่า ๑ ปี และแจ้งให้ข้าราชการและบุคลากรดังกล่าวตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) พร้อมทั้งจัดส่งหลักฐานการลงลายมือชื่อการตอบแบบวัดการรับรู้${to} ภายในวันที่ ${facts.due['iit-collection']} (โดยให้จัดส่งข้อมูล ครั้งที่ ๑ ภายในวันที่ ${facts.due['staff-count']} และครั้งที่ ๒ ภายในวันที่ ${facts.due['iit-collection']})`,
    ),
    th(
      `${who} ดำเนินการเผยแพร่และประชาสัมพันธ์การตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ให้ผู้มีส่วนได้ส่วนเสียภายนอกตอบให้ครบตามจำนวนที่กำหนด ภายในวันที่ ${facts.due['eit-collection']}`,
    ),
    th(
      `ให้${w.allUnits}ดำเนินการตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) และส่งหลักฐานการดำเนินงานในระบบโปร่งใสตามข้อที่ได้รับมอบหมาย โดยตั้งชื่อไฟล์ตามรหัสข้อ เช่น O๑ ภายในวันที่ ${facts.due['oit-evidence']}`,
    ),
  ];
}

/** Who signs where the secretariat named no one: as in seed 002, the head of division, then the assistant director and the director. */
export function defaultSigners(kind: MemoKind, agencyName: string, wording?: MemoWording): MemoSigner[] {
  const w = wording ?? districtMemoWording(agencyName);
  const unit = (title: string) => (title ? `หัวหน้า${title.replace(/^หัวหน้า/, '')}` : '');
  if (kind === 'schools') return [{ name: '', titles: [w.secretariat ? unit(w.education) : `ตำแหน่ง ${UNSIGNED}`] }];
  return [
    // Where the kind's secretariat is not known, its signer's post is left for the secretariat to fill in.
    { name: '', titles: [w.secretariat ? `${unit(w.secretariat)} ${agencyName}` : `ตำแหน่ง ${UNSIGNED}`] },
    ...(w.assistantHead ? [{ name: '', titles: [w.assistantHead] }] : []),
    { name: '', titles: [w.head] },
  ];
}

export const defaultRecipient = (kind: MemoKind, agencyName: string, wording?: MemoWording) =>
  kind === 'schools' ? 'ผู้บริหารสถานศึกษาโรงเรียนในสังกัด' : (wording ?? districtMemoWording(agencyName)).head;

export const defaultOrigin = (kind: MemoKind, facts: MemoFacts) =>
  th(
    kind === 'schools'
      ? `ตามที่สำนักงาน ป.ป.ช. ได้ชี้แจงแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ของ${wordingOf(facts).assessed} ประจำปีงบประมาณ พ.ศ. ${facts.fiscalYear} นั้น`
      : `สำนักงาน ป.ป.ช. ได้ชี้แจงกรอบแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ของ${wordingOf(facts).assessed} ประจำปีงบประมาณ พ.ศ. ${facts.fiscalYear} แก่${wordingOf(facts).briefed}`,
  );

/** ข้อเท็จจริง: the three tools with their weights and indicators from the framework, who answers IIT, and EIT's quotas. */
function collectionFacts(facts: MemoFacts): MemoBlock[] {
  const w = wordingOf(facts);
  const blocks: MemoBlock[] = [
    {
      kind: 'paragraph',
      text: th(
        `๑. การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${facts.agencyName} ประจำปีงบประมาณ พ.ศ. ${facts.fiscalYear} ใช้เครื่องมือในการประเมิน ${facts.tools.length} เครื่องมือ ดังนี้`,
      ),
    },
  ];
  facts.tools.forEach((tool, i) => {
    const indicators = tool.indicators.length
      ? ` ประกอบด้วย ${tool.indicators.length} ตัวชี้วัด ได้แก่ ${tool.indicators.map((name) => `ตัวชี้วัด${name}`).join(' ')}`
      : '';
    blocks.push({
      kind: 'paragraph',
      text: th(`(${i + 1}) ${tool.nameTh} (${tool.code}) ถ่วงน้ำหนักร้อยละ ${tool.weight}${indicators}`),
    });
    if (tool.code === 'IIT') {
      blocks.push({
        kind: 'paragraph',
        text: th(
          w.bmaDistrictIit
            ? `ผู้ตอบคือบุคลากรที่ปฏิบัติงานกับ${facts.agencyName}มาไม่น้อยกว่า ๑ ปี ได้แก่ ข้าราชการทั้งหมด ลูกจ้างทั้งหมดของ${IIT_ALL_EMPLOYEES.join(' ')} และร้อยละ ${Math.round(IIT_EMPLOYEE_SHARE * 100)} ของลูกจ้างในฝ่ายอื่นและโรงเรียนสังกัดกรุงเทพมหานครในพื้นที่เขต`
            : `ผู้ตอบคือบุคลากรที่ปฏิบัติงานกับ${facts.agencyName}มาไม่น้อยกว่า ๑ ปี ตามจำนวนที่สำนักงาน ป.ป.ช. กำหนด`,
        ),
      });
    }
    if (tool.code === 'EIT' && facts.eitMinimums.length) {
      const schools = w.schoolsEitRow ? facts.schoolEit : 0;
      const total = facts.eitMinimums.reduce((sum, q) => sum + q.minimum, 0) + schools;
      blocks.push({
        kind: 'paragraph',
        text: th(`ผู้มีส่วนได้ส่วนเสียภายนอกที่หน่วยงานเก็บข้อมูล ไม่น้อยกว่า ${total} คน แบ่งสัดส่วน ดังนี้`),
      });
      blocks.push({
        kind: 'table',
        rows: [
          ...facts.eitMinimums.map((q): [string, string] => [q.division, th(`ไม่น้อยกว่า ${q.minimum} คน`)]),
          ...(w.schoolsEitRow ? [[w.schoolsEitRow, th(`ไม่น้อยกว่า ${facts.schoolEit} คน`)] as [string, string]] : []),
        ],
      });
    }
  });
  return blocks;
}

function schoolsCriteria(facts: MemoFacts): MemoBlock[] {
  const education = wordingOf(facts).education;
  const eit = facts.eitMinimums.find((q) => q.division === education);
  const iit = facts.schoolIit;
  const blocks: MemoBlock[] = [
    { kind: 'paragraph', text: `เกณฑ์การประเมินที่เกี่ยวข้องกับ${education}และโรงเรียนในสังกัด มีดังนี้` },
    { kind: 'paragraph', text: '๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)' },
    {
      kind: 'table',
      rows: [
        [education, 'ข้าราชการและลูกจ้างทุกคน'],
        [
          'โรงเรียนในสังกัด',
          th(`ข้าราชการ ${iit.civilServants} คน และลูกจ้าง ${iit.employees} คน รวม ${iit.civilServants + iit.employees} คน`),
        ],
      ],
    },
    { kind: 'paragraph', text: '๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)' },
    {
      kind: 'table',
      rows: [
        ...(eit ? [[education, th(`ไม่น้อยกว่า ${eit.minimum} คน`)] as [string, string]] : []),
        ['โรงเรียนในสังกัด', th(`ไม่น้อยกว่า ${facts.schoolEit} คน`)],
      ],
    },
    { kind: 'paragraph', text: '๓. แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)' },
  ];
  if (facts.educationItems.length) {
    facts.educationItems.forEach((item, i) =>
      blocks.push({ kind: 'paragraph', text: th(`๓.${i + 1} หัวข้อ ${item.code} ${item.name}`) }),
    );
  } else {
    blocks.push({ kind: 'paragraph', text: `หัวข้อที่${education}ได้รับมอบหมาย` });
  }
  return blocks;
}

/** The memo of a kind, from the secretariat's content and the year's facts. */
export function buildMemo(kind: MemoKind, facts: MemoFacts, content: MemoContent = {}): MemoDocument {
  const instructions = content.instructions?.length ? content.instructions : calendarInstructions(kind, facts);
  const origin = content.origin?.trim() || defaultOrigin(kind, facts);
  const w = wordingOf(facts);
  const section = kind === 'schools' ? w.education : w.secretariat;
  const signers = (content.signers?.length ? content.signers : defaultSigners(kind, facts.agencyName, w)).map((s) => ({
    name: s.name.trim() ? `(${s.name.trim().replace(/^\(|\)$/g, '')})` : `(${UNSIGNED})`,
    titles: s.titles.filter((t) => t.trim()).map((t) => th(t.trim())),
  }));
  const numbered = instructions.map((text, i): MemoBlock => ({ kind: 'item', text: `${th(String(i + 1))}. ${th(text)}` }));
  const blocks: MemoBlock[] =
    kind === 'collection'
      ? [
          { kind: 'heading', text: 'ต้นเรื่อง' },
          { kind: 'paragraph', text: th(origin) },
          { kind: 'heading', text: 'ข้อเท็จจริง' },
          ...collectionFacts(facts),
          { kind: 'heading', text: 'ข้อพิจารณาและเสนอแนะ' },
          {
            kind: 'paragraph',
            text: th(
              `${w.secretariat}พิจารณาแล้ว เพื่อให้การดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ของ${facts.agencyName} ประจำปีงบประมาณ พ.ศ. ${facts.fiscalYear} เป็นไปด้วยความเรียบร้อย โปร่งใส และบรรลุตามเป้าหมายที่สำนักงาน ป.ป.ช. กำหนด เห็นควรดำเนินการ ดังนี้`,
            ),
          },
          ...numbered,
        ]
      : [
          { kind: 'paragraph', text: th(origin) },
          ...schoolsCriteria(facts),
          {
            kind: 'paragraph',
            text: `${w.education}พิจารณาแล้ว เพื่อให้การดำเนินการประเมินคุณธรรมและความโปร่งใสฯ ของโรงเรียนในสังกัด เป็นไปตามเกณฑ์การประเมินฯ จึงขอความร่วมมือให้โรงเรียนในสังกัดดำเนินการ ดังนี้`,
          },
          ...numbered,
        ];
  return {
    kind,
    section: th(
      `${[section, facts.agencyName].filter(Boolean).join(' ')}${content.phone?.trim() ? ` โทร. ${content.phone.trim()}` : ''}`,
    ),
    number: th(content.number?.trim() || [w.letterCode, UNNUMBERED].filter(Boolean).join(' ')),
    date: content.date ? officialThaiDate(content.date) : facts.today,
    subject: subjectOf(facts),
    to: th(content.to?.trim() || defaultRecipient(kind, facts.agencyName, w)),
    blocks,
    closing:
      kind === 'collection'
        ? `จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบ${w.secretariat}จักได้ดำเนินการเวียนแจ้ง${w.allUnits}ดำเนินการต่อไป`
        : 'จึงเรียนมาเพื่อโปรดพิจารณา',
    signers,
  };
}

/** Whether the calendar's instructions moved since the secretariat rewrote them (a date changed, say). */
export function instructionsOutdated(kind: MemoKind, facts: MemoFacts, content: MemoContent): boolean {
  if (!content.instructions?.length || !content.instructionsFrom) return false;
  const now = calendarInstructions(kind, facts);
  return now.length !== content.instructionsFrom.length || now.some((text, i) => text !== content.instructionsFrom![i]);
}

/** The memo's text in reading order, as its PDF prints it: what a test compares `pdftotext` with. */
export function memoLines(memo: MemoDocument): string[] {
  return [
    'บันทึกข้อความ',
    `ส่วนราชการ ${memo.section}`,
    `ที่ ${memo.number}`,
    `วันที่ ${memo.date}`,
    `เรื่อง ${memo.subject}`,
    `เรียน ${memo.to}`,
    ...memo.blocks.flatMap((block) => (block.kind === 'table' ? block.rows.flat() : [block.text])),
    memo.closing,
    ...memo.signers.flatMap((s) => [s.name, ...s.titles]),
  ];
}
