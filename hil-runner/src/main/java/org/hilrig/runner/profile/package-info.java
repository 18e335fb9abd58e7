/**
 * Board profiles from files: {@link org.hilrig.runner.profile.BoardProfileLoader} reads
 * {@code fixtures/boards/*.yaml} (snakeyaml-engine, positions kept) into the device-models value
 * {@link org.hilrig.device.profile.BoardProfile}, reporting every problem as {@code file:line:col}.
 */
package org.hilrig.runner.profile;
