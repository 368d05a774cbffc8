import { checkModelFiles } from '../../adapters/bpmn/project-gate.js';
import { parseBpmn, UnreadableModelError } from '../../adapters/bpmn/read-model.js';
import { versionDiff } from '../../adapters/bpmn/version-diff.js';
import { DEPLOYMENT_NAME } from '../../adapters/engine/deploy-models.js';
import { EngineError } from '../../adapters/engine/engine-errors.js';
import type { MigrationPlan, ProcessEngine } from '../../adapters/engine/process-engine.js';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import type { GateProblem } from '../../domain/deploy-gate/deploy-gate.js';
import { AppError, notFound } from '../errors/app-error.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';

/** The processes the page edits: this system's, nothing else the engine may hold. */
const MODELED_PROCESSES = [PROCESS_ID, REVIEW_PROCESS_ID];

/** The source a deployment from the page carries, so Cockpit and the version list say who deployed it. */
const modelerSource = (staff: StaffPrincipal) => `modeler: ${staff.username}`;

// Every 422 names the part of the request it refuses: the model for a deploy, the plan for a migration.
const refused = (code: 'deploy_refused' | 'migration_invalid', problems: GateProblem[]) =>
  new AppError(code, 422, [{ field: code === 'deploy_refused' ? 'xml' : 'plan', code }], { problems });

/**
 * The process owners' workbench (role process-owner or admin): versions with their running instances,
 * a version's XML, the deploy gate, deployment, the difference between two versions, and migration of
 * running instances by a plan the engine generates and validates.
 */
