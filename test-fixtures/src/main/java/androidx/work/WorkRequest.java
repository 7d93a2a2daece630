/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

import java.util.concurrent.TimeUnit;

public abstract class WorkRequest {

    public abstract static class Builder<B extends Builder<?, ?>, W extends WorkRequest> {

        Builder(Class<? extends ListenableWorker> workerClass) {}

        public final B setConstraints(Constraints constraints) {
            return self();
        }

        public final B addTag(String tag) {
            return self();
        }

        public final B setBackoffCriteria(BackoffPolicy policy, long backoffDelay, TimeUnit timeUnit) {
            return self();
        }

        public final W build() {
            return buildInternal();
        }

        abstract B self();

        abstract W buildInternal();
    }
}
