// Today's date in Tehran, in the Persian calendar, with Latin digits so it can be read back as numbers.
const jalali = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function jalaliDay(date) {
  const p = Object.fromEntries(jalali.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}/${p.month}/${p.day}`;
}

/** The form's first range: the last 30 days up to today, Jalali, by day. */
export function defaultRange(now = new Date()) {
  return {
    from: jalaliDay(new Date(now.getTime() - 29 * 86_400_000)),
    to: jalaliDay(now),
    bucket: 'day',
    calendar: 'jalali',
  };
}
