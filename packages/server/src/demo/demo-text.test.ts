import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demoPlans = readFileSync(fileURLToPath(new URL('../../../../examples/demo-plans.json', import.meta.url)), 'utf8');

describe('the demo narratives copied from the seeds', () => {
  it('carry none of the extraction errors found in them', () => {
    for (const error of [
      'อย่างเป็นธรรมชาติ เทียบ', // อย่างเป็นธรรม เท่าเทียม
      'กำกับ กำกับ',
      'เขตดินแดน ', // เขตดินแดง
      'เขตดินแดนประกาศ',
      'เขตดินแดนกำกับ',
      'เขตดินแดนติดตาม',
      'ช่องทางกร้องเรียน',
      'คุ่มค่า',
      'ไปใช้เพื่อประโยชน์ของ ตนเองหรือพวกพ้อง',
    ]) {
      expect(demoPlans, error).not.toContain(error);
    }
    expect(demoPlans).toContain('อย่างเป็นธรรม เท่าเทียม');
  });
});
