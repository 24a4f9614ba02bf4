package org.carequeue.webhook;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carequeue.platform.Clock;

/**
 * The sender's side of the outbox, for server code only. Every node's sender claims due
 * deliveries with a conditional update that sets a lease: of two nodes updating the same row,
 * the database lets one change it, the other changes nothing. The request goes out after the claim
 * has committed, outside any transaction; the outcome is written in another. A node that dies in
 * between leaves a lease that runs out, and another node sends again (at least once).
 */
@Stateless
public class WebhookDeliveries {

    /** Longer than an attempt can take (connect and answer timeouts together) with room to spare. */
    static final Duration LEASE = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSettings settings;

    /**
     * Claims up to {@code limit} due deliveries, oldest first: pending, due, not leased, of an
     * enabled subscription, and with no earlier pending delivery of the same ordering key to the
     * same subscription (so an audience's events arrive in order).
     */
    @PermitAll
    public List<DeliveryJob> claimDue(int limit) {
        OffsetDateTime now = Clock.now();
        // SQL rather than JPQL: EclipseLink compares a boolean with 1, which H2 refuses.
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("select d.id from webhook_delivery d"
                        + " join webhook_subscription s on s.id = d.subscription_id"
                        + " where s.enabled and d.status = 'PENDING' and d.next_attempt_at <= ?"
                        + " and (d.lease_until is null or d.lease_until < ?)"
                        + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
                        + " and e.ordering_key = d.ordering_key and e.status = 'PENDING' and e.id < d.id)"
                        + " order by d.id limit ?")
                .setParameter(1, now)
                .setParameter(2, now)
                .setParameter(3, limit)
                .getResultList();
        OffsetDateTime until = lease(now);
        List<DeliveryJob> claimed = new ArrayList<>();
        for (Number row : due) {
            long id = row.longValue();
            int updated = em.createQuery("update WebhookDelivery d set d.leaseUntil = :until where d.id = :id"
                            + " and d.status = :pending and (d.leaseUntil is null or d.leaseUntil < :now)")
                    .setParameter("until", until)
                    .setParameter("id", id)
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(job(id, until));
            }
        }
        return claimed;
    }

    /**
     * Renews a claim just before its request goes out, so that the lease covers the attempt
     * however long the job waited for a thread; empty when the lease was lost meanwhile (it ran
     * out and another node claimed the delivery, or it was recorded).
     */
    @PermitAll
    public Optional<DeliveryJob> renew(DeliveryJob job) {
        OffsetDateTime until = lease(Clock.now());
        int updated = em.createQuery("update WebhookDelivery d set d.leaseUntil = :until where d.id = :id"
                        + " and d.status = :pending and d.leaseUntil = :held")
                .setParameter("until", until)
                .setParameter("id", job.deliveryId())
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("held", job.leaseUntil())
                .executeUpdate();
        return updated == 1 ? Optional.of(job.withLease(until)) : Optional.empty();
    }

    /** Whole milliseconds, so that the lease reads back equal from either database. */
    private static OffsetDateTime lease(OffsetDateTime now) {
        return now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    private DeliveryJob job(long deliveryId, OffsetDateTime leaseUntil) {
        Object[] row = em.createQuery("select s.url, s.secret, e.id, e.body from WebhookDelivery d,"
                        + " WebhookSubscription s, WebhookEventRow e where d.id = :id and s.id = d.subscriptionId"
                        + " and e.id = d.eventId", Object[].class)
                .setParameter("id", deliveryId)
                .getSingleResult();
        return new DeliveryJob(deliveryId, (String) row[2], (String) row[0], (String) row[1], (String) row[3],
                leaseUntil);
    }

    /**
     * Writes an attempt's outcome: delivered on a 2xx; otherwise a retry after the backoff, or
     * FAILED once the next one would come later than the give-up time after the event.
     */
    @PermitAll
    public void record(DeliveryJob job, DeliveryOutcome outcome) {
        // Only under the job's own lease: a node whose lease ran out must not mark delivered
        // (and so release the next event of the audience) while another node sends it again.
        WebhookDelivery delivery = em.createQuery("select d from WebhookDelivery d where d.id = :id"
                        + " and d.status = :pending and d.leaseUntil = :held", WebhookDelivery.class)
                .setParameter("id", job.deliveryId())
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("held", job.leaseUntil())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (delivery == null) {
            return;
        }
        OffsetDateTime now = Clock.now();
        if (outcome.succeeded()) {
            delivery.delivered(outcome.httpStatus(), outcome.excerpt(), now);
        } else {
            delivery.attemptFailed(outcome.httpStatus(), outcome.excerpt(), outcome.error(), now,
                    now.plus(settings.backoffAfter(delivery.attempts() + 1)),
                    delivery.createdAt().plus(settings.giveUpAfter()));
        }
    }
}
