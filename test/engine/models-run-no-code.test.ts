import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { engineAs, engineAsAdmin } from '../support/engine-as.js';

// The engine's own half of "models carry no code" (engine/…/ModelsRunNoCode.java), asked of its REST API: the
// deploy gate is the other half, and these tests reach past it on purpose, as the service account, to see what
// the engine does with a model the gate would have refused.

const config = loadConfig();
const service = engineAs(config.ENGINE_USER, config.ENGINE_PASSWORD);
const admin = engineAsAdmin();
const probes: string[] = [];

afterAll(async () => {
  for (const name of probes)
    for (const d of (await service.get(`/deployment?name=${name}`)).body)
      await service.delete(`/deployment/${d.id}?cascade=true`);
});

describe('nobody but the service account deploys, not even the administrator', () => {
  it("the administrator's POST /deployment/create with their own password is refused (403), and nothing is deployed", async () => {
    const name = `no-code-admin-${randomUUID().slice(0, 8)}`;
    probes.push(name);
    const answer = await admin.deploy(name, await readFile('bpmn/agency-registration.bpmn', 'utf8'));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ type: 'AuthorizationException' });
    expect(answer.body.message).toContain('only through the deploy gate');
    expect((await service.get(`/deployment?name=${name}`)).body).toEqual([]);
  });

  it("the administrator's redeploy of the project's deployment is refused (403) too", async () => {
    const [latest] = (await service.get('/deployment?name=payam-registration&sortBy=deploymentTime&sortOrder=desc'))
      .body;
    const before = (await service.get('/deployment?name=payam-registration')).body.length;
    const answer = await admin.post(`/deployment/${latest.id}/redeploy`, {});
    expect(answer.status).toBe(403);
    expect((await service.get('/deployment?name=payam-registration')).body.length).toBe(before);
  });
});

describe('an expression sees the variables and no Spring bean', () => {
  it('given a model (past the gate) whose input parameter reads ${identityService}, when started, then the engine cannot resolve the name and starts nothing', async () => {
    const key = `no-code-bean-${randomUUID().slice(0, 8)}`;
    probes.push(key);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://payam.iran.ir/test">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:userTask id="wait" name="Wait" camunda:candidateGroups="nobody">
      <bpmn:extensionElements>
        <camunda:inputOutput><camunda:inputParameter name="beanSeen">\${identityService != null}</camunda:inputParameter></camunda:inputOutput>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
    expect((await service.deploy(key, xml)).status).toBe(200);

    const started = await service.post(`/process-definition/key/${key}/start`, { businessKey: key });

    expect(started.status).toBe(500);
    expect(started.body.message).toContain("Cannot resolve identifier 'identityService'");
    expect((await service.get(`/process-instance?processDefinitionKey=${key}`)).body).toEqual([]);
  });
});
