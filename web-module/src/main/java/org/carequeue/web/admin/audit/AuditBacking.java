package org.carequeue.web.admin.audit;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.carequeue.api.audit.AuditEntryResponse;
import org.carequeue.api.audit.AuditPage;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.AuditLog;
import org.carequeue.web.faces.Times;

/**
 * The audit log page: newest first, 50 a page, one kind or all. Older pages follow the API's
 * cursor; the cursors of the pages before are kept, so "Newer" goes back.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    static final String PAGE_SIZE = "50";

    @Inject
    AuditLog auditLog;

    private String kind;
    /** The cursors of the pages before the one shown (the first page's is null). */
    private final Deque<String> before = new ArrayDeque<>();
    private String cursor;
    private transient AuditPage page;

    @PostConstruct
    void firstPage() {
        read();
    }

    public void filter() {
        before.clear();
        cursor = null;
        read();
    }

    public void older() {
        if (isHasOlder()) {
            before.push(cursor == null ? "" : cursor);
            cursor = page.nextCursor();
            read();
        }
    }

    public void newer() {
        if (!before.isEmpty()) {
            String previous = before.pop();
            cursor = previous.isEmpty() ? null : previous;
            read();
        }
    }

    private void read() {
        page = auditLog.list(kind, cursor, PAGE_SIZE);
    }

    public List<AuditEntryResponse> getEntries() {
        if (page == null) {
            read();
        }
        return page.items();
    }

    public boolean isHasOlder() {
        return page != null && page.nextCursor() != null;
    }

    public boolean isHasNewer() {
        return !before.isEmpty();
    }

    public List<String> getKinds() {
        return Arrays.stream(AuditKind.values()).map(Enum::name).toList();
    }

    public String when(AuditEntryResponse entry) {
        return Times.of(entry.at());
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
