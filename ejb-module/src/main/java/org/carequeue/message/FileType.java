package org.carequeue.message;

import java.util.List;

/**
 * A kind of file CareQueue accepts, as its bytes showed it: the media type it is served with and
 * the file name extensions that belong to it (the first is added to a name that has none of them).
 */
record FileType(String mediaType, List<String> extensions, boolean picture) {

    static FileType picture(String mediaType, String... extensions) {
        return new FileType(mediaType, List.of(extensions), true);
    }

    static FileType document(String mediaType, String... extensions) {
        return new FileType(mediaType, List.of(extensions), false);
    }
}
