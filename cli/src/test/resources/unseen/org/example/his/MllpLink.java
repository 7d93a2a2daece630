package org.example.his;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** The HL7 v2 MLLP link to the admission system. */
public class MllpLink {

    private static final int MAX_ATTEMPTS = 8;

    private final String host;
    private final int port;

    public MllpLink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Socket connectForever() throws InterruptedException {
        while (true) {
            try {
                return new Socket(host, port);
            } catch (IOException e) {
                System.err.println("ADT link down, retrying: " + e.getMessage());
                Thread.sleep(2_000);
            }
        }
    }

    public Socket connectWithBackoff() throws IOException, InterruptedException {
        long delay = 1_000;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Socket(host, port);
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay));
                delay = Math.min(delay * 2, 120_000);
            }
        }
    }
}
