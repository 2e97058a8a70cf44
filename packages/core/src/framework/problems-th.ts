import type { FrameworkProblem } from './compile.js';

/** The parts of a set as a central admin reads them in Thai. */
const PART_TH: Record<string, string> = {
  tools: 'เครื่องมือ',
  indicators: 'ตัวชี้วัด',
  subIndicators: 'ตัวชี้วัดย่อย',
  groups: 'กลุ่ม',
  questions: 'คำถาม',
  items: 'ข้อย่อย',
  oitItems: 'ข้อ OIT',
  scales: 'มาตรวัด',
  options: 'ตัวเลือก',
  answers: 'รหัสคำตอบ',
  scores: 'คะแนน',
  levels: 'ระดับผลการประเมิน',
  code: 'รหัส',
  number: 'เลขตัวชี้วัด',
  name: 'ชื่อ',
  text: 'ข้อความ',
  th: 'ภาษาไทย',
  en: 'ภาษาอังกฤษ',
  weight: 'น้ำหนัก',
  weights: 'น้ำหนัก',
  tool: 'เครื่องมือ',
  indicator: 'ตัวชี้วัด',
  subIndicator: 'ตัวชี้วัดย่อย',
  scale: 'มาตรวัด',
  polarity: 'ทิศทางข้อคำถาม',
  scoring: 'วิธีให้คะแนน',
  previousCodes: 'รหัสเดิมที่ต่อเนื่อง',
  min: 'คะแนนต่ำสุด',
  allToolsMin: 'คะแนนต่ำสุดของทุกเครื่องมือ',
  fiscalYears: 'ปีงบประมาณ',
  agencyKinds: 'ประเภทหน่วยงาน',
  id: 'รหัสชุดคำถาม',
  provenance: 'ที่มา',
  aggregation: 'วิธีรวมคะแนน',
  kind: 'ชนิด',
  no: 'ลำดับ',
  disclosure: 'รายละเอียดการเปิดเผย',
  analysisThreshold: 'เกณฑ์คะแนนที่ต้องปรับปรุง',
};

/**
 * A problem's place in the set in Thai: `questions[2].items[0].text.th` reads
 * "คำถาม ที่ 3 › ข้อย่อย ที่ 1 › ข้อความ › ภาษาไทย".
 */
export function problemPathTh(path: string): string {
  if (path === '(root)' || path === '') return 'ทั้งชุด';
  return path
    .split('.')
    .map((part) => {
      const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
      if (indexed) return `${PART_TH[indexed[1]!] ?? indexed[1]} ที่ ${Number(indexed[2]) + 1}`;
      return PART_TH[part] ?? part;
    })
    .join(' › ');
}

