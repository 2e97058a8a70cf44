import type { FastifyRequest } from 'fastify';

/**
 * Paths whose next segment is a secret: an iCalendar feed's token, an unsubscribe token, a
 * survey's single-use code. Matched on the path as a server would read it — percent-decoded,
 * any case, repeated slashes folded, dot segments resolved — so that no near miss (a trailing
 * slash, another method, a shorter path, `//s/…`, `/%73/…`, `/./s/…`) reaches the log with its secret.
 */
const SECRET_PATH = /^\/(?:ical|unsubscribe|s|api\/s)(?:\/|$)/i;

function normalisedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is read as it was written.
  }
  // Dot segments resolved, backslashes and repeated slashes read as one slash, `;` parameters
  // dropped: as a client or a proxy in front may read the path before this server sees it.
  const segments: string[] = [];
  for (const written of decoded.split(/[/\\]/)) {
    const segment = written.split(';', 1)[0]!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** Whether a request's path holds a secret (and, for the surveys, a respondent who must stay unknown). */
export function holdsSecret(url: string): boolean {
  return SECRET_PATH.test(normalisedPath(url));
}

/** A URL as the log may hold it: a secret path keeps only its first segment. */
export function loggableUrl(url: string): string {
  if (!holdsSecret(url)) return url;
  const prefix = /^\/(?:api\/s|ical|unsubscribe|s)/i.exec(normalisedPath(url))?.[0] ?? '';
  return `${prefix}/[redacted]`;
}

/**
 * The request as every log line describes it: method and URL, and the client's address except on
 * a secret path, where neither the secret nor who sent it is kept.
 */
export function logRequest(request: FastifyRequest) {
  const secret = holdsSecret(request.url);
  return {
    method: request.method,
    url: loggableUrl(request.url),
    ...(secret ? {} : { host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
  };
}
