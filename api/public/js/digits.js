const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

/** Numbers shown to the applicant are written in Persian digits; what is sent is left as typed (the server normalises). */
export const fa = (value) => String(value).replace(/\d/g, (d) => PERSIAN[Number(d)]);

const dateTime = new Intl.DateTimeFormat('fa-IR', { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in the Persian calendar and Tehran's clock as people there read it: ۳ آذر ۱۴۰۴، ساعت ۱۰:۳۰. */
export const faDateTime = (iso) => dateTime.format(new Date(iso));

export const fileSize = (bytes) =>
  bytes >= 1024 * 1024
    ? `${fa((bytes / 1024 / 1024).toFixed(1))} مگابایت`
    : `${fa(Math.max(1, Math.round(bytes / 1024)))} کیلوبایت`;