/** What a problem says, as patterns of the English message (compile.ts and the schema's) and their Thai. */
const MESSAGES_TH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^tool (\S+) is defined twice$/, (m) => `เครื่องมือ ${m[1]} ซ้ำกัน`],
  [/^tool weights add up to (\S+), not 100$/, (m) => `น้ำหนักของเครื่องมือรวมกันได้ ${m[1]} ต้องเป็น 100`],
  [/^indicator (\S+) is defined twice$/, (m) => `ตัวชี้วัด ${m[1]} ซ้ำกัน`],
  [/^tool (\S+) is not defined$/, (m) => `ไม่มีเครื่องมือ ${m[1]}`],
  [/^sub-indicator (\S+) is not defined in indicator (\S+)$/, (m) => `ตัวชี้วัด ${m[2]} ไม่มีตัวชี้วัดย่อย ${m[1]}`],
  [/^sub-indicator (\S+) is not defined$/, (m) => `ไม่มีตัวชี้วัดย่อย ${m[1]}`],
  [/^sub-indicator (\S+) has no weight$/, (m) => `ตัวชี้วัดย่อย ${m[1]} ยังไม่มีน้ำหนัก`],
  [/^tool (\S+) has no indicators$/, (m) => `เครื่องมือ ${m[1]} ยังไม่มีตัวชี้วัด`],
  [/^indicator (\S+) is not an indicator of (\S+)$/, (m) => `ตัวชี้วัด ${m[1]} ไม่ได้อยู่ในเครื่องมือ ${m[2]}`],
  [/^indicator (\S+) has no weight$/, (m) => `ตัวชี้วัด ${m[1]} ยังไม่มีน้ำหนัก`],
  [/^code (\S+) is used twice$/, (m) => `รหัส ${m[1]} ซ้ำกัน`],
  [/^indicator (\S+) is not defined$/, (m) => `ไม่มีตัวชี้วัด ${m[1]}`],
  [
    /^indicator (\S+) belongs to (\S+), which is not a (\S+) tool$/,
    (m) => `ตัวชี้วัด ${m[1]} อยู่ในเครื่องมือ ${m[2]} ซึ่งไม่ใช่เครื่องมือประเภท${m[3] === 'survey' ? 'แบบวัด' : 'แบบตรวจ'}`,
  ],
  [/^items must be numbered 1, 2, 3… in order$/, () => 'ข้อย่อยต้องเรียงลำดับ 1, 2, 3 …'],
  [/^scale (\S+) is not defined in scales$/, (m) => `ไม่มีมาตรวัด ${m[1]}`],
  [/^indicator (\S+) has no questions or OIT items$/, (m) => `ตัวชี้วัด ${m[1]} ยังไม่มีคำถามหรือข้อ OIT`],
  [/^levels must be listed from the highest minimum score down$/, () => 'ระดับต้องเรียงจากคะแนนต่ำสุดมากไปน้อย'],
  [/^the lowest level must start at 0/, () => 'ระดับสุดท้ายต้องเริ่มที่ 0 เพื่อให้ทุกคะแนนมีระดับ'],
  [/^options, answers and scores must have the same length$/, () => 'ตัวเลือก รหัสคำตอบ และคะแนน ต้องมีจำนวนเท่ากัน'],
  [/^answer codes must be distinct$/, () => 'รหัสคำตอบต้องไม่ซ้ำกัน'],
  [/^must be an upper-case tool code/, () => 'รหัสเครื่องมือต้องเป็นอักษรอังกฤษตัวใหญ่ เช่น IIT'],
  [/^must be a question code/, () => 'รหัสคำถามต้องเป็นอักษรตัวใหญ่ตามด้วยตัวเลข เช่น I1 หรือ E12'],
  [/^must be an OIT item code/, () => 'รหัสข้อ OIT ต้องเป็นเช่น O1 หรือ MOIT1'],
  [/^must be a sub-indicator code/, () => 'รหัสตัวชี้วัดย่อยต้องเป็นเช่น 9.1'],
  [/^must be a group code/, () => 'รหัสกลุ่มต้องเป็นเช่น 9.1.1'],
  [/^must be a lower-case source key/, () => 'รหัสแหล่งที่มาต้องเป็นอักษรอังกฤษตัวเล็ก เช่น seed-004'],
  [/^Required$|^Invalid input: expected \w+, received undefined$/, () => 'ต้องกรอก'],
  [/^Invalid input: expected number/, () => 'ต้องเป็นตัวเลข'],
  [/^Invalid input: expected string/, () => 'ต้องเป็นข้อความ'],
  [/^Too small: expected string to have >=1 characters$/, () => 'ต้องไม่เว้นว่าง'],
  [/^Too small: expected array to have >=(\d+) items?$/, (m) => `ต้องมีอย่างน้อย ${m[1]} รายการ`],
  [/^Too small: expected number to be >0$/, () => 'ต้องมากกว่า 0'],
  [/^Too small: expected number to be >=(\S+)$/, (m) => `ต้องไม่น้อยกว่า ${m[1]}`],
  [/^Too big: expected number to be <=(\S+)$/, (m) => `ต้องไม่เกิน ${m[1]}`],
  [/^Invalid option: expected one of (.+)$/, (m) => `ต้องเป็นค่าใดค่าหนึ่งของ ${m[1]}`],
  [/^Unrecognized keys?: (.+)$/, (m) => `มีช่องที่ระบบไม่รู้จัก: ${m[1]}`],
];

/**
 * A framework problem in Thai, for the central admin who edits a set: where it is and what is wrong.
 * A message no pattern knows keeps its English beside its Thai place.
 */
export function problemInThai(problem: Pick<FrameworkProblem, 'path' | 'message'>): string {
  for (const [pattern, say] of MESSAGES_TH) {
    const m = pattern.exec(problem.message);
    if (m) return `${problemPathTh(problem.path)}: ${say(m)}`;
  }
  return `${problemPathTh(problem.path)}: ${problem.message}`;
}
