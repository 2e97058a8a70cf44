import ExcelJS from 'exceljs';
import type { CompiledFramework } from '@prongsai/core';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9F2EC' } };
const THAI_FONT = { name: 'TH Sarabun New', size: 14 };

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { ...THAI_FONT, bold: true };
  row.fill = HEADER_FILL;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * An XLSX workbook an agency fills with its results for one framework: answer shares per item,
 * OIT item scores with URLs and comments, and respondent statistics. Its sheets are the import
 * formats, so the filled workbook imports as it is.
 */
export async function frameworkTemplate(framework: CompiledFramework): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';

  const guide = workbook.addWorksheet('คำอธิบาย');
  guide.getColumn(1).width = 110;
  [
    `แบบฟอร์มนำเข้าผลการประเมิน ITA — ชุดคำถาม ${framework.id} (${framework.data.name.th})`,
    'แผ่นงาน "distributions": กรอกร้อยละของผู้ตอบแต่ละตัวเลือก p1–p4 (น้อยที่สุด … มากที่สุด) หรือ yes/no (มี/ไม่มี) และคะแนนที่ประกาศ (score) ถ้ามี',
    'ข้อคำถามที่ไม่ทราบรายละเอียดหัวข้อ: กรอกเฉพาะ score ในแถวที่ไม่มีเลขหัวข้อ (item ว่าง)',
    'แผ่นงาน "oit": คะแนนรายข้อ OIT (0 หรือ 100) URL ที่ส่ง (คั่นด้วยช่องว่าง) ข้อเสนอแนะของผู้ประเมิน และคำชี้แจงของหน่วยงาน',
    'แผ่นงาน "respondents": สถิติผู้ตอบแบบสอบถาม (จำนวนคนและร้อยละ)',
    'แผ่นงานที่เว้นว่างไว้จะไม่ถูกนำเข้า ห้ามเปลี่ยนชื่อหัวคอลัมน์ในแถวแรก',
  ].forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { ...THAI_FONT, bold: i === 0 };
  });

  const distributions = workbook.addWorksheet('distributions');
  distributions.columns = [
    { header: 'code', width: 8 },
    { header: 'item', width: 6 },
    { header: 'text', width: 70 },
    { header: 'p1', width: 9 },
    { header: 'p2', width: 9 },
    { header: 'p3', width: 9 },
    { header: 'p4', width: 9 },
    { header: 'yes', width: 9 },
    { header: 'no', width: 9 },
    { header: 'score', width: 9 },
  ];
  for (const unit of framework.units.values()) {
    if (unit.kind !== 'question') continue;
    if (!unit.items) {
      distributions.addRow([unit.code, null, unit.data.text.th]);
      continue;
    }
    for (const item of unit.items) {
      const row = distributions.addRow([unit.code, item.no, `${unit.code}.${item.no} ${item.text.th}`]);
      // Grey out the share columns this item's scale does not use.
      const unused = item.scaleId === 'yesno' ? [4, 5, 6, 7] : [8, 9];
      for (const column of unused) row.getCell(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    }
  }
  styleHeader(distributions);

  const oit = workbook.addWorksheet('oit');
  oit.columns = [
    { header: 'code', width: 8 },
    { header: 'name', width: 60 },
    { header: 'score', width: 9 },
    { header: 'urls', width: 60 },
    { header: 'suggestion', width: 40 },
    { header: 'explanation', width: 40 },
  ];
  for (const unit of framework.units.values()) {
    if (unit.kind === 'oit') oit.addRow([unit.code, unit.data.name?.th ?? '']);
  }
  styleHeader(oit);

  const respondents = workbook.addWorksheet('respondents');
  respondents.columns = [
    { header: 'tool', width: 8 },
    { header: 'dimension', width: 16 },
    { header: 'label', width: 40 },
    { header: 'count', width: 10 },
    { header: 'percent', width: 10 },
  ];
  const dimensions: [string, string, string[]][] = [
    ['IIT', 'gender', ['ชาย', 'หญิง', 'อื่น ๆ']],
    ['IIT', 'age', ['ต่ำกว่า 20 ปี', '20 - 30 ปี', '31 - 40 ปี', '41 - 50 ปี', '51 - 60 ปี', 'มากกว่า 60 ปี']],
    ['IIT', 'positionLevel', ['ข้าราชการ', 'ลูกจ้าง']],
    ['IIT', 'yearsOfService', ['1 - 5 ปี', '6 - 10 ปี', '11 - 20 ปี', 'มากกว่า 20 ปี']],
    ['EIT', 'gender', ['ชาย', 'หญิง', 'อื่น ๆ']],
    ['EIT', 'age', ['ต่ำกว่า 20 ปี', '20 - 30 ปี', '31 - 40 ปี', '41 - 50 ปี', '51 - 60 ปี', 'มากกว่า 60 ปี']],
    ['EIT', 'occupation', []],
    ['EIT', 'contactKind', []],
    ['EIT', 'division', []],
  ];
  for (const [tool, dimension, labels] of dimensions) for (const label of labels) respondents.addRow([tool, dimension, label]);
  styleHeader(respondents);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
