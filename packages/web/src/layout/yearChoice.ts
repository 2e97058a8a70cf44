import { useState } from 'react';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

const storageKey = (page: string, agency: string) => `prongsai:${page}:${agency}`;

/**
 * The fiscal year a page opens on: the one its link names (`?year=2567`, as a task's link does),
 * else the one the person chose last time on this page for this agency (kept in the browser), else
 * the current fiscal year when it is offered, else the latest offered. Choosing remembers.
 */
export function useYearChoice(page: string, agency: string, offered: readonly number[]): [number | null, (year: number) => void] {
  const [chosen, setChosen] = useState<number | null>(() => {
    const linked = Number(new URLSearchParams(window.location.search).get('year'));
    if (Number.isInteger(linked) && linked > 2400 && linked < 2800) {
      localStorage.setItem(storageKey(page, agency), String(linked));
      return linked;
    }
    const saved = Number(localStorage.getItem(storageKey(page, agency)));
    return Number.isInteger(saved) && saved > 0 ? saved : null;
  });
  const current = fiscalYearOf(todayInBangkok());
  const year =
    chosen !== null && offered.includes(chosen)
      ? chosen
      : offered.includes(current)
        ? current
        : offered.length > 0
          ? Math.max(...offered)
          : null;
  const choose = (next: number) => {
    localStorage.setItem(storageKey(page, agency), String(next));
    setChosen(next);
  };
  return [year, choose];
}

/**
 * The round a plan year opens on: in the current fiscal year, the six-month round until its due
 * date (30 April) and the twelve-month one after; in another year, the six-month round.
 */
export function currentRound(fiscalYear: number): 6 | 12 {
  const today = todayInBangkok();
  if (fiscalYear !== fiscalYearOf(today)) return 6;
  const due = { year: fiscalYear - 543, month: 4, day: 30 };
  const beforeDue =
    today.year < due.year ||
    (today.year === due.year && (today.month < due.month || (today.month === due.month && today.day <= due.day)));
  return beforeDue ? 6 : 12;
}
