import { describe, expect, it } from 'vitest';
import { buildMemo, calendarInstructions, instructionsOutdated, memoLines, type MemoFacts } from './memos.js';

const facts: MemoFacts = {
  agencyName: 'สำนักงานเขตบางซื่อ',
  fiscalYear: 2568,
  today: '๔ กุมภาพันธ์ ๒๕๖๘',
  due: {
    'staff-count': '๓๑ มีนาคม ๒๕๖๘',
    'iit-collection': '๓๑ พฤษภาคม ๒๕๖๘',
    'eit-collection': '๓๑ พฤษภาคม ๒๕๖๘',
    'oit-evidence': '๓๑ มีนาคม ๒๕๖๘',
    'schools-data': '๑๕ มกราคม ๒๕๖๘',
  },
  tools: [
    { code: 'IIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', weight: 30, indicators: ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ'] },
    { code: 'EIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', weight: 30, indicators: [] },
    { code: 'OIT', nameTh: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ', weight: 40, indicators: ['การเปิดเผยข้อมูล', 'การป้องกันการทุจริต'] },
  ],
  eitMinimums: [
    { division: 'ฝ่ายโยธา', minimum: 60 },
    { division: 'ฝ่ายการศึกษา', minimum: 20 },
  ],
  educationItems: [{ code: 'O3', name: 'โรงเรียนในสังกัดกรุงเทพมหานคร' }],
  schoolIit: { civilServants: 25, employees: 25 },
  schoolEit: 40,
};

describe("the memos that open the year's collection (seed 002)", () => {
  it("gives ฝ่ายปกครอง's memo seed 002's sections, the framework's weights and the agency's own dates", () => {
    const memo = buildMemo('collection', facts);
    const text = memoLines(memo).join('\n');
    expect(memo.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'ต้นเรื่อง',
      'ข้อเท็จจริง',
      'ข้อพิจารณาและเสนอแนะ',
    ]);
    expect(text).toContain('(๑) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ถ่วงน้ำหนักร้อยละ ๓๐ ประกอบด้วย ๒ ตัวชี้วัด');
    expect(text).toContain('(๓) แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ถ่วงน้ำหนักร้อยละ ๔๐');
    // The EIT quota table adds the schools' 40 to the divisions' minimums.
    expect(text).toContain('ไม่น้อยกว่า ๑๒๐ คน แบ่งสัดส่วน');
    expect(memo.blocks.find((b) => b.kind === 'table')).toEqual({
      kind: 'table',
      rows: [
        ['ฝ่ายโยธา', 'ไม่น้อยกว่า ๖๐ คน'],
        ['ฝ่ายการศึกษา', 'ไม่น้อยกว่า ๒๐ คน'],
        ['โรงเรียนสังกัดกรุงเทพมหานคร ในพื้นที่เขต', 'ไม่น้อยกว่า ๔๐ คน'],
      ],
    });
    expect(text).toContain('ภายในวันที่ ๓๑ พฤษภาคม ๒๕๖๘ (โดยให้จัดส่งข้อมูล ครั้งที่ ๑ ภายในวันที่ ๓๑ มีนาคม ๒๕๖๘');
    expect(text).toContain('โดยตั้งชื่อไฟล์ตามรหัสข้อ เช่น O๑ ภายในวันที่ ๓๑ มีนาคม ๒๕๖๘');
    expect(memo.to).toBe('ผู้อำนวยการเขตบางซื่อ');
    expect(memo.number).toBe('กท ............/-');
    expect(memo.signers.map((s) => s.titles[0])).toEqual([
      'หัวหน้าฝ่ายปกครอง สำนักงานเขตบางซื่อ',
      'ผู้ช่วยผู้อำนวยการเขตบางซื่อ',
      'ผู้อำนวยการเขตบางซื่อ',
    ]);
  });

  it("gives ฝ่ายการศึกษา's memo to the schools their quotas, their OIT items and the schools' date", () => {
    const memo = buildMemo('schools', facts);
    const text = memoLines(memo).join('\n');
    expect(memo.section).toBe('ฝ่ายการศึกษา สำนักงานเขตบางซื่อ');
    expect(memo.to).toBe('ผู้บริหารสถานศึกษาโรงเรียนในสังกัด');
    expect(text).toContain('ข้าราชการ ๒๕ คน และลูกจ้าง ๒๕ คน รวม ๕๐ คน');
    expect(text).toContain('๓.๑ หัวข้อ O๓ โรงเรียนในสังกัดกรุงเทพมหานคร');
    expect(text).toContain('ให้ฝ่ายการศึกษา ภายในวันที่ ๑๕ มกราคม ๒๕๖๘');
    expect(memo.closing).toBe('จึงเรียนมาเพื่อโปรดพิจารณา');
  });

  it("prints the secretariat's own lines in Thai digits, and tells when the calendar moved under rewritten instructions", () => {
    const instructions = calendarInstructions('collection', facts);
    const memo = buildMemo('collection', facts, {
      phone: '6008 - 6009',
      number: 'กท 7001/-',
      date: '2025-02-04',
      signers: [{ name: 'นางสาวอรอุมา แก้วอินทร์', titles: ['เจ้าพนักงานปกครองชำนาญการพิเศษ', 'หัวหน้าฝ่ายปกครอง'] }],
      instructions: ['ให้ทุกฝ่ายส่งข้อมูลภายใน 31 มีนาคม 2568'],
      instructionsFrom: instructions,
    });
    expect(memo.section).toBe('ฝ่ายปกครอง สำนักงานเขตบางซื่อ โทร. ๖๐๐๘ - ๖๐๐๙');
    expect(memo.number).toBe('กท ๗๐๐๑/-');
    expect(memo.date).toBe('๔ กุมภาพันธ์ ๒๕๖๘');
    expect(memo.blocks.filter((b) => b.kind === 'item')).toEqual([{ kind: 'item', text: '๑. ให้ทุกฝ่ายส่งข้อมูลภายใน ๓๑ มีนาคม ๒๕๖๘' }]);
    expect(memo.signers).toEqual([{ name: '(นางสาวอรอุมา แก้วอินทร์)', titles: ['เจ้าพนักงานปกครองชำนาญการพิเศษ', 'หัวหน้าฝ่ายปกครอง'] }]);
    const content = { instructions: ['…'], instructionsFrom: instructions };
    expect(instructionsOutdated('collection', facts, content)).toBe(false);
    const moved = { ...facts, due: { ...facts.due, 'oit-evidence': '๒๘ มีนาคม ๒๕๖๘' } };
    expect(instructionsOutdated('collection', moved, content)).toBe(true);
  });
});
