/**
 * {@code hil station}: the production station (issue 14). A station file ({@link StationFileLoader}) names the
 * station, its sockets, products, operators and results database; {@link StationServer} serves the operator page
 * (Javalin on Jetty, bound to the loopback address by default) where a scan of a unit's serial starts its
 * product's acceptance suite on one socket ({@link StationSocket}, one thread each, independent of the others),
 * runs it through the same engine, rig and evidence code as {@code hil run} ({@link Attempt}) and keeps each
 * attempt's record ({@link org.hilrig.runner.store.AttemptRecord}, in the results database: {@link org.hilrig.runner.store.UnitRecords}) whatever the next attempt does. Operators log in with a name and a
 * PBKDF2 password hash ({@link PasswordHash}); sessions expire and every state-changing request carries the
 * session's CSRF token ({@link Sessions}). Roles restrict what a request may do ({@link StationFile.Role}): engineers
 * release profile revisions and change retest policies ({@link ProductRevisions}), admins manage users ({@link
 * StationUsers}); a failed unit under a rework policy waits for its rework step; everything is in the audit trail
 * ({@link Audit}).
 */
package org.hilrig.runner.station;
