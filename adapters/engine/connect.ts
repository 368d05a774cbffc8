import type { Config } from '../../config/config.js';
import { createEngineIdentity } from './engine-identity.js';
import { createEngineRest, engineNodes } from './engine-rest.js';
import { createProcessEngine } from './process-engine.js';

type EngineConfig = Pick<
  Config,
  'ENGINE_URL' | 'ENGINE_USER' | 'ENGINE_PASSWORD' | 'ENGINE_ADMIN_USER' | 'ENGINE_ADMIN_PASSWORD'
>;

/** The engine as the API and workers see it: the service account. */
export const serviceEngine = (c: EngineConfig) =>
  createProcessEngine({ url: c.ENGINE_URL, user: c.ENGINE_USER, password: c.ENGINE_PASSWORD });

/**
 * The service account's engine once for each node of a cluster (one for a single node), each asking its own
 * node first and the others after it as failover.
 */
export const serviceEnginePerNode = (c: EngineConfig) => {
  const nodes = engineNodes(c.ENGINE_URL);
  return nodes.map((_, i) => serviceEngine({ ...c, ENGINE_URL: [...nodes.slice(i), ...nodes.slice(0, i)].join(',') }));
};

/**
 * The engine's users and groups as its administrator changes them (the staff command's users, nothing
 * else); the engine's own accounts are not staff.
 */
export const staffIdentity = (c: EngineConfig) =>
  createEngineIdentity(
    createEngineRest({ url: c.ENGINE_URL, user: c.ENGINE_ADMIN_USER, password: c.ENGINE_ADMIN_PASSWORD }),
    c.ENGINE_ADMIN_PASSWORD,
    [c.ENGINE_ADMIN_USER, c.ENGINE_USER],
  );
