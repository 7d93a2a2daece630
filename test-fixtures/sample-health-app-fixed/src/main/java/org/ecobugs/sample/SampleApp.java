package org.ecobugs.sample;

import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Logger;
import org.ecobugs.sample.dao.ObservationDao;
import org.ecobugs.sample.fhir.ObservationService;
import org.ecobugs.sample.fhir.PatientResource;
import org.ecobugs.sample.hl7.Hl7FeedListener;
import org.ecobugs.sample.hl7.MllpClient;
import org.ecobugs.sample.hl7.OruParser;
import org.ecobugs.sample.lab.LabResultPoller;
import org.ecobugs.sample.model.LabResult;
import org.ecobugs.sample.model.Patient;

/**
 * Starts the lab hub: connects to the clinical data repository and to the laboratory information system, orders a
 * fasting glucose for the demo patient, stores the result when it comes back and prints the patient's chart as FHIR.
 * Settings come from system properties ({@code labhub.jdbcUrl}, {@code labhub.lisHost}…).
 */
public final class SampleApp {

    private static final Logger LOG = Logger.getLogger(SampleApp.class.getName());
    private static final Patient DEMO_PATIENT =
            new Patient(1001, "MRN-000731", "Durand", "Camille", "female", LocalDate.of(1984, 3, 12));

    private SampleApp() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = System.getProperty("labhub.jdbcUrl", "jdbc:postgresql://localhost:5432/cdr");
        String dbUser = System.getProperty("labhub.dbUser", "labhub");
        String dbPassword = System.getProperty("labhub.dbPassword", "");
        String lisHost = System.getProperty("labhub.lisHost", "lis.hospital.local");
        int ordersPort = Integer.getInteger("labhub.ordersPort", 2575);
        int resultsPort = Integer.getInteger("labhub.resultsPort", 2576);

        ObservationDao dao = new ObservationDao(() -> DriverManager.getConnection(jdbcUrl, dbUser, dbPassword));
        ObservationService service = new ObservationService(
                dao, id -> id == DEMO_PATIENT.id() ? Optional.of(DEMO_PATIENT) : Optional.empty());
        PatientResource patients = new PatientResource(service);
        LabResultPoller poller = new LabResultPoller();

        Hl7FeedListener feed = new Hl7FeedListener(lisHost, resultsPort, message -> {
            if (OruParser.messageType(message).equals("ESU")) {
                poller.onInstrumentStatus(OruParser.equipmentState(message));
            } else {
                OruParser.results(message).forEach(poller::accept);
            }
        });
        Thread feedThread = new Thread(feed, "lis-result-feed");
        feedThread.setDaemon(true);
        feedThread.start();

        poller.awaitInstrumentReady();
        try (MllpClient orders = new MllpClient(lisHost, ordersPort)) {
            orders.connect();
            String ack = orders.send(glucoseOrder(DEMO_PATIENT));
            LOG.info("order acknowledged: " + ack.replace('\r', '\n'));
        }

        LabResult result = poller.awaitRoutineResult();
        service.record(DEMO_PATIENT.id(), result);
        System.out.println(patients.everything(DEMO_PATIENT.id()).body());
        feed.stop();
    }

    /** PID-8, HL7 table 0001. */
    private static String administrativeSex(Patient patient) {
        return switch (patient.gender()) {
            case "female" -> "F";
            case "male" -> "M";
            case "other" -> "O";
            default -> "U";
        };
    }

    /** An ORM^O01 new order (ORC-1 = NW) for a fasting glucose (LOINC 1558-6). */
    private static String glucoseOrder(Patient patient) {
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String placerOrder = "ORD" + now;
        return "MSH|^~\\&|LABHUB|HOSPITAL|LIS|LAB|" + now + "||ORM^O01^ORM_O01|" + placerOrder + "|P|2.5.1\r"
                + "PID|1||" + patient.mrn() + "^^^HOSPITAL^MR||" + patient.familyName() + "^" + patient.givenName()
                + "||" + patient.birthDate().toString().replace("-", "") + "|" + administrativeSex(patient) + "\r"
                + "ORC|NW|" + placerOrder + "\r"
                + "OBR|1|" + placerOrder + "||1558-6^Fasting glucose^LN|||" + now + "\r";
    }
}
