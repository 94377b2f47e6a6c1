package org.openmaces.outputs.http;

/** How om_http puts records into requests. */
enum BatchMode {
    /** One record per request. */
    NONE,
    /** One request per batch; each record followed by a newline. */
    MULTILINE,
    /** One {@code multipart/mixed} request per batch; one part per record. */
    MULTIPART,
    /** One request per batch: a JSON array whose elements are the records' {@code $raw_event} (JSON objects). */
    JSON
}
