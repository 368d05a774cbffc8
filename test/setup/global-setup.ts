/** vitest's global setup: the tests' stack (ops/test-stack.ts), unless `npm test` prepared it already. */
export { prepareTestStack as default } from '../../ops/test-stack.js';
