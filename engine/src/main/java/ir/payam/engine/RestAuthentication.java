package ir.payam.engine;

import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST starter serves /engine-rest to anyone and has no switch for it, so the engine's own
 * authentication filter is put in front: HTTP Basic against the engine's users, whose groups then
 * decide through authorizations what each caller may do; a caller accepted a moment ago is not
 * checked again (RememberedBasicAuthentication).
 */
@Configuration
public class RestAuthentication {
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", RememberedBasicAuthentication.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(101);
    return registration;
  }
}
