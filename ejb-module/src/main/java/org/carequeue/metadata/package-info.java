/**
 * What a customer brings along besides their words: metadata (browser, screen, pages, IP; collected
 * as the queue's {@link org.carequeue.metadata.MetadataCollection} allows) and secure metadata,
 * which the organization's own server encrypts with a {@link org.carequeue.metadata.MasterKey} and
 * which agents can therefore trust. The decoders ({@link org.carequeue.metadata.SecureMetadataDecoder},
 * {@link org.carequeue.metadata.NinchatSecureMetadata}, {@link org.carequeue.metadata.JweSecureMetadata})
 * are pure functions of the token, the key lookup and the time, so they can be tested and fuzzed alone.
 */
package org.carequeue.metadata;
