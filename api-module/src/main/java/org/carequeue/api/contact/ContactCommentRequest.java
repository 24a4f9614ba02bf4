package org.carequeue.api.contact;

/** The members' comment on a contact (what was done about it); empty or null clears it. */
public record ContactCommentRequest(String comment) {

    public static final int MAX_COMMENT_LENGTH = 2_000;
}
