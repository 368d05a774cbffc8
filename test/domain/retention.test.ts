import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { historyTimeToLiveDays, purgeCutoffs } from '../../domain/retention.js';
import { modelFiles } from '../../adapters/bpmn/model-files.js';
import { readModel } from '../../ops/bpmn-models.js';
import { retentionPolicy } from '../../workers/retention/purge-expired-data.js';

// The defaults, as a developer's machine runs them.
const DEV = { PAYAM_DEV_DEFAULTS: '1' };
const now = new Date('2026-05-01T00:00:00Z');
const policy = { unsuccessful: 'P90D', codes: 'P1D', certificateDocuments: 'P3650D' };
const cutoffs = purgeCutoffs(policy, now);

describe('the retention policy', () => {
  it('given the defaults, when the cutoffs are taken, then unsuccessful requests keep their data 90 days after closing and codes one day', () => {
    expect(retentionPolicy(loadConfig(DEV))).toEqual(policy);
    expect(cutoffs.closedBefore.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(cutoffs.codesBefore.toISOString()).toBe('2026-04-30T00:00:00.000Z');
    expect(cutoffs.sessionsEndedBefore).toEqual(now);
    // The registration office's archive: ten years after the request closed, as CPSs commonly ask.
    expect(cutoffs.certificateClosedBefore.toISOString()).toBe('2016-05-03T00:00:00.000Z');
  });

  it('given a retention that is not whole days, when the configuration is read, then it is refused by name', () => {
    expect(() => loadConfig({ ...DEV, RETENTION_UNSUCCESSFUL: 'PT12H' })).toThrow(/RETENTION_UNSUCCESSFUL/);
    expect(() => loadConfig({ ...DEV, RETENTION_CODES: 'one day' })).toThrow(/RETENTION_CODES/);
    expect(() => loadConfig({ ...DEV, RETENTION_CERTIFICATE_DOCUMENTS: 'P10Y' })).toThrow(
      /RETENTION_CERTIFICATE_DOCUMENTS/,
    );
  });

  it("given the models in bpmn/, when their history time to live is read, then every process keeps history as long as the policy's longest period", async () => {
    const days = historyTimeToLiveDays(retentionPolicy(loadConfig(DEV)));
    expect(days).toBe(90);
    const ttls: [string, unknown][] = [];
    for (const file of modelFiles().filter((f) => f.endsWith('.bpmn'))) {
      const { rootElement } = await readModel(file);
      for (const p of rootElement.rootElements.filter((e: { $type: string }) => e.$type === 'bpmn:Process')) {
        ttls.push([p.id ?? file, p.get('camunda:historyTimeToLive')]);
      }
    }
    expect(ttls.length).toBeGreaterThan(0);
    for (const [id, ttl] of ttls) expect(ttl, id).toBe(`P${days}D`);
  });
});
