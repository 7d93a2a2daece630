/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

import android.content.Context;

public abstract class ListenableWorker {

    protected ListenableWorker(Context appContext, WorkerParameters workerParams) {}

    public abstract static class Result {
        public static Result success() {
            return null;
        }

        public static Result retry() {
            return null;
        }

        public static Result failure() {
            return null;
        }
    }
}
