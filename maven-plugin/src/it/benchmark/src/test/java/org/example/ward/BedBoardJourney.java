package org.example.ward;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A journey of the bed board: one update arrives after 200 ms, then the board is written. */
public final class BedBoardJourney {

    @Name("ecobugs.Step")
    @Label("Journey step")
    static final class Step extends Event {
        @Label("Name")
        String name;
    }

    public static void main(String[] args) throws Exception {
        BedBoard board = new BedBoard();
        Path file = Files.createTempFile("board", ".bin");
        Step step = new Step();
        step.name = "refresh the board";
        step.begin();
        new Thread(() -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    board.update();
                })
                .start();
        board.awaitUpdate();
        board.write(file);
        step.commit();
        Files.delete(file);
    }
}
