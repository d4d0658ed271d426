package com.boxoffice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.boxoffice.server.SyncTestBase;

/**
 * The public page and its assets as a browser or a CDN in front of the server sees them: the page
 * asked for again every time and answered 304 while unchanged; each asset under a name carrying its
 * content's hash, kept for a year; the plain names never kept; no credentials needed for any of it.
 */
class WebPageCachingTest extends SyncTestBase {

    private static final Pattern VERSIONED = Pattern.compile("/assets/([a-z-]+)-([0-9a-f]{32})\\.(js|css|svg)");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">([^<]*)</script>");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] packaged(String asset) throws IOException {
        try (InputStream in = WebPageCachingTest.class.getResourceAsStream("/static/assets/" + asset)) {
            assertThat(in).as(asset + " is packaged").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void thePageIsCheckedAgainEveryTimeAndAnsweredNotModifiedWhileItIsTheSame() throws Exception {
        HttpResponse<byte[]> page = get("/", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).startsWith("text/html").contains("UTF-8");
        assertThat(header(page, "Cache-Control")).isEqualTo("no-cache");
        String etag = header(page, "ETag");
        assertThat(etag).as("a weak tag, so the page may be sent compressed").matches("W/\"[0-9a-f]{32}\"");
        assertThat(text(page)).contains("<h1 id=\"h-performances\"");

        HttpResponse<byte[]> again = get("/", Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).isEqualTo("no-cache");

        HttpResponse<byte[]> byName = get("/index.html", Map.of());
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(header(byName, "ETag")).isEqualTo(etag);

        HttpResponse<byte[]> otherTag = get("/", Map.of("If-None-Match", "W/\"0123456789abcdef0123456789abcdef\""));
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(page.body());

        // the page is well over Tomcat's 2 KB threshold: a weak tag lets it be compressed
        HttpResponse<byte[]> gzipped = get("/", Map.of("Accept-Encoding", "gzip"));
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body().length).isLessThan(page.body().length);
    }

    @Test
    void thePageLinksEveryAssetAndModuleUnderItsContentHash() throws Exception {
        String page = text(get("/", Map.of()));

        assertThat(page).doesNotContain("src=\"/assets/app.js\"", "href=\"/assets/app.css\"", "href=\"/assets/icon.svg\"");
        Matcher map = IMPORT_MAP.matcher(page);
        assertThat(map.find()).as("the page has an import map").isTrue();
        String imports = map.group(1);
        for (String module : List.of("app", "api", "dom", "format", "queue", "seat-map", "store")) {
            assertThat(imports).containsPattern("\"/assets/" + module + "\\.js\":\"/assets/" + module + "-[0-9a-f]{32}\\.js\"");
            assertThat(page).containsPattern("<link rel=\"modulepreload\" href=\"/assets/" + module + "-[0-9a-f]{32}\\.js\">");
        }
        assertThat(page).containsPattern("<script type=\"module\" src=\"/assets/app-[0-9a-f]{32}\\.js\">");
        assertThat(page).containsPattern("<link rel=\"stylesheet\" href=\"/assets/app-[0-9a-f]{32}\\.css\">");

        // the import map is the one inline script, allowed by its hash and nothing else
        String csp = header(get("/", Map.of()), "Content-Security-Policy");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(imports.getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("script-src 'self' 'sha256-" + hash + "';").contains("default-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");

        // each hash is the MD5 of the file as packaged
        Matcher links = VERSIONED.matcher(page);
        int seen = 0;
        while (links.find()) {
            String file = links.group(1) + "." + links.group(3);
            String md5 = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(packaged(file)));
            assertThat(links.group(2)).as(file).isEqualTo(md5);
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(3 + 2 * 7);
    }

    @Test
    void versionedAssetsAreKeptForAYearAndTheirPlainNamesAreAskedForAgain() throws Exception {
        String page = text(get("/", Map.of()));
        List<String> urls = new ArrayList<>();
        Matcher links = VERSIONED.matcher(page);
        while (links.find()) {
            if (!urls.contains(links.group())) {
                urls.add(links.group());
            }
        }
        assertThat(urls).hasSizeGreaterThanOrEqualTo(9);

        for (String url : urls) {
            HttpResponse<byte[]> asset = get(url, Map.of());
            assertThat(asset.statusCode()).as(url).isEqualTo(200);
            assertThat(header(asset, "Cache-Control")).as(url).isEqualTo("max-age=31536000, public, immutable");
            Matcher name = VERSIONED.matcher(url);
            assertThat(name.matches()).isTrue();
            assertThat(asset.body()).as(url).isEqualTo(packaged(name.group(1) + "." + name.group(3)));
            assertThat(header(asset, "Content-Type")).as(url).startsWith(switch (name.group(3)) {
                case "js" -> "text/javascript";
                case "css" -> "text/css";
                default -> "image/svg+xml";
            });
            String etag = header(asset, "ETag");
            assertThat(etag).as(url).isEqualTo("W/\"" + name.group(2) + "\"");
            HttpResponse<byte[]> revalidated = get(url, Map.of("If-None-Match", etag));
            assertThat(revalidated.statusCode()).as(url).isEqualTo(304);
        }

        // a weak tag lets Tomcat compress what is worth it
        HttpResponse<byte[]> script = get(urls.stream().filter(u -> u.contains("/app-") && u.endsWith(".js")).findFirst().orElseThrow(),
                Map.of("Accept-Encoding", "gzip"));
        assertThat(header(script, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(script, "Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(script.body().length).isLessThan(packaged("app.js").length / 2);

        // nothing links to the plain name: it answers, but is never kept
        HttpResponse<byte[]> plain = get("/assets/app.js", Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(header(plain, "Cache-Control")).isEqualTo("no-cache");
        assertThat(plain.body()).isEqualTo(packaged("app.js"));
        assertThat(get("/assets/app.js", Map.of("If-None-Match", header(plain, "ETag"))).statusCode()).isEqualTo(304);

        // a hash that is not the file's (another release's) is not found, and not kept either
        HttpResponse<byte[]> wrong = get("/assets/app-0123456789abcdef0123456789abcdef.js", Map.of());
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(header(wrong, "Cache-Control")).isNotEqualTo("max-age=31536000, public, immutable");
        assertThat(get("/assets/no-such-file.js", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/assets/../application.properties", Map.of()).statusCode()).isIn(400, 404);
    }
}
