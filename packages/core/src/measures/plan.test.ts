import { describe, expect, it } from 'vitest';
import { captionWithoutNumber, roundPeriod } from './plan.js';

describe('progress rounds in documents', () => {
  it('names the months of a round with their years, as the seeds head their reports', () => {
    expect(roundPeriod(6, 2567)).toBe('รอบ 6 เดือนแรก (ตุลาคม 2566 – มีนาคม 2567)');
    expect(roundPeriod(12, 2568)).toBe('รอบ 12 เดือน (ตุลาคม 2567 – กันยายน 2568)');
  });

  it('prints a photo caption without the number typed at its start', () => {
    expect(captionWithoutNumber('๓. ประชุมชี้แจงงบประมาณ')).toBe('ประชุมชี้แจงงบประมาณ');
    expect(captionWithoutNumber('ภาพที่ 2: ลงพื้นที่')).toBe('ลงพื้นที่');
    expect(captionWithoutNumber('12) ป้ายประชาสัมพันธ์')).toBe('ป้ายประชาสัมพันธ์');
    expect(captionWithoutNumber('ประชุม 3 ครั้ง')).toBe('ประชุม 3 ครั้ง');
    expect(captionWithoutNumber('01. ๑๑. เขตดินแดงประกาศนโยบาย')).toBe('เขตดินแดงประกาศนโยบาย');
    expect(captionWithoutNumber('. ประชุมผู้บริหาร')).toBe('ประชุมผู้บริหาร');
    expect(captionWithoutNumber('2567 ปีแห่งความโปร่งใส')).toBe('2567 ปีแห่งความโปร่งใส');
  });
});
