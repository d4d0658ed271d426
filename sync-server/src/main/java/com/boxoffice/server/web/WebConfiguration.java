package com.boxoffice.server.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.server.config.SyncProperties;
import com.boxoffice.server.terminal.TerminalAuthentication;

/** Credentials on every sync path, and the body size limit in front of everything. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final TerminalRepository terminals;
    private final StaffDirectory staff;
    private final SyncProperties properties;

    public WebConfiguration(TerminalRepository terminals, StaffDirectory staff, SyncProperties properties) {
        this.terminals = terminals;
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TerminalAuthentication(terminals, staff, properties)).addPathPatterns("/sync/**");
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
