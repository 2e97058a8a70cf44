import { MILESTONES } from '../calendar/milestones.js';
import { EIT_MINIMUMS, IIT_ALL_EMPLOYEES, IIT_EMPLOYEE_SHARE, SCHOOL_IIT } from '../surveys/roster.js';
import type { AgencyKind, UnitName } from './kinds.js';

const REVIEW = 'default to review: no official source read for this kind; set it from NACC\u2019s manual of the year';
const itas = {
  iit: { rule: 'itas-computed' as const },
  eit: { minimums: {}, defaultMinimum: null },
  status: 'review' as const,
  source: REVIEW,
};
const units = (...names: [string, string][]): UnitName[] => names.map(([th, en]) => ({ th, en }));

/** The standard divisions (ฝ่าย) of a Bangkok district office. */
export const DISTRICT_UNITS: UnitName[] = units(
  ['ฝ่ายปกครอง', 'Administration Division'],
  ['ฝ่ายทะเบียน', 'Civil Registration Division'],
  ['ฝ่ายการคลัง', 'Finance Division'],
  ['ฝ่ายรายได้', 'Revenue Division'],
  ['ฝ่ายโยธา', 'Public Works Division'],
  ['ฝ่ายสิ่งแวดล้อมและสุขาภิบาล', 'Environment and Sanitation Division'],
  ['ฝ่ายรักษาความสะอาดและสวนสาธารณะ', 'Cleansing and Public Parks Division'],
  ['ฝ่ายเทศกิจ', 'City Law Enforcement Division'],
  ['ฝ่ายการศึกษา', 'Education Division'],
  ['ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม', 'Community Development and Social Welfare Division'],
);

/**
 * The kinds Prongsai ships. Only the Bangkok district office's sampling is official (the BMA
 * rule of seed 002, as the surveys apply it); every other kind's values are defaults to review.
 */
