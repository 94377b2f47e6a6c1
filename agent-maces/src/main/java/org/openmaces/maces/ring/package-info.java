/**
 * Reading the shim's ring: {@link org.openmaces.maces.ring.RingReader} over the shared region
 * (layout in {@link org.openmaces.maces.ring.RingDescriptor}), in batches, with an
 * {@link org.openmaces.maces.ring.IdleStrategy} between empty reads.
 *
 * <pre>{@code
 * RingReader reader = new RingReader(client.ringRegion());
 * IdleStrategy idle = BackoffIdleStrategy.waitingOn(client);   // sleeps on the shim when idle
 * RecordDecoder record = new RecordDecoder();
 * while (running) {
 *     int read = reader.read((buffer, offset, length) -> map(record.wrap(buffer, offset)), 256);
 *     idle.idle(read);
 * }
 * }</pre>
 */
package org.openmaces.maces.ring;
