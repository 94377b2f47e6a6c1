/**
 * Reading the shim's ring: {@link org.openmaces.maces.ring.RingReader} over the shared region
 * (layout in {@link org.openmaces.maces.ring.RingDescriptor}), in batches, with an
 * {@link org.openmaces.maces.ring.IdleStrategy} between empty reads.
 *
 * <pre>{@code
 * RingReader reader = new RingReader(client.ringRegion());
 * RecordDecoder record = new RecordDecoder();
 * RingPump pump = new RingPump(reader, (buffer, offset, length) -> map(record.wrap(buffer, offset)),
 *         BackoffIdleStrategy.waitingOn(client), 256, client::wake);   // sleeps on the shim when idle
 * Thread thread = new Thread(pump, "im_maces reader");
 * thread.start();
 * ...
 * pump.stop();          // wakes the reader; it drains what is left
 * thread.join();
 * client.close();       // only now: the ring's memory goes with the client
 * }</pre>
 */
package org.openmaces.maces.ring;
