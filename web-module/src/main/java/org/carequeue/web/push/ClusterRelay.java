package org.carequeue.web.push;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.agent.AgentSignedOut;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceCompleted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFeedbackGiven;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.message.MessagePosted;
import org.carequeue.web.chat.ChatPush;
import org.carequeue.web.chat.ManagedThreads;
import org.carequeue.web.chat.PeerSignal;

/**
 * Carries what sockets must be told, after the change committed, from the node where it committed
 * to every node through a topic of Payara's data grid, so a customer on one node and their agent
 * on another talk in real time and every desk updates. This node's own sockets get the record
 * itself, never a copy that went through the grid: encoding each push for the topic and decoding
 * it again on the node that sent it cost a sixth of the server's CPU per pick and a tenth to a
 * fifth per message (docs/benchmarks.md, 2026-12-06, later). While no other node is in the
 * cluster, nothing is published at all. The database stays the only judge of what happened;
 * the grid only carries notifications, and a node that misses one loses no data (clients resume
 * with {@code since}, desks re-read). Typing and call signalling ({@link PeerSignal}), which
 * nothing stores, take the same way at once.
 *
 * <p>What CareQueue sends between nodes is text only: a type name from {@link #RELAYED}, a line
 * break and the record as JSON, so no node deserializes a Java object that CareQueue published.
 * The record is written once and read once: an envelope object around it cost a parse and a
 * second serialization on each side (docs/benchmarks.md, 2026-12-06). The grid is
 * trusted (any member can publish), so it belongs on a private network; see docs/operations.md.
 *
 * <p>Each node hands what arrives, its own pushes and the other nodes', to one managed thread, which
 * delivers it to the sockets it holds in arrival order (the grid keeps one publisher's order;
 * {@code MessageOrder} restores an audience's seq order across publishers).
 * Without a data grid the topic is skipped and delivery stays on this node.
 */
@ApplicationScoped
public class ClusterRelay {

