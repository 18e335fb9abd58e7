/**
 * Board profiles: the limits and plant parameters of a board as values ({@link
 * org.hilrig.device.profile.BoardProfile}), with their schema ({@link org.hilrig.device.profile.ProfileKey}).
 * No file access here: hil-runner reads {@code fixtures/boards/*.yaml} into a profile.
 */
package org.hilrig.device.profile;
