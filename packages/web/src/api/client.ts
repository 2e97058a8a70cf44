import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';

/** An API error with the server's messages; `messageTh` is what Thai users read. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageTh: string;
  /** Problems the server listed with the error (an invalid framework file names each). */
  readonly problems: { path: string; message: string }[];
  constructor(
    status: number,
    code: string,
    message: string,
    messageTh: string,
    problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.problems = problems;
    this.status = status;
    this.code = code;
    this.messageTh = messageTh;
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

function errorOf(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: ServerError } | null)?.error;
  return new ApiError(
    status,
    error?.code ?? 'unknown',
    error?.message ?? statusText,
    error?.messageTh ?? 'เกิดข้อผิดพลาด',
    error?.problems ?? (Array.isArray(error?.details) ? (error.details as { path: string; message: string }[]) : []),
  );
}

interface ServerError {
  code: string;
  message: string;
  messageTh: string;
  problems?: { path: string; message: string }[];
  /** Some refusals (a framework workbook's) list their problems here. */
  details?: unknown;
}

const unreachable = () => new ApiError(0, 'network', 'the server cannot be reached', 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ');

/**
 * The API, typed by the server's OpenAPI document (`schema.gen.ts`): a path, its parameters and its
 * body are checked against what the server declares, and the answer has the server's response type.
 * Wrap a call in `ok(...)` to get its data or an `ApiError`.
 */
export const http = createClient<paths>({ credentials: 'same-origin' });
http.use({
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** The data of a successful answer; an `ApiError` with the server's Thai message otherwise. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw unreachable();
  }
  if (!result.response.ok) throw errorOf(result.response.status, result.response.statusText, result.error);
  return result.data as T;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { responses: infer S } ? JsonContent<S[Extract<keyof S, 200 | 201 | 202>]> : never;

/** What `method path` answers, as the server declares it: `ApiData<'/api/agencies', 'get'>`. */
export type ApiData<P extends keyof paths, M extends Method = 'get'> = M extends keyof paths[P] ? Success<paths[P][M]> : never;

/** What `method path` takes as its JSON body. */
export type ApiBody<P extends keyof paths, M extends Method> = M extends keyof paths[P]
  ? paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never
  : never;

export type Me = ApiData<'/api/me'>;
export type User = ApiData<'/api/users'>[number];
export type Role = User['role'];
export type Agency = ApiData<'/api/agencies'>[number];
export type Division = ApiData<'/api/agencies/{agency}/divisions'>[number];
export type AuditEntry = ApiData<'/api/audit'>[number];

/** A file's bytes as base64, for JSON uploads. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
