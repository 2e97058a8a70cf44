import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import th from './th.json';
import { rememberThaiDigits, withDigits } from './digits';

export { thaiDigitsChosen } from './digits';

export type Lang = 'th' | 'en';
const STORAGE_KEY = 'prongsai.lang';

export function storedLanguage(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
}

export function setLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function setThaiDigits(on: boolean) {
  rememberThaiDigits(on);
  // Translations are made again, with the digits now chosen.
  void i18n.changeLanguage(i18n.language);
}

void i18n
  .use(initReactI18next)
  .use({ type: 'postProcessor', name: 'digits', process: (value: string) => withDigits(value, i18n.language) })
  .init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'th',
    interpolation: { escapeValue: false },
    postProcess: ['digits'],
  });
document.documentElement.lang = storedLanguage();

export default i18n;
