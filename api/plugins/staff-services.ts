import fp from 'fastify-plugin';
import { createAccountAuth, type AccountAuth } from '../auth/account-auth.js';
import { createStaffAuth, type StaffAuth } from '../auth/staff-auth.js';
import { createCaptchaVerifier, type CaptchaVerifier } from '../auth/verify-captcha.js';
import { createRegistrationReport } from '../reports/registration-report.js';
import { createReportInstances } from '../reports/report-instances.js';
import { createReviewService, type ReviewService } from '../reviews/review-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    staffAuth: StaffAuth;
    accountAuth: AccountAuth;
    verifyCaptcha: CaptchaVerifier;
    reviews: ReviewService;
    registrationReport: ReturnType<typeof createRegistrationReport>;
    reportInstances: ReturnType<typeof createReportInstances>;
  }
}

export interface StaffServicesPluginOptions {
  now?: () => Date;
}

/** What the reviewer, supervisor and login pages call: the framework-free services of api/auth, api/reviews, api/reports. */
export default fp<StaffServicesPluginOptions>(
  async (app, opts) => {
    const { db, zeebe, config } = app;
    const now = opts.now ?? (() => new Date());
    app.decorate('staffAuth', createStaffAuth({ db, config, now }));
    app.decorate('accountAuth', createAccountAuth({ db, config, now }));
    app.decorate('verifyCaptcha', createCaptchaVerifier(db, config, now));
    app.decorate('reviews', createReviewService({ db, zeebe, config, now }));
    app.decorate('registrationReport', createRegistrationReport(db, now));
    app.decorate('reportInstances', createReportInstances(db));
  },
  { name: 'staff-services', dependencies: ['config', 'knex', 'zeebe'] },
);
