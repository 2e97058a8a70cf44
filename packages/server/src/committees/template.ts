import { shiftBuddhistYears, toThaiDigits, type AgencyKind } from '@prongsai/core';
import type { Agency } from '../db/schema.js';
import { agencyWording } from '../documents/agency-wording.js';
import type { Committee } from './schema.js';

/** The roles of an ITA committee order, in the order the order lists them. */
export const COMMITTEE_ROLES = [
  'ที่ปรึกษา',
  'ประธานคณะกรรมการ',
  'รองประธานคณะกรรมการ',
  'คณะกรรมการ',
  'คณะกรรมการและเลขานุการ',
  'คณะกรรมการและผู้ช่วยเลขานุการ',
] as const;

/** A committee being written: the order's number and date are the agency's to fill in. */
export type CommitteeDraft = Omit<Committee, 'orderNumber' | 'signedDate'> & { orderNumber: string; signedDate: string };

/**
 * The committee order of seed 002 (Bang Sue's FY2568 order) as a template for any agency and
 * year: the preamble, the members by position and the six duties, in Thai digits as the
 * official form has them. The head, the units and the legal basis are worded as the agency's
 * kind names them (documents/agency-wording.ts): the BMA act only on a Bangkok district's order.
 */
export function committeeTemplate(
  agency: Pick<Agency, 'name_th' | 'kind'>,
  fiscalYear: number,
  kind?: AgencyKind,
): CommitteeDraft {
  const year = toThaiDigits(String(fiscalYear));
  const last = toThaiDigits(String(fiscalYear - 1));
  const wording = agencyWording(agency, kind);
  const order = wording.order;
  const name = agency.name_th;
  const head = wording.head;
  const title = `คณะกรรมการประเมินคุณธรรมและความโปร่งใสของ${name} (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. ${year}`;
  return {
    orderNumber: '',
    subject: `แต่งตั้ง${title}`,
    preamble: [
      `ด้วย${name}ได้เข้าร่วมการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${year} ${order.mandate}`,
      `${order.authority} จึงแต่งตั้ง${title} ดังนี้`,
    ],
    members: [
      { name: head, role: 'ที่ปรึกษา' },
      { name: order.chair, role: 'ประธานคณะกรรมการ' },
      ...order.members.map((member) => ({ name: member, role: 'คณะกรรมการ' })),
      { name: order.secretary, role: 'คณะกรรมการและเลขานุการ' },
      { name: order.assistantSecretary, role: 'คณะกรรมการและผู้ช่วยเลขานุการ' },
    ],
    duties: [
      `ศึกษาแนวทาง แก้ไขข้อบกพร่อง ปัญหาอุปสรรค เกี่ยวกับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ของ${name} ในปีงบประมาณ พ.ศ. ${last} และกำหนดแนวทางในการดำเนินการในปีงบประมาณ พ.ศ. ${year}`,
      `จัดเตรียมข้อมูลรวบรวมเอกสาร หลักฐาน ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ เพื่อเผยแพร่บนเว็บไซต์${name} ให้เป็นปัจจุบัน`,
      `รวบรวมข้อมูลผู้มีส่วนได้ส่วนเสียภายนอก ประจำปีงบประมาณ พ.ศ. ${year} เพื่อประเมินระดับการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอกที่มีต่อ${name} ในตัวชี้วัดคุณภาพการดำเนินงาน ประสิทธิภาพการสื่อสาร และการปรับปรุงระบบการทำงาน`,
      `จัดทำฐานข้อมูลบุคลากร${name} ที่ปฏิบัติงานระยะเวลาไม่น้อยกว่า ๑ ปี${order.rosterAlso} เพื่อประเมินระดับการรับรู้ของผู้มีส่วนได้ส่วนเสียภายในที่มีต่อ${name} ในตัวชี้วัดการปฏิบัติหน้าที่ การใช้งบประมาณ การใช้อำนาจ และการใช้ทรัพย์สินของทางราชการ และการแก้ไขปัญหาการทุจริต`,
      'ดำเนินการเผยแพร่ ประชาสัมพันธ์การตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายในและภายนอก ตามกรอบการประเมินให้เป็นไปด้วยความเรียบร้อย',
      'ดำเนินการตามโครงการตลอดจนประสานงานและติดตามผลความคืบหน้าของการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
    ],
    closing: 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป',
    signedDate: '',
    signatoryName: '',
    signatoryTitle: head,
  };
}

/**
 * Last year's committee as this year's draft: the same members and duties with every year moved
 * on; the order's number and date are new, so they are left for the agency to fill in.
 */
export function carryCommittee(previous: Committee, fromYear: number, toYear: number): CommitteeDraft {
  const shift = (text: string) => shiftBuddhistYears(text, fromYear, toYear - fromYear);
  return {
    ...previous,
    orderNumber: '',
    signedDate: '',
    subject: shift(previous.subject),
    preamble: previous.preamble.map(shift),
    members: previous.members.map((m) => ({ name: shift(m.name), role: m.role })),
    duties: previous.duties.map(shift),
    closing: shift(previous.closing),
  };
}
