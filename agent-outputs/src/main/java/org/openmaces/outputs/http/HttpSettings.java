package org.openmaces.outputs.http;

import java.net.URI;
import java.util.List;

/**
 * om_http's directives, read and checked.
 *
 * @param urls               the URL failover list
 * @param contentType        ContentType
 * @param headers            AddHeader values as name/value pairs
 * @param authorization      the Basic Authorization header value, or null
 * @param batchMode          BatchMode
 * @param flushLimit         FlushLimit: most records per request
 * @param flushIntervalNanos FlushInterval: longest wait for a batch to fill
 */
record HttpSettings(List<URI> urls, String contentType, List<String[]> headers, String authorization,
                    BatchMode batchMode, int flushLimit, long flushIntervalNanos) {
}
