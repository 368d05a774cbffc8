import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineUnavailableError } from '../../../adapters/engine/engine-errors.js';
import { createEngineRest, engineNodes } from '../../../adapters/engine/engine-rest.js';

// A stand-in for an engine node: answers the version and echoes a POST body, and counts what it got.
let server: Server;
let url = '';
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${body}`);
      res.setHeader('content-type', 'application/json');
      res.end(req.method === 'GET' ? JSON.stringify({ version: '1.0.3' }) : '[]');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/engine-rest`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const DOWN = 'http://127.0.0.1:9/engine-rest'; // nothing listens on the discard port

describe('ENGINE_URL with several nodes', () => {
  it('reads the nodes of a comma-separated list', () => {
    expect(engineNodes(' http://a:8080/engine-rest/ ,http://b:8080/engine-rest')).toEqual([
      'http://a:8080/engine-rest',
      'http://b:8080/engine-rest',
    ]);
  });

  it('sends a request nobody answers to the next node, body and all', async () => {
    const rest = createEngineRest({ url: `${DOWN},${url}`, user: 'u', password: 'p' });
    seen.length = 0;
    const { data } = await rest.GET('/version');
    expect(data).toEqual({ version: '1.0.3' });
    await rest.POST('/external-task/fetchAndLock', { body: { workerId: 'w', maxTasks: 1, topics: [] } });
    expect(seen).toEqual([
      'GET /engine-rest/version ',
      'POST /engine-rest/external-task/fetchAndLock {"workerId":"w","maxTasks":1,"topics":[]}',
    ]);
  });

  it('says the engine is unavailable when no node answers', async () => {
    const rest = createEngineRest({ url: `${DOWN},http://127.0.0.1:7/engine-rest`, user: 'u', password: 'p' });
    await expect(rest.GET('/version')).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
