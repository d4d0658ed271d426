package com.boxoffice.server.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The public page's assets ({@code classpath:/static/assets/}), served so that a CDN can keep them:
 * each is linked under a name carrying the MD5 of its content ({@code app-<md5>.js}), which changes
 * whenever the file does, so that name may be cached for a year without asking again. The plain
 * name still answers, but must be asked again every time: nothing links to it, and a browser or
 * cache that kept it for a year would mix old and new files after a release. The page itself is
 * {@link WebPageController}'s.
 *
 * <p>Two handlers share the folder, told apart by the request's file name: the versioned form is
 * the more specific pattern, so it wins whenever it matches. Both resolve versioned names, so
 * {@link org.springframework.web.servlet.resource.ResourceUrlProvider} (which picks the plain
 * pattern for a plain path) names the versioned file, and a versioned name whose hash is not the
 * file's content (an older or newer release) is a 404, never a year-long copy of the wrong file.
 * Every asset carries a weak ETag of its content ({@link WeakTaggedAssets}), so If-None-Match is
 * answered 304 and Tomcat may compress it.
 */
@Configuration(proxyBeanMethods = false)
public class WebPageConfiguration implements WebMvcConfigurer {

    static final String ASSETS = "classpath:/static/assets/";

    /** A file name with the content version strategy's 32 hex digits before the extension. */
    private static final String VERSIONED = "/assets/{file:[a-zA-Z0-9_.-]+-" + "[0-9a-f]".repeat(32) + "\\.[a-z0-9]+}";

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(VERSIONED)
                .addResourceLocations(ASSETS)
                .setCacheControl(IMMUTABLE)
                .setEtagGenerator(WeakTaggedAssets::tagOf)
                .resourceChain(true)
                .addResolver(new WeakTaggedAssets())
                .addResolver(contentVersions());
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(ASSETS)
                .setCacheControl(CacheControl.noCache())
                .setEtagGenerator(WeakTaggedAssets::tagOf)
                .resourceChain(true)
                .addResolver(new WeakTaggedAssets())
                .addResolver(contentVersions());
    }

    private static VersionResourceResolver contentVersions() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
