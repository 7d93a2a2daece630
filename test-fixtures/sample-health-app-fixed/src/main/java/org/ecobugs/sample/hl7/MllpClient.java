package org.ecobugs.sample.hl7;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Sends HL7 v2 messages to the laboratory information system over MLLP and waits for its acknowledgement. Each
 * message travels in an MLLP frame: a vertical tab (0x0B), the message, then a file separator and a carriage return
 * (0x1C 0x0D).
 */
public class MllpClient implements Closeable {

    static final int START_BLOCK = 0x0B;
    static final int END_BLOCK = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;

    private static final Logger LOG = Logger.getLogger(MllpClient.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int ACK_TIMEOUT_MS = 10_000;
    private static final int MAX_CONNECT_ATTEMPTS = 6;
    private static final long INITIAL_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final int MAX_SEND_ATTEMPTS = 5;
    private static final long INITIAL_RESEND_DELAY_MS = 500;
    private static final long MAX_RESEND_DELAY_MS = 8_000;

    private final String host;
    private final int port;
    private Socket socket;

    public MllpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Opens the connection, backing off exponentially between attempts; gives up after six. */
    public void connect() throws IOException, InterruptedException {
        long backoff = INITIAL_BACKOFF_MS;
        for (int attempt = 1; attempt <= MAX_CONNECT_ATTEMPTS; attempt++) {
            Socket candidate = new Socket();
            try {
                candidate.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                candidate.setSoTimeout(ACK_TIMEOUT_MS);
                socket = candidate;
                return;
            } catch (IOException e) {
                candidate.close();
                if (attempt == MAX_CONNECT_ATTEMPTS) {
                    throw e;
                }
                LOG.warning("LIS " + host + ":" + port + " unreachable (" + e.getMessage() + "), attempt " + attempt);
                Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * Sends a message and returns the ACK the LIS answers with. A message whose ACK does not arrive in time is sent
     * again, since the LIS discards duplicates by their control id (MSH-10).
     */
    public String send(String message) throws IOException, InterruptedException {
        IOException lastFailure = null;
        long delay = INITIAL_RESEND_DELAY_MS;
        for (int attempt = 0; attempt < MAX_SEND_ATTEMPTS; attempt++) {
            try {
                writeFrame(socket.getOutputStream(), message);
                String ack = readFrame(socket.getInputStream());
                if (ack == null) {
                    throw new EOFException("LIS closed the connection before acknowledging");
                }
                return ack;
            } catch (IOException e) {
                lastFailure = e;
                LOG.warning("no ACK from " + host + ":" + port + " (" + e.getMessage() + "), sending again");
                Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay / 2));
                delay = Math.min(delay * 2, MAX_RESEND_DELAY_MS);
            }
        }
        throw new IOException("message not acknowledged after " + MAX_SEND_ATTEMPTS + " attempts", lastFailure);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    /** Writes one message in an MLLP frame. */
    static void writeFrame(OutputStream out, String message) throws IOException {
        out.write(START_BLOCK);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(END_BLOCK);
        out.write(CARRIAGE_RETURN);
        out.flush();
    }

    /** Reads one MLLP frame and returns the message in it, or null when the peer closed the connection. */
    static String readFrame(InputStream in) throws IOException {
        int b = in.read();
        if (b == -1) {
            return null;
        }
        if (b != START_BLOCK) {
            throw new IOException("expected an MLLP start block, got 0x" + Integer.toHexString(b));
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while ((b = in.read()) != END_BLOCK) {
            if (b == -1) {
                throw new EOFException("connection closed inside an MLLP frame");
            }
            message.write(b);
        }
        if (in.read() != CARRIAGE_RETURN) {
            throw new IOException("MLLP end block not followed by a carriage return");
        }
        return message.toString(StandardCharsets.UTF_8);
    }
}
