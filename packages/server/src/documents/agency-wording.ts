import {
  districtMemoWording,
  headTitleTh,
  shippedKind,
  shortNameTh,
  type AgencyKind,
  type MemoWording,
  type UnitTerm,
} from '@prongsai/core';
import type { Agency } from '../db/schema.js';

/**
 * How every document speaks of an agency: its official name and its head's title as its kind
 * names them, its units by the kind's word for them, and the Bangkok-specific wording (the BMA, its
 * act, its schools) only for a Bangkok district office, whose documents stay as the seeds print
 * them. Every other kind gets neutral official wording; where the law or the post of a kind is not
 * known, a phrase the secretariat completes rather than an invented one. The measures document,
 * the progress report, the committee order and the memos (PDF, DOCX and preview alike) all take
 * their phrases from here.
 */
export interface AgencyWording {
  /** A Bangkok district office: the seeds' wording. */
  bangkokDistrict: boolean;
  /** The agency's official name (สำนักงานเขตบางแค, เทศบาลนครนนทบุรี). */
  name: string;
  /** The name inside the kind's pattern (บางแค, นครนนทบุรี). */
  shortName: string;
  /** The agency as titles and captions name it: "สำนักงานเขตบางแค กรุงเทพมหานคร", "เทศบาลนครนนทบุรี". */
  titled: string;
  /** Its head's title (ผู้อำนวยการเขตบางแค, นายกเทศมนตรีนครนนทบุรี). */
  head: string;
  /** What its units are called (ฝ่าย, กอง, สำนัก, กลุ่มงาน, งาน). */
  unitTerm: UnitTerm;
  /** Every unit, as the responsible column says it (ทุกฝ่าย, ทุกกอง). */
  allUnits: string;
  /** The head of a unit (หัวหน้าฝ่าย, ผู้อำนวยการกอง). */
  unitHead: string;
  /** The agency in general wording (สำนักงานเขต; หน่วยงาน). */
  office: string;
  /** The measures document's fixed texts' placeholders. */
  intro: Record<string, string>;
  /** The committee order's kind-dependent lines. */
  order: {
    /** The first paragraph after "ด้วย{name}ได้เข้าร่วม… ประจำปีงบประมาณ พ.ศ. {year}". */
    mandate: string;
    /** The legal basis before "จึงแต่งตั้ง…". */
    authority: string;
    chair: string;
    members: string[];
    secretary: string;
    assistantSecretary: string;
    /** Whose staff the IIT roster takes besides the agency's own ("" when none). */
    rosterAlso: string;
  };
  /** The memos' kind-dependent phrases. */
  memo: MemoWording;
}

/** The title of a unit's head, by what the kind calls its units. */
const UNIT_HEADS: Record<UnitTerm, string> = {
  ฝ่าย: 'หัวหน้าฝ่าย',
  กอง: 'ผู้อำนวยการกอง',
  สำนัก: 'ผู้อำนวยการสำนัก',
  กลุ่มงาน: 'หัวหน้ากลุ่มงาน',
  งาน: 'หัวหน้างาน',
};

/** A blank the secretariat fills in, as official forms leave it. */
export const BLANK = '..................................................';

/** The kind to word an agency by: the stored one where given, else the shipped kind of its id, else "other". */
function kindOf(agency: Pick<Agency, 'kind'>, kind: AgencyKind | undefined): AgencyKind {
  return kind ?? shippedKind(agency.kind) ?? shippedKind('other')!;
}

