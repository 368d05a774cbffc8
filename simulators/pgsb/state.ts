import { createFaultSwitch } from '../shared/fault-switch.js';
import type { Citizen, PgsbService } from './schemas.js';

/** What a test can assert on: how often a service was called and with which X-Road headers; no personal data. */
type CallRecord = {
  service: PgsbService;
  xRoadId?: string;
  xRoadClient?: string;
  xRoadUserId?: string;
  at: string;
};

export function createPgsbState() {
  const citizens = new Map<string, Citizen>();
  // A national code may own several lines, so Shahkar matches against a set.
  const mobiles = new Map<string, Set<string>>();
  const faults = createFaultSwitch<PgsbService>();
  const calls: CallRecord[] = [];
  return {
    citizens,
    mobiles,
    faults,
    calls,
    reset(): void {
      citizens.clear();
      mobiles.clear();
      faults.clear();
      calls.length = 0;
    },
  };
}

export type PgsbState = ReturnType<typeof createPgsbState>;
