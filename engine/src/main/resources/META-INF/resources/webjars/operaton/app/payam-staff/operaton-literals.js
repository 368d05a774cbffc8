/*
 * The English words Operaton 1.0.3 writes as literals in its templates and code, not through a label, so
 * fa.json cannot reach them: each gets its Persian word here, through AngularJS's own decorators, so no file
 * of Operaton's is changed. Each rule is keyed to the exact English text; if an engine upgrade rewrites it,
 * the rule matches nothing and the English word shows again, which the browser test's scan of the pages'
 * visible text reports (test/browser/staff-apps-persian.test.ts).
 */

/** Directive templates: the directive's name, and each literal as its template writes it with what replaces it. */
const DIRECTIVE_TEMPLATES = {
  // The variables table (Cockpit's and Tasklist's variables tabs): its actions column's heading, Cockpit's word
  // for it (fa.json's BATCHES_PROGRESS_ACTIONS).
  camWidgetVariablesTable: [[/(<td class="actions"[^>]*>)\s*Actions\s*</, '$1اقدام‌ها<']],
  // Counts people read, which the templates print as they come: in Persian digits (the filter staff-locale.js
  // registers). Tasklist's filters' task counts, its tasks' priorities, and the search fields' result counts.
  camTasklistFilters: [[/\{\{ filterCount \}\}/g, '{{ filterCount | persianDigits }}']],
  camTasks: [[/\{\{ task\.priority \}\}/g, '{{ task.priority | persianDigits }}']],
  camWidgetSearch: [[/\{\{total\}\}/g, '{{ total | persianDigits }}']],
  // Every diagram's zoom buttons: their titles are the buttons' tooltips and accessible names.
  camWidgetBpmnViewer: [
    [/title="zoom in"/, 'title="بزرگ‌نمایی"'],
    [/title="zoom out"/, 'title="کوچک‌نمایی"'],
    [/title="reset zoom"/, 'title="بازگشت به اندازهٔ نخست"'],
  ],
};

/**
 * Pages' templates ($routeProvider): Cockpit's instance page writes "null" where there is no super-process
 * instance; its dashboard writes a count of none as a literal 0 (the other counts through abbreviateNumber).
 */
const ROUTE_TEMPLATES = [
  [
    /<span class="null-value">null<\/span>/g,
    `<span class="null-value">{{ 'PROCESS_INSTANCE_NULL' | translate }}</span>`,
  ],
  [/\(!([\w.]+) \? 0 : ''\)/g, "(!$1 ? '۰' : '')"],
];

/** Plugins' view templates (Cockpit's processes page): the section's toggle, whose label fa.json has; its counts. */
const VIEW_TEMPLATES = [
  [/uib-tooltip="Toggle this section"/g, `uib-tooltip="{{ 'DASHBOARD_TOGGLE_SECTION' | translate }}"`],
  [/\{\{ (processDefinitionsCount|pd\.instances|pd\.incidents) \}\}/g, '{{ $1 | persianDigits }}'],
];

/** Table headings a controller writes as text, by the label fa.json has for the same heading. */
const TABLE_HEADINGS = { State: 'PLUGIN_CALLED_PROCESS_STATE' };

/** angular-ui-bootstrap's date and time pickers (Tasklist's follow-up and due dates): screen-reader words and placeholders. */
const CACHED_TEMPLATES = {
  'uib/template/datepicker/day.html': [
    [/<span class="sr-only">previous<\/span>/, '<span class="sr-only">قبلی</span>'],
    [/<span class="sr-only">next<\/span>/, '<span class="sr-only">بعدی</span>'],
  ],
  'uib/template/timepicker/timepicker.html': [
    [/placeholder="HH"/, 'placeholder="ساعت"'],
    [/placeholder="MM"/, 'placeholder="دقیقه"'],
    [/placeholder="SS"/, 'placeholder="ثانیه"'],
  ],
};
CACHED_TEMPLATES['uib/template/datepicker/month.html'] = CACHED_TEMPLATES['uib/template/datepicker/day.html'];
CACHED_TEMPLATES['uib/template/datepicker/year.html'] = CACHED_TEMPLATES['uib/template/datepicker/day.html'];

