/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

import java.util.concurrent.TimeUnit;

public final class PeriodicWorkRequest extends WorkRequest {

    public static final class Builder extends WorkRequest.Builder<Builder, PeriodicWorkRequest> {

        public Builder(
                Class<? extends ListenableWorker> workerClass, long repeatInterval, TimeUnit repeatIntervalTimeUnit) {
            super(workerClass);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        PeriodicWorkRequest buildInternal() {
            return new PeriodicWorkRequest();
        }
    }
}
