package org.ecobugs.benchmark.launch;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The JVM that records a test fixture ({@code org.ecobugs.benchmark.RecordFixtures}): it loads the classes the journey
 * and the launcher need and initialises the JDK's networking, whose first use reads its configuration file, then
 * starts a recording with the given settings and hands over to {@link JourneyLauncher}, which exits the JVM and so
 * dumps the recording. The recording thus holds no read of a file named by an absolute path. It sits in the launcher's
 * package so that, like the launcher, its frames count as the platform's. Arguments: {@code <settings> <recording>
 * <result file> <main class> [journey arguments…]}.
 */
public final class RecordingLauncher {

    private RecordingLauncher() {}

    public static void main(String[] args) throws Exception {
        ClassLoader loader = RecordingLauncher.class.getClassLoader();
        for (String file : JourneyLauncher.CLASS_FILES) {
            Class.forName(file.substring(0, file.length() - ".class".length()).replace('/', '.'), true, loader);
        }
        Class<?> journey = Class.forName(args[3], true, loader);
        for (Class<?> nested : journey.getDeclaredClasses()) {
            Class.forName(nested.getName(), true, loader);
        }
        new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).close();

        Recording recording = new Recording(Configuration.create(Path.of(args[0])));
        recording.setDestination(Path.of(args[1]));
        recording.setDumpOnExit(true);
        recording.start();
        System.setProperty(JourneyLauncher.RECORDED_PROPERTY, "true");
        List<String> launcher = new ArrayList<>(List.of(args[2], "0"));
        launcher.addAll(List.of(args).subList(3, args.length));
        JourneyLauncher.main(launcher.toArray(String[]::new));
    }
}
