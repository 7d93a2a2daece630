package org.ecobugs.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bytecode rules' prescreen strings, looked for in the raw bytes of constant-pool entries: no string is decoded,
 * and each byte of an entry is looked at once, against only the strings that start with it and the next byte. The
 * profile showed the former way (decode each entry, then {@code contains} for every string of every rule) at half the
 * time of the bytecode walker. Names, descriptors and the strings looked for are ASCII, which the constant pool's
 * modified UTF-8 keeps byte for byte.
 */
final class ConstantPoolNeedles {

    private final boolean[] always;
    private final byte[][] needles;
    private final int[][] rulesOf;
    /** Indexes of the needles by their first two bytes; single-byte needles by their byte, in {@link #single}. */
    private final int[][] byPair = new int[1 << 16][];

    private final int[][] single = new int[1 << 8][];

    ConstantPoolNeedles(List<Set<String>> prescreens) {
        always = new boolean[prescreens.size()];
        List<byte[]> texts = new ArrayList<>();
        List<List<Integer>> owners = new ArrayList<>();
        for (int rule = 0; rule < prescreens.size(); rule++) {
            if (prescreens.get(rule).isEmpty()) {
                always[rule] = true;
                continue;
            }
            for (String needle : prescreens.get(rule)) {
                if (needle.isEmpty()) {
                    always[rule] = true;
                    continue;
                }
                byte[] text = needle.getBytes(StandardCharsets.ISO_8859_1);
                int index = indexOf(texts, text);
                if (index < 0) {
                    texts.add(text);
                    owners.add(new ArrayList<>());
                    index = texts.size() - 1;
                }
                owners.get(index).add(rule);
            }
        }
        needles = texts.toArray(byte[][]::new);
        rulesOf = new int[needles.length][];
        for (int n = 0; n < needles.length; n++) {
            rulesOf[n] = owners.get(n).stream().mapToInt(Integer::intValue).toArray();
            byte[] text = needles[n];
            if (text.length == 1) {
                single[text[0] & 0xFF] = append(single[text[0] & 0xFF], n);
            } else {
                int key = pair(text[0], text[1]);
                byPair[key] = append(byPair[key], n);
            }
        }
    }

    /** A fresh answer: the rules that want every class. */
    boolean[] always() {
        return always.clone();
    }

    /** How many rules are not yet wanted. */
    int pending(boolean[] wanted) {
        int pending = 0;
        for (boolean w : wanted) {
            if (!w) {
                pending++;
            }
        }
        return pending;
    }

    /**
     * Marks the rules of every needle found in {@code bytes[from, to)}; returns how many rules are still not wanted.
     */
    int find(byte[] bytes, int from, int to, boolean[] wanted, int pending) {
        for (int p = from; p < to && pending > 0; p++) {
            int[] ones = single[bytes[p] & 0xFF];
            if (ones != null) {
                for (int n : ones) {
                    pending = mark(n, wanted, pending);
                }
            }
            if (p + 1 < to) {
                int[] candidates = byPair[pair(bytes[p], bytes[p + 1])];
                if (candidates != null) {
                    for (int n : candidates) {
                        if (!settled(n, wanted) && matches(bytes, p, to, needles[n])) {
                            pending = mark(n, wanted, pending);
                        }
                    }
                }
            }
        }
        return pending;
    }

    private int mark(int needle, boolean[] wanted, int pending) {
        for (int rule : rulesOf[needle]) {
            if (!wanted[rule]) {
                wanted[rule] = true;
                pending--;
            }
        }
        return pending;
    }

    private boolean settled(int needle, boolean[] wanted) {
        for (int rule : rulesOf[needle]) {
            if (!wanted[rule]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] bytes, int at, int to, byte[] needle) {
        if (to - at < needle.length) {
            return false;
        }
        for (int i = 2; i < needle.length; i++) {
            if (bytes[at + i] != needle[i]) {
                return false;
            }
        }
        return true;
    }

    private static int pair(byte first, byte second) {
        return ((first & 0xFF) << 8) | (second & 0xFF);
    }

    private static int[] append(int[] values, int value) {
        if (values == null) {
            return new int[] {value};
        }
        int[] longer = java.util.Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    private static int indexOf(List<byte[]> texts, byte[] text) {
        for (int i = 0; i < texts.size(); i++) {
            if (java.util.Arrays.equals(texts.get(i), text)) {
                return i;
            }
        }
        return -1;
    }
}
