package dev.paydeck.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic jobs. A job that must run once across instances claims its work in PostgreSQL (SKIP LOCKED) instead of
 * trusting that only one instance runs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
