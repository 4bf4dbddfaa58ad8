package io.bikecast.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 15, point 9: two instances of a service (two connection pools on one real PostgreSQL database) whose schedulers
 * fire the same job at the same moment, from many threads at once: the job runs exactly once per slot.
 */
class ScheduledSlotsTest {

    private static final Instant TWO_AM = Instant.parse("2026-12-02T02:00:00Z");

    private static ScheduledSlots first;
    private static ScheduledSlots second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        String database = SharedInfrastructure.createDatabase();
        JdbcTemplate setup = jdbc(infrastructure, database);
        setup.execute("CREATE SCHEMA svc");
        setup.execute("CREATE TABLE svc.scheduled_slot (job TEXT NOT NULL, slot TIMESTAMPTZ NOT NULL,"
                + " claimed_by TEXT NOT NULL, claimed_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (job, slot))");
        ScheduledSlotsProperties properties = new ScheduledSlotsProperties("svc.scheduled_slot");
        first = new ScheduledSlots(jdbc(infrastructure, database), properties);
        second = new ScheduledSlots(jdbc(infrastructure, database), properties);
    }

    @Test
    void aSlotFiredOnEveryInstanceAtOnceRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> firings = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ScheduledSlots instance = i % 2 == 0 ? first : second;
            firings.add(() -> {
                start.await();
                return instance.runOnce("nightly", TWO_AM, runs::incrementAndGet);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (Callable<Boolean> firing : firings) {
                answers.add(pool.submit(firing));
            }
            start.countDown();
            long ran = 0;
            for (Future<Boolean> answer : answers) {
                ran += answer.get() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theNextSlotAndOtherJobsRunAgain() {
        assertThat(first.claim("hourly", TWO_AM)).isTrue();
        assertThat(second.claim("hourly", TWO_AM)).isFalse();
        assertThat(second.claim("hourly", TWO_AM.plusSeconds(3600))).isTrue();
        assertThat(first.claim("other-job", TWO_AM)).isTrue();
    }

    private static JdbcTemplate jdbc(TestInfrastructure infrastructure, String database) {
        return new JdbcTemplate(new DriverManagerDataSource(
                infrastructure.jdbcUrl(database), infrastructure.username(), infrastructure.password()));
    }
}
