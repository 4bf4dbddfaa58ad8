package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.RealInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * On the data clock the service's own wall-clock cron never runs, even when set (here to every second): a replay's
 * refreshes come from monitoring's retraining policy, which follows the hours observed.
 */
@SpringBootTest(properties = {"bikecast.clock.mode=data", "bikecast.training.schedule.cron=* * * * * *"})
@RealInfrastructure
class DataClockScheduleTest {

    @Autowired
    private List<ScheduledTaskHolder> schedulers;

    @Test
    void schedulesNoCronTaskOnTheDataClock() {
        List<ScheduledTask> tasks = schedulers.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .toList();

        assertThat(tasks).isNotEmpty();
        assertThat(tasks).noneMatch(task -> task.getTask() instanceof CronTask);
    }
}
