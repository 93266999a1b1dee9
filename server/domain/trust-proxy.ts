import { BlockList, isIP } from 'node:net';

/** TRUST_PROXY: no proxy (the socket address is the client), a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxySetting = false | number | readonly string[];

/** proxy-addr's signature, which Fastify's `trustProxy` takes: is the address at this hop a trusted proxy? */
export type TrustFn = (address: string, hop: number) => boolean;

// The names proxy-addr (Express, Fastify) understands, so a setting carries over from those.
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

function addEntry(list: BlockList, entry: string): void {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) return list.addAddress(address, type);
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has a bad prefix length`);
  list.addSubnet(address, prefix, type);
}

/**
 * Reads TRUST_PROXY: `false` (default), a hop count (`1`: one proxy in front), or a comma-separated list
 * of proxy addresses, CIDRs and the names loopback, linklocal, uniquelocal. `true` is refused: it would
 * let any client name its own address in X-Forwarded-For and so choose its rate-limit key.
 */
export function parseTrustProxy(value: string): TrustProxySetting {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') throw new Error('true would trust any X-Forwarded-For; give the proxy addresses or a hop count');
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) throw new Error('a hop count is 1 to 10');
    return hops;
  }
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  trustFunction(entries); // throws on a bad entry, so a typo stops the start
  return entries;
}

/** The trust function of a setting (false: nothing is trusted, so the socket address is the client). */
export function trustFunction(setting: TrustProxySetting): TrustFn {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  const list = new BlockList();
  for (const entry of setting) for (const e of NAMED[entry] ?? [entry]) addEntry(list, e);
  return (address) => {
    const family = isIP(address);
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) matches IPv4 rules: BlockList handles the mapping.
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address as Fastify computes `request.ip` (proxy-addr's walk): start at the socket's
 * peer and move left through X-Forwarded-For while the current hop is a trusted proxy. So the answer
 * is the rightmost address not added by a trusted proxy; entries a client wrote itself (further left)
 * are never reached. Used for sockets, which do not go through Fastify.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustFn) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    remote ?? '',
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse(),
  ];
  for (let hop = 0; hop < chain.length - 1; hop++) if (!trust(chain[hop]!, hop)) return chain[hop]!;
  return chain[chain.length - 1]!;
}
