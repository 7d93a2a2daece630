/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

public final class OneTimeWorkRequest extends WorkRequest {

    public static final class Builder extends WorkRequest.Builder<Builder, OneTimeWorkRequest> {

        public Builder(Class<? extends ListenableWorker> workerClass) {
            super(workerClass);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        OneTimeWorkRequest buildInternal() {
            return new OneTimeWorkRequest();
        }
    }
}
