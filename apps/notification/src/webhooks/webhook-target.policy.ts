import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@vigie/platform';

/** A webhook URL the service refuses to call; answered as 400 with the reason. */
export class WebhookTargetError extends DomainError {
  constructor(reason: string, details?: Record<string, unknown>) {
    super('invalid_webhook_target', `webhook URL refused: ${reason}`, HttpStatus.BAD_REQUEST, details);
    this.name = 'WebhookTargetError';
  }
}

/** Host name → every address it resolves to. Injected so tests never query DNS. */
export type HostResolver = (host: string) => Promise<string[]>;

export interface WebhookTargetOptions {
  /** Local runs and tests: plain http and private, loopback addresses are accepted. */
  allowPrivateTargets: boolean;
  resolve?: HostResolver;
  /** Bound on the DNS resolution. */
  resolveTimeoutMs?: number;
}

/**
 * Addresses a webhook may never reach: everything that is not public unicast. Covers the
 * service's own host, private networks, cloud metadata (169.254.169.254), and the IPv6 forms
 * that embed an IPv4 address (mapped, compatible, NAT64, 6to4), refused as a whole.
 */
const FORBIDDEN_RANGES: [address: string, prefix: number, family: 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", unspecified
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 96, 'ipv6'], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96, 'ipv6'], // IPv4-mapped
  ['64:ff9b::', 96, 'ipv6'], // NAT64
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

// One list per family: a BlockList matches IPv4 queries against IPv6 rules through their mapped
// form, so a single list holding ::ffff:0:0/96 would refuse every IPv4 address.
const FORBIDDEN = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [address, prefix, family] of FORBIDDEN_RANGES) FORBIDDEN[family].addSubnet(address, prefix, family);

/** True unless `address` is a literal public unicast IP address. Anything unparsable is refused. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  switch (isIP(bare)) {
    case 4:
      return FORBIDDEN.ipv4.check(bare, 'ipv4');
    case 6:
      return FORBIDDEN.ipv6.check(bare, 'ipv6');
    default:
      return true;
  }
}

/**
 * Checks the shape of a webhook URL without touching the network: http(s) only, no
 * credentials, https unless private targets are allowed. WHATWG parsing already turns numeric
 * hosts (`2130706433`, `0x7f000001`, `0177.1`) into dotted IPv4.
 */
export function parseWebhookUrl(raw: string, options: Pick<WebhookTargetOptions, 'allowPrivateTargets'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookTargetError('only http and https URLs are accepted', { protocol: url.protocol });
  }
  if (url.username || url.password) throw new WebhookTargetError('credentials are not allowed in the URL');
  if (url.protocol !== 'https:' && !options.allowPrivateTargets) throw new WebhookTargetError('https is required');
  if (!url.hostname) throw new WebhookTargetError('the URL has no host');
  return url;
}

/** A target that passed the check, and the addresses it was checked at. */
export interface CheckedTarget {
  url: URL;
  /** The addresses the host resolved to (the literal address itself): all public unless private targets are allowed. */
  addresses: string[];
}

/**
 * The full check: shape, then the host is resolved once and, unless private targets are
 * allowed, every address it resolves to (or the literal IP) must be public. A sender connects to one of the returned
 * addresses, so a name that resolves elsewhere a moment later (DNS rebinding) changes nothing.
 */
export async function resolveWebhookTarget(raw: string, options: WebhookTargetOptions): Promise<CheckedTarget> {
  const url = parseWebhookUrl(raw, options);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = isIP(host) ? [host] : await resolveHost(host, options);
  if (addresses.length === 0) throw new WebhookTargetError('the host does not resolve', { host });
  // Local runs and tests: any address will do, but the sender still connects to the one resolved here.
  if (options.allowPrivateTargets) return { url, addresses };
  const refused = addresses.filter(isForbiddenAddress);
  if (refused.length > 0) {
    throw new WebhookTargetError('the host is not a public address', { host, addresses: refused });
  }
  return { url, addresses };
}

/** The check when registering a webhook: the normalised URL. */
export async function checkWebhookTarget(raw: string, options: WebhookTargetOptions): Promise<URL> {
  return (await resolveWebhookTarget(raw, options)).url;
}

async function resolveHost(host: string, options: WebhookTargetOptions): Promise<string[]> {
  const resolve = options.resolve ?? systemResolver;
  const timeoutMs = options.resolveTimeoutMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([resolve(host), timeout]);
  } catch (error) {
    throw new WebhookTargetError('the host does not resolve', { host, cause: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}

const systemResolver: HostResolver = async (host) => {
  const answers = await dns.lookup(host, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};
