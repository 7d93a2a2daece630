package org.example.his;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/** Picks up HPRIM result files dropped by the laboratory. */
public class DropFolder {

    private final File inbox = new File("/srv/hprim/in");
    private volatile boolean running = true;

    public void scan() throws InterruptedException {
        while (running) {
            File[] files = inbox.listFiles((dir, name) -> name.endsWith(".hpr"));
            if (files != null) {
                for (File file : files) {
                    ingest(file.toPath());
                }
            }
            Thread.sleep(2_000);
        }
    }

    public void watch() throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            inbox.toPath().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (running) {
                WatchKey key = watcher.take();
                key.pollEvents().forEach(event -> ingest(inbox.toPath().resolve((Path) event.context())));
                key.reset();
            }
        }
    }

    private void ingest(Path file) {
        running = file != null;
    }
}
