/**
 * The JNA binding to libnxes, for control calls only: {@link org.openmaces.maces.nativeapi.NativeShim}
 * (is the library usable here, and why not) and {@link org.openmaces.maces.nativeapi.NativeClient}
 * (one ES client: subscribe, mute, wait, counters, close). Events never cross JNA: they arrive in
 * the ring that {@link org.openmaces.maces.nativeapi.NativeClient#ringRegion()} maps.
 */
package org.openmaces.maces.nativeapi;
