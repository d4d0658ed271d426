package com.boxoffice.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import tools.jackson.databind.json.JsonMapper;

/**
 * The public page ({@code static/index.html}) at {@code /}, with every asset it links to under its
 * versioned name ({@link WebPageConfiguration}). The page's JavaScript modules import each other by
 * plain relative names, which no server rewriting of files could reach; an import map, written into
 * the page here, sends each to its versioned name instead, and {@code modulepreload} links fetch them
 * all at once rather than one import after another.
 *
 * <p>The page is sent {@code no-cache} with an ETag, so a browser or CDN asks each time and is
 * answered 304 while the release is the same. The tag is weak: Tomcat then compresses the page, which
 * it never does to a response with a strong tag. The Content-Security-Policy allows scripts from this
 * server only, plus the import map by its hash.
 */
@Controller
public class WebPageController {

    private static final String PAGE = "classpath:static/index.html";
    private static final String MODULES = "classpath:static/assets/**/*.js";
    private static final Pattern ASSET_LINK = Pattern.compile("(href|src)=\"(/assets/[^\"?#]+)\"");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">[^<]*</script>");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResourceUrlProvider urls;
    private final ResourcePatternResolver resources;
    private volatile Page page;

    /** The page as sent, made once: the files it is made from are part of the release. */
    record Page(byte[] html, String etag, String contentSecurityPolicy) {
    }

    public WebPageController(ResourceUrlProvider urls, ResourcePatternResolver resources) {
        this.urls = urls;
        this.resources = resources;
    }

    @GetMapping({"/", "/index.html"})
    ResponseEntity<byte[]> index() {
        Page current = page();
        // Spring MVC answers 304 itself when If-None-Match names this tag
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .eTag(current.etag())
                .header("Content-Security-Policy", current.contentSecurityPolicy())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(current.html());
    }

    private Page page() {
        Page current = page;
        if (current == null) {
            // the asset URL provider learns the resource handlers when the context has started,
            // so the page is made on its first request rather than with this bean
            synchronized (this) {
                current = page;
                if (current == null) {
                    current = make();
                    page = current;
                }
            }
        }
        return current;
    }

    private Page make() {
        String html = read(resources.getResource(PAGE));
        Matcher links = ASSET_LINK.matcher(html);
        StringBuilder linked = new StringBuilder(html.length() + 512);
        while (links.find()) {
            links.appendReplacement(linked, Matcher.quoteReplacement(links.group(1) + "=\"" + versioned(links.group(2)) + "\""));
        }
        links.appendTail(linked);

        Map<String, String> modules = new TreeMap<>();
        for (String module : modulePaths()) {
            modules.put(module, versioned(module));
        }
        String importMap = JSON.writeValueAsString(Map.of("imports", modules));
        StringBuilder head = new StringBuilder("<script type=\"importmap\">").append(importMap).append("</script>");
        modules.values().forEach(url -> head.append("\n<link rel=\"modulepreload\" href=\"").append(url).append("\">"));
        Matcher placeholder = IMPORT_MAP.matcher(linked);
        if (!placeholder.find()) {
            throw new IllegalStateException("index.html has no <script type=\"importmap\"> to fill in");
        }
        String out = linked.substring(0, placeholder.start()) + head + linked.substring(placeholder.end());

        byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
        String etag = "W/\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
        String importMapHash = Base64.getEncoder().encodeToString(sha256(importMap.getBytes(StandardCharsets.UTF_8)));
        String csp = "default-src 'self'; script-src 'self' 'sha256-" + importMapHash + "'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
        return new Page(bytes, etag, csp);
    }

    /** Every JavaScript module under assets, as the path the browser asks for ({@code /assets/app.js}). */
    private List<String> modulePaths() {
        List<String> paths = new ArrayList<>();
        try {
            for (Resource module : resources.getResources(MODULES)) {
                String uri = module.getURI().toString();
                int at = uri.lastIndexOf("/static/assets/");
                paths.add(uri.substring(at + "/static".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private String versioned(String path) {
        String url = urls.getForLookupPath(path);
        if (url == null || url.equals(path)) {
            throw new IllegalStateException("index.html links to " + path + ", which is not a versioned asset");
        }
        return url;
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
