import { performance } from 'node:perf_hooks';
import { parseServerTiming } from '../../api/timing/server-timing.js';
import type { Samples } from './stats.js';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a benchmark reads whatever the API answered
  body: any;
  serverTiming: Map<string, number>;
}

/**
 * The public API as the form calls it, from one applicant's address (X-Forwarded-For, which the API
 * believes from loopback in the benchmark, as it would from the agencies' reverse proxy). Every
 * request's time is kept under its route's name.
 */
export function apiClient(baseUrl: string, latencies: Samples) {
  return function as(clientAddress: string, token?: string) {
    return async function call(
      route: string,
      method: string,
      path: string,
      opts: { json?: unknown; form?: FormData; expect?: number[] } = {},
    ): Promise<Answer> {
      const headers: Record<string, string> = { 'x-forwarded-for': clientAddress };
      if (token) headers.authorization = `Bearer ${token}`;
      let body: BodyInit | undefined;
      if (opts.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.json);
      } else if (opts.form) body = opts.form;
      const t0 = performance.now();
      const res = await fetch(baseUrl + path, { method, headers, body });
      const text = await res.text();
      latencies.add(route, performance.now() - t0);
      const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
      if (!(opts.expect ?? [200, 201, 204]).includes(res.status)) {
        // The error's id only: bodies may echo what was sent.
        throw new Error(`${route}: ${res.status} ${parsed?.error?.id ?? ''}`.trim());
      }
      return { status: res.status, body: parsed, serverTiming: parseServerTiming(res.headers.get('server-timing')) };
    };
  };
}
