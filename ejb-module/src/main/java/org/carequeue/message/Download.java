package org.carequeue.message;

/**
 * A stored file (or its thumbnail) for one reader: its safe name, the media type its bytes showed
 * and whether it is a picture (a browser may show it inline; anything else is only downloaded).
 */
public record Download(String fileName, String contentType, boolean picture, byte[] bytes) {
}
