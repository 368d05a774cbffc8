import type { Static, TObject, TProperties, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { LockedTask } from '../../adapters/engine/external-tasks.js';
import type { Variables } from '../../adapters/engine/variables.js';
import type { WorkerDeps } from './worker-deps.js';
import { WorkerError } from './worker-error.js';

/** An external task as a handler sees it: its variables checked against the topic's schema. */
type Task<In> = Omit<LockedTask, 'variables'> & { variables: In };

export interface WorkerSpec<I extends TProperties, O extends TProperties> {
  topic: string;
  /** The variables the task reads: fetched by name, checked at this one boundary. */
  input: TObject<I>;
  /** What it writes back: ids, counters and outcome codes the model's gateways read. */
  output: TObject<O>;
  /**
   * How long a task waits for another worker when this one dies holding it (the poller renews it while the
   * handler runs). 20 s by default: longer than any one outside call (PGSB, SMS, CA: 5 s timeouts by default)
   * with its database work, and short enough that failover stays under 30 s.
   */
  lockDurationMs?: number;
  maxTasks?: number;
  /** Returns the output variables; throws for technical faults only (business outcomes are outputs). */
  handle(task: Task<Static<TObject<I>>>, deps: WorkerDeps): Promise<Static<TObject<O>>>;
}

export interface Worker {
  topic: string;
  variables: string[];
  lockDurationMs: number;
  maxTasks: number;
  /** Checks the input, runs the handler, checks the output; what the poller completes the task with. */
  run(task: LockedTask, deps: WorkerDeps): Promise<Variables>;
}

const problems = (schema: TSchema, value: unknown) =>
  [...Value.Errors(schema, value)].map((e) => `${e.path.slice(1) || '(root)'} ${e.message}`).join('; ');

export function defineWorker<I extends TProperties, O extends TProperties>(spec: WorkerSpec<I, O>): Worker {
  return {
    topic: spec.topic,
    variables: Object.keys(spec.input.properties),
    lockDurationMs: spec.lockDurationMs ?? 20_000,
    maxTasks: spec.maxTasks ?? 8,
    async run(task, deps) {
      // Unset variables come back as absent, not null, so optional inputs stay optional.
      const given = Object.fromEntries(Object.entries(task.variables).filter(([, v]) => v !== null));
      if (!Value.Check(spec.input, given)) {
        throw new WorkerError(
          WorkerError.INVALID_VARIABLES,
          `${spec.topic}: variables refused: ${problems(spec.input, given)}`,
          false,
        );
      }
      const out = await spec.handle({ ...task, variables: given }, deps);
      if (!Value.Check(spec.output, out))
        throw new WorkerError(
          WorkerError.INVALID_VARIABLES,
          `${spec.topic}: output refused: ${problems(spec.output, out)}`,
          false,
        );
      return out;
    },
  };
}
