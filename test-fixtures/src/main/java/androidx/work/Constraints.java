/*
 * Stub of the WorkManager API (androidx.work:work-runtime), which is published on Google's Maven repository and not on
 * Maven Central, so that the EB108 fixture compiles. Names and signatures follow the real library; bodies do nothing.
 */
package androidx.work;

public final class Constraints {

    public static final Constraints NONE = new Constraints();

    public static final class Builder {
        public Builder setRequiredNetworkType(NetworkType networkType) {
            return this;
        }

        public Builder setRequiresBatteryNotLow(boolean requiresBatteryNotLow) {
            return this;
        }

        public Builder setRequiresCharging(boolean requiresCharging) {
            return this;
        }

        public Builder setRequiresDeviceIdle(boolean requiresDeviceIdle) {
            return this;
        }

        public Builder setRequiresStorageNotLow(boolean requiresStorageNotLow) {
            return this;
        }

        public Constraints build() {
            return new Constraints();
        }
    }
}
