package org.ecobugs.rules.engine.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MemoryGateTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theBudgetIsHalfTheHeapInSourceText() {
        // 1 GB of heap: 512 MB for trees, about 5 MB of source at 100 bytes of tree per character.
        assertThat(new MemoryGate(1024 * MB).budgetKb()).isEqualTo(5242);
    }

    @Test
    void smallFilesRunSideBySide() {
        MemoryGate gate = new MemoryGate(1024 * MB);
        int a = gate.acquire(80_000);
        int b = gate.acquire(80_000);
        assertThat(a + b).isLessThan(gate.budgetKb());
        gate.release(a);
        gate.release(b);
    }

    @Test
    void aFileLargerThanTheBudgetRunsAloneAndThenTheOthersGoOn() throws InterruptedException {
        MemoryGate gate = new MemoryGate(1024 * MB);
        int huge = gate.acquire(50 * MB);
        assertThat(huge).isEqualTo(gate.budgetKb());
        AtomicBoolean smallRan = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread small = new Thread(() -> {
            gate.release(gate.acquire(1_000));
            smallRan.set(true);
            done.countDown();
        });
        small.start();
        assertThat(done.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(smallRan).isFalse();
        gate.release(huge);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
