/** How a simulated outside system misbehaves: answer with an error, or never answer in time. */
export type FaultMode = 'error' | 'timeout';

type Fault = { mode: FaultMode; remaining: number | undefined };

/**
 * Faults keyed by service. `count` undefined means "until cleared", so tests can model both
 * a short outage that retries ride out and a long one that must end in an incident.
 */
export function createFaultSwitch<S extends string>() {
  const faults = new Map<S, Fault>();
  return {
    set(service: S, mode: FaultMode, count?: number): void {
      faults.set(service, { mode, remaining: count });
    },
    clear(): void {
      faults.clear();
    },
    /** Consumes one faulty call if one is pending; returns the mode to act out. */
    take(service: S): FaultMode | undefined {
      const fault = faults.get(service);
      if (!fault) return undefined;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults.delete(service);
      }
      return fault.mode;
    },
  };
}
