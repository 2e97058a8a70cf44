/** Where a value came from, so a warning can point at it. */
export interface SourceRef {
  file?: string;
  /** 1-based row in the file; the header is row 1. */
  row?: number;
}

export type WarningCode =
  | 'shares-sum'
  | 'published-differs'
  | 'unknown-code'
  | 'missing-items'
  | 'missing-units'
  | 'missing-indicator'
  | 'missing-tool'
  | 'answers-out-of-range'
  | 'empty-question'
  | 'value-out-of-range'
  | 'oit-not-binary'
  | 'duplicate'
  | 'scale-mismatch'
  | 'malformed-url';

/** A validation finding. Scores are still computed; the warning says what to check. */
export interface ScoreWarning {
  code: WarningCode;
  /** The code the warning is about: `I11.1`, `I8`, `O3`, `indicator 9`, `IIT`. */
  subject: string;
  source?: SourceRef;
  /** Values the message needs. */
  params?: Record<string, string | number>;
}

type Lang = 'th' | 'en';
type Params = Record<string, string | number>;

const messages: Record<WarningCode, Record<Lang, (s: string, p: Params) => string>> = {
  'shares-sum': {
    en: (s, p) => `${s}: answer shares add up to ${p.sum}%, not 100% (±0.1)`,
    th: (s, p) => `${s}: ร้อยละของคำตอบรวมกันได้ ${p.sum} ไม่ใช่ 100 (±0.1)`,
  },
  'published-differs': {
    en: (s, p) => `${s}: computed ${p.computed} but the file gives ${p.published}`,
    th: (s, p) => `${s}: คำนวณได้ ${p.computed} แต่ในไฟล์ระบุ ${p.published}`,
  },
  'unknown-code': {
    en: (s, p) => `${s}: not in framework ${p.framework}; ignored`,
    th: (s, p) => `${s}: ไม่มีในชุดคำถาม ${p.framework} จึงไม่นำมาคำนวณ`,
  },
  'missing-items': {
    en: (s, p) => `${s}: no data for item(s) ${p.items}; the question score uses the others`,
    th: (s, p) => `${s}: ไม่มีข้อมูลของหัวข้อ ${p.items} คะแนนข้อคำถามคำนวณจากหัวข้อที่มี`,
  },
  'missing-units': {
    en: (s, p) => `${s}: no score for ${p.codes}; the indicator uses the others`,
    th: (s, p) => `${s}: ไม่มีคะแนนของ ${p.codes} คะแนนตัวชี้วัดคำนวณจากข้อที่มี`,
  },
  'missing-indicator': {
    en: (s) => `${s}: no data; the indicator has no score`,
    th: (s) => `${s}: ไม่มีข้อมูล จึงไม่มีคะแนนตัวชี้วัดนี้`,
  },
  'missing-tool': {
    en: (s, p) =>
      `${s}: no score because ${p.indicators === undefined ? 'there is no data' : `indicator ${p.indicators} has no score`}; the total (ITA) cannot be computed`,
    th: (s, p) =>
      `${s}: ไม่มีคะแนนเพราะ${p.indicators === undefined ? 'ไม่มีข้อมูล' : `ตัวชี้วัดที่ ${p.indicators} ไม่มีคะแนน`} จึงคำนวณคะแนนรวม ITA ไม่ได้`,
  },
  'answers-out-of-range': {
    en: (s, p) => `${s}: ${p.count} answer(s) not among ${p.allowed} (rows ${p.rows}); left out of the mean`,
    th: (s, p) => `${s}: คำตอบ ${p.count} รายการไม่อยู่ในค่าที่กำหนด (${p.allowed}) (แถว ${p.rows}) ไม่นำมาคำนวณ`,
  },
  'empty-question': {
    en: (s) => `${s}: nobody answered; the question has no score`,
    th: (s) => `${s}: ไม่มีผู้ตอบ จึงไม่มีคะแนนข้อนี้`,
  },
  'value-out-of-range': {
    en: (s, p) => `${s}: ${p.column} = ${p.value} is outside 0–100; row ignored`,
    th: (s, p) => `${s}: ${p.column} = ${p.value} อยู่นอกช่วง 0–100 จึงไม่นำแถวนี้มาคำนวณ`,
  },
  'oit-not-binary': {
    en: (s, p) => `${s}: score ${p.value} is neither 0 nor 100, which this framework expects for OIT items`,
    th: (s, p) => `${s}: คะแนน ${p.value} ไม่ใช่ 0 หรือ 100 ตามที่ชุดคำถามนี้กำหนดสำหรับข้อ OIT`,
  },
  duplicate: {
    en: (s) => `${s}: given more than once; the last one is used`,
    th: (s) => `${s}: มีข้อมูลซ้ำ ใช้ค่าสุดท้าย`,
  },
  'malformed-url': {
    en: (s, p) => `${s}: "${p.url}" is not a well-formed web address; kept as text, not as a link`,
    th: (s, p) => `${s}: "${p.url}" ไม่ใช่ที่อยู่เว็บที่ถูกต้อง เก็บไว้เป็นข้อความ ไม่ทำเป็นลิงก์`,
  },
  'scale-mismatch': {
    en: (s, p) => `${s}: this item is ${p.scale}, but the row fills ${p.columns}; row ignored`,
    th: (s, p) => `${s}: หัวข้อนี้ใช้มาตรวัด ${p.scale} แต่แถวนี้กรอกช่อง ${p.columns} จึงไม่นำมาคำนวณ`,
  },
};

/** A warning as a sentence, in Thai (default) or English, with the file and row in front. */
export function formatWarning(warning: ScoreWarning, lang: Lang = 'th'): string {
  const text = messages[warning.code][lang](warning.subject, warning.params ?? {});
  const where = warning.source?.file
    ? `${warning.source.file}${warning.source.row === undefined ? '' : `:${warning.source.row}`}: `
    : '';
  return where + text;
}
