import { toThaiDigits } from '@prongsai/core/thai';

const DIGITS_KEY = 'prongsai.digits';

/** Whether Thai text is shown with Thai digits (๒๕๗๐): a choice of each person, kept in the browser. */
export function thaiDigitsChosen(): boolean {
  return typeof localStorage !== 'undefined' && localStorage.getItem(DIGITS_KEY) === 'thai';
}

export function rememberThaiDigits(on: boolean) {
  localStorage.setItem(DIGITS_KEY, on ? 'thai' : 'arabic');
}

/** Digits as the person chose them, in Thai only; English keeps Arabic digits. */
export function withDigits(text: string, lang: string): string {
  return lang === 'th' && thaiDigitsChosen() ? toThaiDigits(text) : text;
}
