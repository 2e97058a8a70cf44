/** An error with an HTTP status and a message for users (Thai) and for logs (English). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly th: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, th: string, details?: unknown) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.th = th;
    this.details = details;
  }
}

export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'sign-in required', 'กรุณาเข้าสู่ระบบ');
export const forbidden = () => new HttpError(403, 'forbidden', 'not allowed for your role', 'บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้');
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} not found`, 'ไม่พบข้อมูลที่ต้องการ');
export const conflict = (message: string, th: string) => new HttpError(409, 'conflict', message, th);
export const badRequest = (message: string, th: string, details?: unknown) =>
  new HttpError(400, 'bad-request', message, th, details);
