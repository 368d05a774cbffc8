import { createZeebeClient } from '../adapters/camunda/camunda-client.js';
import { resumeIncident } from '../adapters/camunda/resume-incident.js';
import { createIncidentsRepo } from '../db/incidents-repo.js';
import { runDbCli } from './run-db-cli.js';

/** `npm run incidents` lists the open incidents; `npm run incidents -- resume <id>` resumes one. */
const [command = 'list', id] = process.argv.slice(2);
await runDbCli(async ({ config, db }) => {
  if (command === 'list') {
    const open = await createIncidentsRepo(db).open();
    if (!open.length) console.log('no open incidents');
    for (const i of open) console.log(`${i.id}\t${i.created_at.toISOString()}\t${i.task_type}\t${i.error_code}\tinstance ${i.process_instance_key}\t${i.element_id}`);
  } else if (command === 'resume' && id) {
    const zeebe = createZeebeClient(config);
    try {
      const i = await resumeIncident(db, zeebe, id, `operator:${process.env.USER ?? 'cli'}`);
      console.log(`resumed incident ${id}: ${i.element_id} of instance ${i.process_instance_key} runs again`);
    } finally {
      await zeebe.close();
    }
  } else {
    console.error('usage: npm run incidents [-- list | -- resume <id>]');
    return 2;
  }
});
