import { describe, expect, it } from 'vitest';
import { compileFramework } from '../framework/compile.js';
import { loadFramework } from '../test-support/files.js';
import { defaultOitDueDate, nameSimilarity, oitBoard, oitChecklist } from './checklist.js';

describe('the OIT checklist from the framework', () => {
  it("makes a task of each of the year's items, with the framework's names and requirements", () => {
    const fy2566 = oitChecklist(loadFramework('bma-district-2566'), null);
    expect(fy2566.map((i) => i.code)).toEqual(Array.from({ length: 30 }, (_, i) => `O${i + 1}`));
    expect(fy2566[0]).toMatchObject({ indicator: 9, subIndicator: '9.1', carry: 'new', divisionIds: [] });
    expect(fy2566[0]!.name).toContain('โครงสร้าง อัตรากำลัง');
    const fy2567 = oitChecklist(loadFramework('bma-district-2567'), null);
    expect(fy2567).toHaveLength(22);
    expect(fy2567.find((i) => i.code === 'O3')?.requirement).toContain('ข้อมูลผู้บริหารโรงเรียน');
  });

  it("rolls last year's divisions over, by the framework's mapping or by code, flagging new and renamed items", () => {
    const raw = structuredClone(loadFramework('bma-district-2567').data) as unknown as {
      oitItems: { code: string; previousCodes?: string[]; name: { th: string } | null }[];
    };
    raw.oitItems[0]!.previousCodes = ['O1', 'O2'];
    raw.oitItems[1]!.previousCodes = [];
    raw.oitItems[2]!.name = { th: 'โรงเรียนในสังกัด (ชื่อใหม่)' };
    const compiled = compileFramework(raw, 'test');
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const items = oitChecklist(compiled.framework, [
      { code: 'O1', name: 'โครงสร้าง', divisionIds: [3] },
      { code: 'O2', name: 'อำนาจหน้าที่', divisionIds: [1, 3] },
      { code: 'O3', name: 'โรงเรียนในสังกัดกรุงเทพมหานคร', divisionIds: [7] },
      { code: 'O4', name: null, divisionIds: [2] },
    ]);
    expect(items[0]).toMatchObject({ code: 'O1', previousCodes: ['O1', 'O2'], carry: 'carried', divisionIds: [1, 3] });
    expect(items[1]).toMatchObject({ code: 'O2', previousCodes: [], carry: 'new', divisionIds: [] });
    expect(items[2]).toMatchObject({ code: 'O3', carry: 'renamed', divisionIds: [7] });
    expect(items[3]).toMatchObject({ code: 'O4', carry: 'carried', divisionIds: [2] });
    expect(items[4]).toMatchObject({ code: 'O5', carry: 'new' });
  });

  it("carries divisions over by a name the same or nearly so when the codes were renumbered (FY2566's O5 is FY2567's O3)", () => {
    const fy2566 = loadFramework('bma-district-2566');
    const fy2567 = loadFramework('bma-district-2567');
    // Last year's checklist as FY2566's items, each with its own division: O1 → division 1 …
    const previous = fy2566.data.oitItems.map((item, i) => ({
      code: item.code,
      name: item.name?.th ?? null,
      divisionIds: [i + 1],
    }));
    const items = oitChecklist(fy2567, previous);
    // โรงเรียนในสังกัดกรุงเทพมหานคร continues โรงเรียนสังกัดกรุงเทพมหานคร ในพื้นที่เขต, FY2566's O5.
    expect(items.find((i) => i.code === 'O3')).toMatchObject({ previousCodes: ['O5'], carry: 'renamed', divisionIds: [5] });
    // No FY2566 item is named like FY2567's O19 (bribery risk): it keeps the same code's divisions, flagged.
    expect(items.find((i) => i.code === 'O19')).toMatchObject({ previousCodes: ['O19'], carry: 'renamed', divisionIds: [19] });
    // Unnamed items go by code.
    expect(items.find((i) => i.code === 'O7')).toMatchObject({ previousCodes: ['O7'], divisionIds: [7] });
    expect(nameSimilarity('ข้อมูล ผู้บริหาร:', 'ข้อมูลผู้บริหาร')).toBe(1);
    expect(nameSimilarity('แผนการใช้จ่ายงบประมาณ', 'คู่มือการปฏิบัติงาน')).toBeLessThan(0.3);
  });

  it('dues by 31 March of the fiscal year, as seed 002 sets it', () => {
    expect(defaultOitDueDate(2568)).toBe('2025-03-31');
  });
});

describe('the OIT board', () => {
  it('counts statuses and lists what is overdue and what each division still owes', () => {
    const board = oitBoard(
      [
        { code: 'O1', status: 'accepted', dueDate: '2025-03-31', divisionIds: [1] },
        { code: 'O2', status: 'todo', dueDate: '2025-03-31', divisionIds: [1, 2] },
        { code: 'O3', status: 'returned', dueDate: '2025-05-31', divisionIds: [2] },
        { code: 'O4', status: 'submitted', dueDate: '2025-03-31', divisionIds: [2] },
        { code: 'O5', status: 'todo', dueDate: null, divisionIds: [] },
      ],
      '2025-04-01',
    );
    expect(board.counts).toEqual({ todo: 2, submitted: 1, returned: 1, accepted: 1 });
    // Submitted work waits for the secretariat: it is not the division's delay.
    expect(board.overdue).toEqual(['O2']);
    expect(board.unassigned).toEqual(['O5']);
    expect(board.owed).toEqual([
      { divisionId: 1, codes: ['O2'], overdue: ['O2'] },
      { divisionId: 2, codes: ['O2', 'O3', 'O4'], overdue: ['O2'] },
    ]);
  });
});
