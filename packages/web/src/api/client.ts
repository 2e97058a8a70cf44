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

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached', 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as {
    error?: {
      code: string;
      message: string;
      messageTh: string;
      problems?: { path: string; message: string }[];
      /** Some refusals (a framework workbook's) list their problems here. */
      details?: unknown;
    };
  } | null;
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? response.statusText,
      error?.messageTh ?? 'เกิดข้อผิดพลาด',
      error?.problems ?? (Array.isArray(error?.details) ? (error.details as { path: string; message: string }[]) : []),
    );
  }
  return data as T;
}

export type Role = 'central_admin' | 'agency_admin' | 'division_editor' | 'executive';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  divisionId: number | null;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
}

export interface Agency {
  id: number;
  code: string;
  slug: string;
  nameTh: string;
  nameEn: string;
  kind: string;
}

export interface Division {
  id: number;
  agencyId: number;
  nameTh: string;
  nameEn: string;
  sortOrder: number;
}

export interface Me {
  user: User;
  csrfToken: string;
  abilities: Record<string, boolean>;
  agency: { id: number; code: string; slug: string; nameTh: string; nameEn: string } | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  userEmail: string | null;
  userName: string | null;
  agencyName: string | null;
  recordName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  agencyId: number | null;
  before: unknown;
  after: unknown;
}

/** A file's bytes as base64, for JSON uploads. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
