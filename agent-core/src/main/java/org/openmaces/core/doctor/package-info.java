/**
 * {@code nxlog doctor}: what the agent needs from the machine and from each module, checked actively, each
 * failure printed with the exact fix. {@link org.openmaces.core.doctor.Doctor} runs the checks;
 * {@link org.openmaces.core.doctor.Probes} holds reachability checks that modules return from
 * {@link org.openmaces.core.module.ModuleInstance#diagnose()}; {@link org.openmaces.core.doctor.Host} is the
 * machine, replaceable in tests.
 */
package org.openmaces.core.doctor;
