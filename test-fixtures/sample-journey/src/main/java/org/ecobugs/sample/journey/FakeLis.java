package org.ecobugs.sample.journey;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The laboratory information system, faked on loopback: an MLLP orders port that acknowledges each order and, a
 * moment later, pushes its result on the results feed; and the results feed itself, on which it also reports when the
 * analyser is operational.
 */
final class FakeLis implements Closeable {

    /** How long the analyser takes to produce a result once it has the order. */
    static final long RESULT_DELAY_MS = 300;

    private static final String TIMESTAMP = "20261124083000";

    private final ServerSocket orders;
    private final ServerSocket feed;
    private final ScheduledExecutorService clock =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lis-clock"));
    private final CountDownLatch feedConnected = new CountDownLatch(1);
    private final AtomicInteger controlIds = new AtomicInteger();
    private volatile Socket feedSocket;

    FakeLis() throws IOException {
        orders = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        feed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptOrders, "lis-orders").start();
        daemon(this::acceptFeed, "lis-feed").start();
    }

    int ordersPort() {
        return orders.getLocalPort();
    }

    int feedPort() {
        return feed.getLocalPort();
    }

    /** The analyser reports it is operational after calibrating for {@code millis}. */
    void calibrate(long millis) throws InterruptedException {
        if (!feedConnected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the result feed did not connect");
        }
        clock.schedule(
                () -> push("MSH|^~\\&|LIS|LAB|LABHUB|HOSPITAL|" + TIMESTAMP + "||ESU^U01^ESU_U01|S"
                        + controlIds.incrementAndGet() + "|P|2.5.1\rEQU|ANALYZER-1^LAB|" + TIMESTAMP + "|OP\r"),
                millis,
                TimeUnit.MILLISECONDS);
    }

    private void acceptOrders() {
        while (!orders.isClosed()) {
            try (Socket socket = orders.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                String order;
                while ((order = readFrame(in)) != null) {
                    String controlId = field(order, "MSH", 9);
                    writeFrame(
                            out,
                            "MSH|^~\\&|LIS|LAB|LABHUB|HOSPITAL|" + TIMESTAMP + "||ACK^O01|A" + controlId + "|P|2.5.1\r"
                                    + "MSA|AA|" + controlId + "\r");
                    String placer = field(order, "ORC", 2);
                    clock.schedule(() -> push(result(placer)), RESULT_DELAY_MS, TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                // The journey is over, or the client went away.
            }
        }
    }

    private void acceptFeed() {
        try {
            Socket socket = feed.accept();
            feedSocket = socket;
            feedConnected.countDown();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (readFrame(in) != null) {
                // The hub's acknowledgements.
            }
        } catch (IOException e) {
            // The journey is over.
        }
    }

    private String result(String placer) {
        int id = controlIds.incrementAndGet();
        return "MSH|^~\\&|LIS|LAB|LABHUB|HOSPITAL|" + TIMESTAMP + "||ORU^R01^ORU_R01|R" + id + "|P|2.5.1\r"
                + "PID|1||MRN-000731^^^HOSPITAL^MR||Durand^Camille\r"
                + "OBR|1|" + placer + "|ACC" + id + "|1558-6^Fasting glucose^LN\r"
                + "OBX|1|NM|1558-6^Fasting glucose^LN||5.4|mmol/L|3.9-5.5||||F|||" + TIMESTAMP + "\r";
    }

    private synchronized void push(String message) {
        try {
            writeFrame(feedSocket.getOutputStream(), message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot push on the result feed", e);
        }
    }

    @Override
    public void close() throws IOException {
        clock.shutdownNow();
        orders.close();
        feed.close();
        if (feedSocket != null) {
            feedSocket.close();
        }
    }

    private static String field(String message, String segment, int n) {
        for (String line : message.split("\r")) {
            if (line.startsWith(segment + "|")) {
                String[] fields = line.split("\\|", -1);
                int index = segment.equals("MSH") ? n - 1 : n;
                return index < fields.length ? fields[index] : "";
            }
        }
        return "";
    }

    private static void writeFrame(OutputStream out, String message) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x0B);
        frame.write(message.getBytes(StandardCharsets.UTF_8));
        frame.write(0x1C);
        frame.write(0x0D);
        out.write(frame.toByteArray());
        out.flush();
    }

    private static String readFrame(InputStream in) throws IOException {
        int b = in.read();
        if (b == -1) {
            return null;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                return null;
            }
            message.write(b);
        }
        in.read();
        return message.toString(StandardCharsets.UTF_8);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
