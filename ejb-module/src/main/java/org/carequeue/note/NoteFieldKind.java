package org.carequeue.note;

/** What an agent fills in: one line, several lines, or one of the field's options. */
public enum NoteFieldKind {
    TEXT(1_000),
    TEXTAREA(10_000),
    CHOICE(NoteField.MAX_OPTION_LENGTH);

    private final int maxLength;

    NoteFieldKind(int maxLength) {
        this.maxLength = maxLength;
    }

    int maxLength() {
        return maxLength;
    }
}
