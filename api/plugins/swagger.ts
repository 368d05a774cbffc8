import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** The OpenAPI document is generated from the routes' TypeBox schemas, so it cannot drift from them. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Payam Iran — executive agency registration',
          description:
            "The applicant API behind the registration form, the reviewers' and supervisors' API, and the agency account login. Errors: `{error:{id, text:{fa,en}, fields?}}`.",
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/registrations' },
            staffBearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/staff/login' },
            accountBearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'swagger' },
);
