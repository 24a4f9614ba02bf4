package org.carequeue.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries: on a non-persistent tick on every node ({@code carequeue.webhook.tick-seconds})
 * and at once when a transaction that queued some commits. The database decides which node sends
 * which delivery ({@link WebhookDeliveries#claimDue}); on one node, one round runs at a time and a
 * wake-up during a round makes another round follow. A claimed batch goes out in parallel, so one
 * slow receiver does not hold up the others for long.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int BATCH = 20;
    /** Bounds one round, so a tick never runs for long; the next tick or wake-up goes on. */
    private static final int MAX_BATCHES_PER_ROUND = 50;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookPoster poster;

    @Inject
    WebhookSettings settings;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void start() {
        long period = settings.tick().toMillis();
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        sendDue();
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void wake() {
        sendDue();
    }

    private void sendDue() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                round();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not send webhooks; the next tick tries again", e);
            } finally {
                running.set(false);
            }
        }
    }

    private void round() {
        for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
            List<DeliveryJob> jobs = deliveries.claimDue(BATCH);
            if (jobs.isEmpty()) {
                return;
            }
            CompletableFuture.allOf(jobs.stream()
                    .map(job -> CompletableFuture.runAsync(() -> deliver(job), executor))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    private void deliver(DeliveryJob claimed) {
        Optional<DeliveryJob> renewed = deliveries.renew(claimed);
        if (renewed.isEmpty()) {
            return;
        }
        DeliveryJob job = renewed.get();
        DeliveryOutcome outcome = poster.post(job);
        try {
            deliveries.record(job, outcome);
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is sent again: at least once.
            LOG.log(Level.WARNING, "Could not record the outcome of webhook delivery " + job.deliveryId(), e);
        }
    }
}