export function createModelerService({ db, engine }: { db: Db; engine: ProcessEngine }) {
  const audit = createAuditRepo(db);
  const allow = (staff: StaffPrincipal) => requirePermission(staff, 'model');

  async function versions() {
    return engine.versions(MODELED_PROCESSES);
  }

  async function version(id: string) {
    const v = (await versions()).find((d) => d.id === id);
    if (!v) throw notFound();
    return v;
  }

  /** The process ids a model defines; refused unless it is one of ours. */
  async function processesIn(xml: string) {
    try {
      const { rootElement } = await parseBpmn(xml);
      const ids = rootElement.rootElements.filter((e) => e.$type === 'bpmn:Process').map((e) => e.id!);
      if (!ids.length || !ids.every((id) => MODELED_PROCESSES.includes(id)))
        throw new AppError('model_unknown_process', 422, [{ field: 'xml', code: 'model_unknown_process' }]);
      return ids;
    } catch (e) {
      if (e instanceof UnreadableModelError)
        throw new AppError('model_unreadable', 422, [{ field: 'xml', code: 'model_unreadable' }]);
      throw e;
    }
  }

  /** The gate over the edited model with the latest version of the other processes, as they would run together. */
  async function check(xml: string) {
    const ids = await processesIn(xml);
    const latest = (await versions())
      .filter((v) => !ids.includes(v.key))
      .filter((v, i, all) => all.findIndex((w) => w.key === v.key) === i);
    const others = await Promise.all(
      latest.map(async (v) => ({ name: v.resource, content: await engine.definitionXml(v.id) })),
    );
    const problems = await checkModelFiles([{ name: 'edited.bpmn', content: xml }, ...others]);
    return { ids, problems };
  }

  return {
    async list(staff: StaffPrincipal) {
      allow(staff);
      return versions();
    },

    async xml(staff: StaffPrincipal, id: string) {
      allow(staff);
      await version(id);
      return engine.definitionXml(id);
    },

    async check(staff: StaffPrincipal, xml: string) {
      allow(staff);
      return (await check(xml)).problems;
    },

    /** Deploys the model as a new version of its process if the gate lets it through and it differs from the latest. */
    async deploy(staff: StaffPrincipal, xml: string) {
      allow(staff);
      const { ids, problems } = await check(xml);
      if (problems.length) {
        await audit.record({
          actor: `staff:${staff.username}`,
          action: 'model_deploy_refused',
          detail: {
            staffId: staff.staffId,
            process: ids.join(','),
            verdict: 'refused',
            problems: problems.length,
            rules: [...new Set(problems.map((p) => p.rule))].join(','),
          },
        });
        throw refused('deploy_refused', problems);
      }
      // The resource name the process runs under, so the next `npm run deploy` compares bpmn/ with this version.
      const resource = (await versions()).find((v) => v.key === ids[0])?.resource || `${ids[0]}.bpmn`;
      const result = await engine.deployUngated(
        DEPLOYMENT_NAME,
        [{ name: resource, content: Buffer.from(xml) }],
        modelerSource(staff),
      );
      const deployed = result.processes.filter((p) => ids.includes(p.key));
      for (const p of deployed) {
        await audit.record({
          actor: `staff:${staff.username}`,
          action: 'model_deployed',
          detail: {
            staffId: staff.staffId,
            process: p.key,
            version: p.version,
            new: p.new,
            definitionId: p.id,
            verdict: 'accepted',
          },
        });
      }
      return { deploymentId: result.id, processes: deployed };
    },

    async diff(staff: StaffPrincipal, fromId: string, toId: string) {
      allow(staff);
      const [from, to] = await Promise.all([version(fromId), version(toId)]);
      const [a, b] = await Promise.all([engine.definitionXml(from.id), engine.definitionXml(to.id)]);
      return { from, to, ...(await versionDiff(a, b)) };
    },

    /** The engine's plan from one version to another, validated, with the instances it would move. */
    async migrationPlan(staff: StaffPrincipal, sourceId: string, targetId: string) {
      allow(staff);
      const [source, target] = await Promise.all([version(sourceId), version(targetId)]);
      if (source.key !== target.key)
        throw new AppError('migration_invalid', 422, [{ field: 'targetId', code: 'migration_invalid' }]);
      const plan = await engine.generateMigrationPlan(source.id, target.id);
      const reports = await engine.validateMigrationPlan(plan);
      return {
        plan,
        failures: reports.filter((r) => r.failures.length),
        instances: (await engine.instancesOf(source.id)).length,
      };
    },

    /** Validates the plan again, then moves every instance running on its source version (or the given ones). */
    async migrate(staff: StaffPrincipal, plan: MigrationPlan, processInstanceIds?: string[]) {
      allow(staff);
      const [source, target] = await Promise.all([
        version(plan.sourceProcessDefinitionId),
        version(plan.targetProcessDefinitionId),
      ]);
      if (source.key !== target.key)
        throw new AppError('migration_invalid', 422, [{ field: 'plan', code: 'migration_invalid' }]);
      const reports = (await engine.validateMigrationPlan(plan)).filter((r) => r.failures.length);
      const asProblems = (rs: typeof reports): GateProblem[] =>
        rs.map((r) => ({
          rule: 'migration',
          elementId: r.instruction.sourceActivityIds.join(','),
          text: {
            fa: `دستور ${r.instruction.sourceActivityIds.join('، ')} ← ${r.instruction.targetActivityIds.join('، ')}: ${r.failures.join(' ')}`,
            en: `Instruction ${r.instruction.sourceActivityIds.join(', ')} → ${r.instruction.targetActivityIds.join(', ')}: ${r.failures.join(' ')}`,
          },
        }));
      if (reports.length) throw refused('migration_invalid', asProblems(reports));
      const running = new Set(await engine.instancesOf(source.id));
      const ids = processInstanceIds ? processInstanceIds.filter((id) => running.has(id)) : [...running];
      if (ids.length) {
        try {
          await engine.executeMigration(plan, ids);
        } catch (e) {
          // An instance the plan does not fit (e.g. waiting in an activity it does not map): the engine moves none.
          if (e instanceof EngineError && e.status === 400) {
            throw refused('migration_invalid', [
              {
                rule: 'migration',
                elementId: source.id,
                text: {
                  fa: `موتور فرایند انتقال را نپذیرفت: ${e.message}`,
                  en: `The engine refused the migration: ${e.message}`,
                },
              },
            ]);
          }
          throw e;
        }
      }
      await audit.record({
        actor: `staff:${staff.username}`,
        action: 'instances_migrated',
        detail: { staffId: staff.staffId, from: source.id, to: target.id, instances: ids.length },
      });
      return { migrated: ids.length, from: source, to: target };
    },
  };
}

export type ModelerService = ReturnType<typeof createModelerService>;
