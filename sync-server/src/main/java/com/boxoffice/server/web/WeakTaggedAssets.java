package com.boxoffice.server.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands out the assets the rest of the resolver chain finds with a weak entity tag of their content
 * hash, in place of the strong one Spring's version resolver attaches: Tomcat never compresses a
 * response with a strong tag, and the JavaScript and CSS shrink to a third when compressed. Weak is
 * also the honest strength, the same content being sent plain or gzipped. Goes first in the chain
 * (after Spring's cache, which then keeps each asset's tag with it).
 */
final class WeakTaggedAssets extends AbstractResourceResolver {

    private static final ContentVersionStrategy CONTENT = new ContentVersionStrategy();

    /** The entity tag of an asset this resolver handed out; null for anything else. */
    static String tagOf(Resource resource) {
        return resource instanceof Asset asset ? asset.tag() : null;
    }

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                               List<? extends Resource> locations, ResourceResolverChain chain) {
        Resource found = chain.resolveResource(request, requestPath, locations);
        return found == null ? null : new Asset(found);
    }

    @Override
    protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                                            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    /** A resolved asset as a plain resource (no headers of its own), with its content's tag. */
    private static final class Asset extends AbstractResource {
        private final Resource resource;
        private volatile String tag;

        Asset(Resource resource) {
            this.resource = resource;
        }

        String tag() {
            String t = tag;
            if (t == null) {
                t = "W/\"" + CONTENT.getResourceVersion(resource) + "\"";
                tag = t;
            }
            return t;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return resource.getInputStream();
        }

        @Override
        public boolean exists() {
            return resource.exists();
        }

        @Override
        public boolean isReadable() {
            return resource.isReadable();
        }

        @Override
        public boolean isFile() {
            return resource.isFile();
        }

        @Override
        public URL getURL() throws IOException {
            return resource.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return resource.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return resource.getFile();
        }

        @Override
        public long contentLength() throws IOException {
            return resource.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return resource.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return resource.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return resource.getFilename();
        }

        @Override
        public String getDescription() {
            return resource.getDescription();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Asset asset && asset.resource.equals(resource);
        }

        @Override
        public int hashCode() {
            return resource.hashCode();
        }
    }
}
