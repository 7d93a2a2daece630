/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

import android.content.Context;

public abstract class WorkManager {

    public static WorkManager getInstance(Context context) {
        return null;
    }

    public abstract Operation enqueue(WorkRequest workRequest);
}
