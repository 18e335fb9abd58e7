/**
 * Board profiles from files: {@link org.hilrig.runner.profile.BoardProfileLoader} reads
 * {@code fixtures/boards/*.yaml} (snakeyaml-engine, positions kept) into the device-models value
 * {@link org.hilrig.device.profile.BoardProfile}, reporting every problem as {@code file:line:col};
 * {@link org.hilrig.runner.profile.BoardLimits} gives scenarios the profiles' limits by name
 * ({@code profile.limits.interlock_to_hv_off}, {@code profile.exposure_window}, ...).
 */
package org.hilrig.runner.profile;
