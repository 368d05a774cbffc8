import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkModelFiles, projectFacts } from '../../../adapters/bpmn/project-gate.js';
import { readModelSet } from '../../../adapters/bpmn/read-model.js';
import { checkModels, type GateFacts } from '../../../domain/deploy-gate/deploy-gate.js';
import { PROCESS_ID } from '../../../adapters/engine/process-model.js';
import { modelFiles } from '../../../adapters/bpmn/model-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => ({ name, content: readFileSync(path.join(here, 'fixtures', name), 'utf8') });
const projectFiles = () => modelFiles().map((f) => ({ name: path.basename(f), content: readFileSync(f, 'utf8') }));

/** Facts of a codebase that serves one topic and completes one user task; no ids required. */
const facts: GateFacts = { workerTopics: ['known-topic'], apiUserTasks: ['Task_ApiKnows'], requiredProcesses: [] };

async function problemsOf(file: string, rule: string, f: GateFacts = facts) {
  const problems = checkModels(await readModelSet([fixture(file)]), f);
  return problems.filter((p) => p.rule === rule);
}

describe('the deploy gate', () => {
  it("lets the project's own models through", async () => {
    expect(await checkModelFiles(projectFiles())).toEqual([]);
  });

  it('refuses a service task (or a message event sent by a worker) whose topic no worker fetches, and one that is not an external task, naming each', async () => {
    const problems = await problemsOf('service-task-topics.bpmn', 'worker-topic');
    expect(problems.map((p) => p.elementId)).toEqual(['Task_Unknown', 'Task_JavaClass', 'End_Notify']);
    expect(await problemsOf('service-task-topics.bpmn', 'message-catcher')).toEqual([]);
    expect(problems[0]!.text.en).toBe(
      'No worker of this project fetches topic "archive-letter" of «7 · Send to the new archive» (Task_Unknown); instances would wait there silently.',
    );
    expect(problems[0]!.text.fa).toContain('archive-letter');
    expect(problems[0]!.text.fa).toContain('«7 · Send to the new archive» (Task_Unknown)');
    expect(problems[1]!.text.en).toContain('is not an external task');
  });

  it('takes user tasks the API completes, or Tasklist can (a form and someone to see it); refuses the others', async () => {
    const problems = await problemsOf('user-tasks.bpmn', 'user-task');
    expect(problems.map((p) => p.elementId)).toEqual(['Task_NoForm', 'Task_Nobody']);
    expect(problems[0]!.text.en).toContain('User task «Check the archive» (Task_NoForm)');
    expect(problems[0]!.text.fa).toContain('Tasklist');
  });

  it('refuses a thrown BPMN error no event catches, and a message nothing waits for; caught ones pass', async () => {
    const errors = await problemsOf('errors-and-messages.bpmn', 'error-catcher');
    expect(errors.map((p) => p.elementId)).toEqual(['End_Lost']);
    expect(errors[0]!.text.en).toBe(
      'The BPMN error "LETTER_FORGED" thrown by «Letter forged» (End_Lost) has no catching event.',
    );
    const messages = await problemsOf('errors-and-messages.bpmn', 'message-catcher');
    expect(messages.map((p) => p.elementId)).toEqual(['Throw_Lost']);
    expect(messages[0]!.text.fa).toContain('archive-done');
  });

  it('refuses an error code a worker throws, or a message the API correlates, that the model does not catch', async () => {
    const withWorkers = {
      ...facts,
      workerErrorCodes: ['PGSB_DOWN', 'AGENCY_CLOSED'],
      correlatedMessages: ['letter-signed', 'agency-closed'],
    };
    expect(
      (await problemsOf('errors-and-messages.bpmn', 'error-catcher', withWorkers)).map((p) => p.elementId),
    ).toEqual(['End_Lost', 'AGENCY_CLOSED']);
    expect(
      (await problemsOf('errors-and-messages.bpmn', 'message-catcher', withWorkers)).map((p) => p.elementId),
    ).toEqual(['Throw_Lost', 'agency-closed']);
  });

  it('refuses a timer with no duration, date or cycle', async () => {
    const problems = await problemsOf('timers.bpmn', 'timer');
    expect(problems.map((p) => p.elementId)).toEqual(['Timer_Empty', 'Timer_Blank']);
    expect(problems[0]!.text).toEqual({
      fa: 'زمان‌سنج «Some day» (Timer_Empty) مدت، تاریخ یا چرخه ندارد.',
      en: 'Timer «Some day» (Timer_Empty) has no duration, date or cycle.',
    });
  });

  it('refuses a variable that looks like personal data, or is no id, counter, outcome or duration', async () => {
    const problems = await problemsOf('variables.bpmn', 'personal-data');
    expect(problems.map((p) => [p.elementId, p.text.en.match(/"(\w+)"/)![1]])).toEqual([
      ['Flow_Mobile', 'mobileNumber'],
      ['Task_Io', 'agencyTitle'],
      // a user task's name and description are expressions whose results the engine keeps
      ['Task_Named', 'firstName'],
      ['Task_Named', 'birthDate'],
    ]);
    expect(problems[0]!.text.en).toContain('looks like personal data');
    expect(problems[1]!.text.en).toContain('is not an id, counter, outcome code or duration');
  });

  it("refuses a name an expression reads that is no variable (a Spring bean's, say) wherever it is; the engine's multi-instance counters pass", async () => {
    const problems = await problemsOf('bean-names.bpmn', 'personal-data');
    expect(problems.map((p) => [p.elementId, p.text.en.match(/"(\w+)"/)![1]])).toEqual([
      ['Task_Assignee', 'identityService'],
      ['Task_Input', 'dataSource'],
      ['Call_Bean', 'processEngine'],
    ]);
    expect(problems[0]!.text.en).toBe(
      'Variable "identityService" in «Assigned to a bean» (Task_Assignee) is not an id, counter, outcome code or duration (its name must end in Id, Count, Outcome, Decision, Action, Reason, Timeout or Reminder).',
    );
  });

  it("refuses the project's models when a card step is no longer named, or an element names a step the card lacks", async () => {
    const files = projectFiles().map((f) =>
      f.name !== `${PROCESS_ID}.bpmn`
        ? f
        : {
            ...f,
            content: f.content
              .toString()
              .replace('name="7 · استعلام ثبت احوال از بستر PGSB"', 'name="استعلام ثبت احوال از بستر PGSB"')
              .replace('name="3–5 · ', 'name="3–5 · 13 · '),
          },
    );
    const problems = (await checkModelFiles(files)).filter((p) => p.rule === 'card-step');
    expect(problems.map((p) => [p.elementId, p.text.en])).toEqual([
      [
        'Task_ApplicantData',
        '«3–5 · 13 · ورود اطلاعات، معرفی‌نامه، رمز عبور و کپچا» (Task_ApplicantData) names step 13, which the process card does not have.',
      ],
      ['step 7', 'Card step 7 is no longer named by any element (names start with the step number, as in "7 · …").'],
    ]);
  });

  it('refuses models without the process or a user task the code refers to', async () => {
    const files = projectFiles().map((f) =>
      f.name !== `${PROCESS_ID}.bpmn`
        ? f
        : { ...f, content: f.content.toString().replaceAll('Task_EnterOtp', 'Task_TypeTheCode') },
    );
    const problems = (await checkModelFiles(files)).filter((p) => p.rule === 'code-ids');
    expect(problems.map((p) => p.elementId)).toEqual(['Task_EnterOtp']);
    const alone = (await checkModelFiles(files.filter((f) => f.name === `${PROCESS_ID}.bpmn`))).filter(
      (p) => p.rule === 'code-ids',
    );
    expect(alone.map((p) => p.elementId)).toContain(projectFacts.requiredProcesses[1]);
  });
});
