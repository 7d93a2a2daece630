package org.ecobugs.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises receivers of Android framework types from source, with no Android SDK on the classpath: by their
 * declared type resolved through imports (see {@link Receivers}), by the factory call that returns them, or — when the
 * file does not say — by a receiver named after the type in a file that imports it.
 */
public final class AndroidTypes {

    public static final String WAKE_LOCK = "android.os.PowerManager.WakeLock";
    public static final String ALARM_MANAGER = "android.app.AlarmManager";
    public static final String LOCATION_MANAGER = "android.location.LocationManager";
    public static final String SENSOR_MANAGER = "android.hardware.SensorManager";
    public static final String FUSED_LOCATION_CLIENT = "com.google.android.gms.location.FusedLocationProviderClient";

    private AndroidTypes() {}

    /**
     * Whether {@code receiver} may be an object of {@code type}: its declared type says so, or it is unknown and the
     * file imports the type (or its package's outer type) while the receiver's text matches {@code namePattern}.
     */
    public static boolean mayBe(Expression receiver, String type, Pattern namePattern, JavaNames names) {
        Optional<String> declared = Receivers.declaredType(receiver, names);
        if (declared.isPresent()) {
            return declared.get().equals(type);
        }
        return importsType(type, names)
                && namePattern.matcher(receiverText(receiver)).find();
    }

    /** Whether {@code receiver} is a wake lock: declared as one, made by {@code newWakeLock(…)}, or named like one. */
    public static boolean mayBeWakeLock(Expression receiver, JavaNames names) {
        if (receiver instanceof MethodCallExpr call && call.getNameAsString().equals("newWakeLock")) {
            return true;
        }
        return mayBe(receiver, WAKE_LOCK, Pattern.compile("(?i)wake_?lock"), names);
    }

    /** Whether the file imports the type, its outer type, or its package on demand. */
    public static boolean importsType(String type, JavaNames names) {
        int dot = type.lastIndexOf('.');
        String outer = type.substring(0, dot);
        return names.imports(type) || names.imports(outer);
    }

    private static String receiverText(Expression receiver) {
        if (receiver instanceof MethodCallExpr call) {
            return call.getNameAsString();
        }
        return receiver.toString();
    }
}
