import { MONITORED_PROCESSES } from '../../adapters/engine-history/figures-from-history.js';
import { parseReportQuery } from '../reports/report-query.js';

type MonitoredProcess = (typeof MONITORED_PROCESSES)[number];

export interface MonitorQuery {
  process: MonitoredProcess;
  /** 'latest', 'all' (every version, merged by element id), or a version number. */
  version: 'latest' | 'all' | number;
  from: Date;
  to: Date;
}

/** The period as the reports page takes it (whole Tehran days, Jalali or Gregorian, both included), with the process and version. */
export function parseMonitorQuery(raw: {
  process?: string;
  version?: string;
  from?: string;
  to?: string;
}): MonitorQuery {
  const { from, to } = parseReportQuery({ from: raw.from, to: raw.to });
  const v = raw.version ?? 'latest';
  return {
    process: (raw.process ?? MONITORED_PROCESSES[0]) as MonitoredProcess,
    version: v === 'latest' || v === 'all' ? v : Number(v),
    from,
    to,
  };
}
