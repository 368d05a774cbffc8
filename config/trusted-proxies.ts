import { isIP } from 'node:net';

/**
 * What is wrong with API_TRUST_PROXY (addresses or CIDRs, comma-separated), if anything. Each entry must be an
 * address or a network the proxy is in; a catch-all (/0) would believe any client's X-Forwarded-For, which
 * is Fastify's `trustProxy: true` under another name, so it is refused, as is anything that is no address.
 */
export function trustedProxyProblems(value: string): string[] {
  if (value.trim() === '') return [];
  return value.split(',').flatMap((raw) => {
    const entry = raw.trim();
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (!family || rest.length > 0) return [`API_TRUST_PROXY: "${entry}" is not an address or a network (CIDR)`];
    if (prefix === undefined) return [];
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      return [`API_TRUST_PROXY: "${entry}" has no valid prefix length`];
    if (bits === 0) return [`API_TRUST_PROXY: "${entry}" trusts every address; name the proxy's address or network`];
    return [];
  });
}

/** The list Fastify's `trustProxy` takes; empty: trust none, so every limit keys on the connection's peer. */
export const trustedProxies = (value: string): string[] | false =>
  value.trim() === '' ? false : value.split(',').map((s) => s.trim());
