package org.ecobugs.sample.hl7;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.ecobugs.sample.model.LabResult;

/** Reads the parts of HL7 v2.5.1 lab messages that the service needs: ORU^R01 results and ESU^U01 statuses. */
public final class OruParser {

    private static final DateTimeFormatter HL7_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId LAB_ZONE = ZoneId.of("Europe/Paris");

    private OruParser() {}

    /** The message type (MSH-9.1), e.g. {@code ORU} or {@code ESU}. */
    public static String messageType(String message) {
        return component(field(segment(message, "MSH"), 9), 1);
    }

    /** The equipment state (EQU-3) of an ESU^U01 message, e.g. {@code OP} when the analyser is operational. */
    public static String equipmentState(String message) {
        return component(field(segment(message, "EQU"), 3), 1);
    }

    /** One result per OBX segment of an ORU^R01 message. */
    public static List<LabResult> results(String message) {
        String mrn = component(field(segment(message, "PID"), 3), 1);
        String accession = component(field(segment(message, "OBR"), 3), 1);
        List<LabResult> results = new ArrayList<>();
        for (String line : message.split("\r")) {
            String[] obx = line.split("\\|", -1);
            if (!obx[0].equals("OBX") || !field(obx, 2).equals("NM")) {
                continue;
            }
            String code = field(obx, 3);
            results.add(new LabResult(
                    accession,
                    mrn,
                    component(code, 1),
                    component(code, 2),
                    field(obx, 5),
                    component(field(obx, 6), 1),
                    field(obx, 8),
                    timestamp(field(obx, 14))));
        }
        return results;
    }

    /** The fields of the first segment with this id, empty when the message has none. */
    static String[] segment(String message, String id) {
        for (String line : message.split("\r")) {
            if (line.startsWith(id + "|")) {
                return line.split("\\|", -1);
            }
        }
        return new String[0];
    }

    /** Field {@code n} of a segment, counted the HL7 way (in MSH, the field separator itself is MSH-1). */
    static String field(String[] segment, int n) {
        int index = segment.length > 0 && segment[0].equals("MSH") ? n - 1 : n;
        return index < segment.length ? segment[index] : "";
    }

    private static String component(String field, int n) {
        String[] components = field.split("\\^", -1);
        return n <= components.length ? components[n - 1] : "";
    }

    private static Instant timestamp(String value) {
        if (value.length() < 14) {
            return Instant.now();
        }
        return LocalDateTime.parse(value.substring(0, 14), HL7_TIMESTAMP).atZone(LAB_ZONE).toInstant();
    }
}
