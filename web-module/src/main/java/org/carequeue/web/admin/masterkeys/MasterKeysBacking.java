package org.carequeue.web.admin.masterkeys;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.carequeue.api.metadata.MasterKeyResponse;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.metadata.MasterKeys;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/**
 * The organization's master keys for secure metadata: the owner creates one (its secret is shown
 * in a dialog, once, and not kept by this page after it closes) or revokes one; operators see the list.
 */
@Named
@ViewScoped
public class MasterKeysBacking implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Inject
    MasterKeys masterKeys;

    private transient List<MasterKeyResponse> all;
    /** The key just created, until its dialog is closed. */
    private NewMasterKeyResponse created;

    public void create() {
        try {
            created = masterKeys.create();
            all = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** The secret's dialog closed: it is forgotten. */
    public void forgetSecret() {
        created = null;
    }

    public void revoke(MasterKeyResponse key) {
        try {
            masterKeys.revoke(key.keyId());
            all = null;
            Feedback.info("Master key " + key.keyId() + " is revoked; secure metadata made with it is refused from now on.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** The admin has no script to localize times: they are shown in UTC. */
    public String when(String isoTime) {
        return isoTime == null ? "" : OffsetDateTime.parse(isoTime).withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    public List<MasterKeyResponse> getAll() {
        if (all == null) {
            all = masterKeys.list();
        }
        return all;
    }

    public NewMasterKeyResponse getCreated() {
        return created;
    }
}