export function agencyWording(agency: Pick<Agency, 'name_th' | 'kind'>, storedKind?: AgencyKind): AgencyWording {
  const kind = kindOf(agency, storedKind);
  const name = agency.name_th.trim();
  const shortName = shortNameTh(kind, name);
  const head = headTitleTh(kind, shortName);
  const unitTerm = kind.unitTerm;
  const allUnits = `ทุก${unitTerm}`;
  const unitHead = UNIT_HEADS[unitTerm];
  if (kind.id === 'district') {
    const area = `เขต${shortName}`;
    return {
      bangkokDistrict: true,
      name,
      shortName,
      titled: `${name} กรุงเทพมหานคร`,
      head,
      unitTerm,
      allUnits,
      unitHead,
      office: 'สำนักงานเขต',
      intro: { agencyTitled: `${name} กรุงเทพมหานคร`, office: 'สำนักงานเขต' },
      order: {
        mandate:
          'ตามที่คณะกรรมการ ป.ป.ช. มีมติให้ขยายการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ไปยังสำนักงานเขต กรุงเทพมหานคร เพื่อส่งเสริมการมีส่วนร่วมและสร้างกลไกการป้องกันการทุจริตในเขตพื้นที่กรุงเทพมหานครอย่างเป็นรูปธรรมที่ชัดเจนและบรรลุเป้าหมายตามนโยบายในระดับต่างๆ',
        authority: 'อาศัยอำนาจตามความในมาตรา ๖๘ และมาตรา ๖๙ แห่งพระราชบัญญัติระเบียบบริหารราชการกรุงเทพมหานคร พ.ศ. ๒๕๒๘',
        chair: `ผู้ช่วย${head} สังกัดราชการฝ่ายปกครอง`,
        members: ['หัวหน้าฝ่ายทุกฝ่าย', 'เจ้าหน้าที่ทุกฝ่ายที่ได้รับมอบหมาย'],
        secretary: 'หัวหน้าฝ่ายปกครอง',
        assistantSecretary: 'เจ้าพนักงานปกครองชำนาญการ/ปฏิบัติการ',
        rosterAlso: ` รวมถึงบุคลากรในโรงเรียนสังกัดกรุงเทพมหานคร ที่อยู่ในพื้นที่${area}`,
      },
      // Seed 002's memo names the district as the office's name without "สำนักงาน" (เขตบางซื่อ).
      memo: { ...districtMemoWording(name), allUnits },
    };
  }
  const office = 'หน่วยงาน';
  return {
    bangkokDistrict: false,
    name,
    shortName,
    titled: name,
    head,
    unitTerm,
    allUnits,
    unitHead,
    office,
    intro: { agencyTitled: name, office },
    order: {
      mandate:
        'ตามแนวทางของสำนักงาน ป.ป.ช. เพื่อส่งเสริมการมีส่วนร่วมและสร้างกลไกการป้องกันการทุจริตภายในหน่วยงานอย่างเป็นรูปธรรมที่ชัดเจนและบรรลุเป้าหมายตามนโยบายในระดับต่างๆ',
      // The kind's law is the secretariat's to cite: the order leaves it blank rather than guess it.
      authority: `อาศัยอำนาจตามความใน${BLANK}`,
      chair: `ผู้ที่${head}มอบหมาย`,
      members: [`${unitHead}ทุก${unitTerm}`, `เจ้าหน้าที่ทุก${unitTerm}ที่ได้รับมอบหมาย`],
      secretary: `ผู้รับผิดชอบงานการประเมินคุณธรรมและความโปร่งใสของ${name}`,
      assistantSecretary: 'เจ้าหน้าที่ที่ได้รับมอบหมาย',
      rosterAlso: '',
    },
    memo: {
      secretariat: '',
      education: `${unitTerm}ที่รับผิดชอบงานการศึกษา`,
      allUnits,
      head,
      assistantHead: null,
      schoolsArea: null,
      staff: `บุคลากรของ${name}`,
      assessed: 'หน่วยงานภาครัฐ',
      briefed: 'หน่วยงานภาครัฐ',
      bmaDistrictIit: false,
      schoolsEitRow: null,
      letterCode: '',
    },
  };
}

/** The unit of an agency's that deals with education, by name (ฝ่ายการศึกษา, กองการศึกษา…), if it has one. */
export function educationUnit<T extends { name_th: string }>(units: readonly T[], wording: AgencyWording): T | undefined {
  return wording.bangkokDistrict
    ? units.find((d) => d.name_th === 'ฝ่ายการศึกษา')
    : (units.find((d) => d.name_th.startsWith(`${wording.unitTerm}การศึกษา`)) ?? units.find((d) => d.name_th.includes('การศึกษา')));
}

/** The wording of a document's agency, by the kind its model carries (the stored kind), else by the agency's kind id. */
export const wordingOf = (model: { agency: Pick<Agency, 'name_th' | 'kind'>; kind?: AgencyKind | undefined }) =>
  agencyWording(model.agency, model.kind);
