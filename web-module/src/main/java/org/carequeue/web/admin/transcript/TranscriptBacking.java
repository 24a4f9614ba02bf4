package org.carequeue.web.admin.transcript;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.audience.AudienceNotFound;
import org.carequeue.history.ReadingChannel;
import org.carequeue.history.ReasonRequired;
import org.carequeue.history.Transcripts;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.faces.Times;
import org.carequeue.web.rest.history.TranscriptCsv;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One transcript, for operators ({@code ?audience=<id>}). When the organization asks for a reason,
 * the page asks first and shows nothing before; the reason given then also stands for the CSV
 * download of this view. Every reading is audited by the boundary.
 */
@Named
@ViewScoped
public class TranscriptBacking implements Serializable {

    @Inject
    Transcripts transcripts;

    private String audienceId;
    private String reason;
    private TranscriptResponse transcript;
    private boolean reasonAsked;
    private transient List<TranscriptReadingResponse> readings;

    /** Reads the transcript, or, when the organization wants a reason first, opens the dialog that asks. */
    public void open() {
        try {
            transcript = transcripts.read(audienceId, null, ReadingChannel.PAGE);
        } catch (ReasonRequired asked) {
            reasonAsked = true;
        } catch (AudienceNotFound missing) {
            notFound();
        }
    }

    public void giveReason() {
        try {
            transcript = transcripts.read(audienceId, reason, ReadingChannel.PAGE);
            readings = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, "reasonForm");
        }
    }

    /** The CSV file of this transcript; a download is a reading of its own in the audit trail. */
    public StreamedContent getCsv() {
        return DefaultStreamedContent.builder()
                .name("transcript-" + audienceId + ".csv")
                .contentType(TranscriptCsv.MEDIA_TYPE)
                .stream(() -> new ByteArrayInputStream(TranscriptCsv.of(transcripts.read(audienceId, reason,
                        ReadingChannel.CSV)).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    public List<TranscriptReadingResponse> getReadings() {
        if (readings == null && transcript != null) {
            readings = transcripts.readings(audienceId);
        }
        return readings;
    }

    public String fileUrl(AttachmentResponse file) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/desk/attachments/" + audienceId + "/" + file.id();
    }

    public String when(String iso) {
        return Times.of(iso);
    }

    public String rating(Integer rating) {
        return rating == null ? "Not rated" : switch (rating) {
            case 1 -> "Good";
            case 0 -> "Okay";
            default -> "Poor";
        };
    }

    public String joined(List<String> names) {
        return String.join(", ", names);
    }

    /** The answers and metadata the transcript holds, each group with its title; empty groups left out. */
    public List<Facts> getFacts() {
        if (transcript == null) {
            return List.of();
        }
        return Stream.of(new Facts("Questionnaire before", transcript.preAnswers()),
                        new Facts("Questionnaire after", transcript.postAnswers()),
                        new Facts("Metadata", transcript.metadata()),
                        new Facts("Verified (secure metadata)", transcript.secureMetadata()))
                .filter(facts -> !facts.values().isEmpty()).toList();
    }

    /** A titled group of facts, for the page (which reads {@code entries()}). */
    public record Facts(String title, Map<String, String> values) implements Serializable {
        public List<Map.Entry<String, String>> entries() {
            return List.copyOf(values.entrySet());
        }
    }

    public String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    private void notFound() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.responseSendError(404, "No such conversation in your organization");
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getAudienceId() {
        return audienceId;
    }

    public void setAudienceId(String audienceId) {
        this.audienceId = audienceId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public TranscriptResponse getTranscript() {
        return transcript;
    }

    public boolean isReasonAsked() {
        return reasonAsked;
    }
}
