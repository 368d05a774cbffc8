import type { BucketUnit } from '../../domain/jalali-date.js';
import { BUCKET_UNITS, parseReportDay, type ReportCalendar } from '../../domain/report-buckets.js';
import { AppError, type FieldProblem } from '../errors/app-error.js';

export interface ReportQuery {
  from: Date;
  to: Date;
  bucket: BucketUnit;
  calendar: ReportCalendar;
}

const MAX_RANGE_MS = 10 * 366 * 86_400_000;

/**
 * `from` and `to` are whole days in Tehran, both included: 1403/01/01 to 1403/12/29 is the year
 * 1403. Either calendar may be written, whatever calendar labels the periods.
 */
export function parseReportQuery(raw: {
  from?: unknown;
  to?: unknown;
  bucket?: unknown;
  calendar?: unknown;
}): ReportQuery {
  const problems: FieldProblem[] = [];
  const day = (field: 'from' | 'to') => {
    const parsed = parseReportDay(typeof raw[field] === 'string' ? raw[field] : '');
    if (!parsed.ok) problems.push({ field, code: 'report_date_format' });
    return parsed.ok ? parsed.value : undefined;
  };
  const from = day('from');
  const to = day('to');
  const bucket = (raw.bucket ?? 'day') as BucketUnit;
  if (!BUCKET_UNITS.includes(bucket)) problems.push({ field: 'bucket', code: 'validation_failed' });
  const calendar = (raw.calendar ?? 'jalali') as ReportCalendar;
  if (calendar !== 'jalali' && calendar !== 'gregorian')
    problems.push({ field: 'calendar', code: 'validation_failed' });
  if (from && to && (to.next <= from.start || to.next.getTime() - from.start.getTime() > MAX_RANGE_MS))
    problems.push({ field: 'to', code: 'report_range' });
  if (problems.length || !from || !to) throw new AppError('validation_failed', 422, problems);
  return { from: from.start, to: to.next, bucket, calendar };
}
