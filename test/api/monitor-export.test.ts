import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { monitorCsv, monitorXlsx, type MonitorExport } from '../../api/monitor/monitor-export.js';

// A review past its reminder and a PGSB incident, as the monitor's work service gives them (instants in UTC).
const data = {
  figures: {
    process: 'agency-registration',
    version: 1,
    versions: [1],
    from: '2026-12-06T20:30:00.000Z',
    to: '2026-12-07T20:30:00.000Z',
    generatedAt: '2026-12-07T05:03:58.231Z',
    elements: [],
    flows: [],
  },
  overdue: {
    reviewReminder: 'PT3M',
    items: [
      {
        kind: 'review',
        trackingCode: '1000006',
        since: '2026-12-07T04:58:59.509Z',
        waitingSeconds: 300,
        dueAt: '2026-12-07T05:01:59.509Z',
        reviewUrl: 'https://payam.example/review/#r1',
        cockpitUrl: 'https://payam.example/operaton/app/cockpit/default/#/process-instance/p1/runtime',
      },
    ],
  },
  incidents: {
    bySystem: { civil_registry: 1 },
    items: [
      {
        system: 'civil_registry',
        code: 'PGSB_UNAVAILABLE',
        explanation: { fa: 'گذرگاه در دسترس نبود.', en: 'PGSB unavailable.' },
        activityId: 'Task_CivilRegistry',
        trackingCode: '1000007',
        openSince: '2026-12-07T21:59:58.310Z',
        openSeconds: 120,
        cockpitUrl:
          'https://payam.example/operaton/app/cockpit/default/#/process-instance/p2/runtime?tab=incidents-tab',
      },
    ],
  },
} as unknown as MonitorExport;

describe('the monitor export', () => {
  it("given overdue work and an incident, when exported, then every time is Tehran's clock on the Jalali day, as the page shows it", async () => {
    const csv = monitorCsv(data).toString('utf8');
    expect(csv).toContain('از 1405/09/16 تا 1405/09/16 به وقت تهران؛ تهیه‌شده 1405/09/16 08:33');
    expect(csv).toContain('\r\nبررسی کارشناس، پس از زمان یادآوری,1000006,1405/09/16 08:28,0.1,1405/09/16 08:31,');
    // 21:59 UTC is past midnight in Tehran: the next Jalali day.
    expect(csv).toMatch(/,Task_CivilRegistry,1000007,1405\/09\/17 01:29,0,https:/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await monitorXlsx(data)) as never);
    const rows = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows('کارهای معوق')[1]).toEqual([
      'نوع',
      'کد رهگیری',
      'از زمان (وقت تهران)',
      'انتظار (ساعت)',
      'مهلت (وقت تهران)',
      'صفحه کارشناسان',
      'Cockpit',
    ]);
    expect(rows('کارهای معوق')[2]!.slice(1, 5)).toEqual(['1000006', '1405/09/16 08:28', 0.1, '1405/09/16 08:31']);
    expect(rows('خطاهای فنی')[2]![5]).toBe('1405/09/17 01:29');
  });
});
