/*
 * The English words Operaton 1.0.3 writes as literals in its templates and code, not through a label, so
 * fa.json cannot reach them: each gets its Persian word here, through AngularJS's own decorators, so no file
 * of Operaton's is changed. Each rule is keyed to the exact English text; if an engine upgrade rewrites it,
 * the rule matches nothing and the English word shows again, which the browser test's scan of the pages'
 * visible text reports (test/browser/staff-apps-persian.test.ts).
 */

import { persianDigits } from './digits.js';

/** Directive templates: the directive's name, and each literal as its template writes it with what replaces it. */
const DIRECTIVE_TEMPLATES = {
  // The variables table (Cockpit's and Tasklist's variables tabs): its actions column's heading, Cockpit's word
  // for it (fa.json's BATCHES_PROGRESS_ACTIONS).
  camWidgetVariablesTable: [[/(<td class="actions"[^>]*>)\s*Actions\s*</, '$1اقدام‌ها<']],
  // Counts people read, which the templates print as they come: in Persian digits (the filter staff-locale.js
  // registers). Tasklist's filters' task counts, its tasks' priorities, and the search fields' result counts.
  camTasklistFilters: [[/\{\{ filterCount \}\}/g, '{{ filterCount | persianDigits }}']],
  // The task list's assignee: its tooltip is the literal text "task.assignee" (an expression never evaluated).
  camTasks: [
    [/\{\{ task\.priority \}\}/g, '{{ task.priority | persianDigits }}'],
    [/uib-tooltip="task\.assignee"/g, `uib-tooltip="{{ 'ASSIGNEE' | translate }}"`],
  ],
  // The case's columns in the task list: each heading's tooltip is the variable's name (agencyName), its label the filter's.
  camTasklistVariables: [[/uib-tooltip="\{\{ info\.name \}\}"/g, 'uib-tooltip="{{ info.label }}"']],
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
  // A definition's page: its running instances, of this version and of all, and its version's number.
  [/\{\{ (instanceStatistics\.(?:current|all)\.count|processDefinition\.version) \}\}/g, '{{ $1 | persianDigits }}'],
];

/**
 * Templates a directive compiles itself from its own copy (Cockpit's activity tree), out of reach of the
 * decorators above: rewritten as they reach $compile. Each rule: the element's attribute as the template
 * writes it, and its value in Persian. The activity tree's icon tooltips name the BPMN type by its code.
 */
const COMPILED_ATTRIBUTES = [['uib-tooltip', '{{ node.activityType }}', '{{ node.activityType | activityTypeName }}']];

/** The BPMN types Cockpit's activity tree names (the engine's activity types), as the apps' Persian calls them. */
const ACTIVITY_TYPES = {
  processDefinition: 'فرایند',
  userTask: 'کار کاربری',
  serviceTask: 'کار سرویس',
  sendTask: 'کار ارسال',
  receiveTask: 'کار دریافت',
  scriptTask: 'کار اسکریپت',
  businessRuleTask: 'کار قاعدهٔ کسب‌وکار',
  manualTask: 'کار دستی',
  task: 'کار',
  callActivity: 'فراخوانی فرایند',
  subProcess: 'زیرفرایند',
  adHocSubProcess: 'زیرفرایند موردی',
  transaction: 'تراکنش',
  multiInstanceBody: 'چندنمونه‌ای',
  startEvent: 'رویداد آغاز',
  messageStartEvent: 'رویداد آغاز پیامی',
  timerStartEvent: 'رویداد آغاز زمانی',
  noneEndEvent: 'رویداد پایان',
  endEvent: 'رویداد پایان',
  errorEndEvent: 'رویداد پایان خطا',
  terminateEndEvent: 'رویداد پایان کامل',
  messageEndEvent: 'رویداد پایان پیامی',
  intermediateTimer: 'رویداد میانی زمانی',
  intermediateMessageCatch: 'رویداد میانی دریافت پیام',
  intermediateSignalCatch: 'رویداد میانی دریافت سیگنال',
  intermediateConditional: 'رویداد میانی شرطی',
  intermediateNoneThrowEvent: 'رویداد میانی',
  intermediateMessageThrowEvent: 'رویداد میانی ارسال پیام',
  intermediateSignalThrow: 'رویداد میانی ارسال سیگنال',
  boundaryTimer: 'رویداد مرزی زمانی',
  boundaryError: 'رویداد مرزی خطا',
  boundaryMessage: 'رویداد مرزی پیامی',
  boundarySignal: 'رویداد مرزی سیگنال',
  boundaryEscalation: 'رویداد مرزی تشدید',
  boundaryConditional: 'رویداد مرزی شرطی',
  boundaryCompensation: 'رویداد مرزی جبران',
  exclusiveGateway: 'درگاه انحصاری',
  parallelGateway: 'درگاه موازی',
  inclusiveGateway: 'درگاه فراگیر',
  eventBasedGateway: 'درگاه رویدادمحور',
};
/** A type not in the table (a later engine's) is named by its kind rather than shown as a code. */
const activityTypeName = (type) =>
  ACTIVITY_TYPES[type] ??
  (/Gateway$/.test(type ?? '') ? 'درگاه' : /Event|^boundary|^intermediate/.test(type ?? '') ? 'رویداد' : 'فعالیت');

