import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createMonitorFiguresRepo } from '../../db/monitor-figures-repo.js';
import { digestOf } from '../../domain/monitor/duration-digest.js';
import { staffToken, withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

let shell: StandaloneApp;
let supervisor: string;
let definitionId: string;
const DAYS = ['2022-09-24', '2022-09-25'];
const MIN = 60_000;

// 1401/07/02 and 1401/07/03 (24 and 25 September 2022) belong to this file: long gone from any engine history,
// kept only as the nightly roll-up stored them. 1401/07/01 was never rolled up.
beforeAll(async () => {
  shell = await standaloneApp();
  supervisor = await staffToken(shell.app, shell.app.db, 'supervisor');
  const latest = (await shell.app.engine.definitions([PROCESS_ID])).sort((a, b) => b.version - a.version)[0]!;
  definitionId = latest.id;
  const day = (d: string, minutes: number[], captchaWrong: number) => ({
    elements: [
      {
        day: d,
        processKey: PROCESS_ID,
        definitionId,
        version: latest.version,
        elementId: 'Task_ApplicantData',
        passes: minutes.length,
        instances: minutes.length,
        digest: digestOf(minutes.map((m) => m * MIN)),
      },
    ],
    flows: [
      { flowId: 'Flow_CaptchaWrong', taken: captchaWrong },
      { flowId: 'Flow_CaptchaRight', taken: minutes.length - captchaWrong },
    ].map((f) => ({ ...f, day: d, processKey: PROCESS_ID, definitionId, version: latest.version })),
  });
  const repo = createMonitorFiguresRepo(shell.app.db);
  const first = day(DAYS[0]!, [1, 2, 3], 1);
  const second = day(DAYS[1]!, [10, 20, 30, 40, 50], 1);
  await repo.storeDay(DAYS[0]!, first.elements, first.flows);
  await repo.storeDay(DAYS[1]!, second.elements, second.flows);
});
afterAll(() => shell?.app.close());

const get = (url: string, token = supervisor) => shell.app.inject({ url, ...withToken(token) });

describe('GET /api/monitor/figures: a period long past, from the daily roll-up', () => {
  it('sums the stored days, merges their duration digests for the median and 90th percentile, and counts the day without data', async () => {
    const res = await get(`/api/monitor/figures?process=${PROCESS_ID}&from=۱۴۰۱/۰۷/۰۱&to=2022-09-25`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toEqual({ total: 3, fromRollup: 2, fromHistory: 0, withoutData: 1 });
    const step3 = body.elements.find((e: { id: string }) => e.id === 'Task_ApplicantData');
    expect(step3).toMatchObject({ passes: 8, instances: 8 });
    // Of 1, 2, 3, 10, 20, 30, 40, 50 minutes: the lower median is 10, the 90th percentile (rank 6) 40; within 1 %.
    expect(step3.medianMs / MIN).toBeCloseTo(10, 0);
    expect(Math.abs(step3.medianMs - 10 * MIN)).toBeLessThan(0.01 * 10 * MIN);
    expect(Math.abs(step3.p90Ms - 40 * MIN)).toBeLessThan(0.01 * 40 * MIN);
    const flow = (id: string) => body.flows.find((f: { id: string }) => f.id === id);
    expect(flow('Flow_CaptchaWrong')).toMatchObject({ taken: 2, share: 0.25, sourceId: 'Gateway_CaptchaCorrect' });
    expect(flow('Flow_CaptchaRight')).toMatchObject({ taken: 6, share: 0.75 });
    expect(flow('Flow_OtpWrong')).toMatchObject({ taken: 0, share: null });
  });

  it('given "all versions", the same days; given a version never deployed, 422 monitor_version_unknown on the field', async () => {
    const all = (await get(`/api/monitor/figures?from=1401/07/02&to=1401/07/03&version=all`)).json();
    expect(all.elements.find((e: { id: string }) => e.id === 'Task_ApplicantData').passes).toBe(8);
    const res = await get(`/api/monitor/figures?from=1401/07/02&to=1401/07/03&version=9999`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      id: 'monitor_version_unknown',
      fields: [{ field: 'version', id: 'monitor_version_unknown' }],
    });
    expect(res.json().error.text.fa).toContain('نسخه');
  });

  it('given a date that is not one, an end before the start, an unknown process or version form, then 422 naming the field', async () => {
    const fields = async (q: string) =>
      (await get(`/api/monitor/figures?${q}`))
        .json()
        .error.fields.map((f: { field: string; id: string }) => `${f.field}:${f.id}`);
    expect(await fields('from=1401/13/01&to=1401/07/30')).toEqual(['from:report_date_format']);
    expect(await fields('from=1401/07/30&to=1401/07/01')).toEqual(['to:report_range']);
    expect(await fields('from=1401/07/01&to=1401/07/02&process=certificate-request')).toEqual([
      'process:field_invalid',
    ]);
    expect(await fields('from=1401/07/01&to=1401/07/02&version=newest')).toEqual(['version:field_invalid']);
  });
});

describe('GET /api/monitor/figures: whole months from their monthly merge', () => {
  const step3 = async (from: string, to: string) =>
    (await get(`/api/monitor/figures?process=${PROCESS_ID}&from=${from}&to=${to}`))
      .json()
      .elements.find((e: { id: string }) => e.id === 'Task_ApplicantData');

  it('given a period spanning September 2022 whole, then its month merged once, with the figures of its days', async () => {
    const figures = await step3('2022-08-25', '2022-10-05');
    expect(figures).toMatchObject({ passes: 8, instances: 8 });
    expect(Math.abs(figures.medianMs - 10 * MIN)).toBeLessThan(0.01 * 10 * MIN);
    expect(Math.abs(figures.p90Ms - 40 * MIN)).toBeLessThan(0.01 * 40 * MIN);
    const merged = await shell.app.db.raw(
      `select to_char(month, 'YYYY-MM') as month, passes from monitor_monthly_elements where element_id = 'Task_ApplicantData'`,
    );
    expect(merged.rows).toEqual([{ month: '2022-09', passes: 8 }]);
  });

  it('given a day of the month stored again, then the month is merged again from its days', async () => {
    const repo = createMonitorFiguresRepo(shell.app.db);
    const latest = (await shell.app.engine.definitions([PROCESS_ID])).sort((a, b) => b.version - a.version)[0]!;
    const again = {
      day: DAYS[0]!,
      processKey: PROCESS_ID,
      definitionId,
      version: latest.version,
      elementId: 'Task_ApplicantData',
      passes: 5,
      instances: 5,
      digest: digestOf([1, 2, 3, 4, 5].map((m) => m * MIN)),
    };
    try {
      await repo.storeDay(DAYS[0]!, [again], []);
      expect(await repo.unmerged(['2022-09'])).toEqual(['2022-09']);
      // Of 1–5 and 10–50 minutes, ten visits: the lower median is the fifth, 5 minutes.
      const figures = await step3('2022-08-25', '2022-10-05');
      expect(figures).toMatchObject({ passes: 10, instances: 10 });
      expect(Math.abs(figures.medianMs - 5 * MIN)).toBeLessThan(0.01 * 5 * MIN);
      expect(await repo.unmerged(['2022-09'])).toEqual([]);
    } finally {
      const first = { ...again, passes: 3, instances: 3, digest: digestOf([1, 2, 3].map((m) => m * MIN)) };
      await repo.storeDay(
        DAYS[0]!,
        [first],
        [
          { flowId: 'Flow_CaptchaWrong', taken: 1 },
          { flowId: 'Flow_CaptchaRight', taken: 2 },
        ].map((f) => ({ ...f, day: DAYS[0]!, processKey: PROCESS_ID, definitionId, version: latest.version })),
      );
    }
  });
});

describe('GET /api/monitor/diagram and /api/monitor/export', () => {
  it('gives the latest version’s XML with every version listed', async () => {
    const d = (await get(`/api/monitor/diagram?process=${PROCESS_ID}`)).json();
    expect(d).toMatchObject({ process: PROCESS_ID, definitionId });
    expect(d.xml).toContain('id="Task_ApplicantData"');
    expect(d.versions[0].id).toBe(definitionId);
  });

  it('exports the period as CSV (UTF-8 with a byte-order mark) and as an Excel workbook, Persian intact, same numbers', async () => {
    const q = `process=${PROCESS_ID}&from=1401/07/02&to=1401/07/03`;
    const csv = await get(`/api/monitor/export?${q}&format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="payam-monitor-${PROCESS_ID}-2022-09-24-2022-09-25.csv"`,
    );
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('از 1401/07/02 تا 1401/07/03 به وقت تهران');
    // The card's Persian names as the model has them (its commas are Persian ones, so nothing needs quoting).
    expect(text).toMatch(/^Task_ApplicantData,3–5 · ورود اطلاعات، معرفی‌نامه[^,]*,UserTask,\d+,8,8,/m);
    expect(text).toMatch(/^Flow_CaptchaWrong,6-1 · نادرست: کپچای تازه,.*,2,25\r$/m);
    const xlsx = await get(`/api/monitor/export?${q}&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const rows = book.getWorksheet('مسیرها')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[1]!.slice(1)).toEqual(['شناسه', 'نام', 'از', 'به', 'دفعات', 'سهم از خروجی‌های مبدأ (درصد)']);
    expect(rows.find((r) => r[1] === 'Flow_CaptchaWrong')!.slice(5)).toEqual([2, 25]);
    expect((await get(`/api/monitor/export?${q}&format=pdf`)).statusCode).toBe(422);
  });
});
