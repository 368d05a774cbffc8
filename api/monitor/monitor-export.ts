import ExcelJS from 'exceljs';
import { jalaliBucket, jalaliDateTime } from '../../domain/jalali-date.js';
import type { MonitorFigures } from './monitor-figures.js';
import type { MonitorWork } from './monitor-work.js';

type Overdue = Awaited<ReturnType<MonitorWork['overdue']>>;
type Incidents = Awaited<ReturnType<MonitorWork['incidents']>>;

export interface MonitorExport {
  figures: MonitorFigures;
  overdue: Overdue;
  incidents: Incidents;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
// Times in the office's own terms, as the page shows them and as the title's period is given: Tehran's clock on the
// Jalali day. An ISO instant in UTC read three and a half hours off to anyone who took it for local time.
const tehran = (iso: string | null) => (iso === null ? null : jalaliDateTime(new Date(iso)));
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

const KIND: Record<string, string> = {
  review: 'بررسی کارشناس، پس از زمان یادآوری',
  'applicant-data': 'تکمیل فرم متقاضی، نزدیک پایان مهلت',
  otp: 'ورود کد تأیید، نزدیک پایان مهلت',
};
const SYSTEM: Record<string, string> = {
  pgsb: 'PGSB',
  civil_registry: 'ثبت احوال (PGSB)',
  shahkar: 'شاهکار (PGSB)',
  sms: 'سامانه پیامک',
  mail: 'رایانامه',
  ca: 'مرکز صدور گواهی',
  other: 'داخلی',
};

type Cell = string | number | null;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** What the page shows for the period, as tables: the one source of both files, so they hold the same numbers. */
function sheets({ figures, overdue, incidents }: MonitorExport): Sheet[] {
  const nameOf = new Map(figures.elements.map((e) => [e.id, e.name ?? e.id]));
  return [
    {
      name: 'عنصرها',
      header: [
        'شناسه',
        'نام',
        'نوع',
        'در انتظار اکنون',
        'نمونه‌های گذرکرده',
        'گذرها',
        'میانه زمان (ثانیه)',
        'صدک ۹۰ زمان (ثانیه)',
      ],
      rows: figures.elements.map((e) => [
        e.id,
        e.name,
        e.type.replace('bpmn:', ''),
        e.waitingNow,
        e.instances,
        e.passes,
        seconds(e.medianMs),
        seconds(e.p90Ms),
      ]),
    },
    {
      name: 'مسیرها',
      header: ['شناسه', 'نام', 'از', 'به', 'دفعات', 'سهم از خروجی‌های مبدأ (درصد)'],
      rows: figures.flows.map((f) => [
        f.id,
        f.name,
        nameOf.get(f.sourceId) ?? f.sourceId,
        nameOf.get(f.targetId) ?? f.targetId,
        f.taken,
        percent(f.share),
      ]),
    },
    {
      name: 'کارهای معوق',
      header: [
        'نوع',
        'کد رهگیری',
        'از زمان (وقت تهران)',
        'انتظار (ساعت)',
        'مهلت (وقت تهران)',
        'صفحه کارشناسان',
        'Cockpit',
      ],
      rows: overdue.items.map((i) => [
        KIND[i.kind] ?? i.kind,
        i.trackingCode,
        tehran(i.since),
        Math.round(i.waitingSeconds / 360) / 10,
        tehran(i.dueAt),
        i.reviewUrl,
        i.cockpitUrl,
      ]),
    },
    {
      name: 'خطاهای فنی',
      header: ['سامانه بیرونی', 'کد', 'توضیح', 'مرحله', 'کد رهگیری', 'باز از (وقت تهران)', 'باز (ساعت)', 'Cockpit'],
      rows: incidents.items.map((i) => [
        SYSTEM[i.system] ?? i.system,
        i.code,
        i.explanation.fa,
        nameOf.get(i.activityId) ?? i.activityId,
        i.trackingCode,
        tehran(i.openSince),
        Math.round(i.openSeconds / 360) / 10,
        i.cockpitUrl,
      ]),
    },
  ];
}

const title = (f: MonitorFigures) => {
  const from = jalaliBucket(new Date(f.from), 'day');
  const to = jalaliBucket(new Date(Date.parse(f.to) - 1), 'day');
  const versions = f.versions.length > 1 ? `نسخه‌های ${f.versions.join('، ')}` : `نسخه ${f.version}`;
  return `پایش فرایند ${f.process} (${versions})، از ${from} تا ${to} به وقت تهران؛ تهیه‌شده ${tehran(f.generatedAt)}`;
};

const csvCell = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV in UTF-8 with a byte-order mark (Excel reads Persian as UTF-8 only with it), CRLF line ends, one table after
 * another under its own name, as RFC 4180 quotes them.
 */
export function monitorCsv(data: MonitorExport): Buffer {
  const lines = [csvCell(title(data.figures))];
  for (const s of sheets(data))
    lines.push('', csvCell(s.name), s.header.map(csvCell).join(','), ...s.rows.map((r) => r.map(csvCell).join(',')));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The same tables as an Excel workbook (exceljs), a sheet each, laid out right to left. */
export async function monitorXlsx(data: MonitorExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Payam Iran';
  book.created = new Date(data.figures.generatedAt);
  for (const s of sheets(data)) {
    const sheet = book.addWorksheet(s.name, { views: [{ rightToLeft: true, state: 'frozen', ySplit: 2 }] });
    sheet.addRow([title(data.figures)]).font = { italic: true };
    sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r);
    sheet.columns.forEach((c, i) => {
      c.width = Math.min(
        60,
        Math.max(10, ...[s.header[i] ?? '', ...s.rows.map((r) => String(r[i] ?? ''))].map((x) => x.length + 2)),
      );
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
