package org.ecobugs.rules.engine.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How much one input may make the analysis read. An archive's entries are deflated: a 2 MB jar may hold an entry that
 * inflates to 2 GB (a zip bomb), and the sizes its directory declares are whatever its writer put there. Entries are
 * therefore read through a {@link Budget}, which counts the bytes as they are inflated and stops at the first one past
 * a limit, whatever size the entry declares. Files on disk are read whole once their size is known to be within the
 * limit.
 *
 * @param classBytes the most one class file may hold. No compiler writes a class of more than a few megabytes (a
 *     method's code is at most 64 kB), so a larger one is a zip bomb or a damaged archive, not code to analyse
 * @param archiveBytes the most all the entries read from one archive may inflate to, in all
 * @param textBytes the most one text entry may hold (a service list, Spring's factories and imports): a few kilobytes
 *     in the largest libraries
 */
public record InputLimits(long classBytes, long archiveBytes, long textBytes) {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** 8 MiB per class file, 1 GiB inflated per archive, 1 MiB per text entry. */
    public static final InputLimits DEFAULT = new InputLimits(8 * MIB, 1024 * MIB, MIB);

    /** What {@code readNBytes} can return at most: the largest array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public InputLimits {
        if (classBytes < 1 || archiveBytes < 1 || textBytes < 1) {
            throw new IllegalArgumentException("limits must be at least 1 byte");
        }
    }

    /** A new count of what one archive has inflated to. */
    public Budget archiveBudget() {
        return new Budget(this);
    }

    /**
     * Reads a file whole, unless it holds more than {@code limit} bytes: its size is looked up first, and nothing is
     * read then. A file that grows while it is read is analysed as it was when its size was looked up.
     */
    public static byte[] readFile(Path file, long limit, String what) throws IOException, TooLarge {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > limit) {
                throw new TooLarge(size + " bytes, over the limit of " + bytes(limit) + " for " + what, false);
            }
            byte[] content = new byte[(int) size];
            int read = Channels.newInputStream(channel).readNBytes(content, 0, content.length);
            return read == content.length ? content : Arrays.copyOf(content, read);
        }
    }

    /** A size in the largest binary unit that divides it, for messages: {@code 8 MiB}, {@code 1536 KiB}. */
    public static String bytes(long count) {
        if (count >= MIB && count % MIB == 0) {
            return count / MIB + " MiB";
        }
        if (count >= KIB && count % KIB == 0) {
            return count / KIB + " KiB";
        }
        return count + " bytes";
    }

    /** What is left of one archive's limit, as its entries are read. Not thread-safe: one archive, one reader. */
    public static final class Budget {
        private final InputLimits limits;
        private long remaining;

        private Budget(InputLimits limits) {
            this.limits = limits;
            this.remaining = limits.archiveBytes;
        }

        /** A class entry whole, within the class limit and what is left of the archive's. */
        public byte[] readClass(InputStream entry) throws IOException, TooLarge {
            return read(entry, limits.classBytes, "one class file");
        }

        /** A text entry whole, within the text limit and what is left of the archive's. */
        public byte[] readText(InputStream entry) throws IOException, TooLarge {
            return read(entry, limits.textBytes, "one text entry");
        }

        private byte[] read(InputStream entry, long entryLimit, String what) throws IOException, TooLarge {
            long cap = Math.min(entryLimit, remaining);
            // One byte more than allowed tells an entry at the limit from one past it; no more is ever inflated.
            byte[] content = entry.readNBytes((int) Math.min(MAX_ARRAY, cap + 1));
            remaining -= Math.min(remaining, content.length);
            if (content.length <= cap) {
                return content;
            }
            if (cap == entryLimit) {
                throw new TooLarge("it inflates to more than " + bytes(entryLimit) + ", the limit for " + what, false);
            }
            throw new TooLarge(
                    "the archive inflates to more than " + bytes(limits.archiveBytes)
                            + " in all here, the limit for one archive",
                    true);
        }
    }

    /** An input past a limit. What was read of it is dropped with the exception. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean archiveSpent;

        public TooLarge(String reason, boolean archiveSpent) {
            // A limit reached is an outcome to report, not a defect: no stack trace to fill.
            super(reason, null, false, false);
            this.archiveSpent = archiveSpent;
        }

        /** Whether the whole archive's limit is reached, so that none of its later entries is read either. */
        public boolean archiveSpent() {
            return archiveSpent;
        }
    }
}
