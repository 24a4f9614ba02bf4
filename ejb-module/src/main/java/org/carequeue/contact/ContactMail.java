package org.carequeue.contact;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mails the members of a queue who asked for it that someone left their contact details there.
 * The e-mail holds a link to the queue's activity log in the desk and nothing of the contact: a
 * mailbox is not the place for a customer's message, and the desk asks who is reading.
 *
 * <p>Sent after the contact's transaction committed, on a managed thread (an SMTP server that is
 * slow or down never holds up or undoes the customer's contact); a failure is logged. Without an
 * SMTP host ({@code CAREQUEUE_SMTP_HOST}) nothing is sent, which the log says once.
 */
@ApplicationScoped
public class ContactMail {

    private static final Logger LOG = Logger.getLogger(ContactMail.class.getName());
    private static final int TIMEOUT_MILLIS = 20_000;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Contacts contacts;

    @Inject
    @ConfigProperty(name = "carequeue.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "carequeue.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "carequeue.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "carequeue.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "carequeue.smtp.starttls", defaultValue = "true")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "carequeue.mail.from", defaultValue = "carequeue@localhost")
    String from;

    /** The address people reach this CareQueue at, for the link. */
    @Inject
    @ConfigProperty(name = "carequeue.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private final AtomicBoolean saidNoHost = new AtomicBoolean();

    void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactRegistered event) {
        if (host.isEmpty() || host.get().isBlank()) {
            if (saidNoHost.compareAndSet(false, true)) {
                LOG.info("No SMTP host (CAREQUEUE_SMTP_HOST): registered contacts are not announced by e-mail");
            }
            return;
        }
        try {
            executor.execute(() -> announce(event.contactId()));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Could not schedule the e-mail about contact " + event.contactId(), e);
        }
    }

    private void announce(String contactId) {
        try {
            ContactAnnouncement announcement = contacts.announcement(contactId);
            if (announcement.recipients().isEmpty()) {
                return;
            }
            Session session = session();
            String link = publicUrl.replaceAll("/+$", "") + "/desk/queue.xhtml?id="
                    + URLEncoder.encode(announcement.queueId(), StandardCharsets.UTF_8) + "&tab=log";
            for (String recipient : announcement.recipients()) {
                // One refused address must not cost the members after it their e-mail.
                try {
                    send(session, recipient, announcement.queueName(), link);
                } catch (MessagingException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not e-mail a member about contact " + contactId, e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not e-mail about contact " + contactId, e);
        }
    }

    private void send(Session session, String recipient, String queueName, String link) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("New contact in " + queueName, StandardCharsets.UTF_8.name());
        message.setText("Someone left their contact details in the queue " + queueName + ".\n\n"
                + "Read them in the queue's activity log:\n" + link + "\n\n"
                + "You get this e-mail because you asked for it under the bell in the desk.\n",
                StandardCharsets.UTF_8.name());
        Transport.send(message);
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        if (user.isPresent() && !user.get().isBlank()) {
            properties.put("mail.smtp.auth", "true");
            String name = user.get();
            String secret = password.orElse("");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(name, secret);
                }
            });
        }
        return Session.getInstance(properties);
    }
}
