package com.boxoffice.ui.common;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import javafx.application.Application;

/**
 * Starts the real client headless for a test: on a Redis database of its own (emptied first, so
 * the demo performances start with every seat free) and a fresh journal folder.
 */
public final class ClientFixture {

    /** A database the other modules' tests do not use. */
    private static final int DATABASE = 11;

    private ClientFixture() {
    }

    public static String redisUrl() {
        return TestRedis.url() + "/" + DATABASE;
    }

    /** Empties the client tests' Redis database. */
    public static void emptyRedis() {
        RedisClient client = RedisClient.create(redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    /** Starts the client as the primary stage's application, with extra Spring arguments. */
    public static <T extends Application> T start(Class<T> type, Path dataDir, String... args) throws TimeoutException {
        System.setProperty("boxoffice.data-dir", dataDir.toString());
        System.setProperty("boxoffice.holds.redis-url", redisUrl());
        System.setProperty("boxoffice.client.card-latency", "50ms");
        FxToolkit.registerPrimaryStage();
        return type.cast(FxToolkit.setupApplication(type, args));
    }

    public static void stop(Application app) throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("boxoffice.data-dir");
        System.clearProperty("boxoffice.holds.redis-url");
        System.clearProperty("boxoffice.client.card-latency");
    }

    /** Whether the node and every node around it are visible: it is on screen. */
    public static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    public static void waitFor(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
