import { describe, expect, it } from 'vitest';
import { parseReportQuery } from '../../api/reports/report-query.js';

describe('report query', () => {
  it('given days in either calendar, then from the first instant of `from` to the end of `to`, Tehran time', () => {
    expect(parseReportQuery({ from: '1402/01/01', to: '2023-03-21', bucket: 'week', calendar: 'gregorian' })).toEqual({
      from: new Date('2023-03-20T20:30:00Z'),
      to: new Date('2023-03-21T20:30:00Z'),
      bucket: 'week',
      calendar: 'gregorian',
    });
  });

  it('given no bucket or calendar, then days in the Jalali calendar', () => {
    expect(parseReportQuery({ from: '1402/01/01', to: '1402/01/01' })).toMatchObject({
      bucket: 'day',
      calendar: 'jalali',
    });
  });

  it('given bad values, then 422 naming each field', () => {
    try {
      parseReportQuery({ from: 'last week', to: '1402/01/01', bucket: 'hour', calendar: 'lunar' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'validation_failed', statusCode: 422 });
      expect((e as { fields: unknown[] }).fields).toEqual([
        { field: 'from', code: 'report_date_format' },
        { field: 'bucket', code: 'validation_failed' },
        { field: 'calendar', code: 'validation_failed' },
      ]);
    }
  });

  it('given an end before the start or more than ten years, then report_range', () => {
    expect(() => parseReportQuery({ from: '1402/01/02', to: '1402/01/01' })).toThrow(
      expect.objectContaining({ fields: [{ field: 'to', code: 'report_range' }] }),
    );
    expect(() => parseReportQuery({ from: '1390/01/01', to: '1402/01/01' })).toThrow(
      expect.objectContaining({ fields: [{ field: 'to', code: 'report_range' }] }),
    );
  });
});