/** The date pickers' month and day names (AngularJS's $locale): Gregorian, in the words of fa.json's dateLocales. */
const MONTHS = [
  'ژانویه',
  'فوریه',
  'مارس',
  'آوریل',
  'مه',
  'ژوئن',
  'ژوئیه',
  'اوت',
  'سپتامبر',
  'اکتبر',
  'نوامبر',
  'دسامبر',
];
const DAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];
const DAYS_SHORT = ['ی', 'د', 'س', 'چ', 'پ', 'ج', 'ش'];

const replaceAll = (text, rules) => rules.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);

/** Registers the decorators on the apps' AngularJS module `staff` (Persian pages only). */
export function persianLiterals(staff) {
  staff.config([
    '$provide',
    '$injector',
    ($provide, $injector) => {
      // Guarded: not every app has every directive.
      for (const [name, rules] of Object.entries(DIRECTIVE_TEMPLATES)) {
        if (!$injector.has(`${name}DirectiveProvider`)) continue;
        $provide.decorator(`${name}Directive`, [
          '$delegate',
          ($delegate) => {
            for (const directive of $delegate)
              if (typeof directive.template === 'string') directive.template = replaceAll(directive.template, rules);
            return $delegate;
          },
        ]);
      }
      if ($injector.has('sortableTableHeadDirectiveProvider')) {
        $provide.decorator('sortableTableHeadDirective', ['$delegate', translatedHeadings]);
      }
      $provide.decorator('$templateCache', [
        '$delegate',
        ($delegate) => {
          const get = $delegate.get.bind($delegate);
          // Read through, not rewritten at start: the pickers' templates are put in the cache by their own modules' run blocks.
          $delegate.get = (key) => {
            const value = get(key);
            return typeof value === 'string' && CACHED_TEMPLATES[key]
              ? replaceAll(value, CACHED_TEMPLATES[key])
              : value;
          };
          return $delegate;
        },
      ]);
      $provide.decorator('$locale', [
        '$delegate',
        ($delegate) => {
          Object.assign($delegate.DATETIME_FORMATS, {
            MONTH: MONTHS,
            SHORTMONTH: MONTHS,
            STANDALONEMONTH: MONTHS,
            DAY: DAYS,
            SHORTDAY: DAYS_SHORT,
          });
          return $delegate;
        },
      ]);
    },
  ]);
  staff.run([
    '$injector',
    ($injector) => {
      if ($injector.has('$route')) {
        for (const route of Object.values($injector.get('$route').routes))
          if (typeof route.template === 'string') route.template = replaceAll(route.template, ROUTE_TEMPLATES);
      }
      if ($injector.has('Views')) {
        const views = $injector.get('Views');
        for (const view of views.getProviders({ component: 'cockpit.processes.dashboard' }))
          if (typeof view.template === 'string') view.template = replaceAll(view.template, VIEW_TEMPLATES);
      }
    },
  ]);
}

/**
 * The sortable tables' heading row takes its columns from the page's controller, which writes some headings as
 * English text (the called instances' "State"): the directive's controller gives those their label from fa.json.
 */
function translatedHeadings($delegate) {
  for (const directive of $delegate) {
    const original = directive.controller;
    directive.controller = [
      '$scope',
      '$injector',
      '$translate',
      function ($scope, $injector, $translate) {
        $injector.invoke(original, this, { $scope });
        $scope.$watch('headColumns', (columns) => {
          for (const column of columns ?? [])
            if (TABLE_HEADINGS[column.content]) column.content = $translate.instant(TABLE_HEADINGS[column.content]);
        });
      },
    ];
  }
  return $delegate;
}
