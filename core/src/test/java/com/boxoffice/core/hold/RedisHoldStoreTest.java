package com.boxoffice.core.hold;

import java.time.Duration;



import io.lettuce.core.api.StatefulRedisConnection;

/** The hold contract on a real Redis. */
class RedisHoldStoreTest extends HoldStoreContract {

    private static final StatefulRedisConnection<String, String> connection = SharedRedis.connection();

    @Override
    protected HoldStore newStore(MutableClock clock, PerformanceSeatings seatings) {
        return new RedisHoldStore(new RedisScripts(connection), clock, seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 500);
    }
}
