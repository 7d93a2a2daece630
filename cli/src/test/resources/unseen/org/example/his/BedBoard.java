package org.example.his;

import java.util.Timer;
import java.util.TimerTask;

/** The bed-occupancy board shown in the admissions office. */
public class BedBoard {

    private final Timer refresh = new Timer("bed-board", true);
    private volatile int occupied;

    public void startLive() {
        refresh.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                occupied = countOccupiedBeds();
            }
        }, 0, 2_000);
    }

    public void startCalm() {
        refresh.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                occupied = countOccupiedBeds();
            }
        }, 0, 300_000);
    }

    private int countOccupiedBeds() {
        return occupied;
    }
}