export const SHIPPED_AGENCY_KINDS: readonly AgencyKind[] = [
  {
    id: 'district',
    nameTh: 'สำนักงานเขต (กรุงเทพมหานคร)',
    nameEn: 'Bangkok district office',
    naming: {
      agencyTh: 'สำนักงานเขต{name}',
      agencyEn: '{name} District Office',
      headTh: 'ผู้อำนวยการเขต{name}',
      headEn: 'Director of {name} District Office',
    },
    unitTerm: 'ฝ่าย',
    defaultUnits: DISTRICT_UNITS,
    sampling: {
      iit: { rule: 'bma-district', employeeShare: IIT_EMPLOYEE_SHARE, allEmployeesUnits: [...IIT_ALL_EMPLOYEES] },
      eit: { minimums: { ...EIT_MINIMUMS }, defaultMinimum: null },
      status: 'official',
      source: 'BMA district rule (seed 002): IIT group 2 (1.1)/(1.2); EIT minimums per division',
    },
    // The district offices collect their schools' staff data (seed 002), so their year has every step.
    milestones: [...MILESTONES],
  },
  {
    id: 'central',
    nameTh: 'หน่วยงานกำกับดูแล (ส่วนกลาง)',
    nameEn: 'Central oversight body',
    naming: { agencyTh: '{name}', agencyEn: '{name}', headTh: 'ผู้ว่าราชการ{name}', headEn: 'Governor of {name}' },
    unitTerm: 'สำนัก',
    defaultUnits: [],
    sampling: itas,
  },
  {
    id: 'other',
    nameTh: 'หน่วยงานอื่น',
    nameEn: 'Other agency',
    naming: { agencyTh: '{name}', agencyEn: '{name}', headTh: 'หัวหน้า{name}', headEn: 'Head of {name}' },
    unitTerm: 'ฝ่าย',
    defaultUnits: [],
    sampling: itas,
  },
  {
    id: 'province',
    nameTh: 'จังหวัด',
    nameEn: 'Province',
    naming: {
      agencyTh: 'จังหวัด{name}',
      agencyEn: '{name} Province',
      headTh: 'ผู้ว่าราชการจังหวัด{name}',
      headEn: 'Governor of {name}',
    },
    unitTerm: 'กลุ่มงาน',
    defaultUnits: units(
      ['ฝ่ายบริหารงานทั่วไป', 'General Administration'],
      ['กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด', 'Provincial Strategy and Information'],
      ['กลุ่มงานอำนวยการ', 'Directing Work Group'],
      ['กลุ่มงานบริหารทรัพยากรทั่วไป', 'General Resources Work Group'],
      ['กลุ่มงานตรวจสอบภายใน', 'Internal Audit'],
    ),
    sampling: itas,
  },
  {
    id: 'pao',
    nameTh: 'องค์การบริหารส่วนจังหวัด (อบจ.)',
    nameEn: 'Provincial administrative organisation',
    naming: {
      agencyTh: 'องค์การบริหารส่วนจังหวัด{name}',
      agencyEn: '{name} Provincial Administrative Organisation',
      headTh: 'นายกองค์การบริหารส่วนจังหวัด{name}',
      headEn: 'Chief Executive of {name} Provincial Administrative Organisation',
    },
    unitTerm: 'กอง',
    defaultUnits: units(
      ['สำนักปลัดองค์การบริหารส่วนจังหวัด', 'Office of the Permanent Secretary'],
      ['กองคลัง', 'Finance Division'],
      ['กองช่าง', 'Public Works Division'],
      ['กองยุทธศาสตร์และงบประมาณ', 'Strategy and Budget Division'],
      ['กองการศึกษา ศาสนาและวัฒนธรรม', 'Education, Religion and Culture Division'],
      ['กองพัสดุและทรัพย์สิน', 'Procurement and Assets Division'],
      ['หน่วยตรวจสอบภายใน', 'Internal Audit Unit'],
    ),
    sampling: itas,
  },
  {
    id: 'municipality',
    nameTh: 'เทศบาล',
    nameEn: 'Municipality',
    naming: {
      agencyTh: 'เทศบาล{name}',
      agencyEn: '{name} Municipality',
      headTh: 'นายกเทศมนตรี{name}',
      headEn: 'Mayor of {name} Municipality',
    },
    unitTerm: 'กอง',
    defaultUnits: units(
      ['สำนักปลัดเทศบาล', 'Office of the Municipal Clerk'],
      ['กองคลัง', 'Finance Division'],
      ['กองช่าง', 'Public Works Division'],
      ['กองสาธารณสุขและสิ่งแวดล้อม', 'Public Health and Environment Division'],
      ['กองการศึกษา', 'Education Division'],
      ['กองยุทธศาสตร์และงบประมาณ', 'Strategy and Budget Division'],
    ),
    sampling: itas,
  },
  {
    id: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบล (อบต.)',
    nameEn: 'Subdistrict administrative organisation',
    naming: {
      agencyTh: 'องค์การบริหารส่วนตำบล{name}',
      agencyEn: '{name} Subdistrict Administrative Organisation',
      headTh: 'นายกองค์การบริหารส่วนตำบล{name}',
      headEn: 'Chief Executive of {name} Subdistrict Administrative Organisation',
    },
    unitTerm: 'กอง',
    defaultUnits: units(
      ['สำนักปลัด', 'Office of the Chief Administrator'],
      ['กองคลัง', 'Finance Division'],
      ['กองช่าง', 'Public Works Division'],
      ['กองการศึกษา ศาสนาและวัฒนธรรม', 'Education, Religion and Culture Division'],
    ),
    sampling: itas,
  },
  {
    id: 'amphoe',
    nameTh: 'ที่ว่าการอำเภอ',
    nameEn: 'District office (Ministry of Interior)',
    naming: {
      agencyTh: 'ที่ว่าการอำเภอ{name}',
      agencyEn: '{name} District Office',
      headTh: 'นายอำเภอ{name}',
      headEn: 'District Chief of {name}',
    },
    unitTerm: 'ฝ่าย',
    defaultUnits: units(
      ['ฝ่ายบริหารงานปกครอง', 'Administration'],
      ['ฝ่ายทะเบียนและบัตร', 'Registration and ID Cards'],
      ['ฝ่ายความมั่นคง', 'Security'],
      ['ฝ่ายอำนวยความเป็นธรรม', 'Justice Services'],
    ),
    sampling: itas,
  },
  {
    id: 'department',
    nameTh: 'ส่วนราชการระดับกรม',
    nameEn: 'Department-level agency',
    naming: { agencyTh: '{name}', agencyEn: '{name}', headTh: 'อธิบดี{name}', headEn: 'Director-General of {name}' },
    unitTerm: 'กอง',
    defaultUnits: units(
      ['สำนักงานเลขานุการกรม', 'Office of the Secretary'],
      ['กองการเจ้าหน้าที่', 'Personnel Division'],
      ['กองคลัง', 'Finance Division'],
      ['กลุ่มตรวจสอบภายใน', 'Internal Audit Group'],
      ['กลุ่มพัฒนาระบบบริหาร', 'Public Sector Development Group'],
    ),
    sampling: itas,
  },
  {
    id: 'state_enterprise',
    nameTh: 'รัฐวิสาหกิจ',
    nameEn: 'State enterprise',
    naming: { agencyTh: '{name}', agencyEn: '{name}', headTh: 'ผู้ว่าการ{name}', headEn: 'Governor of {name}' },
    unitTerm: 'ฝ่าย',
    defaultUnits: [],
    sampling: itas,
  },
  {
    id: 'public_org',
    nameTh: 'องค์การมหาชน',
    nameEn: 'Public organisation',
    naming: {
      agencyTh: '{name} (องค์การมหาชน)',
      agencyEn: '{name} (Public Organisation)',
      headTh: 'ผู้อำนวยการ{name}',
      headEn: 'Director of {name}',
    },
    unitTerm: 'ฝ่าย',
    defaultUnits: [],
    sampling: itas,
  },
  {
    id: 'university',
    nameTh: 'มหาวิทยาลัย',
    nameEn: 'University',
    naming: {
      agencyTh: 'มหาวิทยาลัย{name}',
      agencyEn: '{name} University',
      headTh: 'อธิการบดีมหาวิทยาลัย{name}',
      headEn: 'President of {name} University',
    },
    unitTerm: 'กอง',
    defaultUnits: units(
      ['กองกลาง', 'Central Administration Division'],
      ['กองคลัง', 'Finance Division'],
      ['กองบริหารงานบุคคล', 'Human Resources Division'],
      ['กองนโยบายและแผน', 'Policy and Planning Division'],
    ),
    sampling: itas,
  },
  {
    id: 'hospital',
    nameTh: 'โรงพยาบาล',
    nameEn: 'Hospital',
    naming: {
      agencyTh: 'โรงพยาบาล{name}',
      agencyEn: '{name} Hospital',
      headTh: 'ผู้อำนวยการโรงพยาบาล{name}',
      headEn: 'Director of {name} Hospital',
    },
    unitTerm: 'กลุ่มงาน',
    defaultUnits: units(
      ['กลุ่มงานบริหารทั่วไป', 'General Administration'],
      ['กลุ่มงานการพยาบาล', 'Nursing'],
      ['กลุ่มงานเภสัชกรรมและคุ้มครองผู้บริโภค', 'Pharmacy and Consumer Protection'],
      ['กลุ่มงานประกันสุขภาพ ยุทธศาสตร์และสารสนเทศทางการแพทย์', 'Health Insurance, Strategy and Medical Information'],
    ),
    sampling: itas,
  },
  {
    id: 'school',
    nameTh: 'โรงเรียน',
    nameEn: 'School',
    naming: {
      agencyTh: 'โรงเรียน{name}',
      agencyEn: '{name} School',
      headTh: 'ผู้อำนวยการโรงเรียน{name}',
      headEn: 'Director of {name} School',
    },
    unitTerm: 'กลุ่มงาน',
    defaultUnits: units(
      ['กลุ่มบริหารงานวิชาการ', 'Academic Affairs'],
      ['กลุ่มบริหารงานงบประมาณ', 'Budget'],
      ['กลุ่มบริหารงานบุคคล', 'Personnel'],
      ['กลุ่มบริหารทั่วไป', 'General Administration'],
    ),
    sampling: {
      iit: { rule: 'minimum', minimum: SCHOOL_IIT.civilServants },
      eit: { minimums: {}, defaultMinimum: null },
      status: 'review',
      source: `${REVIEW} (public sources mention an IIT minimum of 25 respondents for OBEC schools)`,
    },
  },
  {
    id: 'police_station',
    nameTh: 'สถานีตำรวจ',
    nameEn: 'Police station',
    naming: {
      agencyTh: 'สถานีตำรวจ{name}',
      agencyEn: '{name} Police Station',
      headTh: 'ผู้กำกับการสถานีตำรวจ{name}',
      headEn: 'Superintendent of {name} Police Station',
    },
    unitTerm: 'งาน',
    defaultUnits: units(
      ['งานอำนวยการ', 'Administration'],
      ['งานป้องกันปราบปราม', 'Crime Prevention and Suppression'],
      ['งานสืบสวน', 'Investigation'],
      ['งานสอบสวน', 'Inquiry'],
      ['งานจราจร', 'Traffic'],
    ),
    sampling: itas,
  },
];

/** A shipped kind by id. */
export const shippedKind = (id: string): AgencyKind | undefined => SHIPPED_AGENCY_KINDS.find((k) => k.id === id);
