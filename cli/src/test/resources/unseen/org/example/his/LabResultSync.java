package org.example.his;

import java.util.List;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestTemplate;

/** Copies new lab results from the laboratory system into the patient record. */
public class LabResultSync {

    private final RestTemplate lis = new RestTemplate();
    private final ResultStore store;

    public LabResultSync(ResultStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelay = 15_000)
    public void pullNewResults() {
        LabResult[] results = lis.getForObject("https://lis.hospital.local/api/results?status=new", LabResult[].class);
        if (results != null) {
            store.saveAll(List.of(results));
        }
    }

    @JmsListener(destination = "lis.results")
    public void onResult(LabResult result) {
        store.saveAll(List.of(result));
    }

    @Scheduled(cron = "0 0 3 * * *")
    public void nightlyReconciliation() {
        LabResult[] all = lis.getForObject("https://lis.hospital.local/api/results?since=yesterday", LabResult[].class);
        store.reconcile(all);
    }

    public record LabResult(String accession, String loinc, String value) {}

    public interface ResultStore {
        void saveAll(List<LabResult> results);

        void reconcile(LabResult[] results);
    }
}
