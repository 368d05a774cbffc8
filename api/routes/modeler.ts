import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInStaff } from '../plugins/staff-auth.js';
import { staffBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';
import {
  CheckSchema,
  DeploySchema,
  DiffQuery,
  DiffSchema,
  MigrateBody,
  MigratedSchema,
  ModelBody,
  PlanBody,
  PlanSchema,
  VersionParams,
  VersionsSchema,
  XmlSchema,
} from '../schemas/modeler.js';

const tags = ['modeler'];
const security = staffBearer;
// A model is some 50 kB of XML today; room for it to grow, well under what a mistaken upload would be.
const bodyLimit = 2 * 1024 * 1024;

/** The process owners' workbench (role process-owner or admin); each deployment and migration is audited by the service. */
export default async function modelerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const owner = app.staffOnly('model');

  app.get(
    '/api/modeler/versions',
    {
      schema: {
        tags,
        security,
        summary: 'Every deployed version of the processes, newest first, with its deployment and running instances',
        response: { 200: VersionsSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => ({ items: await app.modeler.list(signedInStaff(request)) }),
  );

  app.get(
    '/api/modeler/versions/:id/xml',
    {
      schema: {
        tags,
        security,
        summary: "One version's BPMN XML, as deployed",
        params: VersionParams,
        response: { 200: XmlSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => ({ xml: await app.modeler.xml(signedInStaff(request), request.params.id) }),
  );

  app.post(
    '/api/modeler/check',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'The deploy gate over a model, with the latest of the other processes: every problem with its element',
        body: ModelBody,
        response: { 200: CheckSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => ({ problems: await app.modeler.check(signedInStaff(request), request.body.xml) }),
  );

  app.post(
    '/api/modeler/deploy',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary:
          "Deploys a model through the gate (422 deploy_refused with the problems); the deployment's source names the owner",
        body: ModelBody,
        response: { 200: DeploySchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => app.modeler.deploy(signedInStaff(request), request.body.xml),
  );

  app.get(
    '/api/modeler/diff',
    {
      schema: {
        tags,
        security,
        summary: 'Elements added, removed, changed and moved between two versions',
        querystring: DiffQuery,
        response: { 200: DiffSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => app.modeler.diff(signedInStaff(request), request.query.from, request.query.to),
  );

  app.post(
    '/api/modeler/migration/plan',
    {
      schema: {
        tags,
        security,
        summary: "The engine's migration plan between two versions, validated, with the instances it would move",
        body: PlanBody,
        response: { 200: PlanSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => app.modeler.migrationPlan(signedInStaff(request), request.body.sourceId, request.body.targetId),
  );

  app.post(
    '/api/modeler/migration',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'Validates the plan again and migrates the running instances of its source version',
        body: MigrateBody,
        response: { 200: MigratedSchema, ...errorResponses },
      },
      preParsing: owner,
    },
    async (request) => app.modeler.migrate(signedInStaff(request), request.body.plan, request.body.processInstanceIds),
  );
}
