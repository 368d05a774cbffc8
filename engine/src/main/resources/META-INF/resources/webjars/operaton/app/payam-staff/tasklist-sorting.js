/*
 * Tasklist's list, sorted as its filter says when the person has not chosen a sorting, and its sort menu
 * naming a variable by the filter's label for it.
 *
 * The filters the engine provisions carry their sorting in their properties (`sorting`, in the REST API's
 * form), not in their stored query: the engine puts a stored query's sorting ahead of the one Tasklist sends,
 * so it would overrule every choice made in the sort menu. Taken into the page's address instead, it is the
 * menu's own sorting, shown there and changed there like any other. Tasklist's own default (newest first)
 * counts as no choice. The menu names a sorting by a process variable by the variable's name (agencyName):
 * it is given the label the filter shows for that variable's column.
 */

/** Tasklist's default when the address names no sorting (camSortingChoices writes it into the address). */
const APP_DEFAULT = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);

function sortingOfFilter(original, $location, search) {
  return function (scope, ...rest) {
    original.call(this, scope, ...rest);
    const data = scope.tasklistData.newChild(scope);
    let filter;
    data.observe('currentFilter', (current) => {
      const changed = current?.id !== filter?.id;
      filter = current;
      const wanted = current?.properties?.sorting;
      if (!changed || !Array.isArray(wanted) || !wanted.length) return;
      const inAddress = ($location.search() ?? {}).sorting;
      if (inAddress && inAddress !== APP_DEFAULT) return;
      search.updateSilently({ sorting: JSON.stringify(wanted) });
      data.changed('taskListQuery');
    });
    const byLabel = scope.byLabel;
    scope.byLabel = (index) => {
      const variable = scope.sortings?.[index]?.parameters?.variable;
      const column = variable && filter?.properties?.variables?.find((v) => v.name === variable);
      return column?.label || byLabel(index);
    };
  };
}

/** Registers the decorator on the apps' AngularJS module `staff` (every language; Tasklist only has the menu). */
export function filterSorting(staff) {
  staff.config([
    '$provide',
    '$injector',
    ($provide, $injector) => {
      if (!$injector.has('camSortingChoicesDirectiveProvider')) return;
      $provide.decorator('camSortingChoicesDirective', [
        '$delegate',
        '$location',
        'search',
        ($delegate, $location, search) => {
          for (const directive of $delegate) {
            const link = sortingOfFilter(directive.link, $location, search);
            directive.link = link;
            directive.compile = () => link;
          }
          return $delegate;
        },
      ]);
    },
  ]);
}
