import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { parseReportQuery } from '../reports/report-query.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { staffBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';
import { InstancesQuerySchema, InstancesSchema, ReportQuerySchema, ReportSchema } from '../schemas/reports.js';

const tags = ['reports'];
const security = staffBearer;

/** The supervisor's figures (role supervisor or admin): ids, statuses and times, no personal data. */
export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const supervisor = app.staffOnly('reports');

  app.get(
    '/api/reports/registrations',
    {
      schema: {
        tags,
        security,
        querystring: ReportQuerySchema,
        response: { 200: ReportSchema, ...errorResponses },
        summary:
          'Started, successful, unsuccessful by reason, open, and median time per phase, per day, week, month or year',
      },
      preParsing: supervisor,
    },
    async (request) => app.registrationReport(signedInStaff(request), parseReportQuery(request.query)),
  );

  app.get(
    '/api/reports/registrations/instances',
    {
      schema: {
        tags,
        security,
        querystring: InstancesQuerySchema,
        response: { 200: InstancesSchema, ...errorResponses },
        summary:
          'The registrations behind one figure, a page at a time, each with its process instance and its page in Cockpit',
      },
      preParsing: supervisor,
    },
    async (request) => {
      const { period, figure = 'started', page, pageSize, ...query } = request.query;
      return app.reportInstances(signedInStaff(request), parseReportQuery(query), period, figure, { page, pageSize });
    },
  );
}
