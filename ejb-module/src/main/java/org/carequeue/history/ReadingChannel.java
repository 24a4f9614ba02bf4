package org.carequeue.history;

/** How a transcript was read: on the admin page, over REST, as a CSV download, or one of its files. */
public enum ReadingChannel {
    PAGE, REST, CSV, ATTACHMENT
}
