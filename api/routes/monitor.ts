import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { gregorianBucket } from '../../domain/jalali-date.js';
import { parseMonitorQuery } from '../monitor/monitor-query.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { staffBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';
import {
  DiagramQuerySchema,
  DiagramSchema,
  ExportQuerySchema,
  FiguresQuerySchema,
  FiguresSchema,
  IncidentsSchema,
  OverdueSchema,
} from '../schemas/monitor.js';

const tags = ['monitor'];
const security = staffBearer;
const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The office's process monitor (role supervisor or admin): the diagram with its figures, overdue work, incidents, export. */
export default async function monitorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const supervisor = app.staffOnly('reports');

  app.get(
    '/api/monitor/diagram',
    {
      schema: {
        tags,
        security,
        querystring: DiagramQuerySchema,
        response: { 200: DiagramSchema, ...errorResponses },
        summary: "A version's diagram (BPMN XML) and every deployed version of the process",
      },
      preParsing: supervisor,
    },
    async (request) => {
      const { version = 'latest', process = 'agency-registration' } = request.query;
      const v = version === 'latest' || version === 'all' ? version : Number(version);
      return app.monitor.diagram(signedInStaff(request), { process, version: v });
    },
  );

  app.get(
    '/api/monitor/figures',
    {
      schema: {
        tags,
        security,
        querystring: FiguresQuerySchema,
        response: { 200: FiguresSchema, ...errorResponses },
        summary:
          'Per element: waiting now, passed in the period, median and 90th percentile time; per flow: times taken and share',
      },
      preParsing: supervisor,
    },
    async (request) => app.monitor.figures(signedInStaff(request), parseMonitorQuery(request.query)),
  );

  app.get(
    '/api/monitor/overdue',
    {
      schema: {
        tags,
        security,
        response: { 200: OverdueSchema, ...errorResponses },
        summary: 'Reviews older than REVIEW_REMINDER and applicants near their time limit, oldest first',
      },
      preParsing: supervisor,
    },
    async (request) => app.monitor.overdue(signedInStaff(request)),
  );

  app.get(
    '/api/monitor/incidents',
    {
      schema: {
        tags,
        security,
        response: { 200: IncidentsSchema, ...errorResponses },
        summary: "The engine's open incidents by outside system, with the code explained and the Cockpit link",
      },
      preParsing: supervisor,
    },
    async (request) => app.monitor.incidents(signedInStaff(request)),
  );

  app.get(
    '/api/monitor/export',
    {
      schema: {
        tags,
        security,
        querystring: ExportQuerySchema,
        produces: [TYPES.csv, TYPES.xlsx],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
        summary: 'What the page shows for the period: figures, flows, overdue work and incidents, as CSV or XLSX',
      },
      preParsing: supervisor,
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const q = parseMonitorQuery(query);
      const body = await app.monitor.export(signedInStaff(request), q, format);
      const day = (d: Date) => gregorianBucket(d, 'day');
      return reply
        .type(TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename="payam-monitor-${q.process}-${day(q.from)}-${day(new Date(q.to.getTime() - 1))}.${format}"`,
        )
        .send(body);
    },
  );
}
