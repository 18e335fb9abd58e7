/**
 * Boards as a type: each kind of board is defined in one room ({@code board/gen}, {@code board/tub}) by a
 * {@link org.hilrig.device.board.BoardDefinition} (lines and their roles, protocol, plant faults, wires)
 * and mounted into a machine through its {@link org.hilrig.device.board.BoardMount}. {@link
 * org.hilrig.device.board.Boards} is the one list. A new board is a new room, a {@code Board} constant,
 * its case in {@code Boards.of} (the compiler asks for it), its profile keys and its profile file.
 *
 * <p>This package does not know the machine ({@code sim}); the machine assembles the mounts.
 */
package org.hilrig.device.board;
