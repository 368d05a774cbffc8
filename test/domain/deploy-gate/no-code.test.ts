import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readModelSet } from '../../../adapters/bpmn/read-model.js';
import { checkModels, type GateFacts } from '../../../domain/deploy-gate/deploy-gate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const facts: GateFacts = { workerTopics: ['known-topic'], apiUserTasks: [], requiredProcesses: [] };

/** The gate's code problems for a fixture: [element id, English text]. */
async function codeProblems(fixture: string) {
  const content = readFileSync(path.join(here, 'fixtures', fixture), 'utf8');
  const problems = checkModels(await readModelSet([{ name: fixture, content }]), facts);
  return problems.filter((p) => p.rule === 'code');
}
const ids = async (fixture: string) => (await codeProblems(fixture)).map((p) => p.elementId);

describe('the deploy gate refuses code in a model', () => {
  it('given a script task, when checked, then it is refused by id and name, in Persian and English', async () => {
    const [p, ...more] = await codeProblems('script-task.bpmn');
    expect(more).toEqual([]);
    expect(p!.text.en).toBe(
      '«Compute the fee» (Task_Script) is a script task; models carry no code: the work belongs to workers on external tasks.',
    );
    expect(p!.text.fa).toContain('«Compute the fee» (Task_Script)');
    expect(p!.text.fa).toContain('worker');
  });

  it('given execution and task listeners on the process, a task, an end event and a flow, then each is named', async () => {
    const problems = await codeProblems('listeners.bpmn');
    expect(problems.map((p) => [p.elementId, p.text.en.split(';')[0]])).toEqual([
      ['gate-fixture', '«Gate fixture» (gate-fixture) has an execution listener (camunda:executionListener)'],
      ['Task_Listened', '«Check the archive» (Task_Listened) has a task listener (camunda:taskListener)'],
      ['End_Listened', '«Done» (End_Listened) has an execution listener (camunda:executionListener)'],
      ['Flow_Listened', '«on» (Flow_Listened) has an execution listener (camunda:executionListener)'],
    ]);
  });

  it('given a delegate, a service expression with its result variable, a connector, a class with fields and a message by class, then each is refused', async () => {
    const problems = await codeProblems('delegates-and-connectors.bpmn');
    expect(problems.map((p) => [p.elementId, p.text.en.match(/\(camunda:\w+\)/)![0]])).toEqual([
      ['Task_Delegate', '(camunda:delegateExpression)'],
      ['Task_Expression', '(camunda:expression)'],
      ['Task_Expression', '(camunda:resultVariable)'],
      ['Task_Connector', '(camunda:connector)'],
      ['Task_Fields', '(camunda:class)'],
      ['Task_Fields', '(camunda:field)'],
      ['End_MessageClass', '(camunda:class)'],
    ]);
  });

  it('given scripts inside an input and an output parameter (inline and as a resource), then both are refused', async () => {
    expect(await ids('input-output-scripts.bpmn')).toEqual(['Task_InputScript', 'Task_OutputScript']);
  });

  it('given input/output values, then the plain ones pass and the ones reaching the engine or into a map are refused', async () => {
    const problems = await codeProblems('input-output-expressions.bpmn');
    expect(problems.map((p) => p.text.en.split(';')[0])).toEqual([
      'In «Reaching mapping» (Task_IoReach) the expression "${execution.processEngineServices}" uses the engine\'s own object "execution", not a variable',
      'In «Reaching mapping» (Task_IoReach) the expression "${registry[\'key\']}" reaches into an object ("[")',
    ]);
  });

  it("given the issue's timer that makes its owner an administrator, and one calling dateTime(), then both are refused; a plain and a literal timer pass", async () => {
    const problems = await codeProblems('timer-reaching-the-engine.bpmn');
    expect(problems.map((p) => p.elementId)).toEqual(['Timer_Admin', 'Timer_Function']);
    expect(problems[0]!.text.en).toContain('uses the engine\'s own object "execution"');
    expect(problems[0]!.text.fa).toContain('«Wait a second» (Timer_Admin)');
    expect(problems[1]!.text.en).toContain('calls a function or method ("dateTime(")');
  });

  it('given conditions by script and by method, and a conditional event on the task object, then they are refused; plain logic passes', async () => {
    expect(await ids('conditions.bpmn')).toEqual(['Flow_Script', 'Flow_Method', 'Catch_Conditional']);
  });

  it('given user tasks whose assignee, candidates, potential owner, due and follow-up dates and form key are expressions, then only the plain ones pass', async () => {
    const problems = await codeProblems('user-task-expressions.bpmn');
    expect(problems.map((p) => [p.elementId, p.text.en.match(/the expression "([^"]*)"/)![1]])).toEqual([
      ['Task_Assignee', '${authenticatedUserId}'],
      ['Task_Candidates', "${execution.getVariable('reviewerId')}"],
      ['Task_Groups', '${groupService.all}'],
      ['Task_Due', '${now()}'],
      ['Task_Due', '${dateTime().plusDays(2)}'],
      ['Task_FormKey', '${forms[reviewerId]}'],
      ['Task_Owner', '${execution.processDefinitionId}'],
    ]);
  });

  it("given multi-instance over a method's count and a bean's list, then both are refused; a plain collection, cardinality and completion pass", async () => {
    expect(await ids('multi-instance.bpmn')).toEqual(['Task_Cardinality', 'Task_Collection']);
  });

  it("given a start event storing its initiator, then it is refused (a staff member's id would enter the engine)", async () => {
    expect((await codeProblems('initiator.bpmn')).map((p) => p.text.en.split(';')[0])).toEqual([
      "«Started by someone» (Start_Initiator) stores the starter's user id in a variable (camunda:initiator)",
    ]);
  });

  it('given call activities mapping by a class or keyed by the execution, then both are refused; a plain key and called element pass', async () => {
    expect(await ids('call-activity-mappings.bpmn')).toEqual(['Call_Class', 'Call_Execution']);
  });

  it("given task names and descriptions with plain variables and escaped text, and prose elsewhere, then they pass; a name calling a method, or a user task's description reaching the engine, is refused", async () => {
    const problems = await codeProblems('task-names-with-variables.bpmn');
    expect(problems.map((p) => p.elementId)).toEqual(['Task_Shouting', 'Task_Described']);
    expect(problems[0]!.text.en).toContain('«10–11 · ${agencyName.toUpperCase()}» (Task_Shouting)');
    // The engine joins a user task's documentation into its description expression and evaluates it when the task is made.
    expect(problems[1]!.text.en.split(';')[0]).toBe(
      'In «Described» (Task_Described) the expression "${execution.processEngineServices.identityService}" uses the engine\'s own object "execution", not a variable',
    );
  });

  it("given parts in the engine's own operaton: namespace (under any prefix) or unknown to the schema, then each is refused: the engine reads operaton: before camunda:, the gate cannot", async () => {
    const problems = await codeProblems('unknown-parts.bpmn');
    expect(
      problems.map((p) => [p.elementId, p.text.en.match(/(?:know|read) \((.*)\); the engine may read it/)![1]]),
    ).toEqual([
      ['Start_Initiator', 'operaton:initiator="starterId"'],
      ['Call_Mapped', 'operaton:variableMappingClass="org.example.Mapping"'],
      ['Task_Listened', '<operaton:taskListener>'],
      ['Task_Aliased', 'operaton:class="org.example.Delegate"'],
      ['unknown-parts.bpmn', 'unparsable content <camunda:notInTheSchema> detected, line 13'],
    ]);
    expect(problems[0]!.text.en).toBe(
      '«Started» (Start_Initiator) has a part the gate does not know (operaton:initiator="starterId"); the engine may read it (it reads the operaton: namespace before camunda:), so models hold BPMN and camunda: only.',
    );
    expect(problems[0]!.text.fa).toContain('«Started» (Start_Initiator)');
  });
});
