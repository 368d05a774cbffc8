import type { Usage } from './process-usage.js';
import type { StepTime } from './engine-history.js';
import type { Summary } from './stats.js';

export interface LevelMeasure {
  concurrency: number;
  perSecond: number;
  completed: number;
  /** Every registration that ended well in the level, ramp and drain included (older results: absent). */
  finished?: number;
  /** The seconds over which `completed` was counted (the level less its ramp). */
  windowSeconds: number;
  errors: string[];
  /** The engine's start → end of the registrations of this level. */
  instance: Summary;
  usage: Usage[];
  steps: StepTime[];
}

export interface FullStackLevel extends LevelMeasure {
  /** (a), (b), (c) and counters, by name. */
  applicant: [string, Summary][];
  requests: [string, Summary][];
  server: [string, Summary][];
}

export interface BenchResults {
  label: string;
  startedAt: string;
  seconds: number;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    loadBefore: number[];
    commit: string;
  };
  oneTask: { client: Summary; engine: Summary };
  ceiling: LevelMeasure[];
  fullStack: FullStackLevel[];
}
