import { describe, expect, it } from 'vitest';
import { checkExpressions } from '../../../domain/deploy-gate/expression.js';

const faultOf = (text: string) => checkExpressions(text).faults.map((f) => [f.kind, f.token]);

describe('the expressions a model may hold', () => {
  it.each([
    ['a plain variable', '${otpTimeout}', ['otpTimeout']],
    ['a comparison with a string', "${otpOutcome == 'accepted'}", ['otpOutcome']],
    ['logic in symbols and words', "${a == 'x' || b != 'y' && not empty c}", ['a', 'b', 'c']],
    [
      'word operators',
      '${attemptCount lt 3 and attemptCount ge 0 or x eq null}',
      ['attemptCount', 'attemptCount', 'x'],
    ],
    [
      'arithmetic with parentheses',
      '${(nrOfCompletedInstances + 1) / nrOfInstances >= 0.6 - -1e2}',
      ['nrOfCompletedInstances', 'nrOfInstances'],
    ],
    ['a name with two variables', '10–11 · ${agencyName} (${trackingCode})', ['agencyName', 'trackingCode']],
    ['a deferred expression', '#{registrationId}', ['registrationId']],
    ['a string holding what would be refused outside it', '${x == \'execution.getVariable("y")}\'}', ['x']],
    ['escaped text, which is no expression', 'Costs \\${price}', []],
    ['text without an expression', 'PT10M', []],
  ])('given %s, when checked, then it passes and reads its variables', (_case, text, variables) => {
    expect(checkExpressions(text)).toEqual({ faults: [], variables });
  });

  it.each([
    [
      'the engine object from the issue, in a timer',
      "${execution.processEngineServices.identityService.createMembership('o', 'camunda-admin')}",
      'engine-object',
      'execution',
    ],
    ['the task object', '${task.assignee}', 'engine-object', 'task'],
    ['the external task object', '${externalTask.workerId}', 'engine-object', 'externalTask'],
    [
      'the authenticated user, who is nobody in a job',
      '${authenticatedUserId}',
      'engine-object',
      'authenticatedUserId',
    ],
    ['member access on a variable', '${reviewerIds.size}', 'member-access', '.'],
    ['member access on a bean', '${identityService.createUserQuery()}', 'member-access', '.'],
    ['member access in brackets', "${registry['key']}", 'member-access', '['],
    ['a function of the engine', '${now()}', 'call', 'now('],
    ['a function whose result is reached into', '${dateTime().plusDays(1)}', 'call', 'dateTime('],
    ['a namespaced function', '${fn:contains(a, b)}', 'unknown-token', ':'],
    ['a call on a parenthesised value', '${(x)(y)}', 'call', ')('],
    ['a ternary', "${a ? 'x' : 'y'}", 'unknown-token', '?'],
    ['an assignment (EL 3)', '${a = 1}', 'unknown-token', '='],
    ['a lambda (EL 3)', '${(x -> x)(1)}', 'unknown-token', '->'],
    ['a set literal (EL 3)', '${{1, 2}}', 'unknown-token', '{'],
    ['instanceof', '${a instanceof b}', 'unknown-token', 'instanceof'],
    ['a non-ASCII name', '${نام}', 'unknown-token', 'ن'],
    ['an empty expression', '${}', 'syntax', 'the expression is empty'],
    ['an unclosed expression', '${a == 1', 'syntax', 'the closing "}" is missing'],
    ['two operands side by side', '${a b}', 'syntax', 'b'],
    ['an operator without its operand', '${a ==}', 'syntax', 'an operand is missing'],
  ])('given %s, when checked, then it is refused with the reason', (_case, text, kind, token) => {
    expect(faultOf(text)).toEqual([[kind, token]]);
  });

  it('given a text with a plain and a reaching expression, when checked, then only the reaching one is named', () => {
    const { faults } = checkExpressions('${agencyName} · ${agencyName.toUpperCase()}');
    expect(faults).toEqual([{ kind: 'member-access', token: '.', expression: '${agencyName.toUpperCase()}' }]);
  });
});
