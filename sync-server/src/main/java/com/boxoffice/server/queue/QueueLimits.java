package com.boxoffice.server.queue;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.boxoffice.server.online.AdmissionTokens;
import com.boxoffice.server.online.OnlineProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Per-address allowances for joining the waiting room and reading one's place in it, shared by the
 * controller and the status fast path so a read is counted once whichever answers it.
 */
record QueueLimits(AddressRateLimiter joins, AddressRateLimiter statusReads) {

    @Configuration(proxyBeanMethods = false)
    static class QueueLimitsConfiguration {

        @Bean
        QueueLimits queueLimits(OnlineProperties properties) {
            return new QueueLimits(new AddressRateLimiter(properties.joinsPerMinute(), Duration.ofMinutes(1)),
                    new AddressRateLimiter(properties.statusReadsPerSecond(), Duration.ofSeconds(1)));
        }

        /** After the request observation filter (so the read is still timed), before everything else. */
        @Bean
        FilterRegistrationBean<QueueStatusFilter> queueStatusFilter(QueuePositions positions, QueueLimits limits,
                                                                   AdmissionTokens tokens, OnlineProperties properties,
                                                                   JsonMapper json) {
            FilterRegistrationBean<QueueStatusFilter> registration = new FilterRegistrationBean<>(
                    new QueueStatusFilter(positions, limits.statusReads(), tokens, properties.admissionRate(), json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            registration.addUrlPatterns("/api/queue/*");
            return registration;
        }
    }
}
