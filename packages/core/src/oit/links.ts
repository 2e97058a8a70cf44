import { toThaiDigits } from '../thai/digits.js';

/** What checking one URL found, in the order a reader would fix it. */
export type LinkVerdict =
  | 'ok'
  | 'not-https'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'server-error'
  | 'parked'
  | 'too-complex'
  | 'refused'
  | 'too-many-redirects'
  | 'timeout'
  | 'unreachable';

/** The facts a fetch gathered about a URL. */
export interface LinkFacts {
  url: string;
  /** The URL the last redirect led to. */
  finalUrl: string;
  /** Null when no response came (refused, timeout, unreachable). */
  status: number | null;
  contentType: string | null;
  /** Bytes received (at most the fetch's cap), or the declared length when larger. */
  bytes: number;
  /** The start of the body as text, for HTML and plain-text responses; null otherwise. */
  text: string | null;
  /** Why no response came: the fetch's own verdict. */
  failure?: 'refused' | 'too-many-redirects' | 'timeout' | 'unreachable';
  detail?: string;
}

export interface LinkJudgement {
  verdict: LinkVerdict;
  ok: boolean;
  /** Whether the page names the fiscal year (พ.ศ.) the item needs; null when it cannot be read (PDFs, images). */
  mentionsYear: boolean | null;
}

const PARKED =
  /(domain (name )?(is )?for sale|buy this domain|this domain (may be|is) (for sale|parked)|parked (free|domain|by)|domain parking|sedoparking|parkingcrew|hugedomains|ขายโดเมน)/i;
const LOGIN_PATH = /\/(login|log-in|signin|sign-in|sso|logon|auth|authenticate|account\/login)(\/|\?|$|\.)/i;
const PASSWORD_TYPE = /type\s*=\s*["']?password/i;

/**
 * Whether a page holds a password field. Each `<input …>` tag is tested on its own, and the scan
 * moves past every tag it reads, so a page of a million unclosed `<input` costs its length once.
 */
function hasPasswordInput(html: string): boolean {
  const lower = html.toLowerCase();
  let from = 0;
  for (;;) {
    const start = lower.indexOf('<input', from);
    if (start < 0) return false;
    const end = lower.indexOf('>', start);
    if (end < 0) return false;
    if (PASSWORD_TYPE.test(lower.slice(start, Math.min(end, start + 4096)))) return true;
    from = end + 1;
  }
}

/** Whether a text names the Buddhist-Era year, in Arabic or Thai digits. */
export function mentionsYear(text: string, fiscalYear: number): boolean {
  return text.includes(String(fiscalYear)) || text.includes(toThaiDigits(String(fiscalYear)));
}

/**
 * Judges a checked URL as an assessor would meet it: it must answer over HTTPS, without a sign-in
 * page or a 401/403 in the way, not be missing or a parked domain, and should name the year.
 */
export function judgeLink(facts: LinkFacts, fiscalYear: number): LinkJudgement {
  const readable = facts.text !== null;
  const year = readable ? mentionsYear(facts.text!, fiscalYear) : null;
  const verdict = ((): LinkVerdict => {
    if (facts.failure) return facts.failure;
    const status = facts.status ?? 0;
    if (status === 401 || status === 403) return 'forbidden';
    if (LOGIN_PATH.test(new URL(facts.finalUrl).pathname + new URL(facts.finalUrl).search)) return 'login';
    if (readable && hasPasswordInput(facts.text!)) return 'login';
    if (status === 404 || status === 410) return 'not-found';
    if (status >= 500) return 'server-error';
    if (status < 200 || status >= 400) return 'server-error';
    if (readable && PARKED.test(facts.text!)) return 'parked';
    if (new URL(facts.finalUrl).protocol !== 'https:') return 'not-https';
    return 'ok';
  })();
  return { verdict, ok: verdict === 'ok', mentionsYear: year };
}

/** Thai labels of the verdicts, as the board shows them. */
export const LINK_VERDICT_TH: Record<LinkVerdict, string> = {
  ok: 'ใช้งานได้',
  'not-https': 'ไม่ใช่ HTTPS',
  login: 'ต้องเข้าสู่ระบบ',
  forbidden: 'ถูกปฏิเสธการเข้าถึง (401/403)',
  'not-found': 'ไม่พบหน้า (404)',
  'server-error': 'เว็บไซต์ตอบกลับผิดพลาด',
  parked: 'โดเมนว่าง/ประกาศขาย',
  'too-complex': 'หน้าเว็บซับซ้อนเกินกว่าจะตรวจได้',
  refused: 'ไม่อนุญาตให้ตรวจที่อยู่นี้',
  'too-many-redirects': 'เปลี่ยนเส้นทางมากเกินไป',
  timeout: 'ตอบช้าเกินกำหนด',
  unreachable: 'เชื่อมต่อไม่ได้',
};
