import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { createSignatureChecker } from '../../adapters/certificates/signature-checker.js';
import { createAccountAuth, type AccountAuth } from '../auth/account-auth.js';
import { createCertificateAuth, type CertificateAuth } from '../auth/certificate-auth.js';
import { createStaffAuth, type StaffAuth } from '../auth/staff-auth.js';
import { createCaptchaService, type CaptchaService } from '../captcha/captcha-service.js';
import { createTestAnswers, type TestAnswers } from '../captcha/test-answers.js';
import { createRegistrationService, type RegistrationService } from '../registrations/registration-service.js';
import { createRegistrationView } from '../registrations/registration-view.js';
import { createStepService, type StepService } from '../registrations/step-service.js';
import { createRegistrationReport } from '../reports/registration-report.js';
import { createReportInstances } from '../reports/report-instances.js';
import { createModelerService, type ModelerService } from '../modeler/modeler-service.js';
import { createRaDesk, type RaDesk } from '../certificates/ra-desk.js';
import { createReviewService, type ReviewService } from '../reviews/review-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    registrations: RegistrationService;
    steps: StepService;
    captchas: CaptchaService;
    /** The applicant's view of a registration: the given row (the hook's, unchanged since), or read by id. */
    view: ReturnType<typeof createRegistrationView>;
    /** Only with TEST_HOOKS; null otherwise, so no answer is ever kept in production. */
    testAnswers: TestAnswers | null;
    staffAuth: StaffAuth;
    accountAuth: AccountAuth;
    certificateAuth: CertificateAuth;
    reviews: ReviewService;
    registrationReport: ReturnType<typeof createRegistrationReport>;
    reportInstances: ReturnType<typeof createReportInstances>;
    modeler: ModelerService;
    raDesk: RaDesk;
  }
}

interface ServicesPluginOptions {
  now?: () => Date;
}

export default fp<ServicesPluginOptions>(
  async (app, opts) => {
    const { db, engine, config, progress } = app;
    const now = opts.now ?? (() => new Date());
    // The services take pino's Logger; Fastify's logger is that pino instance behind a narrower type.
    const deps = { db, engine, config, progress, logger: app.log as unknown as Logger, now };
    const captchas = createCaptchaService(db, config, now);
    app.decorate('captchas', captchas);
    app.decorate('registrations', createRegistrationService(deps));
    app.decorate('steps', createStepService(deps, captchas));
    app.decorate('view', createRegistrationView(db, engine, config));
    app.decorate('testAnswers', config.TEST_HOOKS ? createTestAnswers(config.CAPTCHA_TTL_SECONDS) : null);
    app.decorate('staffAuth', createStaffAuth({ db, config, now }));
    app.decorate('accountAuth', createAccountAuth({ db, config, now }));
    app.decorate(
      'certificateAuth',
      createCertificateAuth({ db, config, now }, createSignatureChecker(config, { now })),
    );
    app.decorate('reviews', createReviewService({ db, engine, config, now }));
    app.decorate('registrationReport', createRegistrationReport(db, now));
    app.decorate('reportInstances', createReportInstances(db, config));
    app.decorate('modeler', createModelerService({ db, engine }));
    app.decorate('raDesk', createRaDesk({ db, engine, config, now }));
  },
  { name: 'services', dependencies: ['config', 'knex', 'engine', 'progress'] },
);
