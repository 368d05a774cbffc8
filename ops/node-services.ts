/**
 * The project's Node services as `npm start` runs them, each a script; docker-compose.yml runs the same
 * scripts as services of the same names (test/ops/docker-compose.test.ts holds the two together).
 */
export const NODE_SERVICES = [
  { name: 'pgsb-sim', script: 'simulators/pgsb/main.ts' },
  { name: 'sms-sim', script: 'simulators/sms/main.ts' },
  { name: 'ca-sim', script: 'simulators/ca/main.ts' },
  { name: 'mail-catcher', script: 'simulators/mail-catcher/main.ts' },
  { name: 'workers', script: 'workers/main.ts' },
  { name: 'api', script: 'api/server.ts' },
];
