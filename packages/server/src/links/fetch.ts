import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { LinkFacts } from '@prongsai/core';
import ipaddr from 'ipaddr.js';

/** IPv6's global unicast space (RFC 4291); everything outside it (IPv4-compatible `::a.b.c.d`, site-local …) is refused. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an address is public, by ipaddr.js's range classification: only `unicast` IPv4, and
 * IPv6 `unicast` inside 2000::/3. Private, loopback, link-local, CGNAT, 6to4, Teredo, NAT64,
 * site-local, multicast and reserved ranges, and IPv4-compatible forms, are not.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
}

export interface FetchPolicy {
  /** CIDRs allowed although private (tests allow 127.0.0.0/8 to reach their own servers). */
  allow: BlockList;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Extra certificate authorities to trust (PEM), beside the system's. */
  ca?: string[];
}

/** Parses `PRONGSAI_LINKCHECK_ALLOW` ("127.0.0.0/8,::1/128") into a list of allowed networks. */
export function allowList(cidrs: string | undefined): BlockList {
  const list = new BlockList();
  for (const cidr of (cidrs ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const [address, bits] = cidr.split('/');
    const family = isIP(address ?? '');
    if (!family || bits === undefined || !/^\d+$/.test(bits)) {
      throw new Error(`PRONGSAI_LINKCHECK_ALLOW: "${cidr}" is not a CIDR`);
    }
    list.addSubnet(address!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** Whether the check may connect to an address: public, or in the configured allowance. */
export function mayConnect(address: string, policy: Pick<FetchPolicy, 'allow'>): boolean {
  const family = isIP(address);
  if (!family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.allow.check(address, type)) return true;
  return isPublicAddress(address);
}

class Refused extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TEXT_TYPES = /^(text\/html|text\/plain|application\/xhtml\+xml)/i;

/**
 * Fetches an untrusted URL for the link check: http(s) only; every hop's host resolved and its
 * address checked before connecting, and the connection made to that very address (no second
 * lookup to rebind); redirects, time and bytes capped. Never throws: what went wrong is in the facts.
 */
export async function fetchLink(url: string, policy: FetchPolicy): Promise<LinkFacts> {
  const deadline = Date.now() + policy.timeoutMs;
  let current = url;
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return failed(url, current, 'unreachable', 'not a URL');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return failed(url, current, 'refused', `scheme ${target.protocol} is not checked`);
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let address: string;
    let family: number;
    try {
      const found = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host, { verbatim: true });
      address = found.address;
      family = found.family;
    } catch {
      return failed(url, current, 'unreachable', `no address for ${host}`);
    }
    if (!mayConnect(address, policy)) {
      return failed(url, current, 'refused', `${host} resolves to a private address (${address})`);
    }
    const left = deadline - Date.now();
    if (left <= 0) return failed(url, current, 'timeout', 'time ran out');
    let response: { status: number; headers: http.IncomingHttpHeaders; body: Buffer; declared: number | null };
    try {
      response = await get(target, address, family, left, policy);
    } catch (error) {
      if (error instanceof Refused) return failed(url, current, 'refused', error.message);
      const message = (error as Error).message;
      return failed(url, current, /timed out/.test(message) ? 'timeout' : 'unreachable', message);
    }
    const location = response.headers.location;
    if (REDIRECTS.has(response.status) && location) {
      current = new URL(location, target).toString();
      continue;
    }
    const contentType = (response.headers['content-type'] ?? null) as string | null;
    const bytes = Math.max(response.body.length, response.declared ?? 0);
    const text = contentType && TEXT_TYPES.test(contentType) ? response.body.toString('utf8') : null;
    return { url, finalUrl: target.toString(), status: response.status, contentType, bytes, text };
  }
  return failed(url, current, 'too-many-redirects', `more than ${policy.maxRedirects} redirects`);
}

function failed(url: string, finalUrl: string, failure: NonNullable<LinkFacts['failure']>, detail: string): LinkFacts {
  return { url, finalUrl, status: null, contentType: null, bytes: 0, text: null, failure, detail };
}

function get(target: URL, address: string, family: number, timeoutMs: number, policy: FetchPolicy) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; declared: number | null }>(
    (resolve, reject) => {
      const secure = target.protocol === 'https:';
      const options: https.RequestOptions = {
        method: 'GET',
        host: address,
        family,
        port: target.port || (secure ? 443 : 80),
        path: `${target.pathname}${target.search}`,
        headers: {
          host: target.host,
          'user-agent': policy.userAgent,
          accept: 'text/html,application/pdf,*/*;q=0.8',
          'accept-language': 'th,en;q=0.8',
        },
        // The connection goes to the checked address; TLS still verifies the name.
        lookup: (_hostname, _options, callback) => {
          if (!mayConnect(address, policy)) return callback(new Refused(`${address} is a private address`), '', 4);
          return callback(null, address, family);
        },
        agent: false,
        timeout: timeoutMs,
        ...(secure
          ? { servername: isIP(target.hostname) ? undefined : target.hostname, ...(policy.ca ? { ca: policy.ca } : {}) }
          : {}),
      };
      const request = (secure ? https : http).request(options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const declared = Number(res.headers['content-length']);
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            chunks.push(chunk.subarray(0, chunk.length - (size - policy.maxBytes)));
            res.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
              declared: Number.isFinite(declared) ? declared : size,
            });
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            declared: Number.isFinite(declared) ? declared : null,
          }),
        );
        res.on('error', reject);
      });
      const timer = setTimeout(() => request.destroy(new Error('timed out')), timeoutMs);
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', reject);
      request.on('close', () => clearTimeout(timer));
      request.end();
    },
  );
}
