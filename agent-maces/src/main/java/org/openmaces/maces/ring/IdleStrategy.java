package org.openmaces.maces.ring;

/** What a reader does between reads that found nothing (Agrona's duty-cycle idea). */
public interface IdleStrategy {
    /** Called after each read with the number of records it handled; idles only when that is 0. */
    void idle(int workCount);

    /** Back to the first stage (called automatically when work was done). */
    void reset();
}
