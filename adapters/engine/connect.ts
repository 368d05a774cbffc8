import type { Config } from '../../config/config.js';
import { createEngineIdentity } from './engine-identity.js';
import { createProcessEngine } from './process-engine.js';

type EngineConfig = Pick<
  Config,
  'ENGINE_URL' | 'ENGINE_USER' | 'ENGINE_PASSWORD' | 'ENGINE_ADMIN_USER' | 'ENGINE_ADMIN_PASSWORD'
>;

/** The engine as the API and workers see it: the service account. */
export const serviceEngine = (c: EngineConfig) =>
  createProcessEngine({ url: c.ENGINE_URL, user: c.ENGINE_USER, password: c.ENGINE_PASSWORD });

/** The engine as its administrator sees it: for the staff command's users and groups, nothing else. */
export const adminEngine = (c: EngineConfig) =>
  createProcessEngine({ url: c.ENGINE_URL, user: c.ENGINE_ADMIN_USER, password: c.ENGINE_ADMIN_PASSWORD });

/** The engine's users and groups, as the staff command changes them; the engine's own accounts are not staff. */
export const staffIdentity = (c: EngineConfig) =>
  createEngineIdentity(adminEngine(c).rest, c.ENGINE_ADMIN_PASSWORD, [c.ENGINE_ADMIN_USER, c.ENGINE_USER]);