    static final String TOPIC = "carequeue.push";
    /**
     * Pushes waiting for this node's delivery thread. The thread only hands frames to sockets'
     * outboxes, so a backlog this long means something is badly wrong; the bound keeps a stuck
     * node from filling its heap (a message push can be 20 KB).
     */
    private static final int INBOX_CAPACITY = 5_000;
    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    /**
     * Looked up once: each {@code Json.create...} call looks the provider up again through the
     * class loader's resources, which took an eighth of the server's CPU under message load.
     */
    static final JsonProvider JSON_PROVIDER = JsonProvider.provider();
    static final Map<String, Class<?>> RELAYED = Stream.of(MessagePosted.class, AudienceAccepted.class,
                    AudienceDropped.class, AudienceFinished.class, AgentSignedOut.class, AgentRemoved.class,
                    DeskSignal.class, PeerSignal.class, AudienceTransferred.class, AudienceCompleted.class,
                    AudienceFeedbackGiven.class, DashboardSignal.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    @Inject
    ManagedThreads threads;

    @Inject
    ChatPush chat;

    @Inject
    DeskPush desks;

    @Inject
    DashboardPush dashboards;

    /** This node's own pushes as records, the other nodes' as their text from the grid. */
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile HazelcastInstance grid;
    private volatile ITopic<String> topic;
    private volatile UUID subscription;
    private volatile Thread deliverer;

    /**
     * Subscribes while the application starts, before any socket can open. Once only: a second
     * subscription would deliver every push twice.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        subscribe(dataGrid());
        deliverer = threads.newThread("carequeue-push-relay", this::deliverInOrder);
        deliverer.start();
    }

    /** Without a topic to listen to, this node's sockets still get this node's pushes. */
    private void subscribe(HazelcastInstance dataGrid) {
        if (dataGrid == null) {
            return;
        }
        try {
            ITopic<String> pushes = dataGrid.getTopic(TOPIC);
            subscription = pushes.addMessageListener(message -> {
                // This node's own pushes went to its inbox when they were published.
                if (!message.getPublishingMember().localMember()) {
                    enqueue(message.getMessageObject());
                }
            });
            // The grid first: publish counts its members once it sees the topic.
            grid = dataGrid;
            topic = pushes;
            LOG.info(() -> "Pushes reach the other nodes through the data grid topic " + TOPIC + " of cluster "
                    + dataGrid.getConfig().getClusterName() + " (" + dataGrid.getCluster().getMembers().size()
                    + " members now)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not subscribe to the data grid: pushes reach this node's sockets only", e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (topic != null && subscription != null) {
            try {
                topic.removeMessageListener(subscription);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid stopped before the relay", e);
            }
        }
        if (deliverer != null) {
            deliverer.interrupt();
            try {
                deliverer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        publish(event);
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceAccepted event) {
        publish(event);
    }

    void dropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceDropped event) {
        publish(event);
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFinished event) {
        publish(event);
    }

    void transferred(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceTransferred event) {
        publish(event);
    }

    void completed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceCompleted event) {
        publish(event);
    }

    void feedbackGiven(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFeedbackGiven event) {
        publish(event);
    }

    void signedOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentSignedOut event) {
        publish(event);
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRemoved event) {
        publish(event);
    }

    /**
     * Typing and call signalling: stored nowhere, so there is no commit to wait for; relayed like
     * the rest so that the other participant gets it on whichever node their sockets are.
     */
    void peerSignal(@Observes PeerSignal signal) {
        publish(signal);
    }

    /** Sends a committed change to every node; call it only after commit. */
    void publish(Object event) {
        String type = event.getClass().getSimpleName();
        if (RELAYED.get(type) != event.getClass()) {
            throw new IllegalArgumentException(type + " is not relayed between nodes");
        }
        if (topic != null && otherNodes()) {
            String text = toText(event);
            try {
                topic.publish(text);
            } catch (RuntimeException e) {
                // The other nodes' sockets miss it: chat clients resume with since and desks re-read;
                // a typing or call signal is gone, as it would be on a dropped connection.
                LOG.log(Level.WARNING, "The data grid refused a push; only this node's sockets get it", e);
            }
        }
        enqueue(event);
    }

    /**
     * A topic reaches only the members this node counts, so publishing while it counts none but
     * itself would reach nobody that its own inbox does not.
     */
    private boolean otherNodes() {
        try {
            return grid.getCluster().getMembers().size() > 1;
        } catch (RuntimeException e) {
            // The grid is going away with this node; its sockets still get the push.
            return false;
        }
    }

    private void enqueue(Object push) {
        if (!inbox.offer(push)) {
            LOG.warning("This node is too far behind with pushes; one was skipped (clients resume with since)");
        }
    }

    private void deliverInOrder() {
        while (running) {
            try {
                Object push = inbox.poll(1, TimeUnit.SECONDS);
                if (push instanceof String fromAnotherNode) {
                    deliverFromAnotherNode(fromAnotherNode);
                } else if (push != null) {
                    deliverRecord(push);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliverFromAnotherNode(String text) {
        Object event;
        try {
            event = fromText(text);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not read a push from another node", e);
            return;
        }
        if (event == null) {
            // A node of another version sent something this one does not know: not for us.
            // Only the type line is logged: the record may carry what customers wrote.
            int typeEnd = text.indexOf('\n');
            LOG.fine(() -> "Ignored a push of unknown type "
                    + (typeEnd < 0 ? "(no type line)" : text.substring(0, Math.min(typeEnd, 80))));
            return;
        }
        deliverRecord(event);
    }

    /** A relayed record as it crosses to the other nodes: its type name, a line break, its JSON. */
    static String toText(Object event) {
        return event.getClass().getSimpleName() + '\n' + JSON.toJson(event);
    }

    /** The record another node sent, or null when its type is none this node relays. */
    static Object fromText(String text) {
        int typeEnd = text.indexOf('\n');
        Class<?> type = typeEnd < 0 ? null : RELAYED.get(text.substring(0, typeEnd));
        return type == null ? null : JSON.fromJson(text.substring(typeEnd + 1), type);
    }

    private void deliverRecord(Object event) {
        try {
            if (event instanceof MessagePosted posted) {
                chat.deliver(posted);
                desks.deliver(posted);
            } else if (event instanceof AudienceAccepted accepted) {
                chat.deliver(accepted);
                desks.deliver(accepted);
            } else if (event instanceof AudienceDropped dropped) {
                chat.deliver(dropped);
            } else if (event instanceof AudienceFinished finished) {
                chat.deliver(finished);
                desks.deliver(finished);
            } else if (event instanceof AgentSignedOut signedOut) {
                chat.deliver(signedOut);
            } else if (event instanceof AgentRemoved removed) {
                chat.deliver(removed);
                desks.deliver(removed);
            } else if (event instanceof DeskSignal signal) {
                desks.deliver(signal);
            } else if (event instanceof PeerSignal signal) {
                chat.deliver(signal);
                desks.deliver(signal);
            } else if (event instanceof AudienceTransferred transferred) {
                chat.deliver(transferred);
                desks.deliver(transferred);
            } else if (event instanceof AudienceCompleted completed) {
                desks.deliver(completed);
            } else if (event instanceof AudienceFeedbackGiven feedback) {
                desks.deliver(feedback);
            } else if (event instanceof DashboardSignal signal) {
                dashboards.deliver(signal);
            }
        } catch (RuntimeException | LinkageError e) {
            // One bad push must not stop this node's delivery thread, and with it every later push.
            LOG.log(Level.WARNING, "Could not deliver a push to this node's sockets", e);
        }
    }

    /** Payara's data grid, when this server runs one. */
    private static HazelcastInstance dataGrid() {
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            if (grid != null && grid.getLifecycleService().isRunning()) {
                return grid;
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No data grid", e);
        }
        LOG.info("No data grid: socket pushes reach this node's sockets only");
        return null;
    }
}
