package com.boxoffice.localredis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class LocalRedisTest {

    @Test
    void theShippedRedisStartsAnswersAndIsGoneWhenClosed() {
        LocalRedis redis = LocalRedis.startEmbedded();
        URI uri = URI.create(redis.url());
        try {
            assertThat(redis.isEmbedded()).isTrue();
            assertThat(LocalRedis.answersPing(uri.getHost(), uri.getPort())).isTrue();
        } finally {
            redis.close();
        }
        assertThat(LocalRedis.answersPing(uri.getHost(), uri.getPort())).isFalse();
    }

    @Test
    void aConfiguredRedisIsUsedAsGivenAndNothingIsStarted() {
        try (LocalRedis redis = LocalRedis.resolve("redis://user:secret@redis.example:6380")) {
            assertThat(redis.url()).isEqualTo("redis://user:secret@redis.example:6380");
            assertThat(redis.isEmbedded()).isFalse();
        }
    }
}
