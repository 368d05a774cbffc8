import type { Knex } from 'knex';
import * as m001 from './001_registration.js';
import * as m002 from './002_staff_and_auth.js';
import * as m003 from './003_one_open_request_per_agency.js';

/** Numbered, in order. Listed rather than read from the folder so they load the same under tsx, vitest and compiled JS. */
export const migrations: Record<string, Knex.Migration> = {
  '001_registration': m001,
  '002_staff_and_auth': m002,
  '003_one_open_request_per_agency': m003,
};
