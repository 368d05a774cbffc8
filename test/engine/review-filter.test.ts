import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { engineAsAdmin, staffInEngine, type EngineAs } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

// Tasklist lists a reviewer's tasks through the filter «درخواست‌های در انتظار بررسی» (POST /filter/{id}/list, the
// sorting the reviewer picks in its sort menu). A sorting stored in the filter's query would win over every choice:
// the filter's default sorting is a property, which Tasklist's page takes as the menu's first choice.

const ctx = useEngineStack();
const agencies = ['دستگاه آزمایشی 2', 'دستگاه آزمایشی 1', 'دستگاه آزمایشی 3'];
const started: string[] = [];
let reviewer: EngineAs;
let filterId: string;

beforeAll(async () => {
  const { engine, db } = ctx.stack;
  for (const [i, agencyName] of agencies.entries()) {
    const id = randomUUID();
    const instance = await engine.start(REVIEW_PROCESS_ID, id, {
      registrationId: id,
      reviewReminder: 'P2D',
      agencyName,
      trackingCode: `900000${i}`,
      reviewUrl: `http://localhost:3000/review/#${id}`,
    });
    started.push(instance.id);
  }
  reviewer = await staffInEngine(db, 'reviewer');
  const filters = (await reviewer.get('/filter?resourceType=Task')).body as { id: string; name: string }[];
  filterId = filters.find((f) => f.name === 'درخواست‌های در انتظار بررسی')!.id;
});

afterAll(async () => {
  const admin = engineAsAdmin();
  for (const id of started) await admin.delete(`/process-instance/${id}`);
});

/** The test's tasks in the order the filter lists them, by their agency's name. */
async function listed(sorting: unknown[]) {
  const tasks = (await reviewer.post(`/filter/${filterId}/list?firstResult=0&maxResults=200`, { sorting })).body as {
    processInstanceId: string;
  }[];
  const mine = tasks.filter((t) => started.includes(t.processInstanceId));
  return mine.map((t) => agencies[started.indexOf(t.processInstanceId)]);
}

describe("the reviewers' Tasklist filter", () => {
  it("sorts by the agency's name, either way, as the reviewer picks in Tasklist's sort menu", async () => {
    const byAgency = (sortOrder: string) => [
      { sortBy: 'processVariable', sortOrder, parameters: { variable: 'agencyName', type: 'String' } },
    ];
    const ascending = [...agencies].sort();
    expect(await listed(byAgency('asc'))).toEqual(ascending);
    expect(await listed(byAgency('desc'))).toEqual([...ascending].reverse());
  });

  it('names its default sorting, by agency then newest first, in its properties and none in its query', async () => {
    const filter = (await reviewer.get(`/filter/${filterId}`)).body as {
      query: { sorting?: unknown[] };
      properties: { sorting?: unknown[] };
    };
    expect(filter.properties.sorting).toEqual([
      { sortBy: 'processVariable', sortOrder: 'asc', parameters: { variable: 'agencyName', type: 'String' } },
      { sortBy: 'created', sortOrder: 'desc' },
    ]);
    expect(filter.query.sorting ?? []).toEqual([]);
    // and that sorting, sent as Tasklist sends the menu's, lists the tasks by agency
    expect(await listed(filter.properties.sorting!)).toEqual([...agencies].sort());
  });

  it('sorts by the time a task was created, newest first when asked', async () => {
    expect(await listed([{ sortBy: 'created', sortOrder: 'desc' }])).toEqual([...agencies].reverse());
    expect(await listed([{ sortBy: 'created', sortOrder: 'asc' }])).toEqual(agencies);
  });

  it("finds a task by the agency's name (Tasklist's search by process variable)", async () => {
    const tasks = (
      await reviewer.post(`/filter/${filterId}/list?firstResult=0&maxResults=200`, {
        processVariables: [{ name: 'agencyName', operator: 'eq', value: agencies[1] }],
      })
    ).body as { processInstanceId: string }[];
    expect(tasks.map((t) => t.processInstanceId)).toEqual([started[1]]);
  });
});
