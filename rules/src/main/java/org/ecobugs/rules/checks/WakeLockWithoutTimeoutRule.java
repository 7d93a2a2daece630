package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * An Android wake lock acquired without a timeout: {@code PowerManager.WakeLock.acquire()}. In source the receiver is
 * recognised by its declared type, by {@code newWakeLock(…)}, or by its name in a file that imports {@code
 * PowerManager}; in bytecode by the exact owner type. A method that also acquires a wake lock with a timeout chooses
 * between the two on purpose (a wrapper whose caller passes the timeout, 0 meaning none) and is left alone. So is a
 * wake lock kept in a field that the class releases when its component leaves the screen or ends ({@code onPause},
 * {@code onStop}, {@code onDestroy}, a view model's {@code onCleared}, directly or through its own methods): the lock
 * then lives no longer than the activity, fragment, view or view model, which the user and the system end, and a
 * timeout would only risk cutting a long task short. A service's {@code onDestroy} does not count: a service runs until
 * it stops itself.
 */
@RuleKey("EB505")
public final class WakeLockWithoutTimeoutRule implements EnergyRule {

    static final String MESSAGE = "This wake lock is acquired without a timeout, so a missed release() keeps the device"
            + " awake indefinitely; pass a timeout, e.g. acquire(10 * 60 * 1000L), or move the work to WorkManager.";

    /** Callbacks the framework calls when a component leaves the screen or ends. */
    static final Set<String> TEARDOWNS =
            Set.of("onPause", "onStop", "onDestroy", "onDestroyView", "onDetach", "onDetachedFromWindow", "onCleared");

    @Override
    public List<Detector> detectors() {
        return List.of(new WakeLockWithoutTimeoutSource(), new WakeLockWithoutTimeoutBytecode());
    }
}
