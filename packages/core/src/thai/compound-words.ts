/**
 * Words of the ITA domain that the ICU dictionary behind `Intl.Segmenter` splits (ตัว|ชี้|วัด,
 * งบ|ประมาณ, เจ้า|หน้าที่): kept whole when Thai text is broken into lines. The framework terms
 * (indicator and tool names) are found by the segmenter already, word by word; what is listed
 * here are the compounds inside them and in the documents' fixed texts. Add a word here when a
 * rendered page shows it split.
 */
export const COMPOUND_WORDS: readonly string[] = [
  'ตัวชี้วัด',
  'เจ้าหน้าที่',
  'ยกระดับ',
  'งบประมาณ',
  'ดำเนินงาน',
  'ดำเนินการ',
  'ชำนาญการ',
  'ชำนาญงาน',
  'ปฏิบัติการ',
  'ปฏิบัติงาน',
  'ปฏิบัติหน้าที่',
  'เปิดเผย',
  'ส่วนได้ส่วนเสีย',
  'ผู้มีส่วนได้ส่วนเสีย',
  'ผู้อำนวยการ',
  'ผู้ช่วยผู้อำนวยการ',
  'ผู้บริหาร',
  'ผู้บังคับบัญชา',
  'สำนักงานเขต',
  'คณะกรรมการ',
  'เลขานุการ',
  'จัดซื้อจัดจ้าง',
  'ประพฤติมิชอบ',
  'ข้อร้องเรียน',
  'ผู้รับบริการ',
  'ผู้มาติดต่อ',
  'เบิกจ่าย',
  'ใช้จ่าย',
  'ทรัพย์สิน',
  'ประชาสัมพันธ์',
  'กรุงเทพมหานคร',
  'ปีงบประมาณ',
  'แบบวัด',
  'แบบตรวจ',
];
