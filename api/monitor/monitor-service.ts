import { createFiguresFromHistory } from '../../adapters/engine-history/figures-from-history.js';
import type { HistoryReader } from '../../adapters/engine-history/history-reader.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { createMonitorFiguresRepo } from '../../db/monitor-figures-repo.js';
import { historyTimeToLiveDays } from '../../domain/retention.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { createMonitorFigures } from './monitor-figures.js';
import { monitorCsv, monitorXlsx } from './monitor-export.js';
import type { MonitorQuery } from './monitor-query.js';
import { createMonitorWork } from './monitor-work.js';

/** The office's process monitor (role supervisor or admin, the reports' permission): ids, times and codes only. */
export function createMonitorService(deps: {
  db: Db;
  engine: ProcessEngine;
  reader: HistoryReader;
  config: Config;
  now: () => Date;
}) {
  const repo = createMonitorFiguresRepo(deps.db);
  const history = createFiguresFromHistory({ reader: deps.reader, engine: deps.engine, repo });
  const historyDays = historyTimeToLiveDays({
    unsuccessful: deps.config.RETENTION_UNSUCCESSFUL,
    codes: deps.config.RETENTION_CODES,
    certificateDocuments: deps.config.RETENTION_CERTIFICATE_DOCUMENTS,
  });
  const figures = createMonitorFigures({ history, reader: deps.reader, repo, now: deps.now, historyDays });
  const work = createMonitorWork(deps);
  const allow = (staff: StaffPrincipal) => requirePermission(staff, 'reports');

  return {
    async diagram(staff: StaffPrincipal, q: Pick<MonitorQuery, 'process' | 'version'>) {
      allow(staff);
      const d = await figures.diagram(q);
      return { ...d, xml: await deps.engine.definitionXml(d.definitionId) };
    },
    async figures(staff: StaffPrincipal, q: MonitorQuery) {
      allow(staff);
      return figures.figures(q);
    },
    async overdue(staff: StaffPrincipal) {
      allow(staff);
      return work.overdue();
    },
    async incidents(staff: StaffPrincipal) {
      allow(staff);
      return work.incidents();
    },
    /** What the page shows for the period, as CSV or an Excel workbook. */
    async export(staff: StaffPrincipal, q: MonitorQuery, format: 'csv' | 'xlsx') {
      allow(staff);
      const [f, overdue, incidents] = await Promise.all([figures.figures(q), work.overdue(), work.incidents()]);
      const data = { figures: f, overdue, incidents };
      return format === 'csv' ? monitorCsv(data) : monitorXlsx(data);
    },
  };
}

export type MonitorService = ReturnType<typeof createMonitorService>;
