package org.ecobugs.sample.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the outbound result feed of the laboratory information system: a long-lived MLLP connection on which the
 * LIS pushes ORU^R01 result messages and ESU^U01 equipment status updates. Every message is handed to the handler,
 * then acknowledged with an ACK (MSA-1 = AA).
 */
public class Hl7FeedListener implements Runnable {

    private static final Logger LOG = Logger.getLogger(Hl7FeedListener.class.getName());
    private static final DateTimeFormatter HL7_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final int MAX_CONNECT_ATTEMPTS = 8;
    private static final long INITIAL_BACKOFF_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 60_000;

    private final String host;
    private final int port;
    private final Consumer<String> handler;
    private volatile boolean running = true;

    public Hl7FeedListener(String host, int port, Consumer<String> handler) {
        this.host = host;
        this.port = port;
        this.handler = handler;
    }

    @Override
    public void run() {
        while (running) {
            Socket feed;
            try {
                feed = openFeed();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "giving up on the result feed " + host + ":" + port, e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (Socket socket = feed) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                String message;
                while ((message = MllpClient.readFrame(in)) != null) {
                    handler.accept(message);
                    MllpClient.writeFrame(out, acknowledge(message));
                }
                LOG.info("LIS closed the result feed");
            } catch (IOException e) {
                LOG.log(Level.WARNING, "result feed connection lost", e);
            }
        }
    }

    public void stop() {
        running = false;
    }

    /**
     * Connects to the LIS feed port, backing off exponentially while the LIS is down; gives up after eight attempts, so
     * that monitoring sees the failure.
     */
    private Socket openFeed() throws IOException, InterruptedException {
        long backoff = INITIAL_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                Socket socket = new Socket(host, port);
                LOG.info("connected to result feed " + host + ":" + port);
                return socket;
            } catch (IOException e) {
                if (attempt >= MAX_CONNECT_ATTEMPTS) {
                    throw e;
                }
                LOG.warning("result feed " + host + ":" + port + " unavailable (" + e.getMessage() + "), attempt "
                        + attempt);
                Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** The application-accept ACK for a message, echoing its control id (MSH-10). */
    static String acknowledge(String message) {
        String[] msh = OruParser.segment(message, "MSH");
        String controlId = OruParser.field(msh, 10);
        return "MSH|^~\\&|LABHUB|HOSPITAL|" + OruParser.field(msh, 3) + "|" + OruParser.field(msh, 4) + "|"
                + LocalDateTime.now().format(HL7_TIMESTAMP) + "||ACK|ACK" + controlId + "|P|"
                + OruParser.field(msh, 12) + "\r"
                + "MSA|AA|" + controlId + "\r";
    }
}
