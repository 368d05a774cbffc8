import { afterAll, beforeAll } from 'vitest';
import { buildApiOnStack, type ApiApp } from './api-app.js';
import { applicantDriver } from './applicant.js';
import { startEngineStack, type EngineStack } from './engine-stack.js';

type StackOverrides = Parameters<typeof startEngineStack>[0];
type StackOptions = Parameters<typeof startEngineStack>[1];
type ApiOverrides = Parameters<typeof buildApiOnStack>[1];

export type EngineContext = { stack: EngineStack; applicant: ReturnType<typeof applicantDriver> };
export type ApiContext = EngineContext & { app: ApiApp };

// The fields are filled in `beforeAll`, so a test file must read them inside its hooks and tests,
// never at module level. The `?.` on closing covers a `beforeAll` that failed part-way.

/** One engine stack for the calling test file, started before its tests and closed after them. */
export function useEngineStack(overrides?: StackOverrides, options?: StackOptions): EngineContext {
  const ctx = {} as EngineContext;
  beforeAll(async () => {
    ctx.stack = await startEngineStack(overrides, options);
    ctx.applicant = applicantDriver(ctx.stack);
  });
  afterAll(() => ctx.stack?.close());
  return ctx;
}

/** As `useEngineStack`, with the API built on the stack; the API is closed before the stack it uses. */
export function useApiOnStack(
  stackOverrides?: StackOverrides,
  apiOverrides?: ApiOverrides,
  options?: StackOptions,
): ApiContext {
  const ctx = {} as ApiContext;
  beforeAll(async () => {
    ctx.stack = await startEngineStack(stackOverrides, options);
    ctx.app = await buildApiOnStack(ctx.stack, apiOverrides);
    ctx.applicant = applicantDriver(ctx.stack);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.stack?.close();
  });
  return ctx;
}
