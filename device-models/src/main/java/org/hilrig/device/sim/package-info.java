/**
 * The emulated rig as one facade, {@link org.hilrig.device.sim.Machine}: what the scenario engine and
 * {@code hil emulate} program against.
 *
 * <pre>
 * Machine m = Machine.builder()
 *     .profile(gen).profile(tub)                // BoardProfile values, one per board (hil-runner loads them from YAML)
 *     .boardUnderTest(Board.GEN)                // or Board.TUB
 *     .emulateOtherBoard(false)                 // false: other boards are plant-level models where they have one
 *     .defects(Set.of(GeneratorDefects.SLOW_INTERLOCK))   // firmware defects, none by default
 *     .seed(42)                                 // contact bounce, serial noise
 *     .build();                                 // boots at t=0 on its own Scheduler, records into its own Trace
 * m.scheduler(); m.signals(); m.trace();
 * m.line("XRAY_ON");                  // a DigitalSignal by logical name (domain.md) or path (gen.xray_on)
 * m.drive("PREP_REQ", true);          // rig inputs: PREP_REQ, EXP_REQ_A, EXP_REQ_B, AEC_STOP; ROTOR_START for a lone TUB
 * m.inject("arc_burst", Map.of("arcs", "4", "spacing", "5ms"));   // faults by name; also after=, when=LINE[:rises|:falls]
 * Machine.faultNames(); Machine.faultParameters("brown_out");     // the closed set, for validation
 * m.hostLink().send(bytes);           // paced at the baud rate; m.hostLink().onReceive((t, b) -> ...)
 * m.analog("KV_FB");                  // KV_FB, MA_FB, ROTOR_RPM
 * m.boards(); m.drivableLines(); m.acceptedFaults();               // what this configuration has, drives, injects
 * m.inject(new PlantFault.ArcBurst(4, 5_000_000));                  // a typed fault, now
 * </pre>
 *
 * The boards are defined in {@code org.hilrig.device.board} (one room per board); the machine composes the
 * present ones ({@code MachineAssembly}), names their lines ({@code LineDirectory}) and routes each fault to
 * the part that makes it ({@code MachineFaults} or a board's plant part).
 *
 * Signal paths: {@code rig.*} (driven by the rig), {@code plant.*} (plant outputs: {@code door_closed},
 * {@code estop_ok}, {@code thermal_ok}, {@code kv_ok}, {@code arc}, {@code fil_ok}, {@code phase_ok},
 * {@code kv_fb}, {@code ma_fb}, {@code rotor_rpm}, {@code supply_v}), {@code gen.*} and {@code tub.*} (the
 * boards' pins). Serial frames are recorded as link {@code gen.uart} or {@code tub.uart}, direction
 * {@code rx} (host to board) and {@code tx} (board to host), stamped at their ETX. The {@link
 * org.hilrig.device.sim.Wiring} says which output drives which input with what delay. Everything is
 * confined to the machine's scheduler thread.
 */
package org.hilrig.device.sim;
