import { DISTRICT_UNITS } from '@prongsai/core';

/** Bangkok's 50 district offices: official geocode, Thai and English names. */
export const BANGKOK_DISTRICTS: readonly { code: string; th: string; en: string }[] = [
  { code: '1001', th: 'พระนคร', en: 'Phra Nakhon' },
  { code: '1002', th: 'ดุสิต', en: 'Dusit' },
  { code: '1003', th: 'หนองจอก', en: 'Nong Chok' },
  { code: '1004', th: 'บางรัก', en: 'Bang Rak' },
  { code: '1005', th: 'บางเขน', en: 'Bang Khen' },
  { code: '1006', th: 'บางกะปิ', en: 'Bang Kapi' },
  { code: '1007', th: 'ปทุมวัน', en: 'Pathum Wan' },
  { code: '1008', th: 'ป้อมปราบศัตรูพ่าย', en: 'Pom Prap Sattru Phai' },
  { code: '1009', th: 'พระโขนง', en: 'Phra Khanong' },
  { code: '1010', th: 'มีนบุรี', en: 'Min Buri' },
  { code: '1011', th: 'ลาดกระบัง', en: 'Lat Krabang' },
  { code: '1012', th: 'ยานนาวา', en: 'Yan Nawa' },
  { code: '1013', th: 'สัมพันธวงศ์', en: 'Samphanthawong' },
  { code: '1014', th: 'พญาไท', en: 'Phaya Thai' },
  { code: '1015', th: 'ธนบุรี', en: 'Thon Buri' },
  { code: '1016', th: 'บางกอกใหญ่', en: 'Bangkok Yai' },
  { code: '1017', th: 'ห้วยขวาง', en: 'Huai Khwang' },
  { code: '1018', th: 'คลองสาน', en: 'Khlong San' },
  { code: '1019', th: 'ตลิ่งชัน', en: 'Taling Chan' },
  { code: '1020', th: 'บางกอกน้อย', en: 'Bangkok Noi' },
  { code: '1021', th: 'บางขุนเทียน', en: 'Bang Khun Thian' },
  { code: '1022', th: 'ภาษีเจริญ', en: 'Phasi Charoen' },
  { code: '1023', th: 'หนองแขม', en: 'Nong Khaem' },
  { code: '1024', th: 'ราษฎร์บูรณะ', en: 'Rat Burana' },
  { code: '1025', th: 'บางพลัด', en: 'Bang Phlat' },
  { code: '1026', th: 'ดินแดง', en: 'Din Daeng' },
  { code: '1027', th: 'บึงกุ่ม', en: 'Bueng Kum' },
  { code: '1028', th: 'สาทร', en: 'Sathon' },
  { code: '1029', th: 'บางซื่อ', en: 'Bang Sue' },
  { code: '1030', th: 'จตุจักร', en: 'Chatuchak' },
  { code: '1031', th: 'บางคอแหลม', en: 'Bang Kho Laem' },
  { code: '1032', th: 'ประเวศ', en: 'Prawet' },
  { code: '1033', th: 'คลองเตย', en: 'Khlong Toei' },
  { code: '1034', th: 'สวนหลวง', en: 'Suan Luang' },
  { code: '1035', th: 'จอมทอง', en: 'Chom Thong' },
  { code: '1036', th: 'ดอนเมือง', en: 'Don Mueang' },
  { code: '1037', th: 'ราชเทวี', en: 'Ratchathewi' },
  { code: '1038', th: 'ลาดพร้าว', en: 'Lat Phrao' },
  { code: '1039', th: 'วัฒนา', en: 'Watthana' },
  { code: '1040', th: 'บางแค', en: 'Bang Khae' },
  { code: '1041', th: 'หลักสี่', en: 'Lak Si' },
  { code: '1042', th: 'สายไหม', en: 'Sai Mai' },
  { code: '1043', th: 'คันนายาว', en: 'Khan Na Yao' },
  { code: '1044', th: 'สะพานสูง', en: 'Saphan Sung' },
  { code: '1045', th: 'วังทองหลาง', en: 'Wang Thonglang' },
  { code: '1046', th: 'คลองสามวา', en: 'Khlong Sam Wa' },
  { code: '1047', th: 'บางนา', en: 'Bang Na' },
  { code: '1048', th: 'ทวีวัฒนา', en: 'Thawi Watthana' },
  { code: '1049', th: 'ทุ่งครุ', en: 'Thung Khru' },
  { code: '1050', th: 'บางบอน', en: 'Bang Bon' },
];

/** The standard divisions (ฝ่าย) of a Bangkok district office: the district kind's default units. */
export const STANDARD_DIVISIONS: readonly { th: string; en: string }[] = DISTRICT_UNITS;

/** Bangkok's district offices as one seed data set, in the import's columns (row numbers as in a file with a header). */
export const BANGKOK_SEED = BANGKOK_DISTRICTS.map((d, i) => ({
  row: i + 2,
  code: d.code,
  name_th: `สำนักงานเขต${d.th}`,
  name_en: `${d.en} District Office`,
  kind: 'district',
  parent_code: '',
  slug: slugify(d.en),
}));

/** `Bang Khae` → `bang-khae`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
