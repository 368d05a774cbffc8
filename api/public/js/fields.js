import { buildBirthDate } from './birth-date.js';
import { h } from './dom.js';

/** The step-3 fields, grouped as the applicant thinks of them. Numbers are text inputs: Persian digits are welcome. */
export const GROUPS = [
  {
    legend: 'مشخصات نماینده',
    fields: [
      { name: 'firstName', label: 'نام', autocomplete: 'given-name' },
      { name: 'lastName', label: 'نام خانوادگی', autocomplete: 'family-name' },
      { name: 'fatherName', label: 'نام پدر', autocomplete: 'off' },
      { name: 'nationalCode', label: 'کد ملی', numeric: true, hint: '۱۰ رقم، بدون خط تیره' },
      { name: 'birthCertificateNumber', label: 'شماره شناسنامه', numeric: true },
      { name: 'birthDate', label: 'تاریخ تولد', date: true },
      {
        name: 'mobile',
        label: 'تلفن همراه',
        numeric: true,
        type: 'tel',
        autocomplete: 'tel',
        hint: 'به نام خود نماینده؛ مانند ۰۹۱۲۱۲۳۴۵۶۷',
      },
      { name: 'email', label: 'پست الکترونیکی', type: 'email', autocomplete: 'email', ltr: true },
      {
        name: 'representativePosition',
        label: 'سمت نماینده در دستگاه',
        autocomplete: 'organization-title',
        wide: true,
      },
    ],
  },
  {
    legend: 'مشخصات دستگاه اجرایی',
    fields: [
      { name: 'agencyName', label: 'نام دستگاه اجرایی', autocomplete: 'organization', wide: true },
      { name: 'agencyNationalId', label: 'شناسه ملی دستگاه', numeric: true, hint: '۱۱ رقم' },
    ],
  },
];

export const FIELD_NAMES = GROUPS.flatMap((g) => g.fields.map((f) => f.name));
export const NUMERIC_FIELDS = new Set(GROUPS.flatMap((g) => g.fields.filter((f) => f.numeric).map((f) => f.name)));

function buildInput(def) {
  const describedBy = [def.hint && `${def.name}-hint`, `${def.name}-error`].filter(Boolean).join(' ');
  return h(
    'div',
    { class: `field${def.wide ? ' wide' : ''}` },
    h('label', { for: def.name }, def.label),
    h('input', {
      type: def.type ?? 'text',
      id: def.name,
      name: def.name,
      'data-field': def.name,
      autocomplete: def.autocomplete ?? 'off',
      inputmode: def.numeric ? 'numeric' : undefined,
      dir: def.numeric || def.ltr ? 'ltr' : undefined,
      'aria-describedby': describedBy,
      spellcheck: 'false',
    }),
    def.hint ? h('p', { class: 'hint', id: `${def.name}-hint` }, def.hint) : null,
    h('p', { class: 'field-error', id: `${def.name}-error` }),
  );
}

export function buildApplicantFields(container) {
  container.replaceChildren(
    ...GROUPS.map((group) =>
      h(
        'fieldset',
        {},
        h('legend', {}, group.legend),
        h(
          'div',
          { class: 'grid' },
          group.fields.map((def) => (def.date ? buildBirthDate(def) : buildInput(def))),
        ),
      ),
    ),
  );
}
