package io.learnstack.query.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The live figures are sampled on a schedule rather than per request. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DashboardConfiguration {
}
