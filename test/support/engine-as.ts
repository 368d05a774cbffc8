import type { StaffRole } from '../../domain/staff.js';
import type { Db } from '../../db/knex.js';
import { loadConfig } from '../../config/config.js';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';

/** One answer of the engine's REST API: its status and its JSON body (null when it has none). */
export interface EngineAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the shape of the call it made
  body: any;
}

/** The engine's REST API as one user, with that user's own name and password (HTTP Basic), as Cockpit and Tasklist call it. */
export function engineAs(username: string, password: string) {
  const base = loadConfig().ENGINE_URL;
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<EngineAnswer> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    username,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown = {}) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
    /** POST /deployment/create with one BPMN file, as Camunda Modeler deploys. */
    async deploy(name: string, xml: string) {
      const form = new FormData();
      form.set('deployment-name', name);
      form.set('data', new Blob([xml], { type: 'application/xml' }), `${name}.bpmn`);
      const res = await fetch(`${base}/deployment/create`, { method: 'POST', headers: { authorization }, body: form });
      return { status: res.status, body: await res.json().catch(() => null) } as EngineAnswer;
    },
  };
}

export type EngineAs = ReturnType<typeof engineAs>;

/** A new staff member of the role (as `npm run staff -- add` makes one), calling the engine as themselves. */
export async function staffInEngine(db: Db, role: StaffRole) {
  return engineAs(await addStaff(db, role), STAFF_PASSWORD);
}

/** The engine as its administrator. */
export function engineAsAdmin() {
  const c = loadConfig();
  return engineAs(c.ENGINE_ADMIN_USER, c.ENGINE_ADMIN_PASSWORD);
}
