package ir.payam.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.externaltask.ExternalTaskQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own backlog for Prometheus (GET /actuator/prometheus, beside JVM, Tomcat, HikariCP and the job
 * executor's thread pool that Spring Boot binds itself): jobs waiting for the job executor, external tasks
 * waiting for a worker or held by one, and what ran out of retries. Each is a count query when Prometheus
 * scrapes, run without an authenticated user (the engine checks authorizations only for one), and carries no
 * personal data. Operaton's own engine metrics are written to its database every 15 minutes and reset in
 * between, so they are not what a scrape every 15 seconds should read.
 */
@Configuration
public class EngineMetrics {
  @Bean
  MeterBinder operatonBacklog(ProcessEngine engine) {
    return registry -> {
      ManagementService management = engine.getManagementService();
      gauge(registry, "operaton.jobs", "executable", "Jobs due and with retries left: the job executor's backlog",
          () -> management.createJobQuery().executable().count());
      gauge(registry, "operaton.jobs", "failed", "Jobs without retries left (each has an incident)",
          () -> management.createJobQuery().noRetriesLeft().count());
      Supplier<ExternalTaskQuery> tasks = () -> engine.getExternalTaskService().createExternalTaskQuery();
      gauge(registry, "operaton.external.tasks", "waiting", "External tasks no worker holds, with retries left",
          () -> tasks.get().notLocked().withRetriesLeft().count());
      gauge(registry, "operaton.external.tasks", "locked", "External tasks a worker holds now",
          () -> tasks.get().locked().count());
      gauge(registry, "operaton.external.tasks", "failed", "External tasks without retries left (each has an incident)",
          () -> tasks.get().noRetriesLeft().count());
      Gauge.builder("operaton.incidents.open", () -> engine.getRuntimeService().createIncidentQuery().count())
          .description("The engine's open incidents")
          .register(registry);
      Gauge.builder("operaton.job.executor.active", () -> jobExecutorActive(engine))
          .description("1 while this node's job executor acquires and runs jobs")
          .register(registry);
    };
  }

  private static void gauge(MeterRegistry registry, String name, String state, String help, Supplier<Number> count) {
    Gauge.builder(name, count).tag("state", state).description(help).register(registry);
  }

  private static int jobExecutorActive(ProcessEngine engine) {
    var config = (org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return config.getJobExecutor() != null && config.getJobExecutor().isActive() ? 1 : 0;
  }
}