/** What $compile is given (an HTML string or jqLite nodes): each rule's attribute rewritten where its value is the template's. */
function rewriteCompiled(nodes) {
  for (const node of typeof nodes === 'string' || !nodes
    ? []
    : Array.from(nodes.length === undefined ? [nodes] : nodes)) {
    if (node?.nodeType !== Node.ELEMENT_NODE) continue;
    for (const [attribute, from, to] of COMPILED_ATTRIBUTES) {
      const elements = [...node.querySelectorAll(`[${attribute}]`)];
      if (node.hasAttribute(attribute)) elements.push(node);
      for (const el of elements) if (el.getAttribute(attribute) === from) el.setAttribute(attribute, to);
    }
  }
}

/** Plugins' view templates (Cockpit's processes page): the section's toggle, whose label fa.json has; its counts. */
const VIEW_TEMPLATES = [
  [/uib-tooltip="Toggle this section"/g, `uib-tooltip="{{ 'DASHBOARD_TOGGLE_SECTION' | translate }}"`],
  [/\{\{ (processDefinitionsCount|pd\.instances|pd\.incidents) \}\}/g, '{{ $1 | persianDigits }}'],
];

/**
 * Numbers a directive's own function formats into a sentence through $translate, which passes them on as they
 * come: each function's result in Persian digits. A definition's history time to live ("90 روز").
 */
const SCOPE_FORMATS = { timeToLive: ['format'] };

/** Table headings a controller writes as text, by the label fa.json has for the same heading. */
const TABLE_HEADINGS = { State: 'PLUGIN_CALLED_PROCESS_STATE' };

/** angular-ui-bootstrap's date and time pickers (Tasklist's follow-up and due dates): screen-reader words, placeholders and numbers. */
const CACHED_TEMPLATES = {
  'uib/template/datepicker/day.html': [
    [/<span class="sr-only">previous<\/span>/, '<span class="sr-only">قبلی</span>'],
    [/<span class="sr-only">next<\/span>/, '<span class="sr-only">بعدی</span>'],
    // The days', weeks' and years' numbers and the title's year, in Persian digits.
    [/\{\{::dt\.label\}\}/g, '{{ ::dt.label | persianDigits }}'],
    [/\{\{ weekNumbers\[\$index\] \}\}/g, '{{ weekNumbers[$index] | persianDigits }}'],
    [/<strong>\{\{title\}\}<\/strong>/g, '<strong>{{ title | persianDigits }}</strong>'],
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
      for (const [name, functions] of Object.entries(SCOPE_FORMATS)) {
        if (!$injector.has(`${name}DirectiveProvider`)) continue;
        $provide.decorator(`${name}Directive`, ['$delegate', ($delegate) => persianFormats($delegate, functions)]);
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
      $provide.decorator('$compile', [
        '$delegate',
        ($delegate) => {
          const compile = function (nodes, ...rest) {
            rewriteCompiled(nodes);
            return $delegate(nodes, ...rest);
          };
          // $compile carries functions of its own ($$addBindingInfo, …) that the apps' code calls on it.
          return Object.assign(compile, $delegate);
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
  staff.filter('activityTypeName', () => activityTypeName);
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

/** Each directive's link, followed by the wrapping of the scope's `functions` so that what they return is in Persian digits. */
function persianFormats($delegate, functions) {
  for (const directive of $delegate) {
    const original = directive.link;
    if (typeof original !== 'function') continue;
    const link = function (scope, ...rest) {
      original.call(this, scope, ...rest);
      for (const name of functions) {
        const format = scope[name];
        if (typeof format === 'function') scope[name] = (...args) => persianDigits(format(...args));
      }
    };
    directive.link = link;
    directive.compile = () => link;
  }
  return $delegate;
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
