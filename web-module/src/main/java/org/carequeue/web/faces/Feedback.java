package org.carequeue.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.primefaces.PrimeFaces;

/**
 * What a page tells its user: a refusal from a boundary goes beside the field it names (inputs
 * carry the boundary's field names as ids) or, without a field, to the page's messages.
 */
public final class Feedback {

    private Feedback() {
    }

    public static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    public static void warn(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, summary, null));
    }

    /**
     * Shows a boundary's refusal. {@code formId} is the client id of the form whose inputs are
     * named like the boundary's fields; null shows every refusal as a page message.
     */
    public static void refused(BusinessException refusal, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String field = refusal instanceof InvalidInput invalid ? invalid.field() : null;
        String clientId = field == null || formId == null ? null : formId + ":" + field;
        if (clientId != null && faces.getViewRoot().findComponent(":" + clientId) == null) {
            clientId = null;
        }
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence(refusal.getMessage()), null));
        faces.validationFailed();
    }

    /**
     * Tells the page's {@code oncomplete} that the action succeeded ({@code args.done}), so a dialog
     * closes only then. ({@code args.validationFailed} stayed set on a success after a refusal.)
     */
    public static void done() {
        PrimeFaces.current().ajax().addCallbackParam("done", true);
    }

    /** A redirect that keeps this request's messages for the next page. */
    public static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sentence(String detail) {
        return detail == null || detail.isEmpty() ? "That did not work"
                : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
    }
}
